import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublishedDocs } from '../../src/usecases/docs/docs-ports.ts';
import { cli, exampleConfig } from '../helpers/run-cli.ts';
import { paymentsApiSite, plainDocsLibrary } from '../helpers/plain-docs-library.ts';

// The docs library is wired in one place (src/published-docs-runtime.ts): here it is the in-memory one.
const wiring = vi.hoisted(() => ({ access: undefined as PublishedDocs | undefined }));
vi.mock('../../src/published-docs-runtime.ts', () => ({ openPublishedDocs: () => wiring.access }));

const PUBLIC = 'https://callboard.acme.example';
const PAYMENTS_DOCS = `${PUBLIC}/docs/default/component/payments-api/`;
const config = exampleConfig();
const withLibrary = () => {
  wiring.access = { library: plainDocsLibrary([paymentsApiSite]), publicUrl: PUBLIC };
};
afterEach(() => {
  wiring.access = undefined;
});

describe('callboard docs', () => {
  it("prints the entity's site and its best sections with their links", async () => {
    withLibrary();
    const { code, out } = await cli(['docs', 'payments-api', 'provider', 'outage', '--config', config]);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        `Payments API  ${PAYMENTS_DOCS}`,
        'component:default/payments-api  ·  2 pages  ·  built 2026-12-01T09:30:00.000Z from 4f1c2a9e0b7d',
        '',
        'Runbook › Provider outage',
        `  ${PAYMENTS_DOCS}runbook/#provider-outage`,
        '  Symptoms: PaymentsProviderErrorRate alert, 5xx or timeouts from the *provider*.',
      ].join('\n'),
    );
  });

  it("without words, lists the site's pages", async () => {
    withLibrary();
    const { code, out } = await cli(['docs', 'payments-api', '--config', config]);
    expect(code).toBe(0);
    expect(out.split('\n').slice(2)).toEqual(['', 'Pages:', `  Overview  ${PAYMENTS_DOCS}`, `  Runbook  ${PAYMENTS_DOCS}runbook/`]);
  });

  it('--json prints { entityRef, url, siteName, builtAt, commit, hits }', async () => {
    withLibrary();
    const { code, out } = await cli(['docs', 'payments-api', 'outage', '--json', '--config', config]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      entityRef: 'component:default/payments-api',
      url: PAYMENTS_DOCS,
      siteName: 'Payments API',
      builtAt: '2026-12-01T09:30:00.000Z',
      commit: '4f1c2a9e0b7d',
      hits: [
        {
          entityRef: 'component:default/payments-api',
          page: 'runbook/',
          title: 'Runbook',
          heading: 'Provider outage',
          anchor: 'provider-outage',
          url: `${PAYMENTS_DOCS}runbook/#provider-outage`,
          snippet: 'Symptoms: PaymentsProviderErrorRate alert, 5xx or timeouts from the provider.',
        },
      ],
    });
  });

  it('an entity without docs says what to add and exits 1; an unknown one exits 1 with suggestions', async () => {
    withLibrary();
    const bare = await cli(['docs', 'orders-db', '--config', config]);
    expect(bare.code).toBe(1);
    expect(bare.out).toContain(
      'resource:default/orders-db has no docs. Put an mkdocs.yml and a docs/ folder next to its catalog file and add the annotation backstage.io/techdocs-ref: dir:.',
    );
    const unknown = await cli(['docs', 'unicornz', '--config', config]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No entity matches "unicornz"');
  });

  it('`docs build` goes to the build subcommand, with the options given after it', async () => {
    const { code, err } = await cli(['docs', 'build', 'unicornz', '--config', config]);
    expect(code).toBe(2);
    expect(err).toContain('No entity matches "unicornz"');
  });
});

describe('callboard ask "/docs …"', () => {
  it('answers as Slack does: a system without docs of its own, with its documented parts and their runbook sections', async () => {
    withLibrary();
    const { code, out } = await cli(['ask', '/docs payments runbook', '--config', config]);
    expect(code).toBe(0);
    expect(out).toContain('*payments* has no docs site of its own; its parts have.');
    expect(out).toContain(`Payments API (${PAYMENTS_DOCS})`);
    expect(out).toContain(`Runbook › Provider outage (${PAYMENTS_DOCS}runbook/#provider-outage)`);
  });

  it('--json prints the Slack message', async () => {
    withLibrary();
    const { code, out } = await cli(['ask', '/docs payments-api outage', '--json', '--config', config]);
    expect(code).toBe(0);
    const message = JSON.parse(out) as { blocks: Array<{ block_id: string }> };
    expect(message.blocks.map((block) => block.block_id)).toEqual(['docs.header', 'docs.home', 'docs.built', 'docs.summary', 'docs.hit.0', 'docs.links']);
  });
});

describe('callboard docs for a system', () => {
  it('lists its documented parts and finds sections in them', async () => {
    withLibrary();
    const { code, out } = await cli(['docs', 'payments', 'outage', '--config', config]);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'system:default/payments has no docs site of its own; its parts have.',
        '',
        'Docs of its parts (1):',
        `  Payments API  ${PAYMENTS_DOCS}  (component:default/payments-api)`,
        '',
        'Runbook › Provider outage  (component:default/payments-api)',
        `  ${PAYMENTS_DOCS}runbook/#provider-outage`,
        '  Symptoms: PaymentsProviderErrorRate alert, 5xx or timeouts from the provider.',
      ].join('\n'),
    );
  });
});
