// `node --import tsx bench/incident-card.ts [--channels 30]`: incident channels (issue 12). A signed `channel_created`
// for a new channel named like an incident (`inc-<n>-events-kafka-lag`, ...) is POSTed to the real Bolt app in HTTP
// mode on the synced example org, timed until the context card's chat.postMessage reaches the strict Slack fake:
// conversations.info, conversations.join, the ledger claim in SQLite, the catalog reads (blast radius to depth 2),
// the on-call lookup (built-in rotations), conversations.list for the team channel, then the post. Target: < 2 s.
// Baseline in the same run: a signed `@Callboard who owns checkout-service?` until its reply's chat.postMessage.
// App, fake and sender share one process (and event loop), as in the tests; the figures include that.
import { loadavg } from 'node:os';
import { compileChannelPatterns } from '../src/core/incidents/incident-channel.ts';
import { RotationProvider } from '../src/oncall/rotation-provider.ts';
import { appMention, channelCreated } from '../test/fakes/slack-payloads.ts';
import { manifestBotScopes } from '../test/slack/e2e/e2e-harness.ts';
import { openExampleCatalog, People } from '../test/slack/helpers/catalog-fixture.ts';
import { startHarness, type Harness } from '../test/slack/helpers/slack-harness.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

export const INCIDENT_CARD_TARGET_MS = 2000;
const WARMUP = 3;
/** Entities whose on-call is a built-in rotation (the platform team's): no paging tool is needed to answer. */
const ENTITIES = ['events-kafka', 'acme-logging', 'assets-bucket'];

export interface IncidentCardResult {
  channels: number;
  /** channel_created arriving at /slack/events → the card's chat.postMessage arriving at the fake. */
  card: Percentiles;
  /** app_mention "who owns checkout-service?" → its reply's chat.postMessage, same app, same run. */
  mentionBaseline: Percentiles;
  targetMs: number;
  loadAverage: { start: number; end: number };
}

const startApp = async (): Promise<Harness> => {
  const runtime = await openExampleCatalog();
  return startHarness({
    runtime,
    fake: { scopes: manifestBotScopes() },
    oncall: { providers: [new RotationProvider({ findEntity: (ref) => runtime.store.entityEnvelope(ref) })], timeoutMs: 1500 },
    incidents: { channelPatterns: compileChannelPatterns(['^inc-']), blastRadiusDepth: 2, ledger: runtime.incidentCards },
  });
};

/** One new incident channel: seeded in the fake (Callboard not in it yet), announced, timed to its card. */
const timeCard = async (h: Harness, index: number): Promise<number> => {
  const id = `C0BENCH${String(index).padStart(5, '0')}`;
  const name = `inc-${index}-${ENTITIES[index % ENTITIES.length]}-lag`;
  h.fake.addChannel({ id, name, botIsMember: false });
  const started = Date.now();
  const posted = h.fake.waitForCall('chat.postMessage', (call) => call.body.channel === id, 10_000);
  const response = await h.send(channelCreated({ channelId: id, name, creator: People.marcus.id }));
  if (response.status !== 200) throw new Error(`channel_created answered HTTP ${response.status}`);
  const call = await posted;
  if (!JSON.stringify(call.body.blocks).includes('(Resource)') && !JSON.stringify(call.body.blocks).includes('(Component)')) {
    throw new Error(`${name}: the post is not a context card: ${String(call.body.text)}`);
  }
  return call.at - started;
};

const timeMention = async (h: Harness, index: number): Promise<number> => {
  const threadTs = `1700000000.${String(index).padStart(6, '0')}`;
  const started = Date.now();
  const posted = h.fake.waitForCall('chat.postMessage', (call) => call.body.channel === 'C0GENERAL' && call.body.thread_ts === threadTs, 10_000);
  await h.send(appMention({ userId: People.marcus.id, channelId: 'C0GENERAL', text: 'who owns checkout-service?', threadTs }));
  return (await posted).at - started;
};

export const measureIncidentCard = async (channels = 30): Promise<IncidentCardResult> => {
  const h = await startApp();
  const loadStart = loadavg()[0]!;
  try {
    for (let index = 0; index < WARMUP; index += 1) {
      await timeCard(h, 90_000 + index);
      await timeMention(h, 90_000 + index);
    }
    const cards: number[] = [];
    const mentions: number[] = [];
    // Interleaved, so a busy moment on the machine weighs on both figures alike.
    for (let index = 0; index < channels; index += 1) {
      cards.push(await timeCard(h, index));
      mentions.push(await timeMention(h, index));
    }
    return {
      channels,
      card: percentiles(cards),
      mentionBaseline: percentiles(mentions),
      targetMs: INCIDENT_CARD_TARGET_MS,
      loadAverage: { start: loadStart, end: loadavg()[0]! },
    };
  } finally {
    await h.close();
  }
};

export const formatIncidentCard = (result: IncidentCardResult): string[] => [
  `incident card (channel_created → card posted, ${result.channels} channels): median ${result.card.p50} ms, p99 ${result.card.p99} ms, max ${result.card.max} ms (target < ${result.targetMs} ms)`,
  `  baseline @mention "who owns checkout-service?" → reply: median ${result.mentionBaseline.p50} ms, p99 ${result.mentionBaseline.p99} ms`,
  `  load average ${result.loadAverage.start.toFixed(2)} → ${result.loadAverage.end.toFixed(2)}`,
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const argChannels = process.argv.indexOf('--channels');
  const result = await measureIncidentCard(argChannels > 0 ? Number(process.argv[argChannels + 1]) : 30);
  for (const line of formatIncidentCard(result)) console.log(line);
  console.log(JSON.stringify(result));
}
