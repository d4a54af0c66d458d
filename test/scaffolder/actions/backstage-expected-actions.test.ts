import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TemplateAction } from '../../../src/scaffolder/actions/action.ts';
import { catalogWriteAction } from '../../../src/scaffolder/actions/catalog-write-action.ts';
import { fsDeleteAction } from '../../../src/scaffolder/actions/fs-delete-action.ts';
import { fsRenameAction } from '../../../src/scaffolder/actions/fs-rename-action.ts';
import { createActionHarness, type ActionHarness } from './action-context.ts';
import { describeTree, type TreeEntry } from './describe-tree.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/scaffolder/backstage-expected');
interface ActionCase {
  name: string;
  action: string;
  templateRef?: string;
  files?: Record<string, string>;
  input: unknown;
}
const cases = JSON.parse(await readFile(join(fixtures, 'actions-cases.json'), 'utf8')) as ActionCase[];
const expected = JSON.parse(await readFile(join(fixtures, 'actions-expected.json'), 'utf8')) as { name: string; tree: TreeEntry[] }[];
const actions: Record<string, TemplateAction> = { 'catalog:write': catalogWriteAction, 'fs:rename': fsRenameAction, 'fs:delete': fsDeleteAction } as Record<
  string,
  TemplateAction
>;

let h: ActionHarness;
beforeEach(async () => {
  h = await createActionHarness();
});
afterEach(() => h.dispose());

describe("workspace actions leave what Backstage's leave", () => {
  it('has an expectation per case', () => {
    expect(expected.map((entry) => entry.name)).toEqual(cases.map((entry) => entry.name));
  });

  it.each(cases.map((entry, index) => [entry.name, entry, expected[index]!.tree] as const))('%s', async (_name, testCase, tree) => {
    for (const [path, text] of Object.entries(testCase.files ?? {})) {
      await mkdir(dirname(join(h.workspace, path)), { recursive: true });
      await writeFile(join(h.workspace, path), text);
    }
    await h.run(actions[testCase.action]!, testCase.input, testCase.templateRef ? { templateRef: testCase.templateRef } : {});
    expect(await describeTree(h.workspace)).toEqual(tree);
  });
});
