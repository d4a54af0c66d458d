// `node --import tsx bench/scorecards.ts [--entities 10000] [--runs 5] [--json]`: the pure scorecard engine on
// synthetic data. Scores N entities on one scorecard of 20 rules (field, relation, file and contains, docs, on-call,
// dependency and combinator checks) with facts gathered beforehand, `runs` times each: a first run, a run with the
// first as previous results and an on-call outage, the diff of the two; then re-scores one entity after a one-file
// change 200 times. The baseline of bench/scorecards-runner.ts (the same N × 20 with the facts read and the results
// stored); `npm run bench` runs both with `--json` (figures as the last line, progress on stderr).
import type { EntityWithRelations } from '../src/core/catalog/entity.ts';
import { diffResults } from '../src/core/scorecards/diff-results.ts';
import { evaluateScorecard, type ScorecardResult } from '../src/core/scorecards/evaluate-scorecard.ts';
import { unknownFact, type EntityFacts, type FileFact } from '../src/core/scorecards/facts.ts';
import { factsNeeded } from '../src/core/scorecards/facts-needed.ts';
import { matchFilter } from '../src/core/scorecards/match-filter.ts';
import { readScorecard } from '../src/core/scorecards/read-scorecard.ts';
import type { Scorecard } from '../src/core/scorecards/scorecard.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

const argEntities = process.argv.indexOf('--entities');
const count = argEntities > 0 ? Number(process.argv[argEntities + 1]) : 10_000;
const argRuns = process.argv.indexOf('--runs');
const runs = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 5;
const json = process.argv.includes('--json');
const NOW = new Date('2026-12-06T09:00:00Z');
/** With `--json`, progress goes to stderr and stdout's last line is the figures. */
const say = (line: string): void => {
  if (json) process.stderr.write(`${line}\n`);
  else console.log(line);
};

export interface ScorecardEngineFigures {
  entities: number;
  rules: number;
  factsNeeded: Percentiles;
  evaluateFirst: Percentiles;
  evaluateWithPrevious: Percentiles;
  diff: Percentiles;
  oneEntity: Percentiles;
}

const RULES = [
  { id: 'owned-by-group', level: 'bronze', check: { relation: 'ownedBy', targetKind: 'Group' } },
  { id: 'has-description', level: 'bronze', check: { exists: 'metadata.description' } },
  { id: 'has-system', level: 'bronze', check: { exists: 'spec.system' } },
  { id: 'production', level: 'bronze', check: { in: { path: 'spec.lifecycle', values: ['production', 'experimental'] } } },
  { id: 'readme', level: 'bronze', check: { file: 'README.md' } },
  { id: 'has-docs', level: 'silver', check: { exists: 'metadata.annotations["backstage.io/techdocs-ref"]' } },
  { id: 'slug', level: 'silver', check: { matches: { path: 'metadata.annotations["github.com/project-slug"]', pattern: '^acme/[a-z0-9-]+$' } } },
  { id: 'runbook', level: 'silver', check: { file: 'README.md', contains: '^## Runbook' } },
  { id: 'codeowners', level: 'silver', check: { file: '/.github/CODEOWNERS' } },
  { id: 'oncall', level: 'silver', check: { oncall: true } },
  { id: 'docs-fresh', level: 'silver', check: { docs: { maxAgeDays: 90 } } },
  { id: 'tags', level: 'silver', check: { exists: 'metadata.tags' } },
  { id: 'no-deprecated', level: 'gold', check: { noDependencyOn: { lifecycle: ['deprecated'] } } },
  { id: 'tier', level: 'gold', check: { equals: { path: 'spec.tier', value: 1 } } },
  { id: 'depends', level: 'gold', check: { relation: 'dependsOn', min: 1 } },
  { id: 'no-todo', level: 'gold', check: { not: { file: 'README.md', contains: 'TODO' } } },
  { id: 'ci', level: 'gold', check: { any: [{ file: '.github/workflows/ci.yaml' }, { file: 'Jenkinsfile' }] } },
  { id: 'labels', level: 'gold', check: { all: [{ exists: 'metadata.labels.team' }, { exists: 'metadata.labels["acme.com/cost-center"]' }] } },
  { id: 'links', level: 'gold', check: { exists: 'metadata.links[0].url' } },
  { id: 'api', level: 'gold', check: { relation: 'providesApi' } },
];

const readBench = (): Scorecard => {
  const read = readScorecard({
    apiVersion: 'callboard.dev/v1alpha1',
    kind: 'Scorecard',
    metadata: { name: 'bench', namespace: 'default' },
    spec: { owner: 'platform', filter: { kind: 'Component', 'spec.type': ['service', 'website'] }, levels: ['bronze', 'silver', 'gold'], rules: RULES },
  });
  if (!read.ok) throw new Error(read.issues.map((issue) => issue.message).join('\n'));
  return read.scorecard;
};

/** Entity i; every seventh lacks something, so levels spread. */
const entityOf = (i: number): EntityWithRelations => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `svc-${i}`,
    namespace: 'default',
    description: i % 7 === 0 ? '' : `Service ${i}`,
    annotations: { 'backstage.io/techdocs-ref': 'dir:.', 'github.com/project-slug': `acme/svc-${i}` },
    tags: ['java'],
    labels: { team: `team-${i % 50}`, 'acme.com/cost-center': '42' },
    links: [{ url: `https://svc-${i}.acme.example` }],
  },
  spec: { type: 'service', lifecycle: 'production', owner: `team-${i % 50}`, system: `sys-${i % 100}`, tier: i % 3 === 0 ? 2 : 1 },
  relations: [
    { type: 'ownedBy', targetRef: `group:default/team-${i % 50}` },
    { type: 'partOf', targetRef: `system:default/sys-${i % 100}` },
    { type: 'dependsOn', targetRef: `resource:default/db-${i % 200}` },
    { type: 'providesApi', targetRef: `api:default/api-${i}` },
  ],
});

const README = `# Service\n\n${'Some words about the service. '.repeat(60)}\n\n## Runbook\n\nRestart it.\n`;

/** Facts as an adapter would hand them in: files read at the synced commit, keyed by source-relative path. */
const factsOf = (i: number, scorecard: Scorecard, onCall: boolean | ReturnType<typeof unknownFact>): EntityFacts => {
  const folder = `services/svc-${i}`;
  const files = new Map<string, FileFact>();
  for (const path of factsNeeded(scorecard, `${folder}/catalog-info.yaml`).files) {
    const exists = path.endsWith('README.md') || path.endsWith('CODEOWNERS') || (path.endsWith('ci.yaml') && i % 5 !== 0);
    files.set(path, exists ? { kind: 'found', text: i % 11 === 0 ? `${README}TODO` : README } : { kind: 'missing' });
  }
  return {
    file: (path) => files.get(path) ?? { kind: 'missing' },
    docsChangedAt: i % 13 === 0 ? null : '2026-11-01T00:00:00Z',
    onCallNow: onCall,
    dependsOnLifecycles: [{ ref: `resource:default/db-${i % 200}`, lifecycle: i % 17 === 0 ? 'deprecated' : 'production' }],
  };
};

/** Runs `work` `times` times; the last value and every duration. */
const repeat = <T>(times: number, work: () => T): { value: T; ms: number[] } => {
  const ms: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    value = work();
    ms.push(performance.now() - start);
  }
  return { value: value as T, ms };
};

const spreadOf = (p: Percentiles): string => `median ${p.p50.toFixed(p.p50 < 10 ? 2 : 1)} ms, p99 ${p.p99.toFixed(p.p99 < 10 ? 2 : 1)} ms (${p.count} runs)`;

const scorecard = readBench();
const entities = Array.from({ length: count }, (_, i) => entityOf(i));
const healthy = entities.map((_, i) => factsOf(i, scorecard, true));
const outage = entities.map((_, i) => factsOf(i, scorecard, unknownFact('PagerDuty answered 503')));

const scoreAll = (facts: EntityFacts[], previous?: ScorecardResult[]): ScorecardResult[] =>
  entities.flatMap((entity, i) =>
    matchFilter(entity, scorecard.filter)
      ? [evaluateScorecard({ scorecard, entity, catalogFile: `services/svc-${i}/catalog-info.yaml`, facts: facts[i]!, now: NOW, previous: previous?.[i] })]
      : [],
  );

say(`${count} entities × ${RULES.length} rules, facts gathered beforehand`);
const needed = repeat(runs, () => entities.forEach((_, i) => factsNeeded(scorecard, `services/svc-${i}/catalog-info.yaml`)));
say(`factsNeeded for every entity: ${spreadOf(percentiles(needed.ms))}`);
const first = repeat(runs, () => scoreAll(healthy));
say(`evaluate all (first run): ${spreadOf(percentiles(first.ms))}`);
const second = repeat(runs, () => scoreAll(outage, first.value));
say(`evaluate all (on-call outage, previous results given): ${spreadOf(percentiles(second.ms))}`);
const diff = repeat(runs, () => diffResults(first.value, second.value));
say(`diffResults between the two runs: ${spreadOf(percentiles(diff.ms))}`);
const one = repeat(200, () => {
  const changed = evaluateScorecard({
    scorecard,
    entity: entities[0]!,
    catalogFile: 'services/svc-0/catalog-info.yaml',
    facts: healthy[1]!,
    now: NOW,
    previous: second.value[0],
  });
  return diffResults([second.value[0]!], [changed]);
});
say(`re-evaluate one entity after a one-file change, and diff it: ${spreadOf(percentiles(one.ms))}`);
const levels = new Map<string, number>();
for (const result of second.value) levels.set(String(result.level), (levels.get(String(result.level)) ?? 0) + 1);
say(`levels after the outage: ${[...levels].map(([level, n]) => `${level} ${n}`).join(', ')}`);
say(
  `changes stored: ${diff.value.changes.length}, movers: ${diff.value.up.length} up, ${diff.value.down.length} down; one-file change: ${one.value.changes.length} change`,
);
const figures: ScorecardEngineFigures = {
  entities: count,
  rules: RULES.length,
  factsNeeded: percentiles(needed.ms),
  evaluateFirst: percentiles(first.ms),
  evaluateWithPrevious: percentiles(second.ms),
  diff: percentiles(diff.ms),
  oneEntity: percentiles(one.ms),
};
if (json) console.log(JSON.stringify(figures));
