import { chmod, lstat, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RenderedEntry } from '../../core/scaffolder/skeleton/skeleton-entry.ts';
import { resolveWorkspacePath } from '../workspace-path.ts';

/**
 * Writes rendered skeleton entries under `targetPath` in the workspace. Each path is checked again against the
 * workspace as it is on disk now (a symlink written by an earlier entry or step cannot carry a write outside).
 * Files keep the skeleton's permission bits, as Backstage keeps them.
 */
export async function writeRenderedEntries(workspace: string, targetPath: string, entries: readonly RenderedEntry[]): Promise<void> {
  const base = targetPath.replace(/\/+$/, '');
  for (const entry of entries) {
    const full = await resolveWorkspacePath(workspace, base === '' || base === '.' ? entry.path : `${base}/${entry.path}`, 'targetPath');
    if (entry.type === 'directory') {
      await mkdir(full, { recursive: true });
      continue;
    }
    await mkdir(dirname(full), { recursive: true });
    // A replaced symlink is removed rather than written through.
    if ((await lstat(full).catch(() => undefined))?.isSymbolicLink()) await rm(full);
    if (entry.type === 'symlink') {
      await rm(full, { force: true, recursive: true });
      await symlink(entry.target, full);
    } else {
      await writeFile(full, entry.content);
      if (entry.mode !== undefined) await chmod(full, entry.mode & 0o777);
    }
  }
}
