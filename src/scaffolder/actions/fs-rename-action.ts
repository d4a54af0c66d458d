import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.ts';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { TemplateAction } from './action.ts';

const schema = z.object({
  files: z
    .array(
      z.object({
        from: z.string().min(1).describe('The source location of the file to be renamed'),
        to: z.string().min(1).describe('The destination of the new file'),
        overwrite: z.boolean().optional().describe('Overwrite an existing file or folder; default false'),
      }),
    )
    .describe('Files and folders to rename, in order'),
});

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** Backstage's fs:rename: moves files and folders inside the workspace; an existing target is an error unless `overwrite`. */
export const fsRenameAction: TemplateAction<typeof schema> = {
  id: 'fs:rename',
  description: 'Renames files and folders within the workspace',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    for (const [index, file] of ctx.input.files.entries()) {
      const from = await resolveWorkspacePath(ctx.workspacePath, file.from, `files[${index}].from`);
      const to = await resolveWorkspacePath(ctx.workspacePath, file.to, `files[${index}].to`);
      if (from === to) continue;
      if (!(await exists(from))) {
        throw new InvalidInputError(`files[${index}].from "${file.from}" does not exist in the workspace: check the path and the steps before`, {
          fieldErrors: { [`files[${index}].from`]: `${file.from} does not exist` },
        });
      }
      if (await exists(to)) {
        if (!file.overwrite) {
          throw new InvalidInputError(`files[${index}].to "${file.to}" already exists: set overwrite: true to replace it`, {
            fieldErrors: { [`files[${index}].to`]: `${file.to} already exists` },
          });
        }
        await rm(to, { recursive: true, force: true });
      }
      await mkdir(dirname(to), { recursive: true });
      await rename(from, to);
      ctx.log.info(`Renamed ${file.from} to ${file.to}`);
    }
  },
};
