import { z } from 'zod';
import type { RenderedEntry, SkeletonEntry } from '../../core/scaffolder/skeleton/skeleton-entry.ts';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { TemplateAction } from './action.ts';
import { readSkeleton } from './read-skeleton.ts';
import { resolveTemplateUrl } from './resolve-template-url.ts';
import { writeRenderedEntries } from './write-rendered-entries.ts';

const schema = z.object({
  url: z.string().describe('Relative path or absolute URL pointing to the directory tree to fetch'),
  targetPath: z.string().optional().describe('Target path within the workspace; default the workspace root'),
  token: z.string().optional(),
});

const asIs = (entry: SkeletonEntry): RenderedEntry =>
  entry.type === 'file'
    ? {
        type: 'file',
        path: entry.path,
        content: entry.content,
        sourcePath: entry.path,
        rendered: false,
        ...(entry.mode !== undefined ? { mode: entry.mode } : {}),
      }
    : { ...entry, sourcePath: entry.path };

/** Backstage's fetch:plain: copies a folder as it is (nothing rendered), replacing what is there. */
export const fetchPlainAction: TemplateAction<typeof schema> = {
  id: 'fetch:plain',
  description: 'Copies a folder from the template location into the workspace without rendering anything',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    const targetPath = ctx.input.targetPath ?? './';
    await resolveWorkspacePath(ctx.workspacePath, targetPath, 'targetPath');
    const entries = await readSkeleton(await resolveTemplateUrl(ctx.templateLocation, ctx.input.url, 'folder'));
    await writeRenderedEntries(ctx.workspacePath, targetPath, entries.map(asIs));
    ctx.log.info(`Copied ${entries.length} files and folders from ${ctx.input.url} to ${targetPath}`);
  },
};
