import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { linkShared } from '../../../src/slack/listeners/events/link-shared.ts';
import type { SlackDeps } from '../../../src/slack/slack-deps.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { paymentsApiSite, plainDocsLibrary } from '../../helpers/plain-docs-library.ts';
import { ExampleChannels, memoryChannels, memoryUsers, openExampleCatalog, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { strictFake } from '../helpers/strict-fake.ts';
import { expectNoInjectedControls } from '../views/view-helpers.ts';

const PUBLIC = 'https://docs.callboard.acme.example';
const CALLBOARD = 'https://callboard.acme.example';
const PAYMENTS_DOCS = `${PUBLIC}/docs/default/component/payments-api/`;

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Array<{ type: string; text?: string; url?: string; action_id?: string }> };
type UnfurlCall = Record<string, unknown> & { unfurls: Record<string, { blocks: Block[] }> };

let runtime: CatalogRuntime;
let deps: SlackDeps;
beforeAll(async () => {
  runtime = await openExampleCatalog();
  deps = {
    ...slackDepsFor(runtime, { callboardUrl: CALLBOARD }, memoryUsers().api, memoryChannels(ExampleChannels, 10).api),
    docs: { library: plainDocsLibrary([paymentsApiSite]), publicUrl: PUBLIC },
  };
});
afterAll(() => runtime.close());

const unfurlsOf = async (urls: string[], using: SlackDeps = deps): Promise<Record<string, Block[]>> => {
  const calls: UnfurlCall[] = [];
  const client = strictFake<never>({ chat: { unfurl: async (args: never) => void calls.push(args) } });
  await linkShared(using)({ event: { channel: 'C0GENERAL', message_ts: '1700000000.000200', links: urls.map((url) => ({ url })) }, client });
  const unfurls = Object.fromEntries(Object.entries(calls[0]?.unfurls ?? {}).map(([url, value]) => [url, value.blocks]));
  for (const blocks of Object.values(unfurls)) {
    expect(checkMessageLimits({ blocks }, 'unfurl')).toEqual([]);
    expectNoInjectedControls(blocks);
  }
  return unfurls;
};

describe('link_shared: links into the built docs', () => {
  it('unfurl with the page title, the section the anchor names, its first words, the entity and its owner', async () => {
    const url = `${PAYMENTS_DOCS}runbook/#provider-outage`;
    const blocks = (await unfurlsOf([url]))[url]!;
    expect(blocks.map((block) => block.block_id)).toEqual(['unfurl.docs', 'unfurl.docs_facts']);
    expect(blocks[0]!.text!.text).toBe(`*<${url}|Runbook › Provider outage>*\nSymptoms: PaymentsProviderErrorRate alert, 5xx or timeouts from the provider.`);
    expect(blocks[1]!.elements!.map((element) => element.text)).toEqual([
      ':book: Docs of Payments API `payments-api`',
      'Owned by *Payments* <#C0PAYMENTS>',
      `<${PAYMENTS_DOCS}|Payments API>`,
    ]);
  });

  it('a page without an anchor shows the page; the same page under slack.callboardUrl unfurls alike', async () => {
    const page = `${PAYMENTS_DOCS}runbook/`;
    const mirrored = `${CALLBOARD}/docs/default/component/payments-api/runbook/`;
    const unfurls = await unfurlsOf([page, mirrored]);
    expect(unfurls[page]![0]!.text!.text).toMatch(new RegExp(`^\\*<${page.replace(/[.?/]/g, '\\$&')}\\|Runbook>\\*\\nPagerDuty: Payments API`));
    expect(unfurls[mirrored]![0]!.block_id).toBe('unfurl.docs');
  });

  it("a docs link of an entity without a built site is still the entity's card", async () => {
    const url = `${CALLBOARD}/docs/default/component/checkout-service/runbook/`;
    expect((await unfurlsOf([url]))[url]!.map((block) => block.block_id)).toEqual(['unfurl.entity', 'unfurl.facts', 'unfurl.actions']);
  });

  it("the entity card's Docs button opens the rendered site", async () => {
    const url = `${CALLBOARD}/catalog/default/component/payments-api`;
    const card = (await unfurlsOf([url]))[url]!;
    const docs = card.find((block) => block.block_id === 'unfurl.actions')?.elements?.find((element) => element.action_id === 'entity.show_docs');
    expect(docs?.url).toBe(PAYMENTS_DOCS);
  });

  it('without a docs library, docs links are entity cards as before', async () => {
    const url = `${CALLBOARD}/docs/default/component/payments-api/runbook/#provider-outage`;
    const plain = slackDepsFor(runtime, { callboardUrl: CALLBOARD });
    expect((await unfurlsOf([url], plain))[url]!.map((block) => block.block_id)).toEqual(['unfurl.entity', 'unfurl.facts', 'unfurl.actions']);
  });
});
