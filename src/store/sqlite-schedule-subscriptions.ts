import type Database from 'better-sqlite3';
import type { ScheduleSubscription, ScheduleSubscriptions } from '../schedule/schedule-subscriptions.ts';
import type { WriteQueue } from './write-queue.ts';

interface SubscriptionRow {
  id: string;
  post: string;
  team: string | null;
  channel: string;
  cron: string;
  timezone: string;
  quiet: string | null;
  created_by: string;
  created_at: number;
}

const columns = 'id, post, team, channel, cron, timezone, quiet, created_by, created_at';

const toSubscription = (row: SubscriptionRow): ScheduleSubscription => ({
  id: row.id,
  post: row.post,
  ...(row.team !== null ? { team: row.team } : {}),
  channel: row.channel,
  cron: row.cron,
  timezone: row.timezone,
  ...(row.quiet !== null ? { quiet: row.quiet } : {}),
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
});

export interface SqliteScheduleSubscriptionsOptions {
  /** The process's one writer queue and its connection; reads use `reader`, so they never wait behind a sync. */
  queue: WriteQueue;
  writer: Database.Database;
  reader: Database.Database;
}

/** `schedule_subscriptions`: what channels subscribed to from Slack, kept across restarts. */
export class SqliteScheduleSubscriptions implements ScheduleSubscriptions {
  private readonly upsert: Database.Statement<[string, string, string | null, string, string, string, string | null, string, number]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly selectAll: Database.Statement<[], SubscriptionRow>;

  constructor(private readonly options: SqliteScheduleSubscriptionsOptions) {
    // Subscribing again (new quiet hours) keeps the id, so the ledger's slots and the last post carry over.
    this.upsert = options.writer.prepare(
      `INSERT INTO schedule_subscriptions (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET cron = excluded.cron, timezone = excluded.timezone, quiet = excluded.quiet`,
    );
    this.remove = options.writer.prepare('DELETE FROM schedule_subscriptions WHERE id = ?');
    this.selectAll = options.reader.prepare(`SELECT ${columns} FROM schedule_subscriptions ORDER BY created_at, id`);
  }

  list(): ScheduleSubscription[] {
    return this.selectAll.all().map(toSubscription);
  }

  async save(subscription: ScheduleSubscription): Promise<void> {
    const { id, post, team, channel, cron, timezone, quiet, createdBy, createdAt } = subscription;
    await this.options.queue.transaction(`subscribe ${id}`, () => {
      this.upsert.run(id, post, team ?? null, channel, cron, timezone, quiet ?? null, createdBy, createdAt.getTime());
    });
  }

  delete(id: string): Promise<boolean> {
    return this.options.queue.transaction(`unsubscribe ${id}`, () => this.remove.run(id).changes === 1);
  }
}
