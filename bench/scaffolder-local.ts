// Scaffolder figures on the local Git host (issue 11), in this process on the compiled program: a dry run of
// templates/typescript-service, a whole run (fetch:template → publish:github to a bare repo → catalog:register),
// and how long after the run ends /owner's use case answers for the new component. Each is set against a floor
// timed in the same run (copying the skeleton; the git commands a publish and a register cannot avoid).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { importBuilt } from './import-built.ts';
import { percentiles, type Percentiles } from './percentiles.ts';
import { gitFloor } from './scaffolder-git-floor.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const TEMPLATE = 'template:default/typescript-service';

/** The targets. */
export const DRY_RUN_TARGET_MS = 300;
export const END_TO_END_TARGET_MS = 3000;
export const OWNER_AFTER_RUN_TARGET_MS = 1000;

export interface ScaffolderLocalFigures {
  dryRun: Percentiles;
  /** Copying the template's skeleton folder as it is: the files alone, no rendering. */
  skeletonCopy: Percentiles;
  /** The first whole run after start-up, not among `endToEnd`. */
  firstRunMs: number;
  endToEnd: Percentiles;
  /** init --bare, init, add, commit, push and a clone of the same tree, as separate git processes. */
  gitFloor: Percentiles;
  /** `settled` resolved → findOwner answers the new component with its owner (includes the first run). */
  ownerAfterRun: Percentiles;
  /** Owner lookups that failed before one answered, over all runs (0 when the entity is there as the run ends). */
  ownerMisses: number;
}

const values = (name: string) => ({
  name,
  description: 'A service made by npm run bench',
  owner: 'group:default/payments-team',
  system: 'system:default/payments',
  repoUrl: `github.com?owner=acme&repo=${name}`,
});

const requester = { fallbackId: 'cli:bench' };

/** A catalog of the example org plus the built-in templates (templates/), as the CLI opens it; no GITHUB_TOKEN. */
const openScaffolder = async (dir: string) => {
  const { openCatalogRuntime } = await importBuilt<typeof import('../src/catalog-runtime.ts')>('catalog-runtime.js');
  const { loadConfig } = await importBuilt<typeof import('../src/config/load-config.ts')>('config/load-config.js');
  const { buildScaffolder } = await importBuilt<typeof import('../src/cli/scaffolder-runtime.ts')>('cli/scaffolder-runtime.js');
  const file = join(dir, 'callboard.yaml');
  writeFileSync(file, `database:\n  path: callboard.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${join(repoRoot, 'examples/acme')}\n`);
  const config = loadConfig({ file, env: {} });
  const catalog = openCatalogRuntime(config);
  await catalog.sync.syncAll();
  const scaffolder = buildScaffolder(config, catalog, pino({ level: 'warn' }, pino.destination(2)));
  return { catalog, scaffolder };
};

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

export const measureScaffolderLocal = async ({ dryRuns = 20, runs = 5 } = {}): Promise<ScaffolderLocalFigures> => {
  const { findOwner } = await importBuilt<typeof import('../src/usecases/find-owner.ts')>('usecases/find-owner.js');
  const { NotFoundError } = await importBuilt<typeof import('../src/core/errors.ts')>('core/errors.js');
  const dir = mkdtempSync(join(tmpdir(), 'callboard-bench-scaffolder-'));
  const { catalog, scaffolder } = await openScaffolder(dir);
  try {
    const skeleton = join(repoRoot, 'templates/typescript-service/skeleton');
    const samples = { dryRun: [] as number[], copy: [] as number[], run: [] as number[], git: [] as number[], owner: [] as number[] };
    let previewDir = '';
    // One warm-up of each, then interleaved, so a change in the machine's load hits both alike.
    for (let i = -1; i < dryRuns; i += 1) {
      const outDir = mkdtempSync(join(dir, 'preview-'));
      const copyDir = mkdtempSync(join(dir, 'copy-'));
      const previewMs = await timed(() => scaffolder.preview({ templateRef: TEMPLATE, values: values('bench-preview'), requester }, { outDir }));
      const copyMs = await timed(async () => cpSync(skeleton, copyDir, { recursive: true }));
      if (i >= 0) samples.dryRun.push(previewMs);
      if (i >= 0) samples.copy.push(copyMs);
      rmSync(copyDir, { recursive: true, force: true });
      if (previewDir) rmSync(previewDir, { recursive: true, force: true });
      previewDir = outDir;
    }

    let ownerMisses = 0;
    let firstRunMs = 0;
    for (let i = 0; i <= runs; i += 1) {
      const name = `bench-service-${i}`;
      const started = performance.now();
      const record = await scaffolder.start({ templateRef: TEMPLATE, values: values(name), requester });
      const run = await scaffolder.settled(record.id);
      const ended = performance.now();
      if (run.status !== 'succeeded')
        throw new Error(`bench run of ${name} ended ${run.status}: ${run.error ?? JSON.stringify(run.steps.find((s) => s.error))}`);
      // /owner's own use case on the catalog's reader connection, polled until the new component answers.
      const ref = run.entityRef ?? `component:default/${name}`;
      for (;;) {
        try {
          const answer = findOwner(catalog.store, ref);
          if (answer.ownerRef !== 'group:default/payments-team') throw new Error(`${ref} answered with owner ${answer.ownerRef}, not payments-team`);
          break;
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          ownerMisses += 1;
          if (performance.now() - ended > 10_000) throw new Error(`${ref} was not in the catalog 10 s after its run ended`);
          await new Promise((wait) => setTimeout(wait, 1));
        }
      }
      samples.owner.push(performance.now() - ended);
      if (i === 0) firstRunMs = ended - started;
      else samples.run.push(ended - started);
      if (i > 0) samples.git.push(await gitFloor(previewDir, join(dir, `floor-${i}`)));
    }
    return {
      dryRun: percentiles(samples.dryRun),
      skeletonCopy: percentiles(samples.copy),
      firstRunMs,
      endToEnd: percentiles(samples.run),
      gitFloor: percentiles(samples.git),
      ownerAfterRun: percentiles(samples.owner),
      ownerMisses,
    };
  } finally {
    catalog.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

const ms = (value: number) => (value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
const spread = (p: Percentiles) => `median ${ms(p.p50).padStart(7)}  p99 ${ms(p.p99).padStart(7)}`;
const verdict = (p: Percentiles, target: number) =>
  `target < ${target} ms: ${p.p50 < target && p.p99 < target ? 'met' : p.p50 < target ? 'met at the median, MISSED at p99' : 'MISSED'}`;

export const formatScaffolderLocal = (f: ScaffolderLocalFigures): string =>
  [
    `Scaffolder, templates/typescript-service on the local Git host (no GITHUB_TOKEN), example org`,
    `  dry run (preview → outDir)   ${spread(f.dryRun)}  over ${f.dryRun.count} warm runs  (${verdict(f.dryRun, DRY_RUN_TARGET_MS)})`,
    `    copying the skeleton as is ${spread(f.skeletonCopy)}  → dry run = ${(f.dryRun.p50 / f.skeletonCopy.p50).toFixed(1)}× the copy`,
    `  whole run (start → settled)  ${spread(f.endToEnd)}  over ${f.endToEnd.count} runs after a first of ${ms(f.firstRunMs)}  (${verdict(f.endToEnd, END_TO_END_TARGET_MS)})`,
    `    git floor (6 git processes) ${spread(f.gitFloor)}  → whole run = ${(f.endToEnd.p50 / f.gitFloor.p50).toFixed(1)}× the floor`,
    `  run ended → /owner answers   ${spread(f.ownerAfterRun)}  over ${f.ownerAfterRun.count} runs, ${f.ownerMisses} lookups before an answer  (${verdict(f.ownerAfterRun, OWNER_AFTER_RUN_TARGET_MS)})`,
  ].join('\n');
