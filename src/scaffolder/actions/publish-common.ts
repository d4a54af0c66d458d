import { stat } from 'node:fs/promises';
import { InvalidInputError } from '../../core/errors.ts';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { StepLogger } from './action.ts';

/** The commit author when the template names none (Backstage's is `Scaffolder`, from its config). */
export const DEFAULT_AUTHOR = { name: 'Callboard', email: 'callboard@localhost' };

/**
 * The folder whose files become the first commit: the workspace, or `sourcePath` inside it. `..`, absolute paths
 * and symlinks leading out of the workspace are refused (the commit must never carry files of the bot's host).
 */
export const resolveSourceDir = async (workspacePath: string, sourcePath: string | undefined): Promise<string> => {
  const dir = await resolveWorkspacePath(workspacePath, sourcePath ?? '.', 'input.sourcePath');
  const stats = await stat(dir).catch(() => undefined);
  if (!stats) throw new InvalidInputError(`input.sourcePath "${sourcePath}" does not exist in the workspace; did an earlier step write it?`);
  if (!stats.isDirectory()) throw new InvalidInputError(`input.sourcePath "${sourcePath}" is a file; name a folder`);
  return dir;
};

/**
 * Inputs Backstage's action accepts that Callboard does not act on (branch protection, merge settings...): the
 * step runs, and its log says each was not applied, so the template works unchanged and nobody is misled.
 */
export const logNotApplied = (input: object, log: StepLogger, known: readonly string[], why: string): void => {
  const ignored = Object.entries(input).filter(([key, value]) => !known.includes(key) && value !== undefined);
  if (ignored.length > 0)
    log.warn(
      `not applied (${why}): ${ignored
        .map(([key]) => key)
        .sort()
        .join(', ')}`,
    );
};
