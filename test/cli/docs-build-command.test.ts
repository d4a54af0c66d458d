import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliExit, type CliIo } from '../../src/cli/cli-context.ts';
import { docsBuildCommand } from '../../src/cli/commands/docs-build-command.ts';
import { repoRoot } from '../helpers/run-cli.ts';

let dir: string;
let config: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-docs-cli-'));
  config = join(dir, 'callboard.yaml');
  writeFileSync(
    config,
    `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${join(repoRoot, 'examples/acme')}\nscaffolder:\n  builtinTemplates: false\n`,
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = async (entity: string | undefined, options: { json?: boolean } = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), cwd: dir, env: {} };
  let code = 0;
  try {
    await docsBuildCommand(io)(entity, { config, ...options });
  } catch (error) {
    if (!(error instanceof CliExit)) throw error;
    code = error.exitCode;
    if (error.message) err.push(error.message);
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('callboard docs build', () => {
  it('builds one entity, then reports it unchanged', async () => {
    const first = await run('component:payments-api');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^built component:default\/payments-api: 3 pages, 0 warnings \(\d+ ms\)\nDone in \d+ ms\.$/);
    const again = await run('component:payments-api', { json: true });
    expect(JSON.parse(again.out)).toMatchObject({ built: [], failed: [], unchanged: 1, removed: 0 });
  });

  it('builds every documented entity without an argument', async () => {
    const { code, out } = await run(undefined, { json: true });
    expect(code).toBe(0);
    const report = JSON.parse(out) as { built: { entityRef: string; pages: number }[] };
    expect(report.built.map((site) => site.entityRef)).toContain('component:default/checkout-service');
  });

  it('refuses an entity without docs, exit 2', async () => {
    const { code, err } = await run('group:platform-team');
    expect(code).toBe(2);
    expect(err).toContain('has no docs: add backstage.io/techdocs-ref');
  });
});
