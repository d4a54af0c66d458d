import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteIncidentCardLedger } from '../../src/store/sqlite-incident-card-ledger.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { manualClock, tempDatabase } from '../schedule/helpers/job-harness.ts';

const connections: Database.Database[] = [];
afterEach(() => connections.splice(0).forEach((client) => client.close()));

/** One process's ledger: its own writer and reader connections and write queue on the shared file. */
const openLedger = (path: string, claimedBy: string, clock = manualClock('2026-12-06T10:00:00Z')) => {
  const writer = openDatabase(path).$client;
  const reader = openDatabase(path, { migrate: false }).$client;
  connections.push(writer, reader);
  return new SqliteIncidentCardLedger({ queue: new WriteQueue(writer), writer, reader, clock, claimedBy });
};

const CHANNEL = 'C0INCCHECKOUT';
const CHECKOUT = 'component:default/checkout-service';

describe('SqliteIncidentCardLedger', () => {
  it('lets exactly one of two processes on one database claim a card, however many times each asks at once', async () => {
    const path = tempDatabase();
    const here = openLedger(path, 'host-a:1');
    const there = openLedger(path, 'host-b:2');
    const claims = await Promise.all([here, there, here, there, here, there].map((ledger) => ledger.claim(CHANNEL, CHECKOUT)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Another entity, or the same entity in another channel, is a card of its own.
    expect(await there.claim(CHANNEL, 'component:default/cart-service')).toBe(true);
    expect(await there.claim('C0OTHER', CHECKOUT)).toBe(true);
  });

  it('keeps the posted ts, and a posted card is never claimed again, in this process or a restarted one', async () => {
    const path = tempDatabase();
    const first = openLedger(path, 'host-a:1');
    expect(await first.claim(CHANNEL, CHECKOUT)).toBe(true);
    await first.recordPost(CHANNEL, CHECKOUT, '1796562165.000100');
    expect(first.postedTs(CHANNEL, CHECKOUT)).toBe('1796562165.000100');
    const restarted = openLedger(path, 'host-a:7', manualClock('2026-12-09T10:00:00Z'));
    expect(await restarted.claim(CHANNEL, CHECKOUT)).toBe(false);
    expect(restarted.postedTs(CHANNEL, CHECKOUT)).toBe('1796562165.000100');
  });

  it('a card whose post failed can be claimed again, once', async () => {
    const path = tempDatabase();
    const ledger = openLedger(path, 'host-a:1');
    expect(await ledger.claim(CHANNEL, CHECKOUT)).toBe(true);
    await ledger.release(CHANNEL, CHECKOUT, 'not_in_channel');
    const other = openLedger(path, 'host-b:2');
    const retries = await Promise.all([ledger.claim(CHANNEL, CHECKOUT), other.claim(CHANNEL, CHECKOUT)]);
    expect(retries.filter(Boolean)).toHaveLength(1);
    expect(ledger.postedTs(CHANNEL, CHECKOUT)).toBeUndefined();
  });

  it('a claim left without a post by a stopped process is taken over only after two minutes', async () => {
    const path = tempDatabase();
    const clock = manualClock('2026-12-06T10:00:00Z');
    const stopped = openLedger(path, 'host-a:1', clock);
    expect(await stopped.claim(CHANNEL, CHECKOUT)).toBe(true);
    const next = openLedger(path, 'host-a:2', clock);
    expect(await next.claim(CHANNEL, CHECKOUT)).toBe(false);
    clock.set('2026-12-06T10:02:00.001Z');
    expect(await next.claim(CHANNEL, CHECKOUT)).toBe(true);
    expect(await stopped.claim(CHANNEL, CHECKOUT)).toBe(false);
  });
});
