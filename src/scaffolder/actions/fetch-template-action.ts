import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { renderSkeleton } from '../../core/scaffolder/skeleton/render-skeleton.ts';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { TemplateAction } from './action.ts';
import { readSkeleton } from './read-skeleton.ts';
import { resolveTemplateUrl } from './resolve-template-url.ts';
import { writeRenderedEntries } from './write-rendered-entries.ts';

const schema = z.object({
  url: z.string().describe('Relative path or absolute URL pointing to the directory tree to fetch'),
  targetPath: z.string().optional().describe('Target path within the working directory; default the workspace root'),
  values: z.record(z.string(), z.any()).optional().describe('Values to pass on to the templating engine'),
  copyWithoutRender: z.array(z.string()).optional().describe('Removed in Backstage 4.x: has no effect; use copyWithoutTemplating'),
  copyWithoutTemplating: z.array(z.string()).optional().describe('Globs whose contents are copied as they are; their paths are still rendered'),
  cookiecutterCompat: z.boolean().optional().describe('{{ cookiecutter.x }} syntax and the jsonify filter'),
  templateFileExtension: z.union([z.string(), z.boolean()]).optional().describe('Only files with this extension are rendered (true = .njk)'),
  replace: z.boolean().optional().describe('Replace files that already exist instead of keeping them'),
  trimBlocks: z.boolean().optional(),
  lstripBlocks: z.boolean().optional(),
  token: z.string().optional().describe('Accepted for Backstage compatibility; Callboard reads with its own credentials'),
});

/** Backstage's fetch:template: renders the skeleton at `url` with `values` into `targetPath` (compat §7.7, §7.8). */
export const fetchTemplateAction: TemplateAction<typeof schema> = {
  id: 'fetch:template',
  description: 'Renders a skeleton folder (contents, file and folder names) with the given values into the workspace',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    const { input } = ctx;
    const targetPath = input.targetPath ?? './';
    const outputDir = await resolveWorkspacePath(ctx.workspacePath, targetPath, 'targetPath');
    const templateDir = await resolveTemplateUrl(ctx.templateLocation, input.url, 'folder');
    const entries = await readSkeleton(templateDir);
    ctx.log.info(`Rendering ${entries.length} skeleton files and folders from ${input.url}`);
    const result = renderSkeleton(entries, input, ctx.engine, { exists: (path) => existsSync(join(outputDir, path)) });
    for (const warning of result.warnings) ctx.log.warn(warning);
    await writeRenderedEntries(ctx.workspacePath, targetPath, result.entries);
    ctx.log.info(`Wrote ${result.entries.length} files and folders to ${targetPath}`);
  },
};
