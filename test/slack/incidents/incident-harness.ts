import { openCatalogRuntime, type CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { compileChannelPatterns } from '../../../src/core/incidents/incident-channel.ts';
import { PagerdutyProvider } from '../../../src/oncall/pagerduty/pagerduty-provider.ts';
import { RotationProvider } from '../../../src/oncall/rotation-provider.ts';
import type { FakeChannel, RecordedCall } from '../../fakes/slack-api-server.ts';
import { exampleConfig } from '../../helpers/run-cli.ts';
import { manifestBotScopes, TeamChannels } from '../e2e/e2e-harness.ts';
import { startHarness, type Harness } from '../helpers/slack-harness.ts';

/**
 * The real Bolt app on a synced example org, with incident channels on (`^inc-`, `^incident-`, depth 2) and the
 * on-call providers npm start builds: PagerDuty (here answering 503 to everything: the provider is down) and the
 * built-in rotations. The strict fake holds the manifest's scopes.
 */

export const INCIDENT_PATTERNS = ['^inc-', '^incident-'];

/** A catalog on a database file, so a second app can open the same file (a restart). */
export const openIncidentCatalog = async (configFile = exampleConfig()): Promise<{ runtime: CatalogRuntime; configFile: string }> => {
  const runtime = openCatalogRuntime(loadConfig({ file: configFile, env: {} }));
  await runtime.sync.syncAll();
  return { runtime, configFile };
};

/** PagerDuty down: every request answers 503, so each PagerDuty-backed card says on-call is unavailable. */
const pagerdutyDown = new PagerdutyProvider({
  token: 'pd-test-token',
  baseUrl: 'https://pagerduty.invalid',
  cacheTtlMs: 0,
  timeoutMs: 1000,
  fetch: async () => new Response('{"error":{"message":"Service Unavailable"}}', { status: 503, headers: { 'content-type': 'application/json' } }),
});

export const startIncidentApp = (
  runtime: CatalogRuntime,
  channels: FakeChannel[],
  mode: 'http' | 'socket' = 'http',
  options: { scopes?: string[] } = {},
): Promise<Harness> =>
  startHarness({
    mode,
    runtime,
    fake: { scopes: options.scopes ?? manifestBotScopes(), channels: [...Object.values(TeamChannels), ...channels] },
    oncall: { providers: [pagerdutyDown, new RotationProvider({ findEntity: (ref) => runtime.store.entityEnvelope(ref) })], timeoutMs: 1500 },
    incidents: { channelPatterns: compileChannelPatterns(INCIDENT_PATTERNS), blastRadiusDepth: 2, ledger: runtime.incidentCards },
  });

/** Log lines of the incident flow finishing for `channel`, one per event it handled. */
export const handledIn = (h: Harness, channel: string): Array<Record<string, unknown>> =>
  h.logs.filter((line) => line.msg === 'incident channel handled' && line.channel === channel);

/** Waits until the flow has handled `count` events for `channel` (the HTTP answer comes before the flow ends). */
export const waitForHandled = async (h: Harness, channel: string, count = 1, timeoutMs = 8000): Promise<Array<Record<string, unknown>>> => {
  const deadline = Date.now() + timeoutMs;
  while (handledIn(h, channel).length < count) {
    if (Date.now() > deadline) throw new Error(`the incident flow handled ${handledIn(h, channel).length} of ${count} events in ${channel}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return handledIn(h, channel);
};

/** Cards (and notices) the app posted in `channel`. */
export const postsIn = (h: Harness, channel: string): RecordedCall[] => h.fake.calls('chat.postMessage').filter((call) => call.body.channel === channel);

/** Every text of a posted message's blocks, joined: what a reader sees. */
export const blockText = (call: RecordedCall): string => JSON.stringify(call.body.blocks ?? []);
