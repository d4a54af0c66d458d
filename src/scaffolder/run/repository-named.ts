import { parseRepoUrl } from '../../core/scaffolder/form/repo-url-value.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import type { TemplateEngine } from '../../core/scaffolder/template-engine.ts';

/** `github.com?owner=acme&repo=new-service` → `github.com/acme/new-service` (owner, or organization/workspace/project). */
export const describeRepoUrl = (repoUrl: string): string => {
  const parts = repoUrl.includes('?') ? parseRepoUrl(repoUrl) : undefined;
  const owner = parts?.owner ?? parts?.extra['organization'] ?? parts?.extra['workspace'] ?? parts?.extra['project'];
  return parts?.repo && owner ? `${parts.host}/${owner}/${parts.repo}` : repoUrl;
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
