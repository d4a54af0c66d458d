import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.ts';
import { readRepoUrl, type RepoUrlQuery } from '../../core/scaffolder/repo-url.ts';
import type { CreateRepoRequest, RepoCoordinates } from '../repo-host.ts';
import type { TemplateAction } from './action.ts';
import { DEFAULT_AUTHOR, logNotApplied, resolveSourceDir } from './publish-common.ts';

const access = z.enum(['pull', 'triage', 'push', 'maintain', 'admin']);

// Backstage's shapes: { user, access }, { team, access }, and the older { username, access }.
const collaborator = z
  .object({ user: z.string().min(1).optional(), username: z.string().min(1).optional(), team: z.string().min(1).optional(), access })
  .refine((entry) => [entry.user ?? entry.username, entry.team].filter(Boolean).length === 1, 'name exactly one of user or team');

const schema = z
  .object({
    repoUrl: z.string().min(1),
    description: z.string().optional(),
    homepage: z.string().optional(),
    /** `org/team-name` or a user: made admin of the new repository. */
    access: z.string().min(1).optional(),
    defaultBranch: z.string().min(1).default('master'),
    repoVisibility: z.enum(['private', 'internal', 'public']).default('private'),
    topics: z.array(z.string().min(1)).default([]),
    collaborators: z.array(collaborator).default([]),
    gitCommitMessage: z.string().min(1).default('initial commit'),
    gitAuthorName: z.string().min(1).optional(),
    gitAuthorEmail: z.string().min(1).optional(),
    sourcePath: z.string().optional(),
  })
  // Branch protection, merge settings, repository variables...: accepted so Backstage templates run, logged as not applied.
  .loose();

type Input = z.output<typeof schema>;

const KNOWN = Object.keys(schema.shape);

/** `github.com?owner=acme&repo=new-service`, as RepoUrlPicker writes it. */
export const parseGithubRepoUrl = (repoUrl: string): RepoCoordinates => {
  let query: RepoUrlQuery;
  try {
    query = readRepoUrl(repoUrl);
  } catch {
    throw new InvalidInputError(`input.repoUrl "${repoUrl}" is not host?owner=…&repo=… (e.g. github.com?owner=acme&repo=new-service)`);
  }
  const owner = query.params.get('owner');
  const repo = query.params.get('repo');
  if (!owner || !repo) throw new InvalidInputError(`input.repoUrl "${repoUrl}" must name both owner and repo (github.com?owner=acme&repo=new-service)`);
  return { host: query.host, owner, repo };
};

const collaboratorsOf = (input: Input, coordinates: RepoCoordinates): CreateRepoRequest['collaborators'] => {
  const listed = input.collaborators.map((entry) => {
    const user = entry.user ?? entry.username;
    return entry.team ? { team: entry.team, access: entry.access } : { ...(user ? { user } : {}), access: entry.access };
  });
  if (!input.access || input.access.toLowerCase() === coordinates.owner.toLowerCase()) return listed;
  // Backstage: `access` is a user, or `org/team`, that becomes admin.
  const [org, team] = input.access.split('/');
  return [...listed, team && org ? { team, access: 'admin' } : { user: input.access, access: 'admin' }];
};

/**
 * `publish:github`: creates the repository (an organisation's, or the token user's) on GitHub, or on the local Git
 * host without GITHUB_TOKEN, then pushes the workspace as its first commit. Outputs remoteUrl, repoContentsUrl, commitHash.
 */
export const publishGithubAction: TemplateAction<typeof schema> = {
  id: 'publish:github',
  description: 'Creates a GitHub repository (or a local one without GITHUB_TOKEN) and pushes the workspace as its first commit.',
  schema,
  supportsDryRun: false,
  async run(context) {
    const { input, log } = context;
    const coordinates = parseGithubRepoUrl(input.repoUrl);
    const sourceDir = await resolveSourceDir(context.workspacePath, input.sourcePath);
    logNotApplied(input, log, KNOWN, 'Callboard does not set these on new repositories');
    const request: CreateRepoRequest = {
      ...coordinates,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.homepage !== undefined ? { homepage: input.homepage } : {}),
      visibility: input.repoVisibility,
      defaultBranch: input.defaultBranch,
      topics: input.topics,
      collaborators: collaboratorsOf(input, coordinates),
    };
    if (context.repoHost.kind === 'local' && (request.topics.length > 0 || request.collaborators.length > 0)) {
      log.warn('not applied on the local Git host: topics, collaborators and visibility (set GITHUB_TOKEN to publish to GitHub)');
    }
    const created = await context.repoHost.create(request);
    log.info(`created ${created.htmlUrl}`);
    // Given before the push: a push that fails still leaves the repository's links in the run.
    context.output('remoteUrl', created.remoteUrl);
    context.output('repoContentsUrl', created.repoContentsUrl);
    const author = { name: input.gitAuthorName ?? DEFAULT_AUTHOR.name, email: input.gitAuthorEmail ?? DEFAULT_AUTHOR.email };
    const push = { sourceDir, remoteUrl: created.remoteUrl, defaultBranch: input.defaultBranch, commitMessage: input.gitCommitMessage, author };
    const { commitHash } = await context.repoHost.push(push).catch((error: unknown) => {
      // A Retry starts this step again, and creating would then meet the repository made here: say so (same error class).
      if (error instanceof Error) error.message += `. The repository ${created.htmlUrl} was created but is empty: delete it before Retry`;
      throw error;
    });
    log.info(`pushed ${commitHash} to branch ${input.defaultBranch}`);
    context.output('commitHash', commitHash);
  },
};
