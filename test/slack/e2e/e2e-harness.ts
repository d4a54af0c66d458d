import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { SlackSettings } from '../../../src/slack/slack-deps.ts';
import type { JsonBody } from '../../fakes/slack/answers.ts';
import { SLACK_RATE_TIERS, type FakeChannel, type FakeUser, type RecordedCall } from '../../fakes/slack-api-server.ts';
import { appMention, blockActions, slashCommand, type SlackInbound } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import { startHarness, type Harness } from '../helpers/slack-harness.ts';

/**
 * What the end-to-end tests of issue 10 share: the real Bolt app over signed HTTP against the strict fake, with
 * only the scopes manifest.yml requests, the example org's people as Slack users, and readers for what a person
 * would see (the entity answered, who sees it, the buttons, the mentions).
 */

const manifestUrl = new URL('../../../manifest.yml', import.meta.url);

/** The bot scopes manifest.yml requests: the fake refuses any method they do not cover (missing_scope). */
export const manifestBotScopes = (): string[] => {
  const manifest = load(readFileSync(manifestUrl, 'utf8')) as { oauth_config?: { scopes?: { bot?: string[] } } };
  return manifest.oauth_config?.scopes?.bot ?? [];
};

/** Catalog people beyond the harness's own, so team members resolve to Slack users (and could be pinged). */
export const MorePeople = {
  tomasz: { id: 'U0TOMASZ', email: 'tomasz.nowak@acme.example' },
  lena: { id: 'U0LENA', email: 'lena.fischer@acme.example' },
  grace: { id: 'U0GRACE', email: 'grace.okafor@acme.example' },
  daniel: { id: 'U0DANIEL', email: 'daniel.cohen@acme.example' },
} as const;

const moreUsers: FakeUser[] = Object.values(MorePeople).map((person) => ({ id: person.id, name: person.email.split('@')[0]!, email: person.email }));

/** Channels named as the example org's `slack.com/channel-name` annotations say. */
export const TeamChannels = {
  checkout: { id: 'C0TEAMCHECKOUT', name: 'team-checkout' },
  payments: { id: 'C0TEAMPAYMENTS', name: 'team-payments' },
  orders: { id: 'C0TEAMORDERS', name: 'team-orders' },
} as const satisfies Record<string, FakeChannel>;

export const startE2e = (options: { settings?: Partial<SlackSettings>; channels?: FakeChannel[] } = {}): Promise<Harness> =>
  startHarness({
    settings: { pagerdutyUrl: 'https://acme.pagerduty.com', ...options.settings },
    fake: { scopes: manifestBotScopes(), rateLimits: SLACK_RATE_TIERS, users: moreUsers, channels: options.channels ?? Object.values(TeamChannels) },
  });

export const command = (h: Harness, name: string, text: string, userId: string = People.stranger.id): SlackInbound =>
  slashCommand({ command: name, text, userId, channelId: 'C0GENERAL', triggerId: h.fake.mintTriggerId(), responseUrl: h.fake.mintResponseUrl() });

/** Sends a slash command and returns the last answer it got through its response_url (after any progress message). */
export const ask = async (h: Harness, name: string, text: string, userId?: string): Promise<JsonBody> => {
  h.fake.clearCalls();
  const response = await h.send(command(h, name, text, userId));
  if (response.status !== 200) throw new Error(`${name} ${text}: the app answered HTTP ${response.status}`);
  await h.fake.waitForCall('response_url', undefined, 5000);
  await settle();
  const replies = h.fake.calls('response_url');
  return replies.at(-1)!.body;
};

/** Lets the app finish what it does after its first answer (further calls) before the test looks. */
export const settle = (ms = 150): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface MentionReply {
  /** chat.postMessage (seen by the channel) or chat.postEphemeral (the asker only). */
  method: 'chat.postMessage' | 'chat.postEphemeral';
  body: JsonBody;
  /** Everything the app posted for this mention. */
  calls: RecordedCall[];
}

/** `@Callboard <text>` in #general under a thread, and the app's reply there. */
export const mention = async (h: Harness, text: string, userId: string = People.stranger.id, threadTs = '1700000000.000001'): Promise<MentionReply> => {
  h.fake.clearCalls();
  await h.send(appMention({ userId, channelId: 'C0GENERAL', text, threadTs }));
  const isPost = (call: RecordedCall) => call.method === 'chat.postMessage' || call.method === 'chat.postEphemeral';
  const deadline = Date.now() + 5000;
  while (!h.fake.calls().some(isPost) && Date.now() < deadline) await settle(20);
  await settle();
  const calls = h.fake.calls().filter(isPost);
  const first = calls[0];
  if (!first)
    throw new Error(
      `no reply to "${text}" (calls: ${
        h.fake
          .calls()
          .map((call) => call.method)
          .join(', ') || 'none'
      })`,
    );
  return { method: first.method as MentionReply['method'], body: first.body, calls };
};

/** A click on a button of a message the app sent, as Slack delivers it (the message and a fresh response_url). */
export const click = (h: Harness, message: JsonBody, button: Button, userId: string = People.stranger.id, isEphemeral = true): SlackInbound =>
  blockActions({
    userId,
    triggerId: h.fake.mintTriggerId(),
    responseUrl: h.fake.mintResponseUrl(),
    message: { channelId: 'C0GENERAL', ts: '1700000000.000500', isEphemeral, text: String(message.text ?? ''), blocks: (message.blocks as unknown[]) ?? [] },
    actions: [{ action_id: button.action_id, block_id: button.block_id, ...(button.value !== undefined ? { value: button.value } : {}) }],
  });

type Block = { type: string; block_id?: string; text?: { text?: string }; fields?: Array<{ text?: string }>; elements?: unknown[]; accessory?: unknown };

export interface Button {
  block_id: string;
  action_id: string;
  text: string;
  value?: string;
  url?: string;
}

const blocksOf = (message: JsonBody): Block[] => (Array.isArray(message.blocks) ? (message.blocks as Block[]) : []);

/** Every button of a message or view, in order (actions blocks and section accessories). */
export const buttonsOf = (message: JsonBody): Button[] =>
  blocksOf(message).flatMap((block) => {
    const elements = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])] as Array<Record<string, unknown>>;
    return elements
      .filter((element) => element.type === 'button')
      .map((element) => ({
        block_id: block.block_id ?? '',
        action_id: String(element.action_id),
        text: String((element.text as { text?: string } | undefined)?.text ?? ''),
        ...(typeof element.value === 'string' ? { value: element.value } : {}),
        ...(typeof element.url === 'string' ? { url: element.url } : {}),
      }));
  });

export const buttonNamed = (message: JsonBody, pattern: RegExp): Button | undefined => buttonsOf(message).find((button) => pattern.test(button.text));

/** The text a reader sees in the blocks, block by block (section text and fields, context elements, headers). */
export const textOf = (message: JsonBody): string =>
  blocksOf(message)
    .flatMap((block) => {
      if (block.type === 'actions') return [];
      const elements = block.type === 'context' ? ((block.elements ?? []) as Array<{ text?: string }>).map((element) => element.text ?? '') : [];
      return [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text ?? ''), ...elements];
    })
    .join('\n');

const REF = /\b(?:component|api|resource|system|domain|group|user|location|template):[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*/gi;

/** Entity refs in the order a reader meets them: block text first, then button values. */
export const refsIn = (message: JsonBody): string[] => {
  const inText = textOf(message).match(REF) ?? [];
  const inButtons = buttonsOf(message).flatMap((button) => button.value?.match(REF) ?? []);
  return [...inText, ...inButtons].map((ref) => ref.toLowerCase());
};

/** The entity an answer is about: the first ref it shows. */
export const answeredRef = (message: JsonBody): string | undefined => refsIn(message)[0];

/** A chooser offers entities to pick from (a select or one button per candidate). */
export const isChooser = (message: JsonBody): boolean => JSON.stringify(message).includes('entity.choose');

/** User ids mentioned (`<@U…>`), which notify them. */
export const mentionedUsers = (message: JsonBody): string[] =>
  [...JSON.stringify(message).matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((match) => match[1]!);

/** The help page or "did not understand": not an answer to the question asked. */
export const isHelpOrNotUnderstood = (message: JsonBody): boolean =>
  /did not understand|didn't understand|not sure what you mean/i.test(JSON.stringify(message)) ||
  blocksOf(message).some((block) => (block.block_id ?? '').startsWith('help.'));
