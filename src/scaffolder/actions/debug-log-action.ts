import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isBinaryFile } from 'isbinaryfile';
import { z } from 'zod';
import type { TemplateAction } from './action.ts';
import { listWorkspaceFiles } from './list-workspace-files.ts';

const schema = z.object({
  message: z.string().optional().describe('Message to write to the log'),
  listWorkspace: z
    .union([z.boolean(), z.enum(['with-filenames', 'with-contents'])])
    .optional()
    .describe('List the workspace files; "with-contents" adds each text file'),
});

/** A listed file's contents are cut here, so one big file cannot flood the run's log. */
const maxListedBytes = 16 * 1024;

const describeFile = async (workspace: string, path: string): Promise<string> => {
  const content = await readFile(join(workspace, path)).catch(() => undefined);
  if (content === undefined || (await isBinaryFile(content, content.length))) return ` - ${path}: [skipped]`;
  const text = content.subarray(0, maxListedBytes).toString('utf8');
  return ` - ${path}:\n  ${text}${content.length > maxListedBytes ? '\n  [cut]' : ''}`;
};

/**
 * Backstage's debug:log: writes a message and, on request, the workspace listing to the step log. Unlike Backstage
 * it does not echo its whole input, which may carry secrets.
 */
export const debugLogAction: TemplateAction<typeof schema> = {
  id: 'debug:log',
  description: 'Writes a message into the log and/or lists all files in the workspace',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    if (ctx.input.message) ctx.log.info(ctx.input.message);
    if (!ctx.input.listWorkspace) return;
    const files = await listWorkspaceFiles(ctx.workspacePath);
    const lines =
      ctx.input.listWorkspace === 'with-contents'
        ? await Promise.all(files.map((path) => describeFile(ctx.workspacePath, path)))
        : files.map((path) => `  - ${path}`);
    ctx.log.info(`Workspace:\n${lines.join('\n')}`);
  },
};
