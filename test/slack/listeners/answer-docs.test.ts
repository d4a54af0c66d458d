import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { docsAction } from '../../../src/slack/listeners/actions/card-actions.ts';
import { answerSearch } from '../../../src/slack/listeners/answers/answer-search.ts';
import { answerParsed, answerRequest } from '../../../src/slack/listeners/answers/answer-request.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
import { parseSlashCommand } from '../../../src/slack/parse/parse-slash-command.ts';
import type { SlackDeps } from '../../../src/slack/slack-deps.ts';
import type { SlackMessage } from '../../../src/slack/views/slack-message.ts';
import { paymentsApiSite, plainDocsLibrary, type PlainSite } from '../../helpers/plain-docs-library.ts';
import { allMrkdwn, blockById, blockIds, expectMessageWithinLimits } from '../views/view-helpers.ts';
import { memoryChannels, memoryUsers, openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';

const PUBLIC = 'https://callboard.acme.example';
const PAYMENTS_DOCS = `${PUBLIC}/docs/default/component/payments-api/`;
const checkoutSite: PlainSite = {
  entityRef: 'component:default/checkout-service',
  siteName: 'Checkout Service',
  pages: [
    { path: '', title: 'Checkout Service', sections: [{ anchor: 'deploying', heading: 'Deploying', text: 'Deploys go out from main through the pipeline.' }] },
  ],
};

let runtime: CatalogRuntime;
let deps: SlackDeps;
beforeAll(async () => {
  runtime = await openExampleCatalog();
  deps = {
    ...slackDepsFor(runtime, {}, memoryUsers().api, memoryChannels().api),
    docs: { library: plainDocsLibrary([paymentsApiSite, checkoutSite]), publicUrl: PUBLIC },
  };
});
afterAll(() => runtime.close());

const ask = async (command: string, text: string, asker: string = People.sofia.id): Promise<SlackMessage> => {
  const message = await answerParsed(deps, parseSlashCommand(command, text), asker);
  expectMessageWithinLimits(message);
  return message;
};

describe('/docs <entity> [words]', () => {
  it("answers with the entity's site and its best sections, linked to their headings (payments-api: the documented one of two)", async () => {
    const message = await ask('/docs', 'payments-api provider outage');
    expect(blockIds(message.blocks)).toEqual(['docs.header', 'docs.home', 'docs.built', 'docs.summary', 'docs.hit.0', 'docs.links']);
    expect(allMrkdwn([blockById(message.blocks, 'docs.links')])).toBe(
      'Also linked: <https://docs.acme.example/payments-api/|Docs>  ·  <https://github.com/acme/payments-api/blob/main/docs/runbook.md|Runbook>',
    );
    expect(allMrkdwn([blockById(message.blocks, 'docs.home')])).toContain(`*<${PAYMENTS_DOCS}|Payments API>*\npayments-api is owned by Payments`);
    expect(allMrkdwn([blockById(message.blocks, 'docs.hit.0')])).toBe(
      `*<${PAYMENTS_DOCS}runbook/#provider-outage|Runbook › Provider outage>*\nSymptoms: PaymentsProviderErrorRate alert, 5xx or timeouts from the *provider*.`,
    );
  });

  it('answers /callboard docs and /callboard runbook the same way', async () => {
    const short = await ask('/docs', 'Checkout Service deploying');
    expect(await ask('/callboard', 'docs Checkout Service deploying')).toEqual(short);
    expect(await ask('/callboard', 'runbook Checkout Service deploying')).toEqual(short);
    expect(allMrkdwn([blockById(short.blocks, 'docs.hit.0')])).toContain(
      `${PUBLIC}/docs/default/component/checkout-service/#deploying|Checkout Service › Deploying>*`,
    );
  });

  it("answers a system without docs with its documented parts' sections", async () => {
    const message = await ask('/docs', 'payments runbook');
    expect(blockIds(message.blocks)).toEqual(['docs.none', 'docs.parts', 'docs.summary', 'docs.hit.0', 'docs.hit.1', 'docs.hit.2']);
    expect(allMrkdwn([blockById(message.blocks, 'docs.none')])).toContain('*payments* has no docs site of its own; its parts have.');
    expect(allMrkdwn([blockById(message.blocks, 'docs.parts')])).toContain(`<${PAYMENTS_DOCS}|Payments API>`);
  });

  it('says what to add for an entity with no docs, with the docs links its catalog file lists', async () => {
    const message = await ask('/docs', 'orders-db');
    expect(allMrkdwn([blockById(message.blocks, 'docs.none')])).toContain('`backstage.io/techdocs-ref: dir:.`');
    const declared = await ask('/docs', 'shipping-service');
    expect(allMrkdwn([blockById(declared.blocks, 'docs.none')])).toContain(
      'declares `backstage.io/techdocs-ref: dir:.` but no site has been built from it yet',
    );
  });

  it('answers what it cannot resolve with the usual not-found view', async () => {
    const message = await ask('/docs', 'unicornz runbook');
    expect(blockIds(message.blocks)).not.toContain('docs.none');
    expect(message.forAskerOnly).toBe(true);
  });
});

describe('/docs alone', () => {
  it("lists the asker's teams' documented entities", async () => {
    const message = await ask('/docs', '');
    expect(blockIds(message.blocks)).toEqual(['docs.teams.header', 'docs.team.0', 'docs.teams.hint']);
    expect(allMrkdwn([blockById(message.blocks, 'docs.team.0')])).toContain(
      `<${PUBLIC}/docs/default/component/checkout-service/|Checkout Service>  \`checkout-service\``,
    );
    expect(await ask('/callboard', 'docs')).toEqual(message);
  });

  it('says why when the asker is not in the catalog', async () => {
    const message = await ask('/docs', '', People.stranger.id);
    expect(blockIds(message.blocks)).toEqual(['docs.teams.unknown']);
  });
});

describe('/find with docs', () => {
  it('shows docs sections as their own group on the first page only', async () => {
    const first = await answerRequest(deps, { kind: 'find', query: 'runbook' }, People.sofia.id);
    expect(blockIds(first.blocks)).toEqual(expect.arrayContaining(['search.docs', 'search.docs.hit.0']));
    expect(allMrkdwn([blockById(first.blocks, 'search.docs.hit.0')])).toContain(`<${PAYMENTS_DOCS}runbook/|Runbook>*  ·  payments-api`);
    // Forty entities match: page 2 pages through entities alone.
    const hits = Array.from({ length: 15 }, (_, i) => ({ ref: `component:default/s-${i}`, kind: 'Component', name: `s-${i}`, score: -1 }));
    const many = { store: { search: (query: string) => ({ query, hits, total: 40 }) } as unknown as SlackDeps['store'], docs: deps.docs };
    expect(blockIds(answerSearch(many, 'runbook', 1).blocks)).toContain('search.docs');
    expect(blockIds(answerSearch(many, 'runbook', 2).blocks)).not.toContain('search.docs');
  });

  it('without a docs library the answer is as before', () => {
    const plain = answerSearch(slackDepsFor(runtime), 'runbook');
    expect(blockIds(plain.blocks)).not.toContain('search.docs');
  });
});

describe('the Docs button', () => {
  const docsButtonUrl = (message: SlackMessage): string | undefined => {
    const actions = message.blocks.find((block) => block.block_id === 'owner.actions') as { elements: Array<{ action_id: string; url?: string }> } | undefined;
    return actions?.elements.find((element) => element.action_id === ActionIds.showDocs)?.url;
  };

  it("opens the rendered site on the /owner card when there is one, else the catalog file's docs link", async () => {
    expect(docsButtonUrl(await answerRequest(deps, { kind: 'owner', entity: 'component:default/payments-api' }, People.sofia.id))).toBe(PAYMENTS_DOCS);
    const withoutSite = { ...deps, docs: { library: plainDocsLibrary([]), publicUrl: PUBLIC } };
    expect(docsButtonUrl(await answerRequest(withoutSite, { kind: 'owner', entity: 'checkout-service' }, People.sofia.id))).toBe(
      'https://docs.acme.example/checkout-service/',
    );
  });

  it('an old Docs button without a link is told the rendered site', async () => {
    const replies: unknown[] = [];
    const args = {
      ack: async () => undefined,
      action: { type: 'button', action_id: ActionIds.showDocs, value: 'component:default/payments-api' },
      body: { user: { id: People.sofia.id }, response_url: 'https://hooks.slack.test/actions/1' },
      respond: async (message: unknown) => void replies.push(message),
    };
    await docsAction(deps)(args as never);
    expect(JSON.stringify(replies)).toContain(`Its docs are at ${PAYMENTS_DOCS}`);
    replies.length = 0;
    await docsAction(deps)({ ...args, action: { ...args.action, value: 'resource:default/orders-db' } } as never);
    expect(JSON.stringify(replies)).toContain('This entity has no docs. Add `backstage.io/techdocs-ref: dir:.`');
  });
});
