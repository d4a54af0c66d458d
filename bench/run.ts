// `npm run bench [-- --sizes 2000,50000,500000] [--slack-sizes 5130,51300] [--create-sizes 51300] [--slack-only] [--startup-only]
// [--scaffolder-only] [--oncall-only] [--scorecards-only] [--docs-only]`: start-up figures of the compiled program and the GitHub push webhook on the example
// org (a few seconds), catalog sync and query figures on synthetic orgs, the Slack slash-command round trip, the scaffolder's
// figures (dry run, whole run on the local Git host, /owner after the run, and /create → views.open at about 100k entities),
// then /oncall over Slack, cold and warm, with the PagerDuty fake adding 100 ms per call, then the docs figures (bench/docs-benches.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDistIfStale } from '../test/helpers/build-dist.ts';
import { prepareOrg, type GeneratedOrg } from './prepare-org.ts';
import { runSlackRoundtrip } from './slack-roundtrip.ts';
import { formatScaffolderLocal, measureScaffolderLocal } from './scaffolder-local.ts';
import { runCreateToModal } from './scaffolder-slack.ts';
import { runOnCallSlack } from './oncall-slack.ts';
import { formatScorecards, measureScorecards } from './scorecards-summary.ts';
import { runDocsBenches } from './docs-benches.ts';
import { formatIncidentCard, measureIncidentCard } from './incident-card.ts';
import { formatStartup, measureStartup } from './startup.ts';
import { formatWebhookPush, measureWebhookPush } from './webhook-push.ts';

const argSizes = process.argv.indexOf('--sizes');
const slackOnly = process.argv.includes('--slack-only');
const startupOnly = process.argv.includes('--startup-only');
const scaffolderOnly = process.argv.includes('--scaffolder-only');
const oncallOnly = process.argv.includes('--oncall-only');
const scorecardsOnly = process.argv.includes('--scorecards-only');
const docsOnly = process.argv.includes('--docs-only');
const sizes =
  slackOnly || startupOnly || scaffolderOnly || oncallOnly || scorecardsOnly || docsOnly
    ? []
    : (argSizes > 0 ? process.argv[argSizes + 1]! : (process.env.BENCH_SIZES ?? '2000,50000'))
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
const argSlackSizes = process.argv.indexOf('--slack-sizes');
// About 10k and 100k entities (the generator writes about 1.95 entities per component).
const slackSizes = (argSlackSizes > 0 ? process.argv[argSlackSizes + 1]! : (process.env.BENCH_SLACK_SIZES ?? '5130,51300'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const argCreateSizes = process.argv.indexOf('--create-sizes');
// /create at about 100k entities (51,300 components), the scale.
const createSizes = (argCreateSizes > 0 ? process.argv[argCreateSizes + 1]! : (process.env.BENCH_CREATE_SIZES ?? '51300'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const workDir = resolve(import.meta.dirname, '../.bench');
mkdirSync(workDir, { recursive: true });

const runChild = (script: string, ...args: string[]): unknown => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  return JSON.parse(output.toString().trim().split('\n').pop()!);
};

const writeConfig = (org: GeneratedOrg): string => {
  const dir = join(workDir, `run-${org.n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'callboard.yaml');
  writeFileSync(
    file,
    [
      'database:',
      '  path: callboard.db',
      'catalog:',
      '  sources:',
      '    - type: git',
      `      url: file://${org.repo}`,
      '      branch: main',
      '      patterns: ["locations.yaml", "entities/**/catalog-info.yaml"]',
      '',
    ].join('\n'),
  );
  return file;
};

/** Flushes dirty pages to disk (coreutils `sync`), so no writeback is left running in the background. */
const settleDisk = (): void => {
  execFileSync('sync');
};

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`);

// The start-up step and the sync children run the compiled program, as bin/ does.
buildDistIfStale('bench');
const startup = slackOnly || scaffolderOnly || oncallOnly || docsOnly || scorecardsOnly ? undefined : await measureStartup();
if (startup) console.log(`\n${formatStartup(startup)}`);
const webhook = slackOnly || scaffolderOnly || oncallOnly || docsOnly || scorecardsOnly ? undefined : await measureWebhookPush();
if (webhook) console.log(`\n${formatWebhookPush(webhook)}`);

const results: unknown[] = [];
for (const n of sizes) {
  const org = prepareOrg(workDir, n);
  const config = writeConfig(org);
  // Each timed step starts with the disk settled: the writeback of what the step before wrote (the
  // generated org, the synced database) would otherwise land in this one's figures.
  settleDisk();
  const full = runChild('sync-once.ts', config) as { wallMs: number; syncMs: number; peakRssMb: number; summary: { durationMs: number; added: number } };
  settleDisk();
  const again = runChild('sync-once.ts', config) as {
    wallMs: number;
    syncMs: number;
    peakRssMb: number;
    summary: { durationMs: number; sources: { outcome: string }[] };
  };
  const verify = runChild('verify-catalog.ts', config, org.repo);
  settleDisk();
  const queries = runChild('measure-queries.ts', config, org.repo) as Record<string, { p50: number; p99: number }>;
  const row = { n, entities: org.manifest.totalEntities, full, noChange: again, verify, queries };
  results.push(row);
  console.log(`\nN = ${n} (${org.manifest.totalEntities} entities, ${org.manifest.totalRelations} relations)`);
  console.log(
    `  full sync            ${fmt(full.syncMs)} incl. git fetch and commit, ${fmt(full.wallMs)} with start-up; peak RSS ${full.peakRssMb.toFixed(0)} MB`,
  );
  console.log(`  no-change re-sync    ${fmt(again.syncMs)} (${again.summary.sources.map((s) => s.outcome).join(', ')}), ${fmt(again.wallMs)} with start-up`);
  console.log(`  verify               ${JSON.stringify(verify)}`);
  for (const [name, figures] of Object.entries(queries)) console.log(`  ${name.padEnd(20)} p50 ${fmt(figures.p50)}  p99 ${fmt(figures.p99)}`);
}
const slack = startupOnly || scaffolderOnly || oncallOnly || docsOnly || scorecardsOnly ? undefined : await runSlackRoundtrip(workDir, slackSizes);
const scaffolderLocal = slackOnly || startupOnly || oncallOnly || docsOnly || scorecardsOnly ? undefined : await measureScaffolderLocal();
if (scaffolderLocal) console.log(`\n${formatScaffolderLocal(scaffolderLocal)}`);
const createToModal = slackOnly || startupOnly || oncallOnly || docsOnly || scorecardsOnly ? undefined : await runCreateToModal(workDir, createSizes);
const scaffolder = scaffolderLocal || createToModal ? { local: scaffolderLocal, createToModal } : undefined;
const oncall = slackOnly || startupOnly || scaffolderOnly || docsOnly || scorecardsOnly ? undefined : await runOnCallSlack();
// The pure engine, then the runner end to end on a 10k-component git repository (each in its own process).
const scorecards = slackOnly || startupOnly || scaffolderOnly || oncallOnly || docsOnly ? undefined : measureScorecards(runChild);
if (scorecards) console.log(`\n${formatScorecards(scorecards)}`);
// A scorecard digest for 2,000 entities with eight weeks of history (target < 200 ms), in its own process; it prints its own lines.
if (scorecards) {
  console.log('\nScorecard digest');
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'scorecards-digest.ts'), '--entities', '2000'], { stdio: 'inherit' });
}
const docs = slackOnly || startupOnly || scaffolderOnly || oncallOnly || scorecardsOnly ? undefined : runDocsBenches();
// Issue 12's last figure: a signed channel_created → the incident card's chat.postMessage at the strict Slack fake.
const incidentCard = docs ? await measureIncidentCard() : undefined;
if (incidentCard) console.log(`\n${formatIncidentCard(incidentCard).join('\n')}`);
writeFileSync(
  join(workDir, 'results.json'),
  JSON.stringify({ startup, webhook, catalog: results, slack, scaffolder, oncall, scorecards, docs, incidentCard }, null, 2),
);
console.log(`\nresults written to ${join(workDir, 'results.json')}`);
