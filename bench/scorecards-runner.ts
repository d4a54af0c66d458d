// `node --import tsx bench/scorecards-runner.ts [--entities 10000]`: the scorecard runner end to end on a real git
// repository the bench makes (N components, each with a folder of files, 50 teams, 200 databases, one Scorecard of
// 20 rules, 8 of them reading files). After one sync pass (not measured), it measures: scoring everything (facts
// read from the git mirror at the synced commit through one `git cat-file --batch`, evaluation, one write); a refresh
// after a pass that changed nothing; and a refresh after a commit that changes one README (git diff of the two
// commits, one entity scored). On-call answers at once (a fake); docs are unknown (not built yet). Not part of
// `npm run bench` (bench/scorecards.ts measures the pure engine alone).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openCatalogRuntime } from '../src/catalog-runtime.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createScorecardRunner } from '../src/scorecards/scorecard-runtime.ts';

const argEntities = process.argv.indexOf('--entities');
const count = argEntities > 0 ? Number(process.argv[argEntities + 1]) : 10_000;

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

const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const value = await work();
  console.log(`${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return value;
};

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
    await time('sync pass (preparation, not a target)', () => runtime.sync.syncAll());
    const runner = createScorecardRunner(config, runtime, { hasOnCallNow: async () => true });
    console.log(`${count} components × 20 rules (8 read files), git source`);
    const first = await time('score everything (first run: read files, evaluate, store)  target < 2000 ms', () => runner.refresh());
    console.log(`  ${JSON.stringify(first)}`);
    const again = await time('score everything again (previous results given, nothing changed)', () => runner.refresh({ all: true }));
    console.log(`  ${JSON.stringify(again)}`);
    const idle = await time('refresh after a pass that changed nothing', () => runner.refresh());
    console.log(`  ${JSON.stringify(idle)}`);
    write(repo, 'services/svc-42/README.md', '# Service 42\n\nNo runbook any more.\n');
    git(repo, 'commit', '--quiet', '-am', 'one README');
    await runtime.sync.syncAll();
    const one = await time('refresh after a commit changing one README  target < 50 ms', () => runner.refresh());
    console.log(`  ${JSON.stringify(one)}`);
    write(repo, 'services/svc-43/catalog-info.yaml', component(43).replace('tags: [java]', 'tags: [java, kotlin]'));
    git(repo, 'commit', '--quiet', '-am', 'one catalog file');
    await runtime.sync.syncAll();
    const entity = await time('refresh after a commit changing one catalog file  target < 50 ms', () => runner.refresh());
    console.log(`  ${JSON.stringify(entity)}`);
    const levels = new Map<string, number>();
    for (const result of runtime.scorecardResults.resultsOfScorecard('scorecard:default/bench'))
      levels.set(String(result.level), (levels.get(String(result.level)) ?? 0) + 1);
    console.log(`levels: ${[...levels].map(([level, n]) => `${level} ${n}`).join(', ')}`);
  } finally {
    runtime.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
