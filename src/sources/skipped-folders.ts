/** Never searched: dependencies and git internals hold thousands of files and no catalog of ours. */
export const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** Whether a source-relative folder is, or lies in, one of the skipped folders. */
export const isSkippedFolder = (folder: string): boolean => folder.split('/').some((segment) => skippedFolders.has(segment));

/** Whether a source-relative file path lies in one of the skipped folders, at any depth. */
export const inSkippedFolder = (path: string): boolean => isSkippedFolder(path.slice(0, Math.max(0, path.lastIndexOf('/'))));
