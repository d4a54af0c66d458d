import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../src/catalog-runtime.ts';
import { loadConfig, type Config } from '../../src/config/load-config.ts';
import { unknownFact, type UnknownFact } from '../../src/core/scorecards/facts.ts';
import { scorecardJsonOf } from '../../src/core/scorecards/scorecard-json.ts';
import { createScorecardRunner } from '../../src/scorecards/scorecard-runtime.ts';
import type { ScorecardRunner } from '../../src/scorecards/scorecard-runner.ts';
import { startScorecards } from '../../src/scorecards/score-after-passes.ts';
import { TestGitRemote } from '../helpers/git-repo.ts';
import { capturedLog } from '../schedule/helpers/job-harness.ts';

const component = (name: string, extra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n${extra}`;

const ORG = [
  'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n',
  'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: old-db\nspec:\n  type: database\n  owner: team-a\n  lifecycle: deprecated\n',
].join('---\n');

const scorecard = (extraRule = '') => `apiVersion: callboard.dev/v1alpha1
kind: Scorecard
metadata:
  name: readiness
spec:
  owner: group:team-a
  filter: { kind: Component }
  levels: [bronze, silver, gold]
  rules:
    - { id: owned, level: bronze, check: { relation: ownedBy, targetKind: Group } }
    - { id: readme, level: bronze, check: { file: README.md } }
    - { id: runbook, level: silver, check: { file: README.md, contains: '^## Runbook' }, fix: Add a Runbook section to README.md. }
    - { id: oncall, level: silver, check: { oncall: true } }
    - { id: codeowners, level: gold, check: { file: /.github/CODEOWNERS } }
    - { id: fresh-docs, level: gold, check: { docs: { maxAgeDays: 30 } } }
    - { id: no-deprecated, level: gold, check: { noDependencyOn: { lifecycle: [deprecated] } } }
${extraRule}`;

const A = 'component:default/a';
const B = 'component:default/b';
const CARD = 'scorecard:default/readiness';

let dir: string;
let config: Config;
let remote: TestGitRemote;
let runtime: CatalogRuntime;
let runner: ScorecardRunner;
let onCall: boolean | UnknownFact;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-scorecards-'));
  remote = await TestGitRemote.create('main');
  await remote.commit({
    'org/catalog-info.yaml': ORG,
    'scorecards/catalog-info.yaml': scorecard(),
    'services/a/catalog-info.yaml': component('a'),
    'services/a/README.md': '# A\n\n## Runbook\n\nRestart it.\n',
    'services/b/catalog-info.yaml': component('b', '  dependsOn: [resource:old-db]\n'),
    'services/b/README.md': '# B\n',
  });
  writeFileSync(
    join(dir, 'callboard.yaml'),
    `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: git\n      url: ${remote.url}\nscaffolder:\n  builtinTemplates: false\n`,
  );
  config = loadConfig({ file: join(dir, 'callboard.yaml'), env: {} });
  runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
  await runtime.sync.syncAll();
  onCall = true;
  runner = createScorecardRunner(config, runtime, { hasOnCallNow: async () => onCall, clock: { now: () => new Date('2026-12-06T09:00:00Z') } });
});

afterEach(async () => {
  runtime.close();
  await remote.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const resultOf = (ref: string) => runtime.scorecardResults.resultsOfEntity(ref)[0]!;
const ruleOf = (ref: string, id: string) => resultOf(ref).rules.find((rule) => rule.id === id)!;

describe('the scorecard runner', () => {
  it('scores in batches, the next one read while the previous is evaluated and written, to the same results', async () => {
    await remote.commit({
      'services/c/catalog-info.yaml': component('c'),
      'services/c/README.md': '# C\n\n## Runbook\n',
      'services/d/catalog-info.yaml': component('d', '  dependsOn: [resource:old-db]\n'),
      'services/d/README.md': '# D\n',
    });
    await runtime.sync.syncAll();
    const batched = createScorecardRunner(config, runtime, {
      hasOnCallNow: async () => true,
      clock: { now: () => new Date('2026-12-06T09:00:00Z') },
      batchSize: 1,
    });
    expect(await batched.refresh()).toMatchObject({ results: 4, changes: 4 });
    const levels = () => ['a', 'b', 'c', 'd'].map((name) => [name, resultOf(`component:default/${name}`).level]);
    expect(levels()).toEqual([
      ['a', 'silver'],
      ['b', 'bronze'],
      ['c', 'silver'],
      ['d', 'bronze'],
    ]);
    // Scoring everything again in one batch finds nothing to change: the batched run stored what one batch makes.
    expect(await runner.refresh({ all: true })).toMatchObject({ results: 4, changes: 0 });
  });

  it('reads file checks from the git source at the synced commit, stores results, and fails docs checks without built docs', async () => {
    const report = await runner.refresh();
    expect(report).toMatchObject({ results: 2, changes: 2 });
    expect(scorecardJsonOf(resultOf(A))).toEqual({
      scorecard: CARD,
      entityRef: A,
      level: 'silver',
      passed: 5,
      total: 7,
      rules: [
        { id: 'owned', level: 'bronze', passed: true },
        { id: 'readme', level: 'bronze', passed: true },
        { id: 'runbook', level: 'silver', passed: true },
        { id: 'oncall', level: 'silver', passed: true },
        { id: 'codeowners', level: 'gold', passed: false, message: '.github/CODEOWNERS does not exist' },
        { id: 'fresh-docs', level: 'gold', passed: false, message: 'has no rendered docs' },
        { id: 'no-deprecated', level: 'gold', passed: true },
      ],
      next: { level: 'gold', failing: ['codeowners', 'fresh-docs'] },
    });
    expect(resultOf(B).level).toBe('bronze');
    expect(ruleOf(B, 'runbook')).toMatchObject({ passed: false, message: 'services/b/README.md has nothing matching /^## Runbook/' });
    expect(ruleOf(B, 'no-deprecated')).toMatchObject({ passed: false, message: 'depends on resource:default/old-db (deprecated)' });

    // A commit not yet synced changes nothing: files are read at the commit the catalog holds.
    await remote.commit({ 'services/b/README.md': '# B\n\n## Runbook\n' });
    expect(await runner.refresh({ all: true })).toMatchObject({ entities: 5, changes: 0 });
    expect(resultOf(B).level).toBe('bronze');

    await runtime.sync.syncAll();
    const after = await runner.refresh();
    expect(after).toMatchObject({ changes: 1, up: 1 });
    expect(resultOf(B).level).toBe('silver');
    expect(runtime.scorecardResults.history(CARD, B).map((row) => [row.status, row.from, row.to, row.move])).toEqual([
      ['added', null, 'bronze', null],
      ['changed', 'bronze', 'silver', 'up'],
    ]);
    expect(runtime.scorecardResults.history(CARD, B)[1]!.causes.map((cause) => cause.id)).toEqual(['runbook']);
    expect(runtime.scorecardResults.history(CARD, A)).toHaveLength(1);
  });

  it('scores only what changed after a pass, and everything when the scorecard changed', async () => {
    await runner.refresh();
    expect(await runner.refresh()).toMatchObject({ entities: 0, results: 0 });
    await remote.commit({ 'scorecards/catalog-info.yaml': scorecard('    - { id: described, level: gold, check: { exists: metadata.description } }\n') });
    await runtime.sync.syncAll();
    // The git commit moved, so every entity of the source is looked at again; the new rule is in every result.
    expect(await runner.refresh()).toMatchObject({ results: 2 });
    expect(ruleOf(A, 'described')).toMatchObject({ passed: false });
  });

  it('after a new commit scores only the entities whose catalog file or checked files it touched', async () => {
    await runner.refresh();
    await remote.commit({ 'services/b/README.md': '# B\n\n## Runbook\n', 'unrelated/notes.md': 'hello' });
    await runtime.sync.syncAll();
    expect(await runner.refresh()).toMatchObject({ entities: 1, results: 1, up: 1 });
    expect(resultOf(B).level).toBe('silver');
    // The others were restamped with the new commit: nothing is left to score.
    expect(await runner.refresh()).toMatchObject({ entities: 0 });
    await remote.commit({ '.github/CODEOWNERS': '* @acme/team-a\n' });
    await runtime.sync.syncAll();
    // A file read from the root concerns every entity a scorecard could read it for (filters are not applied here).
    expect(await runner.refresh()).toMatchObject({ entities: 5, results: 2 });
    expect(ruleOf(A, 'codeowners').passed).toBe(true);
  });

  it('keeps the previous level through an on-call outage, shows the rule as unknown, and writes history only on change', async () => {
    await runner.refresh();
    expect(resultOf(A).level).toBe('silver');
    onCall = unknownFact('PagerDuty answered 503');
    const outage = await runner.refresh({ all: true });
    expect(outage).toMatchObject({ up: 0, down: 0 });
    expect(resultOf(A).level).toBe('silver');
    expect(ruleOf(A, 'oncall')).toEqual({
      id: 'oncall',
      level: 'silver',
      passed: null,
      message: 'on-call could not be checked: PagerDuty answered 503',
      lastKnown: true,
    });
    const rowsDuringOutage = runtime.scorecardResults.history(CARD, A);
    expect(rowsDuringOutage).toHaveLength(2);
    expect(rowsDuringOutage[1]).toMatchObject({ status: 'changed', move: null, rules: [{ id: 'oncall', from: 'passed', to: 'unknown' }] });

    // Still down: nothing changed, nothing written; the last known result is carried on.
    expect(await runner.refresh({ all: true })).toMatchObject({ changes: 0 });
    expect(runtime.scorecardResults.history(CARD, A)).toHaveLength(2);
    expect(ruleOf(A, 'oncall').lastKnown).toBe(true);

    // A provider that never answers is unknown too, within the runner's own limit.
    const slow = createScorecardRunner(config, runtime, { hasOnCallNow: () => new Promise(() => {}), onCallTimeoutMs: 20 });
    await slow.refresh({ all: true });
    expect(resultOf(A).level).toBe('silver');
    expect(ruleOf(A, 'oncall').message).toBe('on-call could not be checked: no on-call answer within 0 s');

    onCall = false;
    expect(await runner.refresh({ all: true })).toMatchObject({ down: 1 });
    expect(resultOf(A).level).toBe('bronze');
  });

  it('removes the results of an entity that left the catalog, with a history row', async () => {
    await runner.refresh();
    await remote.commit({ 'services/b/catalog-info.yaml': null });
    await runtime.sync.syncAll();
    await runner.refresh();
    expect(runtime.scorecardResults.resultsOfEntity(B)).toEqual([]);
    expect(runtime.scorecardResults.history(CARD, B).map((row) => row.status)).toEqual(['added', 'removed']);
  });

  it('says a missing mirror commit is unknown rather than failing every file check', async () => {
    await runner.refresh();
    rmSync(config.catalog.cacheDir, { recursive: true, force: true });
    await runner.refresh({ all: true });
    expect(resultOf(A).level).toBe('silver');
    expect(ruleOf(A, 'readme')).toMatchObject({ passed: null, lastKnown: true });
    expect(ruleOf(A, 'readme').message).toContain('is not in its local mirror; sync again');
  });

  it('scores after each pass that changed something, in the background of npm start', async () => {
    const { log, lines } = capturedLog();
    startScorecards(config, runtime, log);
    await remote.commit({ 'services/b/README.md': '# B\n\n## Runbook\n' });
    await runtime.sync.syncAll();
    await vi.waitFor(() => expect(runtime.scorecardResults.resultsOfEntity(B)[0]?.rules.find((rule) => rule.id === 'runbook')?.passed).toBe(true));
    // No on-call for these entities in the catalog: nobody is on call, which is a known answer, not an outage.
    expect(ruleOf(A, 'oncall')).toMatchObject({ passed: false, message: 'nobody is on call now' });
    await vi.waitFor(() => expect(lines.some((line) => line.msg === 'scorecards scored after a sync pass')).toBe(true));
  });
});
