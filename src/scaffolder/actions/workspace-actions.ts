import type { TemplateAction } from './action.ts';
import { catalogFetchAction } from './catalog-fetch-action.ts';
import { catalogWriteAction } from './catalog-write-action.ts';
import { debugLogAction } from './debug-log-action.ts';
import { debugWaitAction } from './debug-wait-action.ts';
import { fetchPlainAction } from './fetch-plain-action.ts';
import { fetchPlainFileAction } from './fetch-plain-file-action.ts';
import { fetchTemplateAction } from './fetch-template-action.ts';
import { fetchTemplateFileAction } from './fetch-template-file-action.ts';
import { fsDeleteAction } from './fs-delete-action.ts';
import { fsRenameAction } from './fs-rename-action.ts';

/** fetch:*, fs:*, debug:*, catalog:write and catalog:fetch: the actions that work inside the workspace. */
export const workspaceActions = (): TemplateAction[] =>
  [
    fetchTemplateAction,
    fetchTemplateFileAction,
    fetchPlainAction,
    fetchPlainFileAction,
    fsRenameAction,
    fsDeleteAction,
    debugLogAction,
    debugWaitAction,
    catalogWriteAction,
    catalogFetchAction,
  ] as TemplateAction[];
