import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openScaffolderRuntime, type ScaffolderRuntime } from '../../src/cli/scaffolder-runtime.ts';
import { createBuiltinKindRegistry } from '../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, type ParsedCatalogFile } from '../../src/core/catalog/parse-catalog-file.ts';
import { BUILTIN_ACTION_IDS } from '../../src/core/scaffolder/builtin-action-ids.ts';
import { readTemplateDefinition } from '../../src/core/scaffolder/read-template-definition.ts';
import { validateTemplate } from '../../src/core/scaffolder/validate-template.ts';
import type { RunPreview } from '../../src/scaffolder/scaffolder.ts';

export const templatesRoot = resolve(import.meta.dirname, '../../templates');
const repoRoot = resolve(import.meta.dirname, '../..');

/** Reads a catalog file as a sync would: the Template itself, or a rendered catalog-info.yaml. */
export const parseAsCatalog = async (file: string): Promise<ParsedCatalogFile> =>
  parseCatalogFile(await readFile(file), file, {
    registry: createBuiltinKindRegistry(),
    readTarget: async (target) => {
      throw new Error(`a golden path's catalog file should not need ${target}`);
    },
  });

/** The Template entity in templates/<name>/template.yaml, its problems, and what the scaffolder reads from it. */
export const loadGoldenPath = async (name: string) => {
  const parsed = await parseAsCatalog(join(templatesRoot, name, 'template.yaml'));
  const entity = parsed.entities[0]?.entity;
  if (!entity) throw new Error(`templates/${name}/template.yaml holds no valid Template: ${JSON.stringify(parsed.problems)}`);
  return { parsed, entity, definition: readTemplateDefinition(entity), templateIssues: validateTemplate(entity, BUILTIN_ACTION_IDS) };
};

/**
 * The scaffolder the CLI builds, over a catalog of the example org (the owner and system the sample values name)
 * with the golden paths loaded from templates/ as the built-in source, as in production.
 */
export const openGoldenScaffolder = async (): Promise<ScaffolderRuntime & { errors: string[]; dir: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-golden-catalog-'));
  const configFile = join(dir, 'callboard.yaml');
  writeFileSync(configFile, `database:\n  path: callboard.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${join(repoRoot, 'examples/acme')}\n`);
  const errors: string[] = [];
  const runtime = await openScaffolderRuntime({ out: () => {}, err: (text) => errors.push(text), cwd: dir, env: {} }, configFile);
  return { ...runtime, errors, dir };
};

/**
 * What a dry run of the template produces, through the Scaffolder's own preview: the values checked against the
 * template's form, the fetch:template step's input rendered with them, and the skeleton written into `outDir`.
 */
export const renderGoldenPath = (runtime: ScaffolderRuntime, name: string, values: Record<string, unknown>, outDir: string): Promise<RunPreview> =>
  runtime.scaffolder.preview({ templateRef: `template:default/${name}`, values, requester: { fallbackId: 'test:golden-paths' } }, { outDir });
