import type { ButtonAction } from '@slack/bolt';
import { expect } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import type { TemplateDefinition } from '../../../src/core/scaffolder/template-definition.ts';
import { createScaffolderSlack } from '../../../src/slack/listeners/scaffolder/scaffolder-slack.ts';
import { templateFormViews } from '../../../src/slack/listeners/scaffolder/template-form-views.ts';
import type { SlackDeps, SlackSettings } from '../../../src/slack/slack-deps.ts';
import { checkMessageLimits, checkViewLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { ExampleChannels, memoryChannels, memoryUsers, silentLog, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { fakeScaffolder, type FakeScaffolderOptions } from './fake-scaffolder.ts';

/** What the scaffolder listener tests share: the example org, a fake scaffolder, and a Web API client that records. */

export interface ClientCall {
  method: string;
  args: Record<string, unknown>;
}

/**
 * A Web API client that records each call and answers as Slack does: posts get a ts (a user id becomes a DM id),
 * views get an id. Every message and view is held to Slack's Block Kit limits. `refuse` makes posts to a channel
 * fail with a platform error.
 */
export const recordingClient = (refuse: Record<string, string> = {}) => {
  const calls: ClientCall[] = [];
  let sequence = 0;
  const next = () => `1700000000.${String((sequence += 1)).padStart(6, '0')}`;
  const message = (method: string) => async (args: Record<string, unknown>) => {
    calls.push({ method, args });
    expect(checkMessageLimits({ text: args.text as string, blocks: args.blocks as unknown[] }), method).toEqual([]);
    const channel = String(args.channel);
    const refusal = refuse[channel];
    if (refusal)
      throw Object.assign(new Error(`An API error occurred: ${refusal}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: refusal } });
    return { ok: true, channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel, ts: method === 'chat.update' ? args.ts : next() };
  };
  const view = (method: string) => async (args: Record<string, unknown>) => {
    calls.push({ method, args });
    expect(checkViewLimits(args.view), method).toEqual([]);
    return { ok: true, view: { id: (args.view_id as string | undefined) ?? `V${(sequence += 1)}` } };
  };
  const client = {
    chat: { postMessage: message('chat.postMessage'), update: message('chat.update'), postEphemeral: message('chat.postEphemeral') },
    views: { open: view('views.open'), update: view('views.update'), push: view('views.push') },
  };
  return { client: client as never, calls, called: (method: string) => calls.filter((call) => call.method === method) };
};

export const scaffolderDeps = (
  runtime: CatalogRuntime,
  templates: TemplateDefinition[],
  options: Omit<FakeScaffolderOptions, 'templates'> & { settings?: Partial<SlackSettings> } = {},
): { deps: SlackDeps; fake: ReturnType<typeof fakeScaffolder> } => {
  const fake = fakeScaffolder({ templates, ...options });
  const base = slackDepsFor(runtime, options.settings, memoryUsers().api, memoryChannels(ExampleChannels, 10).api);
  const deps: SlackDeps = {
    ...base,
    scaffolder: fake.scaffolder,
    scaffolding: createScaffolderSlack({ log: silentLog, views: templateFormViews, progressIntervalMs: 0 }),
  };
  return { deps, fake };
};

/** A button click as Bolt passes it in `action`. */
export const button = (actionId: string, value: string): ButtonAction => ({
  type: 'button',
  action_id: actionId,
  block_id: 'b',
  action_ts: '1700000000.000300',
  text: { type: 'plain_text', text: 'Click' },
  value,
});

/** Records acks: a view submission's ack body is what Slack acts on. */
export const ackRecorder = () => {
  const bodies: unknown[] = [];
  return { bodies, ack: async (body?: unknown) => void bodies.push(body) };
};

/** Slack's view state for plain text inputs keyed by field name (block_id = field name, one element each). */
export const textState = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { [`scaffolder.field.${name}`]: { type: 'plain_text_input', value } }]));
