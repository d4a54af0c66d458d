import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogRuntime } from '../../src/catalog-runtime.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { buildDocsSite, type DocsBuildInput } from '../../src/core/docs/build-docs-site.ts';
import { createDocsBuilder, defaultRenderThreads, loadDocsRenderer } from '../../src/docs/docs-runtime.ts';
import { createDocsRenderPool, type DocsRenderPool } from '../../src/docs/docs-render-pool.ts';

const encoder = new TextEncoder();

/** A small docs root using what the renderer does: nav, code, tables, admonitions, images, links (one broken). */
const siteInput = (name: string, extra: Record<string, string> = {}): DocsBuildInput => {
  const files: Record<string, string | Uint8Array> = {
    'mkdocs.yml': `site_name: ${name}\nnav:\n  - Home: index.md\n  - Runbook: ops/runbook.md\nmarkdown_extensions:\n  - admonition\n`,
    'docs/index.md': `# ${name}\n\n![Flow](images/flow.png)\n\nSee the [runbook](ops/runbook.md) and [a gap](gone.md).\n`,
    'docs/ops/runbook.md':
      '# Runbook\n\n## Drift\n\n!!! warning\n    Never edit balances by hand.\n\n| Step | Who |\n| --- | --- |\n| Pause | on-call |\n\n```ts\nconst x: number = 1;\n```\n\n<script>alert(1)</script>\n',
    'docs/images/flow.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    ...extra,
  };
  const entries = Object.entries(files).map(([path, data]) => [path, typeof data === 'string' ? encoder.encode(data) : data] as const);
  return { entityRef: `component:default/${name}`, entityName: name, files: new Map(entries), rootInSource: '', maxPageBytes: 4096 };
};

let pool: DocsRenderPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the docs render pool', () => {
  it('renders sites in worker threads exactly as the renderer does in this thread', async () => {
    pool = createDocsRenderPool({ size: 2 });
    const inputs = ['ledger', 'billing', 'search', 'payments', 'refunds'].map((name) => siteInput(name));
    const rendered = await Promise.all(inputs.map((input) => pool!.build(input)));
    expect(rendered).toEqual(inputs.map((input) => buildDocsSite(input)));
    expect(rendered[0]).toMatchObject({ ok: true, site: { siteName: 'ledger' } });
  });

  it("returns the renderer's refusal as the same data", async () => {
    pool = createDocsRenderPool({ size: 1 });
    const tooBig = siteInput('huge', { 'docs/big.md': `# Big\n\n${'word '.repeat(2000)}\n` });
    const result = await pool.build(tooBig);
    expect(result).toEqual(buildDocsSite(tooBig));
    expect(result.ok).toBe(false);
  });

  it('refuses sites once closed', async () => {
    pool = createDocsRenderPool({ size: 1 });
    await pool.build(siteInput('warm'));
    await pool.close();
    await expect(pool.build(siteInput('late'))).rejects.toThrow('the docs render pool is closed');
  });

  describe('when a thread dies', () => {
    const crashing = () => new URL('../fixtures/docs/crashing-render-worker.mjs', import.meta.url);
    const named = (name: string): DocsBuildInput => ({ ...siteInput(name), files: new Map() });
    const outcome = (build: Promise<unknown>) =>
      build.then(
        (result) => result,
        (error: Error) => `failed: ${error.message}`,
      );

    it.each([
      ['ends', 'crash', 'the docs render thread stopped (exit code 3) while rendering component:default/crash'],
      ['throws', 'throw', 'thrown while rendering component:default/throw'],
    ])('that %s fails its own site only; the sites queued behind it render on a new thread', async (_, name, error) => {
      pool = createDocsRenderPool({ size: 1, entry: crashing });
      const builds = [name, 'after', 'later', 'last'].map((site) => outcome(pool!.build(named(site))));
      expect(await Promise.all(builds)).toEqual([
        `failed: ${error}`,
        { ok: false, error: 'rendered component:default/after' },
        { ok: false, error: 'rendered component:default/later' },
        { ok: false, error: 'rendered component:default/last' },
      ]);
      expect(await pool.build(named('next'))).toEqual({ ok: false, error: 'rendered component:default/next' });
    });
  });

  it('never keeps a process alive once its sites are rendered', () => {
    const script = [
      `const { createDocsRenderPool } = await import(${JSON.stringify(resolve('src/docs/docs-render-pool.ts'))});`,
      `const pool = createDocsRenderPool({ size: 2 });`,
      `const result = await pool.build({ entityRef: 'component:default/a', entityName: 'a', files: new Map([['docs/index.md', new TextEncoder().encode('# A')]]), rootInSource: '', maxPageBytes: 4096 });`,
      `console.log(result.ok ? 'rendered' : result.error);`,
    ].join('\n');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(output.trim()).toBe('rendered');
  });
});

describe('the builder with the render pool', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const buildExampleOrg = async (name: string, renderer: Parameters<typeof createDocsBuilder>[2]) => {
    const file = join(dir!, `${name}.yaml`);
    writeFileSync(file, `database:\n  path: ${name}.db\ncatalog:\n  sources:\n    - type: dir\n      id: acme\n      path: ${resolve('examples/acme')}\n`);
    const config = loadConfig({ file, env: {} });
    const runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
    try {
      await runtime.sync.syncAll();
      const report = await createDocsBuilder(config, runtime, renderer).run();
      expect(report.failed).toEqual([]);
    } finally {
      runtime.close();
    }
    const db = new Database(join(dir!, `${name}.db`), { readonly: true });
    try {
      return {
        pages: db.prepare('SELECT entity_ref, path, source_path, title, html, toc_json, edit_url FROM docs_pages ORDER BY entity_ref, path').all(),
        sections: db
          .prepare('SELECT entity_ref, page_path, page_title, anchor, heading, text FROM docs_sections ORDER BY entity_ref, page_path, anchor, id')
          .all(),
        assets: db.prepare('SELECT entity_ref, path, content_type, data FROM docs_assets ORDER BY entity_ref, path').all(),
        sites: db.prepare('SELECT entity_ref, content_key, site_name, nav_json, page_count, warnings_json FROM docs_sites ORDER BY entity_ref').all(),
        problems: db.prepare('SELECT entity_ref, file, line, severity, message FROM docs_problems ORDER BY entity_ref, file, line, message').all(),
      };
    } finally {
      db.close();
    }
  };

  it('stores the same sites, pages, sections, assets and problems building two sites at once in threads', async () => {
    dir = mkdtempSync(join(tmpdir(), 'callboard-docs-pool-'));
    const inThread = await buildExampleOrg('in-thread', buildDocsSite);
    pool = createDocsRenderPool({ size: 2 });
    const threaded = await buildExampleOrg('threads', { build: (input) => pool!.build(input), concurrency: 3 });
    expect(inThread.pages.length).toBeGreaterThan(3);
    expect(threaded).toEqual(inThread);
  });
});

describe('the builder when a render thread dies mid-run', () => {
  it('fails that site only, as a problem on its entity, and builds every other site of the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-docs-pool-crash-'));
    try {
      const file = join(dir, 'callboard.yaml');
      writeFileSync(file, `database:\n  path: crash.db\ncatalog:\n  sources:\n    - type: dir\n      id: acme\n      path: ${resolve('examples/acme')}\n`);
      const config = loadConfig({ file, env: {} });
      const runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
      try {
        await runtime.sync.syncAll();
        const everySite = await createDocsBuilder(config, runtime, buildDocsSite).run();
        const victim = everySite.built[1]!.entityRef;
        const stopped = `the docs render thread stopped (exit code 1) while rendering ${victim}`;
        // Another page size limit changes every site's key, so the run renders every site again; the victim's thread dies.
        const changed = { ...config, docs: { ...config.docs, maxPageBytes: config.docs.maxPageBytes + 1 } };
        const rerender = {
          build: (input: DocsBuildInput) => (input.entityRef === victim ? Promise.reject(new Error(stopped)) : Promise.resolve(buildDocsSite(input))),
          concurrency: 3,
        };
        const report = await createDocsBuilder(changed, runtime, rerender).run();
        expect(report.failed).toEqual([{ entityRef: victim, error: stopped }]);
        expect(report.built.map((site) => site.entityRef).sort()).toEqual(
          everySite.built
            .map((site) => site.entityRef)
            .filter((ref) => ref !== victim)
            .sort(),
        );
        // The last good build stays served, with the failure told.
        expect(runtime.docsStore.states().get(victim)).toMatchObject({ built: true, lastError: stopped });
      } finally {
        runtime.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start's renderer", () => {
  it('leaves one core to the builder and renders in its own thread on one core', () => {
    expect([1, 2, 3, 8, 64].map((cores) => defaultRenderThreads(cores))).toEqual([0, 1, 2, 4, 4]);
  });

  it('is the renderer itself, one site at a time, without render threads', async () => {
    const renderer = await loadDocsRenderer(0);
    expect(renderer).toMatchObject({ concurrency: 1, threads: 0 });
    const input = siteInput('inline');
    expect(await renderer.build(input)).toEqual(buildDocsSite(input));
  });

  it("keeps each thread's next site queued and one more in flight, so one is stored while the others render", async () => {
    const renderer = await loadDocsRenderer(1);
    expect(renderer).toMatchObject({ concurrency: 3, threads: 1 });
    const input = siteInput('threaded');
    expect(await renderer.build(input)).toEqual(buildDocsSite(input));
  });
});
