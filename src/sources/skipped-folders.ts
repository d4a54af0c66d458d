/** Never searched: dependencies and git internals hold thousands of files and no catalog of ours. */
export const skippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** Whether a source-relative path lies in one of the skipped folders, at any depth. */
export const inSkippedFolder = (path: string): boolean => path.split('/').slice(0, -1).some((segment) => skippedFolders.has(segment));
