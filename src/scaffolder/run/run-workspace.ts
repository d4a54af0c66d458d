import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunStore } from './run-store.ts';

/** A run's workspace: `<workspaceDir>/<runId>`, kept after a failure for Retry. */
export const workspacePathOf = (workspaceDir: string, runId: string): string => join(workspaceDir, runId);

export const workspaceExists = (workspaceDir: string, runId: string): boolean => existsSync(workspacePathOf(workspaceDir, runId));

export const openWorkspace = async (workspaceDir: string, runId: string): Promise<string> => {
  const path = workspacePathOf(workspaceDir, runId);
  await mkdir(path, { recursive: true });
  return path;
};

export const removeWorkspace = (workspaceDir: string, runId: string): Promise<void> =>
  rm(workspacePathOf(workspaceDir, runId), { recursive: true, force: true });

/**
 * Removes workspaces of failed runs older than `keepHours` (and leftovers of runs the store does not know, such as
 * a dry run interrupted by a restart). A running or awaiting run's workspace is never touched.
 */
export const removeExpiredWorkspaces = async (options: { workspaceDir: string; keepHours: number; now: Date; runStore: RunStore }): Promise<string[]> => {
  const { workspaceDir, keepHours, now, runStore } = options;
  const names = existsSync(workspaceDir) ? await readdir(workspaceDir) : [];
  const cutoff = now.getTime() - keepHours * 3_600_000;
  const removed: string[] = [];
  for (const name of names) {
    const run = runStore.get(name);
    if (run && (run.status === 'running' || run.status === 'awaiting-approval')) continue;
    // A sweep for another run started at the same moment may have removed the entry since readdir.
    const since = run?.finishedAt ? new Date(run.finishedAt).getTime() : (await stat(join(workspaceDir, name)).catch(() => undefined))?.mtimeMs;
    if (since === undefined || since > cutoff) continue;
    await rm(join(workspaceDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
};
