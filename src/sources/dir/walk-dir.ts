import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { comparePaths } from '../compute-source-version.ts';
import { skippedFolders } from '../skipped-folders.ts';

const foldersPerPause = 64;

/**
 * Lists the regular files under `root` that `isMatch` accepts, as sorted forward-slash relative paths.
 * Symlinks are neither listed nor followed: they could lead out of the folder. Unreadable folders are
 * skipped. Synchronous readdir in slices, for the reason given in batched-sync-queue.ts.
 */
export async function walkDir(root: string, isMatch: (path: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const folders = [''];
  for (let walked = 1; folders.length > 0; walked++) {
    const folder = folders.pop() as string;
    for (const entry of readFolder(join(root, folder))) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory() && !skippedFolders.has(entry.name)) folders.push(path);
      else if (entry.isFile() && isMatch(path)) found.push(path);
    }
    if (walked % foldersPerPause === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return found.sort(comparePaths);
}

function readFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
