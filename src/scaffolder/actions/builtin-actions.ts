import type { TemplateAction } from './action.ts';
import { publishActions } from './publish-actions.ts';
import { workspaceActions } from './workspace-actions.ts';

/** Every action Callboard ships (core/scaffolder/builtin-action-ids.ts lists the same ids for validation). */
export const builtinActions = (): TemplateAction[] => [...workspaceActions(), ...publishActions()];
