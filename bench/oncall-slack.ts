// /oncall over Slack (issue 13): a signed `/oncall payments-team` (PagerDuty service PPAYTM1 on the strict fake,
// which waits 100 ms before every answer) and `/oncall platform-team` (a built-in rotation) POSTed to the real Bolt
// app in HTTP mode on the synced example org, timed until the answer arrives at the command's response_url on the
// strict Slack fake. Targets: < 200 ms with a warm cache, < 1.5 s cold. A bare Bolt app answering one line is the floor.
//
// Cold: the Callboard child is restarted before every cold sample, so the PagerDuty answer cache and the Slack
// lookups (emails → Slack ids, time zones) are empty; one `/oncall logistics-team` (another rotation, other people)
// goes first so the figure is the empty cache, not the JIT of a fresh process. Warm: the same commands repeated in
// one process, all within the 60 s PagerDuty cache (`oncall.pagerduty.cacheSeconds`).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { openCatalogRuntime } from '../src/catalog-runtime.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { FAKE_PAGERDUTY_TOKEN, PagerdutyApiServer, type PagerdutyApiServerOptions } from '../test/fakes/pagerduty-api-server.ts';
import { startFakeSlack, type FakeSlack, type FakeUser } from '../test/fakes/slack-api-server.ts';
import { sendToApp, slashCommand } from '../test/fakes/slack-payloads.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

const SIGNING_SECRET = 'bench-signing-secret';
const PAGERDUTY_LATENCY_MS = 100;
const COLD_RESTARTS = 20;
const WARMUP = 5;
const WARM_SAMPLES = 40;
export const ONCALL_WARM_TARGET_MS = 200;
export const ONCALL_COLD_TARGET_MS = 1500;

const repoRoot = resolve(import.meta.dirname, '..');
const HOUR_MS = 3_600_000;
const ASKER: FakeUser = { id: 'U0ONCALLASK', name: 'bench.asker', email: 'bench.asker@acme.example', tz: 'Europe/Berlin' };

type AppName = 'bare' | 'callboard';

/** What each timed question asks, and what its answer must show to count (never "on-call unavailable"). */
const questions = {
  bare: { app: 'bare', text: 'payments-team', expect: ['on call for payments-team'] },
  payments: { app: 'callboard', text: 'payments-team', expect: ['Escalation policy *Payments escalation*', '*Level 1*', '*Level 2*'] },
  platform: { app: 'callboard', text: 'platform-team', expect: ['Rotation *Platform on-call*', '*Level 2  ·  secondary*'] },
  // Before each cold sample: JIT and Bolt's first request, on a rotation whose people the timed answers do not share.
  primer: { app: 'callboard', text: 'logistics-team', expect: ['Rotation *Logistics on-call*'] },
} as const satisfies Record<string, { app: AppName; text: string; expect: readonly string[] }>;
type Question = (typeof questions)[keyof typeof questions];

export interface OnCallSlackResult {
  pagerdutyLatencyMs: number;
  /** Bare Bolt answering one line, sampled in the same rounds as the warm figures. */
  bare: Percentiles;
  /** First lookup of the source after a restart (the caches empty), one per restart. */
  cold: { payments: Percentiles; platform: Percentiles };
  /** PagerDuty requests one cold /oncall payments-team made (each waited 100 ms). */
  pagerdutyCallsPerColdLookup: number[];
  warm: { payments: Percentiles; platform: Percentiles };
  /** The first command a freshly started process answers (the primer), one per restart. */
  firstAfterStart: Percentiles;
  /** One-minute load average at the start and the end: above 2 on this 2-core machine, other work competed. */
  loadAverage: { start: number; end: number };
}

/**
 * The payments team's PagerDuty service as the example org names it (PPAYTM1), with a two-level escalation policy
 * whose on-calls hand over hours from now, so no shift changes while the bench runs (a handoff would end a cache entry).
 */
const paymentsAccount = (now: number): PagerdutyApiServerOptions => {
  const at = (hours: number) => new Date(now + hours * HOUR_MS).toISOString();
  const span = (level: number, userId: string, scheduleId: string, from: number, until: number) => ({
    escalationPolicyId: 'PEPPAYTM',
    level,
    userId,
    scheduleId,
    start: at(from),
    end: at(until),
  });
  return {
    users: [
      { id: 'PLENA', name: 'Lena Fischer', email: 'lena.fischer@acme.example' },
      { id: 'PTOMASZ', name: 'Tomasz Nowak', email: 'tomasz.nowak@acme.example' },
      { id: 'POLIVIA', name: 'Olivia Bennett', email: 'olivia.bennett@acme.example' },
    ],
    schedules: [
      { id: 'PSPAYDAY', name: 'Payments primary' },
      { id: 'PSPAYESC', name: 'Payments escalation weekly' },
    ],
    escalationPolicies: [
      {
        id: 'PEPPAYTM',
        name: 'Payments escalation',
        rules: [{ targets: [{ type: 'schedule', id: 'PSPAYDAY' }] }, { targets: [{ type: 'schedule', id: 'PSPAYESC' }] }],
      },
    ],
    services: [{ id: 'PPAYTM1', name: 'Payments team', escalationPolicyId: 'PEPPAYTM' }],
    oncalls: [
      span(1, 'PLENA', 'PSPAYDAY', -3, 9),
      span(2, 'POLIVIA', 'PSPAYESC', -24, 144),
      span(1, 'PTOMASZ', 'PSPAYDAY', 9, 21),
      span(2, 'PLENA', 'PSPAYESC', 144, 312),
    ],
  };
};

/** The bot scopes manifest.yml requests: the fake refuses any method they do not cover. */
const manifestScopes = (): string[] =>
  (parseYaml(readFileSync(join(repoRoot, 'manifest.yml'), 'utf8')) as { oauth_config?: { scopes?: { bot?: string[] } } }).oauth_config?.scopes?.bot ?? [];

/** Every engineer of the example org as a Slack user with the same email, so answers mention them. */
const slackUsers = (catalogDir: string): FakeUser[] => {
  const documents = parseAllDocuments(readFileSync(join(catalogDir, 'org/users.yaml'), 'utf8')).map(
    (document) => document.toJS() as { metadata: { name: string }; spec: { profile?: { email?: string } } },
  );
  const people = documents.map((user, i) => ({
    id: `U0ACME${String(i).padStart(4, '0')}`,
    name: user.metadata.name,
    tz: 'Europe/Berlin',
    ...(user.spec.profile?.email ? { email: user.spec.profile.email } : {}),
  }));
  return [ASKER, ...people];
};

/** The example org copied into a temporary folder, synced once into a fresh database. */
const prepareCatalog = async (dir: string): Promise<{ config: string; catalogDir: string }> => {
  const catalogDir = join(dir, 'acme');
  cpSync(join(repoRoot, 'examples/acme'), catalogDir, { recursive: true });
  const config = join(dir, 'callboard.yaml');
  writeFileSync(config, ['database:', '  path: callboard.db', 'catalog:', '  sources:', '    - type: dir', `      path: ${catalogDir}`, ''].join('\n'));
  const runtime = openCatalogRuntime(loadConfig({ file: config, env: {} }));
  try {
    await runtime.sync.syncAll();
  } finally {
    runtime.close();
  }
  return { config, catalogDir };
};

interface Child {
  child: ChildProcess;
  endpoint: string;
}

const startChild = async (app: AppName, config: string, fake: FakeSlack, pagerduty: PagerdutyApiServer): Promise<Child> => {
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PAGERDUTY_TOKEN: FAKE_PAGERDUTY_TOKEN,
    PAGERDUTY_API_URL: pagerduty.baseUrl,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'oncall-slack-child.ts'), app, config], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    return { child, endpoint: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}/slack/events` };
  }
  throw new Error(`the ${app} app exited before listening`);
};

const stopChild = async ({ child }: Child): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill();
  await exited;
};

/** One signed `/oncall <text>`: ms from the POST to the answer at its response_url, checked for what it must show. */
const ask = async (fake: FakeSlack, endpoint: string, question: Question): Promise<number> => {
  fake.clearCalls();
  const inbound = slashCommand({
    command: '/oncall',
    text: question.text,
    userId: ASKER.id,
    channelId: 'C0BENCH',
    triggerId: fake.mintTriggerId(),
    responseUrl: fake.mintResponseUrl(),
  });
  const started = performance.now();
  const answered = fake.waitForCall('response_url', () => true, 10_000).then((call) => ({ call, at: performance.now() }));
  const response = await sendToApp(endpoint, inbound, SIGNING_SECRET);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the ${question.app} app answered /oncall ${question.text} with HTTP ${response.status}`);
  const { call, at } = await answered;
  const body = JSON.stringify(call.body);
  const missing = question.expect.filter((part) => !body.includes(part));
  if (missing.length > 0 || body.includes('on-call unavailable'))
    throw new Error(`/oncall ${question.text} got another answer (expected ${missing.join(', ') || 'no "on-call unavailable"'}): ${body.slice(0, 400)}`);
  return at - started;
};

/** One sample per restart: the primer, then both sources' first lookups (their order alternating across restarts). */
const measureCold = async (config: string, fake: FakeSlack, pagerduty: PagerdutyApiServer) => {
  const samples = { payments: [] as number[], platform: [] as number[], first: [] as number[], calls: [] as number[] };
  for (let i = 0; i < COLD_RESTARTS; i += 1) {
    const app = await startChild('callboard', config, fake, pagerduty);
    try {
      samples.first.push(await ask(fake, app.endpoint, questions.primer));
      const order = i % 2 === 0 ? (['payments', 'platform'] as const) : (['platform', 'payments'] as const);
      for (const name of order) {
        pagerduty.clearRequests();
        samples[name].push(await ask(fake, app.endpoint, questions[name]));
        if (name === 'payments') samples.calls.push(pagerduty.requests.length);
      }
    } finally {
      await stopChild(app);
    }
  }
  return samples;
};

/** Bare, PagerDuty and rotation in alternation in one long-lived process each, after a warm-up. */
const measureWarm = async (config: string, fake: FakeSlack, pagerduty: PagerdutyApiServer) => {
  const [bare, callboard] = await Promise.all([startChild('bare', config, fake, pagerduty), startChild('callboard', config, fake, pagerduty)]);
  try {
    const samples = { bare: [] as number[], payments: [] as number[], platform: [] as number[] };
    const endpointOf = (question: Question) => (question.app === 'bare' ? bare.endpoint : callboard.endpoint);
    for (let i = 0; i < WARMUP + WARM_SAMPLES; i += 1) {
      for (const name of ['bare', 'payments', 'platform'] as const) {
        const ms = await ask(fake, endpointOf(questions[name]), questions[name]);
        if (i >= WARMUP) samples[name].push(ms);
      }
    }
    return samples;
  } finally {
    await Promise.all([stopChild(bare), stopChild(callboard)]);
  }
};

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const spread = (p: Percentiles) => `median ${ms(p.p50).padStart(8)}  p99 ${ms(p.p99).padStart(8)}`;
const verdict = (p: Percentiles, target: number) =>
  `target < ${target < 1000 ? `${target} ms` : `${target / 1000} s`}: ${p.p99 < target ? 'met' : p.p50 < target ? 'met at the median, MISSED at p99' : 'MISSED'}`;

const printResult = (result: OnCallSlackResult): void => {
  const { bare, cold, warm } = result;
  const ratio = (p: Percentiles) => `= ${(p.p50 / bare.p50).toFixed(1)}× bare`;
  const calls = [...new Set(result.pagerdutyCallsPerColdLookup)].join('/');
  console.log(`  bare Bolt, one line                 ${spread(bare)}`);
  console.log(`  warm  payments-team (PagerDuty)     ${spread(warm.payments)}  ${ratio(warm.payments)}  (${verdict(warm.payments, ONCALL_WARM_TARGET_MS)})`);
  console.log(`  warm  platform-team (rotation)      ${spread(warm.platform)}  ${ratio(warm.platform)}  (${verdict(warm.platform, ONCALL_WARM_TARGET_MS)})`);
  console.log(
    `  cold  payments-team (PagerDuty)     ${spread(cold.payments)}  ${calls} PagerDuty calls × ${result.pagerdutyLatencyMs} ms  (${verdict(cold.payments, ONCALL_COLD_TARGET_MS)})`,
  );
  console.log(`  cold  platform-team (rotation)      ${spread(cold.platform)}  (${verdict(cold.platform, ONCALL_COLD_TARGET_MS)})`);
  console.log(`  first command after a restart (logistics-team, not in the figures above) ${spread(result.firstAfterStart)}`);
  console.log(`  [load avg ${result.loadAverage.start.toFixed(1)} at the start, ${result.loadAverage.end.toFixed(1)} at the end]`);
};

/** Runs the /oncall bench on the example org; prints its figures and returns them for .bench/results.json. */
export const runOnCallSlack = async (): Promise<OnCallSlackResult> => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-oncall-bench-'));
  const startLoad = loadavg()[0]!;
  const pagerduty = await PagerdutyApiServer.start(paymentsAccount(Date.now()));
  pagerduty.setLatency(PAGERDUTY_LATENCY_MS);
  try {
    const { config, catalogDir } = await prepareCatalog(dir);
    const fake = await startFakeSlack({ scopes: manifestScopes(), users: slackUsers(catalogDir) });
    try {
      console.log(
        `\n/oncall → answer at response_url, example org, PagerDuty fake + ${PAGERDUTY_LATENCY_MS} ms per call; ` +
          `cold: ${COLD_RESTARTS} restarts of the app, warm: ${WARM_SAMPLES} samples each after ${WARMUP} warm-up`,
      );
      const cold = await measureCold(config, fake, pagerduty);
      const warm = await measureWarm(config, fake, pagerduty);
      const result: OnCallSlackResult = {
        pagerdutyLatencyMs: PAGERDUTY_LATENCY_MS,
        bare: percentiles(warm.bare),
        cold: { payments: percentiles(cold.payments), platform: percentiles(cold.platform) },
        pagerdutyCallsPerColdLookup: cold.calls,
        warm: { payments: percentiles(warm.payments), platform: percentiles(warm.platform) },
        firstAfterStart: percentiles(cold.first),
        loadAverage: { start: startLoad, end: loadavg()[0]! },
      };
      printResult(result);
      return result;
    } finally {
      await fake.close();
    }
  } finally {
    await pagerduty.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
