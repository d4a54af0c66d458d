import type { TemplateAction } from './action.ts';

/** publish:github, publish:git and catalog:register: the actions that reach a repository host or the catalog. */
export const publishActions = (): TemplateAction[] => [];
