import { lstat, rm } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { z } from 'zod';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { TemplateAction } from './action.ts';
import { listWorkspaceFiles } from './list-workspace-files.ts';

const schema = z.object({
  files: z.array(z.string().min(1)).describe('Files and folders to delete; globs (dotfiles included) match files'),
});

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
    for (const [index, file] of ctx.input.files.entries()) {
      const full = await resolveWorkspacePath(ctx.workspacePath, file, `files[${index}]`);
      if (await lstat(full).catch(() => undefined)) {
        await rm(full, { recursive: true, force: true });
        ctx.log.info(`Deleted ${file}`);
        continue;
      }
      const pattern = relative(await resolveWorkspacePath(ctx.workspacePath, './', 'workspace'), full)
        .split(sep)
        .join('/');
      const isMatch = picomatch(pattern, { dot: true });
      const matches = (await listWorkspaceFiles(ctx.workspacePath)).filter((path) => isMatch(path));
      for (const match of matches) await rm(await resolveWorkspacePath(ctx.workspacePath, match, `files[${index}]`), { force: true });
      ctx.log.info(matches.length > 0 ? `Deleted ${matches.length} files matching ${file}` : `Nothing matches ${file}`);
    }
  },
};
