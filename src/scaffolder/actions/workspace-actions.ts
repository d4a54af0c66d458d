import type { TemplateAction } from './action.ts';

/** fetch:*, fs:*, debug:*, catalog:write and catalog:fetch: the actions that work inside the workspace. */
export const workspaceActions = (): TemplateAction[] => [];
