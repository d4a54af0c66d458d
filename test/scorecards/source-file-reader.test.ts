import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../src/catalog-runtime.ts';
import { loadConfig, type Config } from '../../src/config/load-config.ts';
import { createSourceFileReader } from '../../src/scorecards/source-file-reader.ts';
import { TestGitRemote } from '../helpers/git-repo.ts';

// More paths than are read one `<commit>:<path>` at a time, so they are read by blob id from one tree listing.
const SERVICES = 40;

let dir: string;
let config: Config;
let remote: TestGitRemote;
let runtime: CatalogRuntime;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-source-files-'));
  remote = await TestGitRemote.create('main');
  const files: Record<string, string> = {};
  for (let i = 0; i < SERVICES; i++) {
    files[`services/s${i}/catalog-info.yaml`] =
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: s${i}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;
    // One shared Dockerfile blob, one service with its own; every service its own README.
    files[`services/s${i}/Dockerfile`] = i === 7 ? 'FROM python:3.13\n' : 'FROM node:22\n';
    files[`services/s${i}/README.md`] = `# s${i}\n`;
  }
  await remote.commit(files);
  writeFileSync(
    join(dir, 'callboard.yaml'),
    `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: git\n      url: ${remote.url}\nscaffolder:\n  builtinTemplates: false\n`,
  );
  config = loadConfig({ file: join(dir, 'callboard.yaml'), env: {} });
  runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
  await runtime.sync.syncAll();
});

afterEach(async () => {
  runtime.close();
  await remote.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('reading many files of a git source', () => {
  it('gives each path its own file when many paths share a blob, and missing paths as missing', async () => {
    const [source] = runtime.scorecardResults.sourceVersions();
    const reader = createSourceFileReader({ config });
    try {
      const paths = Array.from({ length: SERVICES }, (_, i) => [`services/s${i}/Dockerfile`, `services/s${i}/README.md`, `services/s${i}/LICENSE`]).flat();
      const facts = await reader.readMany({ sourceId: source!.sourceId, version: source!.current! }, paths);
      expect(facts.size).toBe(paths.length);
      expect(facts.get('services/s3/Dockerfile')).toEqual({ kind: 'found', text: 'FROM node:22\n' });
      expect(facts.get('services/s7/Dockerfile')).toEqual({ kind: 'found', text: 'FROM python:3.13\n' });
      expect(facts.get('services/s39/Dockerfile')).toEqual({ kind: 'found', text: 'FROM node:22\n' });
      expect(facts.get('services/s12/README.md')).toEqual({ kind: 'found', text: '# s12\n' });
      expect(facts.get('services/s12/LICENSE')).toEqual({ kind: 'missing' });
    } finally {
      await reader.close();
    }
  });

  it('reads a few paths through the commit’s trees: files found, a folder or an absent file missing', async () => {
    const [source] = runtime.scorecardResults.sourceVersions();
    const reader = createSourceFileReader({ config });
    try {
      const facts = await reader.readMany({ sourceId: source!.sourceId, version: source!.current! }, [
        'services/s7/Dockerfile',
        'services/s12/README.md',
        'services/s12/LICENSE',
        'services/s12',
        'nowhere/README.md',
      ]);
      expect([...facts]).toEqual([
        ['services/s7/Dockerfile', { kind: 'found', text: 'FROM python:3.13\n' }],
        ['services/s12/README.md', { kind: 'found', text: '# s12\n' }],
        ['services/s12/LICENSE', { kind: 'missing' }],
        ['services/s12', { kind: 'missing' }],
        ['nowhere/README.md', { kind: 'missing' }],
      ]);
    } finally {
      await reader.close();
    }
  });

  it('tells the paths a new commit changed, and undefined for a commit the mirror lacks', async () => {
    const [before] = runtime.scorecardResults.sourceVersions();
    await remote.commit({ 'services/s3/README.md': '# s3, edited\n', 'services/s40/README.md': '# s40\n', 'services/s5/Dockerfile': null });
    await runtime.sync.syncAll();
    const [after] = runtime.scorecardResults.sourceVersions();
    const reader = createSourceFileReader({ config });
    try {
      const changed = await reader.changedPaths(after!.sourceId, before!.current!, after!.current!);
      expect([...changed!].sort()).toEqual(['services/s3/README.md', 'services/s40/README.md', 'services/s5/Dockerfile']);
      expect(await reader.changedPaths(after!.sourceId, 'f'.repeat(40), after!.current!)).toBeUndefined();
    } finally {
      await reader.close();
    }
  });
});
