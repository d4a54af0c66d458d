import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { createBuiltinKindRegistry } from '../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, type ParsedCatalogFile } from '../../src/core/catalog/parse-catalog-file.ts';
import { BUILTIN_ACTION_IDS } from '../../src/core/scaffolder/builtin-action-ids.ts';
import { createTemplateEngine } from '../../src/core/scaffolder/expressions.ts';
import { validateFormValues } from '../../src/core/scaffolder/form/validate-form-values.ts';
import { readTemplateDefinition } from '../../src/core/scaffolder/read-template-definition.ts';
import type { TemplateDefinition } from '../../src/core/scaffolder/template-definition.ts';
import { validateTemplate } from '../../src/core/scaffolder/validate-template.ts';
import type { ActionContext } from '../../src/scaffolder/actions/action.ts';
import { fetchTemplateAction } from '../../src/scaffolder/actions/fetch-template-action.ts';
import type { TemplateLocation } from '../../src/scaffolder/template-location.ts';

export const templatesRoot = resolve(import.meta.dirname, '../../templates');

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

const folderLocation = (templateDir: string): TemplateLocation => ({
  templateDir,
  sourceRoot: templatesRoot,
  resolve: async (url) => {
    const path = resolve(templateDir, url);
    if (relative(templatesRoot, path).startsWith('..')) throw new Error(`${url} leaves templates/`);
    return path;
  },
  release: async () => {},
});

/** Ports fetch:template has no business using: any use fails the test by name. */
const unused = <T extends object>(name: string): T =>
  new Proxy({} as T, {
    get: (_target, key) => {
      throw new Error(`fetch:template used ${name}.${String(key)}`);
    },
  });

/**
 * Runs the template's fetch:template step the way a run does: the form values checked against the template's own
 * parameters, the step input rendered with `parameters`, then Callboard's fetch:template action into `outDir`.
 */
export const renderGoldenPath = async (name: string, definition: TemplateDefinition, parameters: Record<string, unknown>, outDir: string) => {
  const formErrors = validateFormValues(definition.pages, parameters);
  const step = definition.steps.find((candidate) => candidate.action === 'fetch:template');
  if (!step) throw new Error(`templates/${name} has no fetch:template step`);
  const engine = createTemplateEngine();
  const input = fetchTemplateAction.schema.parse(engine.renderValue(step.input, { parameters, user: {}, steps: {} }));
  const log: string[] = [];
  const context: ActionContext<typeof input> = {
    input,
    workspacePath: outDir,
    templateLocation: folderLocation(join(templatesRoot, name)),
    secrets: {},
    user: {},
    runId: 'golden-path-test',
    stepId: step.id,
    dryRun: true,
    log: { info: (line) => log.push(line), warn: (line) => log.push(`warn: ${line}`) },
    output: () => {},
    signal: new AbortController().signal,
    engine,
    catalog: unused('catalog'),
    repoHost: unused('repoHost'),
    registrar: unused('registrar'),
  };
  await fetchTemplateAction.run(context);
  return { formErrors, log };
};
