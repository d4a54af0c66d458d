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

const ask = async (kind: 'docs', entity: string, settings = { pagerdutyUrl: 'https://acme.pagerduty.com' }) => {
  const message = await answerRequest(slackDepsFor(runtime, settings), { kind, entity }, 'U0MARCUS');
  return { message, blockIds: message.blocks.map((block) => block.block_id) };
};

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
