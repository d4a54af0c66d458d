import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { answerRequest } from '../../../src/slack/listeners/answers/answer-request.ts';
import { docsView } from '../../../src/slack/views/oncall-docs-view.ts';
import { openExampleCatalog, slackDepsFor } from '../helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const ask = async (kind: 'oncall' | 'docs', entity: string, settings = { pagerdutyUrl: 'https://acme.pagerduty.com' }) => {
  const message = await answerRequest(slackDepsFor(runtime, settings), { kind, entity }, 'U0MARCUS');
  return { message, blockIds: message.blocks.map((block) => block.block_id) };
};

describe('on-call questions before on-call lookups exist', () => {
  it("say so in one line, with the owner and the entity's PagerDuty service page", async () => {
    const { message, blockIds } = await ask('oncall', 'checkout service');
    expect(blockIds).toEqual(['oncall.known']);
    expect(message.text).toBe(
      'On-call lookups are not connected yet. checkout-service is owned by Checkout (<https://acme.slack.com/archives/C04CHKOUT02|#team-checkout>); its PagerDuty service: <https://acme.pagerduty.com/service-directory/PC3XN9M|PC3XN9M>.',
    );
  });

  it('an API without a service of its own names the one of the component providing it', async () => {
    const { message } = await ask('oncall', 'payments api');
    expect(message.text).toContain(
      'its PagerDuty service (via component payments-api, which provides it): <https://acme.pagerduty.com/service-directory/PY9WQ4A|PY9WQ4A>',
    );
  });

  it('without the account address the service id is named; without any annotation, that there is no on-call source', async () => {
    expect((await ask('oncall', 'cart-service', { pagerdutyUrl: '' })).message.text).toContain('its PagerDuty service: `PK7HV2W`.');
    expect((await ask('oncall', 'orders-db')).message.text).toBe(
      'On-call lookups are not connected yet. orders-db is owned by Order Management (#team-orders); it names no on-call source (no `pagerduty.com/service-id` annotation).',
    );
  });

  it('a team or a person is named as such, never "no owner is recorded" (nothing owns a team)', async () => {
    expect((await ask('oncall', 'payments team')).message.text).toBe(
      'On-call lookups are not connected yet. payments-team is the team Payments (#team-payments); it names no on-call source (no `pagerduty.com/service-id` annotation).',
    );
    expect((await ask('docs', 'checkout-team')).message.text).toBe(
      'checkout-team has no docs link. checkout-team is the team Checkout (<https://acme.slack.com/archives/C04CHKOUT02|#team-checkout>).',
    );
    expect((await ask('oncall', 'marcus.oyelaran')).message.text).toBe(
      'On-call lookups are not connected yet. marcus.oyelaran is the person Marcus Oyelaran; it names no on-call source (no `pagerduty.com/service-id` annotation).',
    );
  });

  it('several entities of that name are a choice, never a guess or the help page', async () => {
    const { message, blockIds } = await ask('oncall', 'payments-api');
    expect(blockIds).toContain('chooser.choices');
    expect(JSON.stringify(message.blocks)).toContain('"value":"oncall api:default/payments-api"');
    expect(message.text).toContain('whose on-call you want');
  });
});

describe('docs questions', () => {
  it('list the docs and runbook links and TechDocs, with the owner', async () => {
    const { message, blockIds } = await ask('docs', 'Checkout Service');
    expect(blockIds).toEqual(['docs.known']);
    expect(message.text).toContain(
      'Docs for checkout-service: <https://github.com/acme/checkout-service/blob/main/docs/runbook.md|Runbook>  ·  <https://docs.acme.example/checkout-service/|Docs>',
    );
    // The example org is a local folder: its catalog file is a path on Callboard's disk, not a link for Slack.
    expect(message.text).toContain('checkout-service has TechDocs (`dir:.`); Callboard does not show them yet.');
    expect(message.text).not.toContain('/examples/acme');
    expect(message.text).toMatch(/checkout-service is owned by Checkout \(.*#team-checkout.*\)\.$/);
  });

  it('counts the docs links it does not name, never cutting the list silently', () => {
    const links = Array.from({ length: 13 }, (_, i) => ({ title: `Doc ${i}`, url: `https://docs.acme.example/${i}` }));
    const text = docsView({ entityName: 'x', ownerName: 'Checkout', links }).text;
    expect(text).toContain('Doc 9');
    expect(text).not.toContain('Doc 10');
    expect(text).toContain('and 3 more links');
  });

  it('link TechDocs sources that live at a web address', () => {
    const techdocs = { ref: 'dir:.', location: 'https://github.com/acme/x/tree/main/' };
    expect(docsView({ entityName: 'x', ownerName: 'Checkout', links: [], techdocs }).text).toBe(
      'x has TechDocs (`dir:.`) in <https://github.com/acme/x/tree/main/|github.com/acme/x/tree/main/>; Callboard does not show them yet.\nx is owned by Checkout.',
    );
  });

  it('say plainly when there is no docs link', async () => {
    expect((await ask('docs', 'http-client')).message.text).toBe('http-client has no docs link. http-client is owned by Jonas Berg.');
  });

  it('name what was not found', async () => {
    expect((await ask('docs', 'unicorn service')).blockIds).not.toContain('docs.known');
  });
});
