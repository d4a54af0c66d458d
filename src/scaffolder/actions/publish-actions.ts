import type { TemplateAction } from './action.ts';
import { catalogRegisterAction } from './catalog-register.ts';
import { publishGitAction } from './publish-git.ts';
import { publishGithubAction } from './publish-github.ts';

/** publish:github, publish:git and catalog:register: the actions that reach a repository host or the catalog. */
export const publishActions = (): TemplateAction[] => [publishGithubAction, publishGitAction, catalogRegisterAction] as TemplateAction[];
