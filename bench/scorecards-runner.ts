// `node --import tsx bench/scorecards-runner.ts [--entities 10000] [--samples 15] [--json]`: the scorecard runner end
// to end on a real git repository the bench makes (N components, each with a folder of files, 50 teams, 200
// databases, one Scorecard of 20 rules, 8 of them reading files). After one sync pass (not measured), it measures:
// scoring everything the first time (facts read from the git mirror at the synced commit through one `git cat-file
// --batch`, evaluation, writes); scoring everything again (nothing changed); a refresh after a pass that changed
// nothing; and, repeated, a refresh after a commit that changes one README (the two commits' trees compared through
// the run's `git cat-file`, one entity scored) and after one that changes one catalog file. Baselines from the same
// run: the no-change refresh (what every refresh costs) and one `git diff --name-only` of the same two commits (what
// one spawned git costs; the refresh starts one, the cat-file). Wall and this process's CPU time are printed: on a
// busy machine compare CPU time between runs. On-call answers at once (a fake); docs checks fail (no docs are built
// here). `npm run bench` runs it with `--json` (figures as the last line, progress on stderr) next to
// bench/scorecards.ts, the pure engine's baseline.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { percentiles, type Percentiles } from './percentiles.ts';
import { openCatalogRuntime } from '../src/catalog-runtime.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createScorecardRunner } from '../src/scorecards/scorecard-runtime.ts';

const argEntities = process.argv.indexOf('--entities');
const count = argEntities > 0 ? Number(process.argv[argEntities + 1]) : 10_000;
const argSamples = process.argv.indexOf('--samples');
const samples = argSamples > 0 ? Number(process.argv[argSamples + 1]) : 15;
const json = process.argv.includes('--json');
/** With `--json`, progress goes to stderr and stdout's last line is the figures. */
const say = (line: string): void => {
  if (json) process.stderr.write(`${line}\n`);
  else console.log(line);
};

export interface ScorecardRunnerFigures {
  entities: number;
  rules: number;
  firstRunMs: number;
  /** CPU time of this process (user + system, git's not counted) in the first run: steadier than wall time on a busy machine. */
  firstRunCpuMs: number;
  again: Percentiles;
  noChange: Percentiles;
  gitDiff: Percentiles;
  oneReadme: Percentiles;
  oneCatalogFile: Percentiles;
  /** This process's CPU time per one-file refresh (README and catalog file samples together). */
  oneFileCpu: Percentiles;
}

const RULES = `
    - { id: owned-by-group, level: bronze, check: { relation: ownedBy, targetKind: Group }, fix: Set spec.owner to a group. }
    - { id: has-description, level: bronze, check: { exists: metadata.description } }
    - { id: has-system, level: bronze, check: { exists: spec.system } }
    - { id: lifecycle, level: bronze, check: { in: { path: spec.lifecycle, values: [production, experimental] } } }
    - { id: readme, level: bronze, check: { file: README.md } }
    - { id: techdocs, level: silver, check: { exists: 'metadata.annotations["backstage.io/techdocs-ref"]' } }
    - { id: slug, level: silver, check: { matches: { path: 'metadata.annotations["github.com/project-slug"]', pattern: '^acme/[a-z0-9-]+$' } } }
    - { id: runbook, level: silver, check: { file: README.md, contains: '^## Runbook' } }
    - { id: codeowners, level: silver, check: { file: /.github/CODEOWNERS } }
    - { id: oncall, level: silver, check: { oncall: true } }
    - { id: docs-fresh, level: silver, check: { docs: { maxAgeDays: 90 } } }
    - { id: tags, level: silver, check: { exists: metadata.tags } }
    - { id: no-deprecated, level: gold, check: { noDependencyOn: { lifecycle: [deprecated] } } }
    - { id: tier, level: gold, check: { equals: { path: spec.tier, value: 1 } } }
    - { id: depends, level: gold, check: { relation: dependsOn, min: 1 } }
    - { id: no-todo, level: gold, check: { not: { file: README.md, contains: TODO } } }
    - { id: ci, level: gold, check: { any: [{ file: .github/workflows/ci.yaml }, { file: Jenkinsfile }] } }
    - { id: license, level: gold, check: { file: LICENSE } }
    - { id: dockerfile, level: gold, check: { file: Dockerfile, contains: '^FROM ' } }
    - { id: api, level: gold, check: { relation: providesApi } }
`;

const component = (i: number): string => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-${i}
  description: ${i % 7 === 0 ? "''" : `Service ${i}`}
  annotations: { backstage.io/techdocs-ref: 'dir:.', github.com/project-slug: acme/svc-${i} }
  tags: [java]
spec:
  type: service
  lifecycle: production
  owner: team-${i % 50}
  system: sys-${i % 100}
  tier: ${i % 3 === 0 ? 2 : 1}
  dependsOn: [resource:db-${i % 200}]
`;

/** Each service's README is its own text (its name in it), as in a real org: only templated files share a blob. */
const readme = (i: number): string => `# Service ${i}\n\n${'Some words about the service. '.repeat(40)}\n\n## Runbook\n\nRestart it.\n`;

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@callboard.invalid', '-c', 'gc.auto=0', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  }).trim();

const write = (root: string, path: string, text: string): void => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value };
};

const spreadOf = (p: Percentiles): string => `median ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms (${p.count} samples)`;

const gitDiffOnce = (repo: string, from: string, to: string): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile('git', ['diff', '--name-only', '--no-renames', '-z', from, to], { cwd: repo }, (error) => (error ? reject(error) : resolve()));
  });

const root = mkdtempSync(join(tmpdir(), 'callboard-bench-scorecards-'));
const repo = join(root, 'repo');
try {
  mkdirSync(repo);
  git(repo, 'init', '--quiet', '--initial-branch=main');
  const org: string[] = [];
  for (let t = 0; t < 50; t++) org.push(`apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-${t}\nspec:\n  type: team\n  children: []\n`);
  for (let d = 0; d < 200; d++) {
    const lifecycle = d % 17 === 0 ? 'deprecated' : 'production';
    org.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: db-${d}\nspec:\n  type: database\n  owner: team-${d % 50}\n  lifecycle: ${lifecycle}\n`,
    );
  }
  write(repo, 'org/catalog-info.yaml', org.join('---\n'));
  write(
    repo,
    'scorecards/catalog-info.yaml',
    `apiVersion: callboard.dev/v1alpha1\nkind: Scorecard\nmetadata: { name: bench }\nspec:\n  owner: group:team-0\n  filter: { kind: Component }\n  levels: [bronze, silver, gold]\n  rules:${RULES}`,
  );
  write(repo, '.github/CODEOWNERS', '* @acme/platform\n');
  for (let i = 0; i < count; i++) {
    const folder = `services/svc-${i}`;
    write(repo, `${folder}/catalog-info.yaml`, component(i));
    if (i % 9 !== 0) write(repo, `${folder}/README.md`, i % 11 === 0 ? `${readme(i)}TODO\n` : readme(i));
    if (i % 5 !== 0) write(repo, `${folder}/.github/workflows/ci.yaml`, 'on: push\n');
    if (i % 4 !== 0) write(repo, `${folder}/Dockerfile`, 'FROM node:22\n');
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'bench org');
  writeFileSync(
    join(root, 'callboard.yaml'),
    `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: git\n      url: ${repo}\nscaffolder:\n  builtinTemplates: false\n`,
  );
  const config = loadConfig({ file: join(root, 'callboard.yaml'), env: {} });
  const runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
  try {
    const sync = await timed(() => runtime.sync.syncAll());
    say(`sync pass (preparation, not measured): ${sync.ms.toFixed(0)} ms`);
    const runner = createScorecardRunner(config, runtime, { hasOnCallNow: async () => true });
    say(`${count} components × 20 rules (8 read files), git source`);
    const first = await timed(() => runner.refresh());
    say(
      `score everything (first run: read files, evaluate, store): ${first.ms.toFixed(0)} ms (CPU ${first.cpuMs.toFixed(0)} ms)  ${JSON.stringify(first.value)}`,
    );
    const again: number[] = [];
    for (let i = 0; i < 3; i++) again.push((await timed(() => runner.refresh({ all: true }))).ms);
    say(`score everything again (nothing changed): ${spreadOf(percentiles(again))}`);
    const noChange: number[] = [];
    for (let i = 0; i < samples; i++) noChange.push((await timed(() => runner.refresh())).ms);
    say(`refresh after a pass that changed nothing: ${spreadOf(percentiles(noChange))}`);
    const oneReadme: number[] = [];
    const gitDiff: number[] = [];
    const oneCatalogFile: number[] = [];
    const oneFileCpu: number[] = [];
    for (let i = 0; i < samples; i++) {
      const before = git(repo, 'rev-parse', 'HEAD');
      write(repo, `services/svc-${i * 7 + 1}/README.md`, `# Service ${i * 7 + 1}\n\nNo runbook any more (${i}).\n`);
      git(repo, 'add', '-A');
      git(repo, 'commit', '--quiet', '-m', `one README (${i})`);
      gitDiff.push((await timed(() => gitDiffOnce(repo, before, 'HEAD'))).ms);
      await runtime.sync.syncAll();
      const one = await timed(() => runner.refresh());
      if (one.value.entities !== 1) throw new Error(`a one-README commit scored ${one.value.entities} entities, expected 1`);
      oneReadme.push(one.ms);
      oneFileCpu.push(one.cpuMs);
      write(repo, `services/svc-${i * 7 + 2}/catalog-info.yaml`, component(i * 7 + 2).replace('tags: [java]', `tags: [java, k${i}]`));
      git(repo, 'add', '-A');
      git(repo, 'commit', '--quiet', '-m', `one catalog file (${i})`);
      await runtime.sync.syncAll();
      const entity = await timed(() => runner.refresh());
      if (entity.value.entities !== 1) throw new Error(`a one-catalog-file commit scored ${entity.value.entities} entities, expected 1`);
      oneCatalogFile.push(entity.ms);
      oneFileCpu.push(entity.cpuMs);
    }
    say(`refresh after a commit changing one README: ${spreadOf(percentiles(oneReadme))}`);
    say(`refresh after a commit changing one catalog file: ${spreadOf(percentiles(oneCatalogFile))}`);
    say(`CPU time of this process per one-file refresh: ${spreadOf(percentiles(oneFileCpu))}`);
    say(`git diff --name-only of two commits (a spawned git, the floor of a file-following refresh): ${spreadOf(percentiles(gitDiff))}`);
    const levels = new Map<string, number>();
    for (const result of runtime.scorecardResults.resultsOfScorecard('scorecard:default/bench'))
      levels.set(String(result.level), (levels.get(String(result.level)) ?? 0) + 1);
    say(`levels: ${[...levels].map(([level, n]) => `${level} ${n}`).join(', ')}`);
    const figures: ScorecardRunnerFigures = {
      entities: count,
      rules: 20,
      firstRunMs: first.ms,
      firstRunCpuMs: first.cpuMs,
      again: percentiles(again),
      noChange: percentiles(noChange),
      gitDiff: percentiles(gitDiff),
      oneReadme: percentiles(oneReadme),
      oneCatalogFile: percentiles(oneCatalogFile),
      oneFileCpu: percentiles(oneFileCpu),
    };
    if (json) console.log(JSON.stringify(figures));
  } finally {
    runtime.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
