import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogReader } from '../../../src/core/ports.ts';
import { loadMessageTemplates } from '../../../src/messages/message-templates.ts';
import { ScheduleFailure, type PostContext } from '../../../src/schedule/posts/post-type.ts';
import { LISTED_MOVERS, LISTED_TEAMS } from '../../../src/schedule/posts/scorecard-digest-data.ts';
import { scorecardDigestPost } from '../../../src/schedule/posts/scorecard-digest.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { SyncHarness, component, group } from '../../helpers/sync-harness.ts';
import { DigestHistory, digestScorecardYaml } from '../../core/scorecards/digest/digest-history.ts';
import { ALL_RULES, PREVIOUS_DIGEST_AT, digestWeek, standing } from '../../helpers/digest-week.ts';
import { testSchedule } from '../helpers/post-harness.ts';

const messages = loadMessageTemplates({ names: ['scorecard-digest'], overrides: {}, configKey: 'postMessages' });
const PREVIOUS = new Date(PREVIOUS_DIGEST_AT);

const storedResults = (history: DigestHistory): NonNullable<PostContext['scorecards']> => ({
  resultsOfScorecard: (ref) => history.current().filter((result) => result.scorecard === ref),
  historyBetween: (ref, after) => history.rows.filter((row) => row.scorecard === ref && row.at > after),
  resultsOfEntities: () => [],
});

const context = (store: CatalogReader, overrides: Partial<PostContext> = {}): PostContext => ({
  schedule: testSchedule({ id: 'readiness-weekly', post: 'scorecard-digest', scorecard: 'readiness' }),
  slot: new Date('2026-12-14T08:00:00Z'),
  manual: false,
  store,
  messages,
  scorecards: storedResults(digestWeek()),
  previousPostAt: PREVIOUS,
  ...overrides,
});

const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('scorecard-digest post', () => {
  const catalog = new SyncHarness();
  beforeAll(async () => {
    catalog.write('teams.yaml', `${group('team-a')}\n---\n${group('team-b')}`);
    catalog.write('scorecard.yaml', digestScorecardYaml);
    for (const name of ['a', 'b', 'c']) catalog.write(`${name}.yaml`, component(name, { owner: 'team-a' }));
    for (const name of ['d', 'e', 'f']) catalog.write(`${name}.yaml`, component(name, { owner: 'team-b' }));
    await catalog.sync();
  });
  afterAll(() => catalog.close());

  it('reports the distribution, movers with the rule that moved them, the most failing rules and each team', async () => {
    const message = await scorecardDigestPost.build(context(catalog.store));
    const text = textOf(message);
    expect(message.text).toContain('Scorecard digest: Production readiness');
    expect(text).toContain('*Production readiness* for *every team*: 6 entities, changes since 2026-12-07 08:00 UTC.');
    expect(text).toContain('• gold: 3 (50%)');
    expect(text).toContain('*Moved up* (2)');
    expect(text).toContain(':arrow_up: `b` (team-a): silver → gold: docs now passes');
    expect(text).toContain(':arrow_up: `e` (team-b): no level → bronze: readme now passes');
    expect(text).toContain('*Moved down* (1)');
    expect(text).toContain(':arrow_down: `d` (team-b): silver → bronze: Has a runbook now fails');
    expect(text).not.toContain('`f`');
    expect(text).toContain('• Has a runbook (silver): failing on 3. Add a runbook link.');
    expect(text).toContain(
      '• *team-a*: 3 · gold 2 · silver 0 · bronze 1 · no level 0 · 100% at bronze or above. Next best fix: Has a runbook (silver) lifts 1 entity',
    );
    expect(text).toContain(
      '• *team-b*: 3 · gold 1 · silver 0 · bronze 2 · no level 0 · 100% at bronze or above. Next best fix: Has a runbook (silver) lifts 1 entity',
    );
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('says a first digest is the first, with no movers', async () => {
    const { previousPostAt: _previous, ...first } = context(catalog.store);
    const text = textOf(await scorecardDigestPost.build(first));
    expect(text).toContain('This is the first digest in this channel');
    expect(text).not.toContain('Moved up');
    expect(text).toContain('*Most failing rules*');
  });

  it("covers only the schedule's team", async () => {
    const schedule = testSchedule({ id: 'readiness-weekly', post: 'scorecard-digest', scorecard: 'scorecard:default/readiness', team: 'team-a' });
    const message = await scorecardDigestPost.build(context(catalog.store, { schedule }));
    const text = textOf(message);
    expect(message.text).toContain('Scorecard digest: Production readiness · team-a');
    expect(text).toContain('for *team-a*: 3 entities');
    expect(text).toContain('*Moved up* (1)');
    expect(text).not.toContain('team-b');
  });

  it('covers every scorecard that scores an entity in scope when the schedule names none (a subscription)', async () => {
    const schedule = testSchedule({ id: 'subscribed', post: 'scorecard-digest', team: 'team-b', origin: 'subscription' });
    const message = await scorecardDigestPost.build(context(catalog.store, { schedule }));
    expect(message.text).toContain('Scorecard digest: scorecards · team-b');
    expect(textOf(message)).toContain('*Production readiness* for *team-b*: 3 entities');
    const empty = await scorecardDigestPost.build(
      context(catalog.store, { schedule, scorecards: { ...storedResults(digestWeek()), resultsOfScorecard: () => [] } }),
    );
    expect(textOf(empty)).toContain('No entity of team-b is on a scorecard yet.');
  });

  it('marks the schedule failing when its scorecard or team is not in the catalog', async () => {
    const missing = scorecardDigestPost.build(context(catalog.store, { schedule: testSchedule({ post: 'scorecard-digest', scorecard: 'ghost' }) }));
    await expect(missing).rejects.toBeInstanceOf(ScheduleFailure);
    await expect(missing).rejects.toThrow("scorecard ghost is not a Scorecard in the catalog; fix the schedule's scorecard");
    const notAScorecard = scorecardDigestPost.build(context(catalog.store, { schedule: testSchedule({ post: 'scorecard-digest', scorecard: 'component:a' }) }));
    await expect(notAScorecard).rejects.toThrow('scorecard component:a is not a Scorecard in the catalog');
    const team = scorecardDigestPost.build(
      context(catalog.store, { schedule: testSchedule({ post: 'scorecard-digest', scorecard: 'readiness', team: 'ghost-team' }) }),
    );
    await expect(team).rejects.toThrow('team ghost-team is not a Group in the catalog');
  });
});

describe('scorecard-digest post for 2,000 entities that all moved', () => {
  const catalog = new SyncHarness();
  beforeAll(async () => {
    catalog.write('scorecard.yaml', digestScorecardYaml);
    await catalog.sync();
  });
  afterAll(() => catalog.close());

  const history = new DigestHistory();
  const names = Array.from({ length: 2000 }, (_, i) => `service-with-a-rather-long-name-${String(i).padStart(4, '0')}`);
  history.run('2026-12-01T06:00:00Z', Object.fromEntries(names.map((name, i) => [name, standing(i % 2 === 0 ? ALL_RULES : ['owned'])])));
  history.run('2026-12-08T06:00:00Z', Object.fromEntries(names.map((name, i) => [name, standing(i % 2 === 0 ? ['owned'] : ALL_RULES)])));
  // Every entity has its own team, so the per-team table is as long as it gets.
  const store = {
    entityEnvelope: (ref: string) => catalog.store.entityEnvelope(ref),
    relatedRefs: (ref: string) => [`group:default/team-of-${ref.slice(ref.indexOf('/') + 1)}`],
  } as unknown as CatalogReader;

  it('lists the first movers, counts the rest, and stays within Block Kit limits', async () => {
    const message = await scorecardDigestPost.build(context(store, { scorecards: storedResults(history) }));
    const text = textOf(message);
    expect(text).toContain('*Moved up* (1000)');
    expect(text).toContain(`…and ${1000 - LISTED_MOVERS} more`);
    expect(text).toContain(`…and ${2000 - LISTED_TEAMS} more teams`);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('keeps an override that prints every mover many times inside the limits, saying how much was left out', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'callboard-digest-')), 'verbose.hbs');
    const manyParts = '{{#each up}}{{entity}}\n\n{{/each}}'.repeat(4);
    writeFileSync(file, `{{#each up}}{{entityRef}} {{reasons}} {{reasons}} {{reasons}}\n{{/each}}\n\n${manyParts}`);
    const verbose = loadMessageTemplates({ names: ['scorecard-digest'], overrides: { 'scorecard-digest': file }, configKey: 'postMessages' });
    const message = await scorecardDigestPost.build(context(store, { scorecards: storedResults(history), messages: verbose }));
    expect(checkMessageLimits(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(textOf(message)).toMatch(/…and \d+ more lines/);
    expect(textOf(message)).toContain('parts, cut to fit one Slack message');
  });
});
