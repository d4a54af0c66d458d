import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { InvalidInputError } from '../../../src/core/errors.ts';
import type { CatalogReader } from '../../../src/core/ports.ts';
import type { ActionContext, TemplateAction } from '../../../src/scaffolder/actions/action.ts';
import type { RepoHost } from '../../../src/scaffolder/repo-host.ts';
import type { SourceRegistrar } from '../../../src/scaffolder/source-registrar.ts';
import type { TemplateLocation } from '../../../src/scaffolder/template-location.ts';
import { createTemplateEngine } from '../../../src/core/scaffolder/expressions.ts';

/** A folder template location: relative urls resolve against the template folder and may not leave the source. */
export const folderLocation = (sourceRoot: string, templateDir: string): TemplateLocation => ({
  templateDir,
  sourceRoot,
  async resolve(url) {
    const path = resolve(templateDir, url);
    const rel = relative(sourceRoot, path);
    if (rel === '..' || rel.startsWith(`..${sep}`)) throw new InvalidInputError(`url "${url}" is outside the template's source`);
    return path;
  },
  release: async () => undefined,
});

export interface ActionHarness {
  base: string;
  workspace: string;
  source: string;
  logs: string[];
  outputs: Record<string, unknown>;
  run<A extends TemplateAction>(action: A, input: unknown, extra?: Partial<ActionContext<unknown>>): Promise<void>;
  dispose(): Promise<void>;
}

/** A workspace and a template source in a temp folder, and a context that validates the input with the action's schema first. */
export async function createActionHarness(): Promise<ActionHarness> {
  const base = await realpath(await mkdtemp(join(tmpdir(), 'callboard-actions-')));
  const workspace = join(base, 'workspace');
  const source = join(base, 'source');
  await mkdir(workspace);
  await mkdir(join(source, 'templates/demo'), { recursive: true });
  const logs: string[] = [];
  const outputs: Record<string, unknown> = {};
  return {
    base,
    workspace,
    source,
    logs,
    outputs,
    async run(action, input, extra = {}) {
      const parsed = action.schema.safeParse(input);
      if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((issue) => `input.${issue.path.join('.')}: ${issue.message}`).join('; '));
      await action.run({
        input: parsed.data,
        workspacePath: workspace,
        templateLocation: folderLocation(source, join(source, 'templates/demo')),
        secrets: {},
        user: {},
        runId: 'run-1',
        stepId: 'step-1',
        dryRun: false,
        log: { info: (message) => logs.push(message), warn: (message) => logs.push(`warn: ${message}`) },
        output: (name, value) => {
          outputs[name] = value;
        },
        signal: new AbortController().signal,
        engine: createTemplateEngine(),
        catalog: {} as CatalogReader,
        repoHost: {} as RepoHost,
        registrar: {} as SourceRegistrar,
        ...extra,
      } as ActionContext<never>);
    },
    dispose: () => rm(base, { recursive: true, force: true }),
  };
}
