import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Workspace-relative paths (forward slashes) of every file under `root`, sorted; `.git` is not part of the tree. */
export const listWorkspace = async (root: string): Promise<string[]> => {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').includes('.git'))
    .sort();
};

/** The rendered catalog-info.yaml: the one at the root, else the shallowest one the skeleton produced. */
export const readCatalogInfo = async (root: string): Promise<string | undefined> => {
  const atRoot = join(root, 'catalog-info.yaml');
  if (existsSync(atRoot)) return readFile(atRoot, 'utf8');
  const nested = (await listWorkspace(root)).filter((path) => path.endsWith('/catalog-info.yaml')).sort((a, b) => a.split('/').length - b.split('/').length)[0];
  return nested === undefined ? undefined : readFile(join(root, nested), 'utf8');
};
