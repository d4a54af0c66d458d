import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { TemplateAction } from './action.ts';
import { resolveTemplateUrl } from './resolve-template-url.ts';

const schema = z.object({
  url: z.string().describe('Relative path or absolute URL pointing to the single file to fetch'),
  targetPath: z.string().describe('Path within the workspace to write the file as'),
  token: z.string().optional(),
});

/** Backstage's fetch:plain:file: copies one file as it is, replacing what is there. */
export const fetchPlainFileAction: TemplateAction<typeof schema> = {
  id: 'fetch:plain:file',
  description: 'Copies one file from the template location into the workspace without rendering it',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    const outputPath = await resolveWorkspacePath(ctx.workspacePath, ctx.input.targetPath, 'targetPath');
    const source = await resolveTemplateUrl(ctx.templateLocation, ctx.input.url, 'file');
    await mkdir(dirname(outputPath), { recursive: true });
    await copyFile(source, outputPath);
    ctx.log.info(`Copied ${ctx.input.url} to ${ctx.input.targetPath}`);
  },
};
