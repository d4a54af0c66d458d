import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import type { TemplateEngine } from '../../core/scaffolder/template-engine.ts';

/** `github.com?owner=acme&repo=new-service` → `github.com/acme/new-service` (owner, or organization/workspace/project). */
export const describeRepoUrl = (repoUrl: string): string => {
  const [host, query] = repoUrl.split('?', 2);
  if (!host || query === undefined) return repoUrl;
  const params = new URLSearchParams(query);
  const repo = params.get('repo');
  const owner = params.get('owner') ?? params.get('organization') ?? params.get('workspace') ?? params.get('project');
  return repo && owner ? `${host}/${owner}/${repo}` : repoUrl;
};

/** The repository the first publish step will create, from its rendered `repoUrl`; undefined when none names one. */
export const repositoryNamed = (engine: TemplateEngine, definition: TemplateDefinition, scope: Readonly<Record<string, unknown>>): string | undefined => {
  const publish = definition.steps.find((step) => step.action.startsWith('publish:') && step.input['repoUrl'] !== undefined);
  if (!publish) return undefined;
  try {
    const repoUrl = engine.renderValue(publish.input['repoUrl'], scope);
    return typeof repoUrl === 'string' && repoUrl !== '' ? describeRepoUrl(repoUrl) : undefined;
  } catch {
    return undefined;
  }
};
