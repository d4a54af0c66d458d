/**
 * Template problems in the catalog: every corpus template reads and validates, and a template that cannot run stays
 * in the catalog with each problem as an error on it, at its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile } from '../../../src/core/catalog/parse-catalog-file.ts';
import type { ReadTarget } from '../../../src/core/catalog/placeholders.ts';
import { BUILTIN_ACTION_IDS } from '../../../src/core/scaffolder/builtin-action-ids.ts';
import { readTemplateDefinition } from '../../../src/core/scaffolder/read-template-definition.ts';
import { validateTemplate } from '../../../src/core/scaffolder/validate-template.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/backstage-corpus');
const offline: ReadTarget = async () => ({ ok: false, message: 'offline in this test', transient: true });
const deps = { registry: createBuiltinKindRegistry(), readTarget: offline };

const templateFiles = ['software-templates', 'sample-templates'].flatMap((group) =>
  readdirSync(path.join(CORPUS, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(path.join(CORPUS, group, entry.name))
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => `${group}/${entry.name}/${name}`),
    ),
);

// The actions these corpus templates use that Callboard does not ship (optional Backstage modules, demo plugins).
const EXPECTED_UNKNOWN: Record<string, string> = {
  'software-templates/docs-template-cookiecutter/template.yaml': 'fetch:cookiecutter',
  'software-templates/rails-demo/template.yaml': 'fetch:rails',
  'software-templates/gitlab-merge-request/template.yaml': 'publish:gitlab:merge-request',
  'software-templates/pull-request/template.yaml': 'publish:github:pull-request',
  'sample-templates/longrunning-demo/wait-action.yaml': 'stress:waitWorkflow',
  'sample-templates/notifications-demo/template.yaml': 'notification:send',
};

describe('the corpus templates', () => {
  it('are the 15 template files', () => expect(templateFiles).toHaveLength(15));

  it.each(templateFiles)('%s reads and validates; only unknown actions are problems', async (file) => {
    const parsed = await parseCatalogFile(readFileSync(path.join(CORPUS, file)), file, deps);
    const [entry] = parsed.entities;
    expect(entry?.entity.kind).toBe('Template');
    const definition = readTemplateDefinition(entry!.entity);
    expect(definition.steps.length).toBeGreaterThan(0);
    expect(new Set(definition.steps.map((step) => step.id)).size).toBe(definition.steps.length);
    const issues = validateTemplate(entry!.entity, BUILTIN_ACTION_IDS);
    const unknown = issues.map((issue) => /uses action "([^"]+)"/.exec(issue.message)?.[1]);
    expect(unknown).toEqual(EXPECTED_UNKNOWN[file] ? [EXPECTED_UNKNOWN[file]] : []);
    expect(parsed.problems.map((problem) => problem.message)).toEqual(issues.map((issue) => issue.message));
  });
});

const BROKEN = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: broken
spec:
  type: service
  parameters:
    properties:
      name:
        type: strin
  steps:
    - id: fetch
      action: fetch:cookiecutter
    - id: log
      action: debug:log
      input:
        message: \${{ parameters.name | }}
    - id: fetch
      action: debug:log
---
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: fine
spec:
  type: service
  steps:
    - action: debug:log
`;

describe('parseCatalogFile with a template that cannot run', () => {
  it('keeps the entity and reports each problem as an error on it, with file and line', async () => {
    const parsed = await parseCatalogFile(BROKEN, 'templates/broken.yaml', deps);
    expect(parsed.entities.map((entry) => entry.ref)).toEqual(['template:default/broken', 'template:default/fine']);
    expect(parsed.rejectedRefs).toEqual([]);
    expect(parsed.problems.map(({ severity, file, line, entityRef }) => ({ severity, file, line, entityRef }))).toEqual(
      [10, 13, 17, 18].map((line) => ({ severity: 'error', file: 'templates/broken.yaml', line, entityRef: 'template:default/broken' })),
    );
    const [schema, action, expression, duplicate] = parsed.problems.map((problem) => problem.message);
    expect(schema).toMatch(/properties\.name\.type "strin"/);
    expect(action).toMatch(/step "fetch" uses action "fetch:cookiecutter"/);
    expect(expression).toMatch(/step "log", input\.message: .*does not parse/);
    expect(duplicate).toMatch(/step id "fetch" is used twice/);
  });
});
