import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { TemplateAction } from '../../../../src/scaffolder/actions/action.ts';

/** What the test actions did, in order: `<action> <name>` per call. */
export interface ActionJournal {
  calls: string[];
  /** Names whose `test:flaky` call throws until removed. */
  failing: Set<string>;
  /** Resolves `test:hold` calls; a test holds a step "running" with it. */
  release?: () => void;
}

const action = <S extends z.ZodType>(id: string, schema: S, supportsDryRun: boolean, run: TemplateAction<S>['run']): TemplateAction => ({
  id,
  description: `test action ${id}`,
  schema,
  supportsDryRun,
  run: run as TemplateAction['run'],
});

/** Pure test actions driving the runner; each records its call in the journal. */
export const testActions = (journal: ActionJournal): TemplateAction[] => [
  action('test:record', z.object({ name: z.string(), value: z.unknown().optional() }), true, async ({ input, output }) => {
    journal.calls.push(`record ${input.name}`);
    output('name', input.name);
    if (input.value !== undefined) output('value', input.value);
  }),
  action('test:flaky', z.object({ name: z.string() }), true, async ({ input, output, log }) => {
    journal.calls.push(`flaky ${input.name}`);
    log.info(`trying ${input.name}`);
    if (journal.failing.has(input.name)) throw new Error(`${input.name} is failing on purpose`);
    output('ok', true);
  }),
  action('test:write', z.object({ path: z.string(), content: z.string() }), true, async ({ input, workspacePath }) => {
    journal.calls.push(`write ${input.path}`);
    await mkdir(dirname(join(workspacePath, input.path)), { recursive: true });
    await writeFile(join(workspacePath, input.path), input.content);
  }),
  action('publish:fake', z.object({ repoUrl: z.string() }), false, async ({ input, output }) => {
    journal.calls.push(`publish ${input.repoUrl}`);
    output('remoteUrl', `https://git.example/${input.repoUrl}`);
  }),
  action('test:log', z.object({ message: z.string() }), true, async ({ input, log }) => {
    journal.calls.push(`log`);
    log.info(input.message);
    throw new Error(`could not use ${input.message}`);
  }),
  action('test:hold', z.object({}), false, async () => {
    journal.calls.push('hold');
    await new Promise<void>((resolve) => (journal.release = resolve));
  }),
  action('catalog:register', z.object({ entityRef: z.string() }), false, async ({ input, output }) => {
    journal.calls.push(`register ${input.entityRef}`);
    output('entityRef', input.entityRef);
  }),
];
