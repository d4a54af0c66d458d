import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestGitRemote } from '../helpers/git-repo.ts';
import { cli } from '../helpers/run-cli.ts';

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

const emptyConfig = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-register-'));
  writeFileSync(join(dir, 'callboard.yaml'), 'database:\n  path: catalog.db\ncatalog:\n  sources: []\nscaffolder:\n  builtinTemplates: false\n');
  return dir;
};

describe('callboard register / unregister', () => {
  let remote: TestGitRemote;
  beforeAll(async () => {
    remote = await TestGitRemote.create('main');
    await remote.commit({ 'catalog-info.yaml': component('payments') });
  });
  afterAll(() => remote.cleanup());

  it('registers a repository, whose entity answers at once and after a restart, and unregisters it with its entities', async () => {
    const dir = emptyConfig();
    const registered = await cli(['register', remote.url], dir);
    expect(registered.code).toBe(0);
    const id = `registered:${remote.bareDir}`;
    expect(registered.out).toBe(`Registered: ${id} (git)\nEntities (1): component:default/payments\nRemove it with: callboard unregister '${id}'`);
    // A new process (each cli() call opens the database anew) answers without another sync.
    expect((await cli(['owner', 'payments', '--json'], dir)).code).toBe(0);
    expect((await cli(['register', remote.url], dir)).out).toMatch(/^Already registered: /);

    const removed = await cli(['unregister', id], dir);
    expect(removed).toMatchObject({ code: 0, out: `Unregistered ${id}; its entities left the catalog.` });
    expect((await cli(['entity', 'payments'], dir)).code).not.toBe(0);
  });

  it('exits 2 on a URL it cannot take and 1 on an id it does not know, saying why', async () => {
    const dir = emptyConfig();
    const bad = await cli(['register', 'some/relative/path'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Cannot register "some\/relative\/path": a local path must be absolute/);
    const unknown = await cli(['unregister', 'registered:nope'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No registered source "registered:nope"; none is registered/);
  });
});
