import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { resolveWorkspacePath } from '../workspace-path.ts';
import type { TemplateAction } from './action.ts';

const schema = z.object({
  filePath: z.string().optional().describe('Defaults to catalog-info.yaml'),
  entity: z.record(z.string(), z.any()).describe('The entity to write, as in a catalog file'),
});

type Metadata = Record<string, unknown> & { annotations?: Record<string, unknown> };

/**
 * Backstage's catalog:write: the entity as YAML (the `yaml` package's defaults, as Backstage writes it), with
 * `backstage.io/source-template` naming the template that made it when the run knows it.
 */
export const catalogWriteAction: TemplateAction<typeof schema> = {
  id: 'catalog:write',
  description: 'Writes the catalog-info.yaml for your template',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    const path = ctx.input.filePath ?? 'catalog-info.yaml';
    const full = await resolveWorkspacePath(ctx.workspacePath, path, 'filePath');
    const { entity } = ctx.input;
    const metadata = (entity.metadata ?? {}) as Metadata;
    const templateRef = ctx.templateRef;
    const annotated = templateRef ? { ...metadata, annotations: { ...metadata.annotations, 'backstage.io/source-template': templateRef } } : metadata;
    ctx.log.info(`Writing ${path}`);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, stringify({ ...entity, metadata: annotated }));
  },
};
