import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoRoot } from '../helpers/run-cli.ts';

const repoWith = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-validate-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
};

describe('callboard validate', () => {
  it('passes the example org with exit 0', async () => {
    const { code, out } = await cli(['validate', 'examples/acme'], repoRoot);
    expect(code).toBe(0);
    expect(out).toBe('');
  });

  it('prints file:line:col: severity: message, relative to the working folder, and exits 1 on errors', async () => {
    const dir = repoWith({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bad name\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n',
    });
    const { code, out } = await cli(['validate', '.'], dir);
    expect(code).toBe(1);
    expect(out).toMatch(/^catalog-info\.yaml:4:3: error: metadata\.name "bad name" is not valid/);
  });

  it('prints the documented JSON shape with --format json', async () => {
    const dir = repoWith({ 'svc/catalog-info.yaml': 'kind: Component\n' });
    const { code, out } = await cli(['validate', 'svc/catalog-info.yaml', '--format', 'json'], dir);
    expect(code).toBe(1);
    const problems = JSON.parse(out);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(Object.keys(problem).sort()).toEqual(['column', 'entityRef', 'file', 'line', 'message', 'severity']);
      expect(problem.file).toBe('svc/catalog-info.yaml');
    }
  });

  it('catches duplicate refs across the files it validates and follows Locations', async () => {
    const component = (name: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;
    const dir = repoWith({
      'a/catalog-info.yaml': component('same'),
      'b/catalog-info.yaml': `${component('same')}---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: more\nspec:\n  target: ./extra.yaml\n`,
      'b/extra.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec:\n  type: team\n',
    });
    const { code, out } = await cli(['validate', '.'], dir);
    expect(code).toBe(1);
    expect(out).toContain('b/catalog-info.yaml:1:1: error: component:default/same is already defined in');
    expect(out).toMatch(/b\/extra\.yaml:\d+:\d+: error: spec\.children is missing/);
  });

  it('exits 1 and says so when a folder holds no file matching the patterns (a typo in CI must not pass)', async () => {
    const dir = repoWith({ 'services/catalog.yaml': 'kind: Component\n' });
    const { code, out, err } = await cli(['validate', 'services'], dir);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('no catalog files found under services matching **/catalog-info.yaml, **/catalog-info.yml');
  });

  it('takes --pattern before the folder, and repeated', async () => {
    const component = (name: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;
    const dir = repoWith({ 'cat/a.yaml': component('a'), 'cat/b.yml': component('bad name'), 'cat/c.json': '{}' });
    const one = await cli(['validate', '--pattern', '*.yaml', 'cat'], dir);
    expect(one).toMatchObject({ code: 0, out: '', err: '' });
    const two = await cli(['validate', '--pattern', '*.yaml', '--pattern', '*.yml', 'cat'], dir);
    expect(two.code).toBe(1);
    expect(two.out).toMatch(/^cat\/b\.yml:4:3: error: metadata\.name "bad name" is not valid/);
    const none = await cli(['validate', '--pattern', '*.toml', 'cat'], dir);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no catalog files found under cat matching *.toml');
  });

  it('exits 2 for a path that does not exist', async () => {
    const { code, err } = await cli(['validate', 'no/such/file.yaml'], repoRoot);
    expect(code).toBe(2);
    expect(err).toContain('does not exist');
  });
});
