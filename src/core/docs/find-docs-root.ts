import { tryParseEntityRef, stringifyEntityRef } from '../catalog/refs.ts';

export const TECHDOCS_REF = 'backstage.io/techdocs-ref';
export const TECHDOCS_ENTITY = 'backstage.io/techdocs-entity';

/** What the docs builder knows of one entity: its annotations and the catalog file it came from. */
export interface DocumentedEntity {
  ref: string;
  annotations: Readonly<Record<string, string>>;
  sourceId: string;
  /** The catalog file, relative to the source root. */
  path: string;
}

/** A repository Callboard syncs, as `url:` docs refs may name it. */
export interface SyncedRepository {
  sourceId: string;
  /** Every spelling of the repository's address: the configured URL and, for GitHub, its web address. */
  urls: readonly string[];
  /** The branch the source follows; undefined when it follows the remote's default branch. */
  branch?: string;
}

export type DocsRoot =
  | { kind: 'none' }
  /** A folder of a source, relative to its root ('' for the root itself). */
  | { kind: 'folder'; sourceId: string; folder: string }
  | { kind: 'borrowed'; lenderRef: string }
  | { kind: 'problem'; message: string };

/** Resolves `.` and `..` in a slash path; undefined when it climbs above its start. */
export const normalizeRelativePath = (path: string): string | undefined => {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
};

const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

const joinPath = (folder: string, path: string): string => (folder === '' ? path : path === '' ? folder : `${folder}/${path}`);

/** `dir:` is relative to the catalog file's folder and may not climb out of it (Backstage's rule for file locations). */
const resolveDir = (entity: DocumentedEntity, target: string): DocsRoot => {
  const inside = normalizeRelativePath(target.replace(/\\/g, '/'));
  if (inside === undefined || target.startsWith('/')) {
    return { kind: 'problem', message: `${TECHDOCS_REF} "dir:${target}" leads outside the folder of ${entity.path}; use a folder inside it, such as dir:.` };
  }
  return { kind: 'folder', sourceId: entity.sourceId, folder: joinPath(folderOf(entity.path), inside) };
};

const trimUrl = (url: string): string => url.replace(/\/+$/, '').replace(/\.git$/i, '');

const sameAddress = (a: string, b: string): boolean => trimUrl(a).toLowerCase() === trimUrl(b).toLowerCase();

/** What follows the repository address in a docs URL: `tree/<branch>/<folder>` (GitHub), `-/tree/…` (GitLab), `blob/…`. */
const splitRepositoryPath = (rest: string, branch: string | undefined): { branch?: string; folder: string } | undefined => {
  if (rest === '') return { folder: '' };
  const match = /^(?:-\/)?(?:tree|blob|src)\/(.+)$/.exec(rest);
  if (!match) return undefined;
  const tail = match[1]!;
  if (branch !== undefined) {
    if (tail === branch) return { branch, folder: '' };
    return tail.startsWith(`${branch}/`) ? { branch, folder: tail.slice(branch.length + 1) } : { branch: tail.split('/')[0]!, folder: '' };
  }
  const cut = tail.indexOf('/');
  return cut < 0 ? { branch: tail, folder: '' } : { branch: tail.slice(0, cut), folder: tail.slice(cut + 1) };
};

const decodeFolder = (folder: string): string | undefined => {
  try {
    return normalizeRelativePath(folder.split('/').map(decodeURIComponent).join('/'));
  } catch {
    return undefined;
  }
};

const resolveUrl = (target: string, repositories: readonly SyncedRepository[]): DocsRoot => {
  const url = target.split(/[?#]/)[0]!;
  for (const repository of repositories) {
    for (const base of repository.urls) {
      const trimmed = trimUrl(base);
      if (!sameAddress(url.slice(0, trimmed.length), trimmed)) continue;
      const after = url.slice(trimmed.length);
      if (after !== '' && !after.startsWith('/') && !/^\.git(\/|$)/i.test(after)) continue;
      const rest = after.replace(/^\.git/i, '').replace(/^\/+|\/+$/g, '');
      const split = splitRepositoryPath(rest, repository.branch);
      if (!split) continue;
      if (repository.branch !== undefined && split.branch !== undefined && split.branch !== repository.branch) {
        return {
          kind: 'problem',
          message: `docs URL ${target} names branch "${split.branch}", but source "${repository.sourceId}" syncs "${repository.branch}"`,
        };
      }
      const folder = decodeFolder(split.folder);
      if (folder === undefined) return { kind: 'problem', message: `docs URL ${target} leads outside its repository` };
      return { kind: 'folder', sourceId: repository.sourceId, folder };
    }
  }
  return { kind: 'problem', message: `docs URL is not in any configured source: ${target}; add the repository as a git source, or use dir:` };
};

const resolveBorrowed = (entity: DocumentedEntity, value: string): DocsRoot => {
  const namespace = entity.ref.slice(entity.ref.indexOf(':') + 1, entity.ref.indexOf('/'));
  const parsed = tryParseEntityRef(value.trim(), { defaultKind: 'component', defaultNamespace: namespace });
  if (!parsed.ok) return { kind: 'problem', message: `${TECHDOCS_ENTITY} "${value}" is not an entity ref: ${parsed.message}` };
  const lenderRef = stringifyEntityRef(parsed.ref);
  if (lenderRef === entity.ref)
    return { kind: 'problem', message: `${TECHDOCS_ENTITY} names the entity itself; remove it or point it at the entity whose docs to show` };
  return { kind: 'borrowed', lenderRef };
};

/**
 * Where an entity's TechDocs live, as Backstage resolves its annotations: `techdocs-entity` borrows another
 * entity's docs; `techdocs-ref: dir:<path>` is a folder next to the catalog file; `url:<address>` is a folder of a
 * repository Callboard already syncs (docs anywhere else are a problem: they are never fetched from elsewhere).
 */
export const findDocsRoot = (entity: DocumentedEntity, repositories: readonly SyncedRepository[]): DocsRoot => {
  const borrowed = entity.annotations[TECHDOCS_ENTITY];
  if (borrowed !== undefined && borrowed.trim() !== '') return resolveBorrowed(entity, borrowed);
  const ref = entity.annotations[TECHDOCS_REF]?.trim();
  if (!ref) return { kind: 'none' };
  if (ref.startsWith('dir:')) return resolveDir(entity, ref.slice(4).trim() || '.');
  if (ref.startsWith('url:')) return resolveUrl(ref.slice(4).trim(), repositories);
  return {
    kind: 'problem',
    message: `${TECHDOCS_REF} "${ref}" is neither dir:<folder> nor url:<repository folder>; write dir:. for docs next to the catalog file`,
  };
};
