import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino from 'pino';
import { stringify } from 'yaml';
import { openCatalogRuntime, type CatalogRuntime } from '../../src/catalog-runtime.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { buildDocsSite } from '../../src/core/docs/build-docs-site.ts';
import { createDocsBuilder } from '../../src/docs/docs-runtime.ts';
import { createDocsAccess } from '../../src/http/auth/create-docs-access.ts';
import { mountDocsRoutes } from '../../src/http/docs/mount-docs-routes.ts';
import { createRouter } from '../../src/http/router.ts';
import { startHttpServer, type HttpServer } from '../../src/http/server.ts';
import { layoutVectors, offsiteVectors } from '../fixtures/docs/offsite-vectors.ts';
import { xssVectors, type XssVector } from '../fixtures/docs/xss-vectors.ts';

export const ENTITY_REF = 'component:default/xss-docs';
export const SITE_ROOT = '/docs/default/component/xss-docs/';

/** Every vector of the fixtures, one docs page each (`vector-007/`), so a page that runs script names its vector. */
export const vectorPages: (XssVector & { path: string })[] = [...xssVectors, ...offsiteVectors].map((vector, index) => ({
  ...vector,
  path: `vector-${String(index).padStart(3, '0')}/`,
}));

/** An SVG file in the docs folder with script in it, opened directly by the test. */
export const SVG_ASSET = 'images/evil.svg';
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="__xssHit('svg onload')"><script>__xssHit('svg script');window.__xss=1;alert(1)</script><image href="http://evil.invalid/svg.png"/></svg>`;

const catalogFile = (): string =>
  [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'xss-team', title: layoutVectors.ownerTitle, annotations: { 'slack.com/channel-name': layoutVectors.ownerChannel } },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'xss-docs',
        title: layoutVectors.entityTitle,
        description: layoutVectors.entityDescription,
        annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'xss-team' },
    },
  ]
    .map((entity) => stringify(entity))
    .join('---\n');

const mkdocsFile = (): string =>
  stringify({
    site_name: layoutVectors.siteName,
    repo_url: layoutVectors.repoUrl,
    edit_uri: layoutVectors.editUri,
    nav: [
      { Home: 'index.md' },
      { [layoutVectors.navTitle]: 'index.md' },
      ...layoutVectors.navLinks.map((link, index) => ({ [`Link ${index}`]: link })),
      ...vectorPages.map((vector) => ({ [vector.name]: `${vector.path.slice(0, -1)}.md` })),
    ],
    markdown_extensions: ['admonition', 'attr_list', 'footnotes', 'pymdownx.superfences', 'pymdownx.tabbed', 'pymdownx.tasklist', 'tables', 'toc'],
  });

const docsFiles = (): Record<string, string> => ({
  'catalog-info.yaml': catalogFile(),
  'mkdocs.yml': mkdocsFile(),
  'docs/index.md': `# XSS vectors\n\nOne page per vector.\n\n![evil svg](${SVG_ASSET})\n`,
  ...Object.fromEntries(
    vectorPages.map((vector) => [`docs/${vector.path.slice(0, -1)}.md`, `# Vector ${vector.path}\n\n${vector.markdown}\n\nAfter the vector.\n`]),
  ),
  [`docs/${SVG_ASSET}`]: SVG,
});

export interface XssDocsSite {
  server: HttpServer;
  runtime: CatalogRuntime;
  close: () => Promise<void>;
}

/**
 * The real pipeline over the vectors: a folder source synced into a temporary SQLite catalog, the real builder and
 * renderer, the real SqliteDocsLibrary, the real docs routes behind the loopback gate, the real server on port 0.
 */
export const startXssDocsSite = async (): Promise<XssDocsSite> => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-xss-'));
  const source = join(dir, 'repo');
  for (const [path, text] of Object.entries(docsFiles())) {
    mkdirSync(dirname(join(source, path)), { recursive: true });
    writeFileSync(join(source, path), text);
  }
  writeFileSync(
    join(dir, 'callboard.yaml'),
    stringify({
      database: { path: join(dir, 'catalog.db') },
      catalog: { sources: [{ type: 'dir', id: 'xss', path: source }] },
      scaffolder: { builtinTemplates: false },
    }),
  );
  const config = loadConfig({ file: join(dir, 'callboard.yaml'), env: {} });
  const runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
  await runtime.sync.syncAll();
  const report = await createDocsBuilder(config, runtime, buildDocsSite).run();
  if (report.failed.length > 0 || report.built.length !== 1) throw new Error(`the XSS docs site did not build: ${JSON.stringify(report)}`);
  const router = createRouter();
  const server = await startHttpServer({ router, host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }) });
  mountDocsRoutes(router, { library: runtime.docs, catalog: runtime.store, access: createDocsAccess(config), publicUrl: server.url });
  return {
    server,
    runtime,
    close: async () => {
      await server.close();
      runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
