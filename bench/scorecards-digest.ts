// `node --import tsx bench/scorecards-digest.ts [--entities 2000] [--runs 30]`: a scorecard digest for N entities
// (40 teams, 12 rules on three levels) from a real SQLite database holding their results and eight weeks of history
// (daily scoring runs: about 3% of entities change a rule each day, and on-call goes unknown for a tenth of them on
// some days). Measures reading the results alone (the baseline), the digest (results, the history since the previous
// digest a week ago, buildDigest), and the whole message (plus the template and the Block Kit view). Target: the
// digest for 2,000 entities < 200 ms. The catalog (the Scorecard, 40 groups, N components) is synced into the same
// database, so "as posted" includes the post's own reads: the scorecard, and each entity's owner.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffResults } from '../src/core/scorecards/diff-results.ts';
import { buildDigest } from '../src/core/scorecards/digest/build-digest.ts';
import { evaluateScorecard, type ScorecardResult } from '../src/core/scorecards/evaluate-scorecard.ts';
import { NO_FACTS, unknownFact } from '../src/core/scorecards/facts.ts';
import { readScorecard } from '../src/core/scorecards/read-scorecard.ts';
import type { Scorecard } from '../src/core/scorecards/scorecard.ts';
import { loadMessageTemplates } from '../src/messages/message-templates.ts';
import { scorecardDigestData } from '../src/schedule/posts/scorecard-digest-data.ts';
import { scorecardDigestView } from '../src/schedule/posts/scorecard-digest-view.ts';
import { createBuiltinKindRegistry } from '../src/core/catalog/kind-registry.ts';
import { scorecardDigestsOf } from '../src/schedule/posts/scorecard-digest.ts';
import type { ScheduleSpec } from '../src/schedule/schedule-spec.ts';
import { DirSource } from '../src/sources/dir-source.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { SqliteCatalogStore } from '../src/store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from '../src/store/sqlite-catalog-writer.ts';
import { runSyncPass } from '../src/usecases/sync/run-sync-pass.ts';
import { SqliteScorecardResults } from '../src/store/sqlite-scorecard-results.ts';
import { WriteQueue } from '../src/store/write-queue.ts';
import { percentiles } from './percentiles.ts';

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const count = arg('--entities', 2_000);
const runs = arg('--runs', 30);
const TEAMS = 40;
const DAYS = 56;
const START = Date.parse('2026-10-12T06:00:00Z');
const DAY = 24 * 60 * 60_000;

const FIELD_RULES = ['owned', 'described', 'system', 'readme', 'docs', 'runbook', 'codeowners', 'tags', 'tier', 'links', 'api'];
const LEVEL_OF = (index: number): string => (index < 4 ? 'bronze' : index < 8 ? 'silver' : 'gold');

const scorecardSpec = () => {
  const rules = [
    ...FIELD_RULES.map((id, index) => ({
      id,
      level: LEVEL_OF(index),
      title: `Has ${id}`,
      fix: `Add ${id}.`,
      check: { exists: `metadata.annotations["b/${id}"]` },
    })),
    { id: 'oncall', level: 'silver', check: { oncall: true } },
  ];
  return {
    apiVersion: 'callboard.dev/v1alpha1',
    kind: 'Scorecard',
    metadata: { name: 'readiness', namespace: 'default', title: 'Production readiness' },
    spec: { owner: 'group:team-00', filter: { kind: 'Component' }, levels: ['bronze', 'silver', 'gold'], rules },
  };
};

const readBench = (): Scorecard => {
  const read = readScorecard(scorecardSpec());
  if (!read.ok) throw new Error(read.issues.map((issue) => issue.message).join('\n'));
  return read.scorecard;
};

/** A seeded generator, so every run of the bench scores the same history. */
const random = (() => {
  let seed = 42;
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
})();

const scorecard = readBench();
const names = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(5, '0')}`);
const refOf = (name: string) => `component:default/${name}`;
const owners = new Map(names.map((name, i) => [refOf(name), `group:default/team-${String(i % TEAMS).padStart(2, '0')}`]));
// Each entity starts passing a random prefix of the rules, so the levels spread over all three and none.
const passing = names.map(() => new Set(FIELD_RULES.slice(0, Math.floor(random() * (FIELD_RULES.length + 1)))));

const score = (at: Date, previous: Map<string, ScorecardResult>, outage: Set<number>): ScorecardResult[] =>
  names.map((name, i) => {
    const annotations = Object.fromEntries([...passing[i]!].map((id) => [`b/${id}`, 'yes']));
    const entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name, namespace: 'default', annotations }, spec: {}, relations: [] };
    const onCallNow = outage.has(i) ? unknownFact('PagerDuty answered 503') : i % 7 !== 0;
    const last = previous.get(refOf(name));
    return evaluateScorecard({
      scorecard,
      entity,
      catalogFile: 'catalog-info.yaml',
      facts: { ...NO_FACTS, onCallNow },
      now: at,
      ...(last ? { previous: last } : {}),
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'callboard-bench-digest-'));
const db = openDatabase(join(dir, 'callboard.db')).$client;
const catalogDir = join(dir, 'catalog');
mkdirSync(catalogDir);
writeFileSync(join(catalogDir, 'scorecard.yaml'), JSON.stringify(scorecardSpec()));
const groupDoc = (i: number) =>
  JSON.stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: `team-${String(i).padStart(2, '0')}` },
    spec: { type: 'team', children: [] },
  });
writeFileSync(join(catalogDir, 'groups.yaml'), Array.from({ length: TEAMS }, (_, i) => groupDoc(i)).join('\n---\n'));
const componentDoc = (name: string) =>
  JSON.stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: { type: 'service', lifecycle: 'production', owner: owners.get(refOf(name)) },
  });
writeFileSync(join(catalogDir, 'components.yaml'), names.map(componentDoc).join('\n---\n'));
await runSyncPass([new DirSource({ id: 'dir:bench', root: catalogDir, patterns: ['*.yaml'] })], {
  writer: new SqliteCatalogWriter(db),
  registry: createBuiltinKindRegistry(),
  urlReader: { readText: async () => Promise.reject(new Error('offline')) },
  clock: { now: () => new Date() },
});
const catalogDb = openDatabase(join(dir, 'callboard.db'), { migrate: false });
const catalog = new SqliteCatalogStore(catalogDb);
const store = new SqliteScorecardResults({ queue: new WriteQueue(db), writer: db, reader: db });
let current = new Map<string, ScorecardResult>();
let historyRows = 0;
for (let day = 0; day < DAYS; day++) {
  const at = new Date(START + day * DAY);
  for (let i = 0; i < count; i++) {
    if (random() >= 0.03) continue;
    const rule = FIELD_RULES[Math.floor(random() * FIELD_RULES.length)]!;
    if (passing[i]!.has(rule)) passing[i]!.delete(rule);
    else passing[i]!.add(rule);
  }
  const outage = new Set(day % 5 === 0 ? names.map((_, i) => i).filter(() => random() < 0.1) : []);
  const next = score(at, current, outage);
  const { changes } = diffResults([...current.values()], next);
  await store.write({ at, upserts: next, removals: [], changes, stamps: [] });
  historyRows += changes.length;
  current = new Map(next.map((result) => [result.entityRef, result]));
}
const previousDigest = new Date(START + (DAYS - 7) * DAY + 2 * 60 * 60_000);
const messages = loadMessageTemplates({ names: ['scorecard-digest'], overrides: {}, configKey: 'postMessages' });

const WARMUP = 5;
const measure = <T>(label: string, run: () => T): T => {
  let last!: T;
  const samples: number[] = [];
  for (let i = 0; i < runs + WARMUP; i++) {
    const started = performance.now();
    last = run();
    if (i >= WARMUP) samples.push(performance.now() - started);
  }
  const { p50, p99 } = percentiles(samples);
  console.log(`${label.padEnd(64)} median ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${runs} runs)`);
  return last;
};

const digestNow = () =>
  buildDigest({
    scorecard,
    results: store.resultsOfScorecard(scorecard.ref),
    history: store.historyBetween(scorecard.ref, previousDigest),
    owners,
    previousAt: previousDigest,
  });

console.log(`${count} entities × ${scorecard.rules.length} rules, ${TEAMS} teams, ${historyRows} history rows over ${DAYS} days`);
measure('baseline: read the results from the store', () => store.resultsOfScorecard(scorecard.ref));
measure('read the history since the previous digest', () => store.historyBetween(scorecard.ref, previousDigest));
const results = store.resultsOfScorecard(scorecard.ref);
const history = store.historyBetween(scorecard.ref, previousDigest);
measure('buildDigest alone (inputs read beforehand)', () => buildDigest({ scorecard, results, history, owners, previousAt: previousDigest }));
const digest = measure('digest: results + history + buildDigest', digestNow);
const schedule: ScheduleSpec = {
  id: 'bench',
  post: 'scorecard-digest',
  scorecard: 'readiness',
  channel: 'C0BENCH',
  cron: '0 9 * * MON',
  timezone: 'UTC',
  missed: 'once',
  origin: 'config',
};
const asPosted = () => scorecardDigestsOf({ schedule, store: catalog, scorecards: store, previousPostAt: previousDigest }).digests[0]!;
measure('as posted: + the scorecard and each owner from the catalog', asPosted);
const message = measure('message: as posted + template + Block Kit view', () => {
  const data = scorecardDigestData(asPosted(), 'every team');
  return scorecardDigestView({ title: `Scorecard digest: ${data.scorecard}`, body: messages.render('scorecard-digest', data), context: 'bench' });
});
console.log(
  `movers since a week ago: ${digest.movers!.up.length} up, ${digest.movers!.down.length} down; most failing: ${digest.mostFailing[0]?.id} (${digest.mostFailing[0]?.failing}); ${message.blocks.length} blocks`,
);
catalogDb.$client.close();
db.close();
rmSync(dir, { recursive: true, force: true });
