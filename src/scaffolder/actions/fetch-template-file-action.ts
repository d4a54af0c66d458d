import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { TemplateRenderError } from '../../core/scaffolder/template-engine.ts';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { TemplateAction } from './action.ts';
import { resolveTemplateUrl } from './resolve-template-url.ts';

const schema = z.object({
  url: z.string().describe('Relative path or absolute URL pointing to the single file to fetch'),
  targetPath: z.string().describe('Path within the workspace to write the file as'),
  values: z.record(z.string(), z.any()).optional().describe('Values to pass on to the templating engine'),
  cookiecutterCompat: z.boolean().optional(),
  replace: z.boolean().optional().describe('Replace the file if it already exists'),
  trimBlocks: z.boolean().optional(),
  lstripBlocks: z.boolean().optional(),
  token: z.string().optional(),
});

/** Backstage's fetch:template:file: one file rendered with `values`; an existing target is kept unless `replace`. */
export const fetchTemplateFileAction: TemplateAction<typeof schema> = {
  id: 'fetch:template:file',
  description: 'Renders one template file with the given values into the workspace',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    const { input } = ctx;
    const outputPath = await resolveWorkspacePath(ctx.workspacePath, input.targetPath, 'targetPath');
    if (existsSync(outputPath) && !input.replace) {
      ctx.log.info(`File ${input.targetPath} already exists in the workspace, not replacing it`);
      return;
    }
    const source = await readFile(await resolveTemplateUrl(ctx.templateLocation, input.url, 'file'), 'utf8');
    const scope = { [input.cookiecutterCompat ? 'cookiecutter' : 'values']: input.values ?? {} };
    let rendered: string;
    try {
      rendered = ctx.engine.renderText(source, scope, {
        cookiecutterCompat: input.cookiecutterCompat,
        trimBlocks: input.trimBlocks,
        lstripBlocks: input.lstripBlocks,
      });
    } catch (error) {
      throw new TemplateRenderError(`template file "${input.url}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    await mkdir(dirname(outputPath), { recursive: true });
    await writeFile(outputPath, rendered);
    ctx.log.info(`Wrote ${input.targetPath}`);
  },
};
