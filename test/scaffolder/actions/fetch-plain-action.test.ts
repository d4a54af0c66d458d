import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchPlainAction } from '../../../src/scaffolder/actions/fetch-plain-action.ts';
import { fetchPlainFileAction } from '../../../src/scaffolder/actions/fetch-plain-file-action.ts';
import { createActionHarness, type ActionHarness } from './action-context.ts';

let h: ActionHarness;

beforeEach(async () => {
  h = await createActionHarness();
  await mkdir(join(h.source, 'shared/docs'), { recursive: true });
  await writeFile(join(h.source, 'shared/docs/guide.md'), 'keep ${{ values.raw }}');
});
afterEach(() => h.dispose());

describe('fetch:plain', () => {
  it('copies a folder without rendering, replacing what is there, from a url relative to the template', async () => {
    await mkdir(join(h.workspace, 'community/docs'), { recursive: true });
    await writeFile(join(h.workspace, 'community/docs/guide.md'), 'old');
    await h.run(fetchPlainAction, { url: '../../shared', targetPath: './community' });
    expect(await readFile(join(h.workspace, 'community/docs/guide.md'), 'utf8')).toBe('keep ${{ values.raw }}');
  });

  it('refuses a targetPath outside the workspace and a url outside the source', async () => {
    await expect(h.run(fetchPlainAction, { url: '../../shared', targetPath: '../out' })).rejects.toThrow(/targetPath "..\/out" is outside the workspace/);
    await expect(h.run(fetchPlainAction, { url: '../../..' })).rejects.toThrow(/outside the template's source/);
  });
});

describe('fetch:plain:file', () => {
  it('copies one file as it is to targetPath', async () => {
    await h.run(fetchPlainFileAction, { url: '../../shared/docs/guide.md', targetPath: 'a/b/guide.md' });
    expect(await readFile(join(h.workspace, 'a/b/guide.md'), 'utf8')).toBe('keep ${{ values.raw }}');
  });

  it('needs targetPath and refuses an absolute one', async () => {
    await expect(h.run(fetchPlainFileAction, { url: '../../shared/docs/guide.md' })).rejects.toThrow(/input\.targetPath/);
    await expect(h.run(fetchPlainFileAction, { url: '../../shared/docs/guide.md', targetPath: '/etc/x' })).rejects.toThrow(/absolute path/);
    await expect(h.run(fetchPlainFileAction, { url: '../../shared/docs', targetPath: 'x' })).rejects.toThrow(/is a folder, not a file/);
  });
});
