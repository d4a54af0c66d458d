import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Workspace-relative paths (forward slashes) of every file and symlink under `root`, sorted; links are not followed. */
export async function listWorkspaceFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(join(folder, entry.name), path);
      else found.push(path);
    }
  };
  await walk(root, '');
  return found.sort();
}
