import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { linkShared } from '../../../src/slack/listeners/events/link-shared.ts';
import type { SlackSettings } from '../../../src/slack/slack-deps.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { linkShared as linkSharedEvent } from '../../fakes/slack-payloads.ts';
import { ExampleChannels, memoryChannels, memoryUsers, openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { strictFake } from '../helpers/strict-fake.ts';
import { startHarness, type Harness } from '../helpers/slack-harness.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const CALLBOARD = 'https://callboard.acme.example';
const REPO = 'https://github.com/acme/checkout-service';

type Block = { type: string; block_id?: string; elements?: Array<{ type: string; text?: string }> };
type UnfurlCall = Record<string, unknown> & { unfurls: Record<string, { blocks: Block[] }> };

const share = async (urls: string[], options: { extra?: Record<string, string>; settings?: Partial<SlackSettings> } = {}) => {
  const calls: UnfurlCall[] = [];
  const client = strictFake<never>({ chat: { unfurl: async (args: never) => void calls.push(args) } });
  const event = { channel: 'C0GENERAL', message_ts: '1700000000.000200', links: urls.map((url) => ({ url })), ...options.extra };
  await linkShared(slackDepsFor(runtime, { callboardUrl: CALLBOARD, ...options.settings }))({ event, client });
  for (const call of calls) for (const value of Object.values(call.unfurls)) expect(checkMessageLimits({ blocks: value.blocks }, 'unfurl')).toEqual([]);
  return calls;
};

/** The one link's unfurl: 'card', the context line's element texts, or 'nothing'. */
const unfurlOf = async (url: string, settings: Partial<SlackSettings> = {}): Promise<'card' | 'nothing' | string[]> => {
  const [call] = await share([url], { settings });
  const blocks = call?.unfurls[url]?.blocks;
  if (!blocks) return 'nothing';
  if (blocks.map((block) => block.block_id).join() === 'unfurl.entity,unfurl.facts,unfurl.actions') return 'card';
  expect(blocks.map((block) => [block.type, block.block_id])).toEqual([['context', 'unfurl.context']]);
  return blocks[0]!.elements!.map((element) => element.text ?? '');
};

const CHECKOUT_CONTEXT = ['*checkout-service*', 'Checkout', '<https://acme.slack.com/archives/C04CHKOUT02|#team-checkout>'];

describe('link_shared: links that mean the entity unfurl as its card', () => {
  it.each([
    ['the repository root', REPO],
    ['with .git', `${REPO}.git`],
    ['with a trailing slash, query and fragment', `${REPO}/?tab=readme-ov-file#readme`],
    ['a branch root', `${REPO}/tree/main`],
    ['www.github.com over http', 'http://www.github.com/acme/checkout-service'],
    ['its catalog file', `${REPO}/blob/main/catalog-info.yaml`],
    ['its catalog file on a branch with a slash', `${REPO}/blob/release/2.0/catalog-info.yaml`],
    ['its TechDocs folder (techdocs-ref dir:.)', `${REPO}/tree/main/docs`],
    ['a TechDocs page', `${REPO}/blob/main/docs/runbook.md`],
    ['its mkdocs.yml', `${REPO}/blob/main/mkdocs.yml`],
    ['its Callboard page', `${CALLBOARD}/catalog/default/component/checkout-service`],
  ])('%s', async (_, url) => {
    expect(await unfurlOf(url)).toBe('card');
  });

  it('a Callboard docs page of the entity', async () => {
    expect(await unfurlOf(`${CALLBOARD}/docs/default/component/checkout-service/runbook/`)).toBe('card');
  });
});

describe('link_shared: other links into a catalogued repository', () => {
  it.each([
    ['a pull request', `${REPO}/pull/42`],
    ['a pull request’s files', `${REPO}/pull/42/files`],
    ['a commit', `${REPO}/commit/4f1c2a9e`],
    ['an issue', `${REPO}/issues/7`],
    ['another file', `${REPO}/blob/main/src/main/kotlin/Checkout.kt`],
    ['another folder', `${REPO}/tree/main/src`],
    ['a file whose name only starts like the docs folder', `${REPO}/blob/main/docs2/x.md`],
  ])('%s: one context line, entity · team · channel as separate elements', async (_, url) => {
    expect(await unfurlOf(url)).toEqual(CHECKOUT_CONTEXT);
  });

  it('with slack.unfurl.otherLinks: none they get nothing, and no call is made for them alone', async () => {
    const none = { unfurl: { otherLinks: 'none' as const } };
    expect(await share([`${REPO}/pull/42`, `${REPO}/commit/4f1c2a9e`], { settings: none })).toEqual([]);
    const [call] = await share([`${REPO}/pull/42`, REPO], { settings: none });
    expect(Object.keys(call!.unfurls)).toEqual([REPO]);
  });

  it('a channel known only by name is plain text; a person owner is named; a dangling owner is said to be missing', async () => {
    expect(await unfurlOf('https://github.com/acme/payments-api/pull/1')).toEqual(['*payments-api*', 'Payments', '#team-payments']);
    expect(await unfurlOf('https://github.com/acme/http-client/issues/3')).toEqual(['*http-client*', 'Jonas Berg']);
    expect(await unfurlOf('https://github.com/acme/carrier-gateway/pull/8')).toEqual([
      '*carrier-gateway*',
      ':warning: owner `group:default/legacy-team` is not in the catalog',
    ]);
  });
});

describe('link_shared: team channels', () => {
  it("resolves the owners' channel names to ids once for all links of the event", async () => {
    const channels = memoryChannels(ExampleChannels, 10);
    const calls: UnfurlCall[] = [];
    const client = strictFake<never>({ chat: { unfurl: async (args: never) => void calls.push(args) } });
    const links = [REPO, `${REPO}/pull/42`, 'https://github.com/acme/payments-api/issues/1'].map((url) => ({ url }));
    const deps = slackDepsFor(runtime, { callboardUrl: CALLBOARD }, memoryUsers().api, channels.api);
    await linkShared(deps)({ event: { channel: 'C0GENERAL', message_ts: '1700000000.000200', links }, client });
    expect(channels.calls).toEqual(['conversations.list']);
    const contextOf = (url: string) => calls[0]!.unfurls[url]!.blocks[0]!.elements!.map((element) => element.text);
    expect(contextOf(`${REPO}/pull/42`)).toEqual(['*checkout-service*', 'Checkout', '<#C0CHECKOUT>']);
    expect(contextOf('https://github.com/acme/payments-api/issues/1')).toEqual(['*payments-api*', 'Payments', '<#C0PAYMENTS>']);
  });
});

describe('link_shared: what is left alone and how the call is made', () => {
  it('unknown repositories and hosts get nothing', async () => {
    expect(await share(['https://github.com/someone/else', 'https://github.com/someone/else/pull/1', 'https://example.com/nothing'])).toEqual([]);
  });

  it('known links unfurl together in one call at the message; unknown ones are not in it', async () => {
    const page = `${CALLBOARD}/catalog/default/resource/orders-db`;
    const [call] = await share([`${REPO}/pull/42`, page, 'https://github.com/someone/else']);
    expect(call).toMatchObject({ channel: 'C0GENERAL', ts: '1700000000.000200' });
    expect(Object.keys(call!.unfurls)).toEqual([`${REPO}/pull/42`, page]);
  });

  it('a link with a malformed percent-escape is skipped (logged at debug); the other links still unfurl', async () => {
    const bad = `${CALLBOARD}/catalog/default/component/%E0%A4%A`;
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const calls: Array<{ unfurls: object }> = [];
    const client = strictFake<never>({ chat: { unfurl: async (args: { unfurls: object }) => void calls.push(args) } });
    const deps = { ...slackDepsFor(runtime, { callboardUrl: CALLBOARD }), log };
    await linkShared(deps)({ event: { channel: 'C0GENERAL', message_ts: '1700000000.000200', links: [{ url: bad }, { url: REPO }] }, client });
    expect(calls.map((call) => Object.keys(call.unfurls))).toEqual([[REPO]]);
    expect(lines).toEqual([expect.objectContaining({ level: 20, url: bad, msg: 'shared link names no catalog entity; not unfurled' })]);
  });

  it("a failure that is not the link's (the database) is not swallowed", async () => {
    const deps = slackDepsFor(runtime);
    const broken = {
      ...deps,
      // Every store query fails, whichever the URL lookup uses.
      store: new Proxy(deps.store, {
        get: () => () => {
          throw new Error('disk I/O error');
        },
      }),
    };
    const client = strictFake<never>({ chat: { unfurl: async () => undefined } });
    const event = { channel: 'C0GENERAL', message_ts: '1700000000.000200', links: [{ url: REPO }] };
    await expect(linkShared(broken)({ event, client })).rejects.toThrow('disk I/O error');
  });

  it('uses unfurl_id and source for links typed in the composer', async () => {
    const [call] = await share([REPO], { extra: { channel: 'COMPOSER', unfurl_id: 'Uf1', source: 'composer' } });
    expect(call).toMatchObject({ unfurl_id: 'Uf1', source: 'composer' });
  });
});

describe('link_shared through signed requests and the strict fake Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('a root link gets the card and a pull request the context line, in one accepted chat.unfurl', async () => {
    const links = [REPO, `${REPO}/pull/42`, 'https://github.com/someone/else'].map((url) => ({ domain: 'github.com', url }));
    expect((await h.send(linkSharedEvent({ userId: People.marcus.id, channelId: 'C0GENERAL', links }))).status).toBe(200);
    const call = await h.fake.waitForCall('chat.unfurl');
    expect(call.response).toEqual({ ok: true });
    const unfurls = call.body.unfurls as Record<string, { blocks: Block[] }>;
    expect(Object.keys(unfurls)).toEqual([REPO, `${REPO}/pull/42`]);
    expect(unfurls[REPO]!.blocks.map((block) => block.block_id)).toEqual(['unfurl.entity', 'unfurl.facts', 'unfurl.actions']);
    expect(unfurls[`${REPO}/pull/42`]!.blocks[0]!.elements!.map((element) => element.text)).toEqual(CHECKOUT_CONTEXT);
  });
});
