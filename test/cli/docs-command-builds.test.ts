import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, repoRoot } from '../helpers/run-cli.ts';

let dir: string;
let config: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-docs-query-'));
  config = join(dir, 'callboard.yaml');
  writeFileSync(
    config,
    `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${join(repoRoot, 'examples/acme')}\nscaffolder:\n  builtinTemplates: false\n`,
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('callboard docs on a database npm start never built docs in (the quick start)', () => {
  it('builds what changed first, then answers with the sections', async () => {
    const first = await cli(['docs', 'checkout-service', 'runbook', '--config', config], dir);
    expect(first.code).toBe(0);
    expect(first.err).toContain('Built the docs of 9 entities first.');
    expect(first.out).toContain('/docs/default/component/checkout-service/runbook/#rolling-back');

    const again = await cli(['docs', 'checkout-service', 'runbook', '--config', config], dir);
    expect(again.code).toBe(0);
    expect(again.err).not.toContain('Built the docs');
    // Nothing changed, so nothing was rebuilt: the same site, built at the same time.
    expect(again.out).toBe(first.out);
  });
});
