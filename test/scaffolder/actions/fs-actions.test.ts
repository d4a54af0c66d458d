import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsDeleteAction } from '../../../src/scaffolder/actions/fs-delete-action.ts';
import { fsRenameAction } from '../../../src/scaffolder/actions/fs-rename-action.ts';
import { createActionHarness, type ActionHarness } from './action-context.ts';

let h: ActionHarness;
const exists = (path: string) =>
  lstat(join(h.workspace, path)).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  h = await createActionHarness();
  await mkdir(join(h.workspace, 'docs/old'), { recursive: true });
  await writeFile(join(h.workspace, 'a.txt'), 'a');
  await writeFile(join(h.workspace, 'b.txt'), 'b');
  await writeFile(join(h.workspace, 'docs/old/x.log'), 'x');
  await writeFile(join(h.workspace, 'docs/.hidden.log'), 'h');
  await writeFile(join(h.base, 'precious.txt'), 'p');
});
afterEach(() => h.dispose());

describe('fs:rename', () => {
  it('moves files and folders, creating the parent folders', async () => {
    await h.run(fsRenameAction, {
      files: [
        { from: 'a.txt', to: 'new/place/a.md' },
        { from: 'docs/old', to: 'docs/archive' },
      ],
    });
    expect(await readFile(join(h.workspace, 'new/place/a.md'), 'utf8')).toBe('a');
    expect(await exists('docs/archive/x.log')).toBe(true);
    expect(await exists('docs/old')).toBe(false);
  });

  it('refuses to overwrite unless asked, naming the entry', async () => {
    await expect(h.run(fsRenameAction, { files: [{ from: 'a.txt', to: 'b.txt' }] })).rejects.toThrow('files[0].to "b.txt" already exists: set overwrite: true');
    await h.run(fsRenameAction, { files: [{ from: 'a.txt', to: 'b.txt', overwrite: true }] });
    expect(await readFile(join(h.workspace, 'b.txt'), 'utf8')).toBe('a');
  });

  it('refuses paths outside the workspace and a missing source', async () => {
    await expect(h.run(fsRenameAction, { files: [{ from: '../precious.txt', to: 'stolen.txt' }] })).rejects.toThrow(
      /files\[0\]\.from "..\/precious.txt" is outside/,
    );
    await expect(h.run(fsRenameAction, { files: [{ from: 'a.txt', to: '../../a.txt' }] })).rejects.toThrow(/files\[0\]\.to .* is outside/);
    await expect(h.run(fsRenameAction, { files: [{ from: 'nope.txt', to: 'x.txt' }] })).rejects.toThrow(/files\[0\]\.from "nope.txt" does not exist/);
    await expect(h.run(fsRenameAction, { files: [{ from: 'a.txt' }] })).rejects.toThrow(/input\.files\.0\.to/);
  });
});

describe('fs:delete', () => {
  it('deletes files and whole folders by path, and files by glob, dotfiles included', async () => {
    await h.run(fsDeleteAction, { files: ['a.txt', 'docs/old'] });
    expect(await exists('a.txt')).toBe(false);
    expect(await exists('docs/old')).toBe(false);
    await h.run(fsDeleteAction, { files: ['**/*.log'] });
    expect(await exists('docs/.hidden.log')).toBe(false);
    expect(await exists('b.txt')).toBe(true);
  });

  it('refuses anything outside the workspace, also through a symlink', async () => {
    await expect(h.run(fsDeleteAction, { files: ['../precious.txt'] })).rejects.toThrow(/files\[0\] "..\/precious.txt" is outside the workspace/);
    await expect(h.run(fsDeleteAction, { files: ['/etc/hosts'] })).rejects.toThrow(/absolute path/);
    await symlink(h.base, join(h.workspace, 'up'));
    await expect(h.run(fsDeleteAction, { files: ['up/precious.txt'] })).rejects.toThrow(/outside the workspace/);
    expect(await readFile(join(h.base, 'precious.txt'), 'utf8')).toBe('p');
  });
  it('refuses the workspace itself (".", "./", "docs/..", ""), naming the entry, and deletes nothing', async () => {
    for (const entry of ['.', './', 'docs/..']) {
      await expect(h.run(fsDeleteAction, { files: [entry] })).rejects.toThrow(`input.files[0] "${entry}" is the whole workspace`);
    }
    await expect(h.run(fsDeleteAction, { files: ['b.txt', ''] })).rejects.toThrow(/input\.files\.1: /);
    for (const path of ['a.txt', 'b.txt', 'docs/old/x.log', 'docs/.hidden.log']) expect(await exists(path), path).toBe(true);
  });
});
