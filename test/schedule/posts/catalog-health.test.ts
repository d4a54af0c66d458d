import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredProblem } from '../../../src/core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../../../src/core/ports.ts';
import { loadMessageTemplates } from '../../../src/messages/message-templates.ts';
import { catalogHealthPost, LISTED_PROBLEMS } from '../../../src/schedule/posts/catalog-health.ts';
import { ScheduleFailure, type PostContext } from '../../../src/schedule/posts/post-type.ts';
import type { TemplateSummary } from '../../../src/scaffolder/scaffolder.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { SyncHarness, component, group } from '../../helpers/sync-harness.ts';
import { testSchedule } from '../helpers/post-harness.ts';

const messages = loadMessageTemplates({ names: ['catalog-health'], overrides: {}, configKey: 'postMessages' });
const slot = new Date('2026-12-07T08:00:00Z');

const context = (store: CatalogReader, overrides: Partial<PostContext> = {}): PostContext => ({
  schedule: testSchedule({ team: 'payments-team' }),
  slot,
  manual: false,
  store,
  messages,
  ...overrides,
});

const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('catalog-health post for a team', () => {
  const catalog = new SyncHarness();
  beforeAll(async () => {
    catalog.write('payments.yaml', group('payments-team'));
    catalog.write('search.yaml', group('search-team'));
    catalog.write('checkout.yaml', component('checkout', { owner: 'payments-team', dependsOn: ['component:ledger-gone'] }));
    catalog.write('broken.yaml', component('broken-svc', { owner: 'payments-team' }));
    catalog.write('indexer.yaml', component('indexer', { owner: 'search-team', dependsOn: ['component:nowhere'] }));
    await catalog.sync();
    // Broken after it was accepted: the catalog keeps its last good state, owned by the team, with the problem.
    catalog.write('broken.yaml', component('broken-svc', { owner: 'payments-team', lifecycle: 42 }));
    await catalog.sync();
  });
  afterAll(() => catalog.close());

  it("lists the team's validation problems and dangling refs, and no other team's", async () => {
    const message = await catalogHealthPost.build(context(catalog.store));
    const text = textOf(message);
    expect(message.text).toContain('Catalog health: payments-team');
    expect(text).toContain('ledger-gone');
    expect(text).toContain('dangling refs: 1');
    expect(text).toContain('broken.yaml');
    expect(text).not.toContain('nowhere');
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('says a team with no problems is healthy', async () => {
    const message = await catalogHealthPost.build(context(catalog.store, { schedule: testSchedule({ team: 'search-team' }) }));
    expect(textOf(message)).toContain('nowhere');
    const healthy = new SyncHarness();
    healthy.write('team.yaml', group('quiet-team'));
    await healthy.sync();
    const quiet = await catalogHealthPost.build(context(healthy.store, { schedule: testSchedule({ team: 'quiet-team' }) }));
    expect(textOf(quiet)).toContain('No catalog problems for *quiet-team*');
    healthy.close();
  });

  it("lists the team's templates that cannot run, not other teams'", async () => {
    const summary = (ref: string, canRun: boolean): TemplateSummary => ({
      ref,
      title: ref,
      type: 'service',
      tags: [],
      canRun,
      problems: canRun ? [] : [{ severity: 'error', message: `unknown action in ${ref}` }],
      needsApproval: false,
    });
    const templates = () => [summary('component:default/checkout', false), summary('component:default/indexer', false)];
    const text = textOf(await catalogHealthPost.build(context(catalog.store, { templates })));
    expect(text).toContain('unknown action in component:default/checkout');
    expect(text).not.toContain('unknown action in component:default/indexer');
  });

  it('marks the schedule failing when its team is not in the catalog', async () => {
    const build = catalogHealthPost.build(context(catalog.store, { schedule: testSchedule({ team: 'ghost-team' }) }));
    await expect(build).rejects.toBeInstanceOf(ScheduleFailure);
    await expect(build).rejects.toThrow('team ghost-team is not a Group in the catalog');
  });
});

describe('catalog-health post for a catalog with 500 problems', () => {
  const problems: StoredProblem[] = Array.from({ length: 500 }, (_, i) => ({
    severity: i % 3 === 0 ? 'warning' : 'error',
    message: `problem ${i} ${'x'.repeat(400)}`,
    file: `services/svc-${String(i).padStart(3, '0')}/catalog-info.yaml`,
    line: i + 1,
    entityRef: `component:default/svc-${i}`,
    sourceId: 'dir:test',
    origin: i % 2 === 0 ? 'file' : 'dangling',
  }));
  // The whole-catalog view reads problems and asks who owns each entity: nobody, here; no entities to check for docs.
  const store = { problems: () => problems, entityEnvelope: () => undefined, relatedRefs: () => [], entities: () => [] } as unknown as CatalogReader;

  it('shows the counts and the first problems, points to the command for the rest, and fits Block Kit', async () => {
    const message = await catalogHealthPost.build(context(store, { schedule: testSchedule() }));
    const text = textOf(message);
    expect(text).toContain('500 catalog problems');
    expect(text).toContain('invalid entities and files: 250');
    expect(text).toContain('dangling refs: 250');
    expect(text).toContain(`…and ${500 - LISTED_PROBLEMS} more`);
    expect(text).toContain('/callboard errors all');
    expect(checkMessageLimits(message)).toEqual([]);
    expect(JSON.stringify(message.blocks).length).toBeLessThan(13_000);
  });

  it('keeps an override that lists far more inside the limits', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'callboard-health-')), 'verbose.hbs');
    writeFileSync(file, '{{#each problems}}{{message}} {{message}} {{message}}\n{{/each}}{{#each problems}}{{message}}\n{{/each}}');
    const verbose = loadMessageTemplates({ names: ['catalog-health'], overrides: { 'catalog-health': file }, configKey: 'postMessages' });
    const message = await catalogHealthPost.build(context(store, { schedule: testSchedule(), messages: verbose }));
    expect(checkMessageLimits(message)).toEqual([]);
    expect(textOf(message)).toContain('cut to fit one Slack message');
  });
});
