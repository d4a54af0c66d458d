import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.ts';
import { resolveWorkspacePath } from '../../src/scaffolder/workspace-path.ts';

let base: string;
let workspace: string;

beforeEach(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'callboard-workspace-path-')));
  workspace = join(base, 'workspace');
  await mkdir(join(workspace, 'docs'), { recursive: true });
  await mkdir(join(base, 'outside'));
});
afterEach(() => rm(base, { recursive: true, force: true }));

describe('resolveWorkspacePath', () => {
  it('resolves relative paths, with ./ and inner .., inside the workspace', async () => {
    expect(await resolveWorkspacePath(workspace, './', 'targetPath')).toBe(workspace);
    expect(await resolveWorkspacePath(workspace, '', 'targetPath')).toBe(workspace);
    expect(await resolveWorkspacePath(workspace, 'docs/../new/file.md', 'targetPath')).toBe(join(workspace, 'new/file.md'));
  });

  it('refuses .. that climbs out, absolute paths and NUL, naming the input and the path', async () => {
    const refusal = (path: string) => resolveWorkspacePath(workspace, path, 'targetPath');
    await expect(refusal('../../x')).rejects.toThrow('targetPath "../../x" is outside the workspace');
    await expect(refusal('docs/../../outside')).rejects.toThrow(/is outside the workspace/);
    await expect(refusal('/etc/passwd')).rejects.toThrow('targetPath "/etc/passwd" is an absolute path');
    await expect(refusal('C:\\Windows')).rejects.toThrow(/absolute path/);
    await expect(refusal('a\0b')).rejects.toThrow(/NUL/);
    await expect(refusal('../x')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(refusal('../x')).rejects.toMatchObject({ fieldErrors: { targetPath: expect.stringContaining('outside') } });
  });

  it('refuses a path through a symlink in the workspace that leads outside, even one not yet existing below it', async () => {
    await symlink(join(base, 'outside'), join(workspace, 'out'));
    await expect(resolveWorkspacePath(workspace, 'out/new/file.txt', 'files[0]')).rejects.toThrow(
      /files\[0\] "out\/new\/file.txt" goes through a symlink to .*\/outside\/new\/file.txt, outside the workspace/,
    );
  });

  it('refuses a dangling symlink whose target is outside (a write would create it there)', async () => {
    await symlink('../outside/not-yet', join(workspace, 'dangling'));
    await expect(resolveWorkspacePath(workspace, 'dangling', 'filePath')).rejects.toThrow(/outside the workspace/);
  });

  it('follows a symlink that stays inside, and refuses a loop', async () => {
    await writeFile(join(workspace, 'docs/index.md'), 'x');
    await symlink('docs', join(workspace, 'handbook'));
    expect(await resolveWorkspacePath(workspace, 'handbook/index.md', 'url')).toBe(join(workspace, 'handbook/index.md'));
    await symlink('loop-b', join(workspace, 'loop-a'));
    await symlink('loop-a', join(workspace, 'loop-b'));
    await expect(resolveWorkspacePath(workspace, 'loop-a/x', 'url')).rejects.toThrow(/loop of symlinks/);
  });
});
