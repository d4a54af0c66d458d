import { request } from 'node:http';
import pino from 'pino';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import type { DocsPage } from '../../../src/core/docs/docs-site.ts';
import type { DocsAccess } from '../../../src/http/auth/docs-access.ts';
import type { HttpRequest } from '../../../src/http/http-types.ts';
import { mountDocsRoutes, type DocsRoutesDeps } from '../../../src/http/docs/mount-docs-routes.ts';
import { healthzRoute } from '../../../src/http/routes/health.ts';
import { createRouter } from '../../../src/http/router.ts';
import { startHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { memoryDocsLibrary, type MemorySite } from '../../helpers/memory-docs-library.ts';
import { fakeCatalog } from '../../scaffolder/run/helpers/fake-catalog.ts';

const entity = (kind: string, name: string, metadata: Partial<Entity['metadata']> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...metadata },
});

export const entities: Entity[] = [
  entity('Group', 'payments', { title: 'Payments Team', annotations: { 'slack.com/channel-name': '#team-payments' } }),
  entity('Group', 'platform', { title: 'Platform Team', annotations: { 'slack.com/channel-id': 'C0123ABCDE' } }),
  entity('System', 'commerce', { title: 'Commerce' }),
  entity('Component', 'checkout', {
    title: 'Checkout',
    description: 'Takes the money.',
    annotations: { 'backstage.io/source-location': 'url:https://github.com/acme/checkout/tree/main/' },
  }),
  entity('Component', 'billing', { description: 'Sends the bills.' }),
  entity('Component', 'undocumented'),
];

const relations = [
  { source: 'component:default/checkout', type: 'ownedBy', target: 'group:default/payments' },
  { source: 'component:default/checkout', type: 'partOf', target: 'system:default/commerce' },
  { source: 'component:default/billing', type: 'ownedBy', target: 'group:default/platform' },
  { source: 'system:default/commerce', type: 'ownedBy', target: 'group:default/platform' },
];

const page = (path: string, title: string, html: string, extra: Partial<DocsPage> = {}): DocsPage => ({
  path,
  sourcePath: path === '' ? 'index.md' : `${path.slice(0, -1)}.md`,
  title,
  html,
  toc: [],
  sections: [{ anchor: '', heading: '', text: html.replace(/<h1>.*?<\/h1>/, '').replace(/<[^>]+>/g, '') }],
  ...extra,
});

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
export const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

const checkoutSite: MemorySite = {
  commit: '0123456789abcdef0123456789abcdef01234567',
  builtAt: '2026-12-01T09:30:00.000Z',
  site: {
    entityRef: 'component:default/checkout',
    siteName: 'Checkout docs',
    repoUrl: 'https://github.com/acme/checkout',
    nav: [
      { title: 'Home', path: '' },
      {
        title: 'Guides',
        children: [
          { title: 'Setup <b>guide</b>', path: 'guides/setup/' },
          { title: 'Deep dive', children: [{ title: 'Tuning', path: 'guides/tuning/' }] },
        ],
      },
      { title: 'Status page', url: 'https://status.example.com/' },
      { title: 'Sneaky', url: 'javascript:alert(1)' },
    ],
    pages: [
      page('', 'Checkout', '<h1 id="checkout">Checkout</h1><p>Home page body. <img src="/docs/default/component/checkout/images/flow.png" alt="flow"></p>', {
        toc: [
          { level: 1, text: 'Checkout', anchor: 'checkout' },
          { level: 2, text: 'Running it', anchor: 'running-it' },
          { level: 3, text: 'Locally', anchor: 'locally' },
        ],
        sections: [
          { anchor: 'checkout', heading: 'Checkout', text: 'Home page body.' },
          { anchor: 'running-it', heading: 'Running it', text: 'How to roll back a bad deploy.' },
        ],
      }),
      page('guides/setup/', 'Setup <b>guide</b>', '<h1>Setup</h1><p>Setup body.</p>', {
        editUrl: 'https://github.com/acme/checkout/edit/main/docs/guides/setup.md',
      }),
      page('guides/tuning/', 'Tuning', '<h1>Tuning</h1><p>Tuning body: rollback limits.</p>'),
      page('not-in-nav/', 'Hidden', '<p>Built but not in the nav.</p>'),
    ],
    assets: [
      { path: 'images/flow.png', contentType: 'image/png', data: PNG },
      { path: 'images/logo.svg', contentType: 'image/svg+xml', data: Buffer.from(SVG) },
      { path: 'files/report.html', contentType: 'text/html', data: Buffer.from('<script>alert(1)</script>') },
    ],
    warnings: [],
  },
};

const simpleSite = (entityRef: string, siteName: string, text: string, extra: Partial<MemorySite> = {}): MemorySite => ({
  site: { entityRef, siteName, nav: [], pages: [page('', siteName, `<p>${text}</p>`)], assets: [], warnings: [] },
  ...extra,
});

export const sites: MemorySite[] = [
  checkoutSite,
  simpleSite('component:default/billing', 'Billing docs', 'Invoices and rollback of charges.', { lastError: 'mkdocs.yml: nav is not a list' }),
  simpleSite('system:default/commerce', 'Commerce docs', 'The commerce system.'),
  simpleSite('component:default/gone', 'Gone docs', 'An entity no longer in the catalog.'),
];

/** A gate that lets everyone in, or refuses everyone with 401, and records what it was asked. */
export const fakeAccess = (allow: boolean) => {
  const checked: HttpRequest[] = [];
  const access: DocsAccess = {
    check: (request) => {
      checked.push(request);
      return allow ? { viewer: { id: 'local', via: 'loopback' } } : { answer: { status: 401, headers: { 'x-gate': 'refused' }, body: 'Sign in first' } };
    },
    routes: [{ method: 'GET', path: '/auth/test-sign-in', handler: async () => ({ status: 200, body: 'sign-in page' }) }],
  };
  return { access, checked };
};

/** The real server on port 0 with the docs routes mounted over the test sites. */
export const startDocsServer = async (access: DocsAccess, extra: Partial<DocsRoutesDeps> = {}): Promise<HttpServer> => {
  const router = createRouter([healthzRoute]);
  mountDocsRoutes(router, {
    library: memoryDocsLibrary(sites),
    catalog: fakeCatalog(entities, relations),
    access,
    publicUrl: 'https://callboard.example.com',
    onCallLine: async (ref) => (ref === 'component:default/checkout' ? 'Ada Lovelace (payments-primary)' : undefined),
    ...extra,
  });
  return startHttpServer({ router, host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }) });
};

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** A request sent with the path exactly as given (fetch would resolve `..` and `\` before sending). */
export const rawRequest = (server: HttpServer, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode!, headers: response.headers, body, text: body.toString('utf8') });
      });
    });
    sent.on('error', reject);
    sent.end();
  });
