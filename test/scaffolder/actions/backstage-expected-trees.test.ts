import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTemplateEngine } from '../../../src/core/scaffolder/expressions.ts';
import type { CatalogReader } from '../../../src/core/ports.ts';
import type { ActionContext } from '../../../src/scaffolder/actions/action.ts';
import { fetchTemplateAction } from '../../../src/scaffolder/actions/fetch-template-action.ts';
import type { RepoHost } from '../../../src/scaffolder/repo-host.ts';
import type { SourceRegistrar } from '../../../src/scaffolder/source-registrar.ts';
import { folderLocation } from './action-context.ts';
import { describeTree, type TreeEntry } from './describe-tree.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/scaffolder/backstage-expected');
const corpus = join(import.meta.dirname, '../../fixtures/backstage-corpus/software-templates');
const cases = (await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const engine = createTemplateEngine();

interface Expected {
  steps: { id: string; action: string; input: Record<string, unknown> }[];
  error?: string;
  tree: TreeEntry[];
}
interface Values {
  parameters: Record<string, unknown>;
  user?: Record<string, unknown>;
  /** For a fetch:cookiecutter step: render it with fetch:template and these extra inputs. */
  asFetchTemplate?: Record<string, unknown>;
}
interface Step {
  id: string;
  action: string;
  input?: Record<string, unknown>;
}

let base: string;
beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'callboard-expected-trees-')));
});
afterAll(() => rm(base, { recursive: true, force: true }));

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

describe("fetch:template matches Backstage's on the corpus templates", () => {
  it('has a case per corpus template with a fetch:template (or cookiecutter-compatible) step, and rules-demo', () => {
    expect(cases.sort()).toEqual([
      'clean-architecture-app',
      'create-react-app',
      'docs-template',
      'docs-template-cookiecutter',
      'gitlab-merge-request',
      'pull-request',
      'react-ssr-template',
      'rules-demo',
      'springboot-grpc-template',
    ]);
  });

  it.each(cases)('%s: same step inputs and the same tree', async (name) => {
    const expected = await readJson<Expected>(join(fixtures, name, 'expected.json'));
    const values = await readJson<Values>(join(fixtures, name, 'values.json'));
    const ownTemplate = join(fixtures, name, 'template');
    const templateDir = existsSync(ownTemplate) ? ownTemplate : join(corpus, name);
    const template = parse(await readFile(join(templateDir, 'template.yaml'), 'utf8')) as { spec: { steps: Step[] } };
    const scope = { parameters: values.parameters, steps: {}, user: values.user ?? {}, context: { task: { id: 'expected-tree' } } };
    const workspace = join(base, name);
    await mkdir(workspace);

    const steps = template.spec.steps.filter((step) => step.action === 'fetch:template' || (step.action === 'fetch:cookiecutter' && values.asFetchTemplate));
    const inputs = steps.map((step) => ({ ...(engine.renderValue(step.input ?? {}, scope) as Record<string, unknown>), ...values.asFetchTemplate }));
    expect(steps.map((step, index) => ({ id: step.id, action: step.action, input: inputs[index] }))).toEqual(expected.steps);

    let error: unknown;
    for (const input of inputs) {
      try {
        await fetchTemplateAction.run(contextFor(workspace, templateDir, fetchTemplateAction.schema.parse(input)));
      } catch (failure) {
        error = failure;
        break;
      }
    }
    expect(error === undefined ? undefined : 'failed').toBe(expected.error === undefined ? undefined : 'failed');
    expect(await describeTree(workspace)).toEqual(expected.tree);
  });
});

function contextFor<Input>(workspace: string, templateDir: string, input: Input): ActionContext<Input> {
  return {
    input,
    workspacePath: workspace,
    templateLocation: folderLocation(templateDir, templateDir),
    secrets: {},
    user: {},
    runId: 'expected-tree',
    stepId: 'fetch',
    dryRun: false,
    log: { info: () => undefined, warn: () => undefined },
    output: () => undefined,
    signal: new AbortController().signal,
    engine,
    catalog: {} as CatalogReader,
    repoHost: {} as RepoHost,
    registrar: {} as SourceRegistrar,
  };
}
