import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../src/catalog-runtime.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { buildDocsSite } from '../../src/core/docs/build-docs-site.ts';
import { snippetMark } from '../../src/core/docs/docs-library.ts';
import { createDocsBuilder } from '../../src/docs/docs-runtime.ts';
import { TestGitRemote } from '../helpers/git-repo.ts';

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
  annotations:
    backstage.io/techdocs-ref: dir:.
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('latin1');

let dir: string;
let runtime: CatalogRuntime | undefined;
let remote: TestGitRemote | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-docs-e2e-'));
});

afterEach(async () => {
  runtime?.close();
  runtime = undefined;
  await remote?.cleanup();
  remote = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const open = (source: string) => {
  writeFileSync(join(dir, 'callboard.yaml'), `database:\n  path: catalog.db\ncatalog:\n  sources:\n${source}scaffolder:\n  builtinTemplates: false\n`);
  const config = loadConfig({ file: join(dir, 'callboard.yaml'), env: {} });
  runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
  return { config, runtime };
};

describe('docs built with the real renderer', () => {
  it('renders a git repository docs folder into served pages, assets, search and problems', async () => {
    remote = await TestGitRemote.create('main');
    await remote.commit({
      'services/ledger/catalog-info.yaml': CATALOG,
      'services/ledger/mkdocs.yml': 'site_name: Ledger\nnav:\n  - Home: index.md\n  - Runbook: runbook.md\nmarkdown_extensions:\n  - admonition\n',
      'services/ledger/docs/index.md':
        '# Ledger\n\nThe ledger records every payment.\n\n![Flow](images/flow.png)\n\nSee the [runbook](runbook.md) and [a gap](gone.md).\n',
      'services/ledger/docs/runbook.md':
        '# Runbook\n\n## Reconciliation drift\n\n!!! warning\n    Never edit balances by hand.\n\n| Step | Who |\n| --- | --- |\n| Pause imports | on-call |\n\n```sh\nledger reconcile --since yesterday\n```\n',
      'services/ledger/docs/images/flow.png': PNG,
    });
    const { config, runtime } = open(`    - type: git\n      id: acme\n      url: ${remote.url}\n`);
    await runtime.sync.syncAll();
    const report = await createDocsBuilder(config, runtime, buildDocsSite).run();
    expect(report.failed).toEqual([]);
    const ref = 'component:default/ledger';
    expect(runtime.docs.site(ref)).toMatchObject({
      siteName: 'Ledger',
      pageCount: 2,
      nav: [
        { title: 'Home', path: '' },
        { title: 'Runbook', path: 'runbook/' },
      ],
    });
    const runbook = runtime.docs.page(ref, 'runbook/')!;
    expect(runbook.html).toContain('Never edit balances by hand.');
    expect(runbook.html).toContain('<table');
    expect(runbook.toc).toContainEqual({ level: 2, text: 'Reconciliation drift', anchor: 'reconciliation-drift' });
    expect(runtime.docs.asset(ref, 'images/flow.png')?.contentType).toBe('image/png');
    const [hit] = runtime.docs.search('reconciliation');
    expect(hit).toMatchObject({ entityRef: ref, pagePath: 'runbook/', anchor: 'reconciliation-drift', heading: 'Reconciliation drift' });
    expect(runtime.docs.search('balances')[0]!.snippet).toContain(`${snippetMark.start}balances${snippetMark.end}`);
    const warnings = runtime.store.problems({ entityRefs: [ref] }).filter((problem) => problem.origin === 'docs');
    expect(warnings).toMatchObject([{ severity: 'warning', file: `${remote.url}@main:services/ledger/docs/index.md`, line: 7 }]);
    expect(warnings[0]!.message).toContain('gone.md');
  });

  it('builds every documented entity of the example org without a failed build', async () => {
    const { config, runtime } = open(`    - type: dir\n      id: acme\n      path: ${resolve('examples/acme')}\n`);
    await runtime.sync.syncAll();
    const report = await createDocsBuilder(config, runtime, buildDocsSite).run();
    expect(report.failed).toEqual([]);
    expect(report.built.length).toBeGreaterThanOrEqual(3);
    expect(runtime.docs.search('runbook').length).toBeGreaterThan(0);
    expect(runtime.docs.page('component:default/payments-api', 'runbook/')?.title).toBeTruthy();
  });
});
