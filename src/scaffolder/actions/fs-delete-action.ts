import { lstat, rm } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.ts';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { TemplateAction } from './action.ts';
import { listWorkspaceFiles } from './list-workspace-files.ts';

const schema = z.object({
  files: z.array(z.string().min(1)).describe('Files and folders to delete; globs (dotfiles included) match files'),
});

/**
 * Where an entry lands in the workspace. The workspace itself (`.`, `./`, `docs/..`) is refused: Backstage resolves
 * each entry inside the workspace, and deleting its root would leave the later steps nothing to work on.
 */
const entryPath = async (workspacePath: string, root: string, file: string, index: number): Promise<string> => {
  const name = `files[${index}]`;
  const full = await resolveWorkspacePath(workspacePath, file, name);
  if (full === root) {
    throw new InvalidInputError(`input.${name} "${file}" is the whole workspace; fs:delete removes files and folders inside it, so name those`, {
      fieldErrors: { [name]: `"${file}" is the whole workspace` },
    });
  }
  return full;
};

/**
 * Backstage's fs:delete: each entry is a path or a glob inside the workspace. A path that exists (file, folder or
 * link) is removed whole; otherwise the glob removes the files it matches.
 */
export const fsDeleteAction: TemplateAction<typeof schema> = {
  id: 'fs:delete',
  description: 'Deletes files and folders from the workspace',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    const root = await resolveWorkspacePath(ctx.workspacePath, './', 'workspace');
    for (const [index, file] of ctx.input.files.entries()) {
      const full = await entryPath(ctx.workspacePath, root, file, index);
      if (await lstat(full).catch(() => undefined)) {
        await rm(full, { recursive: true, force: true });
        ctx.log.info(`Deleted ${file}`);
        continue;
      }
      const pattern = relative(root, full).split(sep).join('/');
      const isMatch = picomatch(pattern, { dot: true });
      const matches = (await listWorkspaceFiles(ctx.workspacePath)).filter((path) => isMatch(path));
      for (const match of matches) await rm(await resolveWorkspacePath(ctx.workspacePath, match, `files[${index}]`), { force: true });
      ctx.log.info(matches.length > 0 ? `Deleted ${matches.length} files matching ${file}` : `Nothing matches ${file}`);
    }
  },
};
