import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleSubscription } from '../../../../src/schedule/schedule-subscriptions.ts';
import { scheduleCommand } from '../../../../src/slack/listeners/schedules/schedule-command.ts';
import { parseScheduleCommand } from '../../../../src/slack/parse/parse-schedule-command.ts';
import { SyncHarness, group } from '../../../helpers/sync-harness.ts';

const catalog = new SyncHarness();
beforeAll(async () => {
  catalog.write('team.yaml', group('payments-team'));
  await catalog.sync();
});
afterAll(() => catalog.close());

const run = async (text: string) => {
  const stored: ScheduleSubscription[] = [];
  const answers: string[] = [];
  const deps = {
    subscriptions: {
      list: () => stored,
      save: async (subscription: ScheduleSubscription) => void stored.push(subscription),
      delete: async () => false,
    },
    statuses: async () => [],
    now: () => new Date('2026-12-06T18:00:00Z'),
  };
  await scheduleCommand(deps, catalog.store)(parseScheduleCommand('/callboard', text)!, {
    ack: async () => {},
    respond: async (message: unknown) => void answers.push(JSON.stringify(message)),
    command: { command: '/callboard', text, user_id: 'U0ALICE', channel_id: 'C0PAYMENTS' },
    client: { users: { info: async () => ({ ok: true, user: { tz: 'Europe/Berlin' } }) } },
  } as never);
  return { stored, answer: answers.join('\n') };
};

describe('/callboard subscribe handoffs', () => {
  it('refuses a handoff subscription without a team, storing nothing', async () => {
    const { stored, answer } = await run('subscribe handoffs');
    expect(stored).toEqual([]);
    expect(answer).toContain("Not subscribed: handoffs follow one team's on-call; name the team");
  });

  it("subscribes a team's handoffs, timed by its shift changes rather than a cron", async () => {
    const { stored, answer } = await run('subscribe handoffs payments-team');
    expect(stored).toMatchObject([{ post: 'oncall-handoff', team: 'group:default/payments-team', channel: 'C0PAYMENTS' }]);
    expect(answer).toContain('to handoffs for payments-team (60 min before each on-call shift change, Europe/Berlin)');
  });
});
