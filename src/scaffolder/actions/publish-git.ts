import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.ts';
import { describeGitTransport, redactUrl } from '../../sources/git/git-remote-url.ts';
import type { TemplateAction } from './action.ts';
import { DEFAULT_AUTHOR, logNotApplied, resolveSourceDir } from './publish-common.ts';

const schema = z
  .object({
    remoteUrl: z.string().min(1),
    branch: z.string().min(1).optional(),
    defaultBranch: z.string().min(1).optional(),
    gitCommitMessage: z.string().min(1).default('initial commit'),
    gitAuthorName: z.string().min(1).optional(),
    gitAuthorEmail: z.string().min(1).optional(),
    sourcePath: z.string().optional(),
  })
  .loose();

const KNOWN = Object.keys(schema.shape);

/**
 * A path on the bot's own disk is a remote only on the local Git host (a laptop); with GitHub configured, a
 * template must not push into folders of the server.
 */
const checkRemote = (remoteUrl: string, hostKind: string): void => {
  const transport = describeGitTransport(remoteUrl);
  if ((transport === 'local path' || transport === 'file') && hostKind !== 'local') {
    throw new InvalidInputError(`input.remoteUrl "${remoteUrl}" is a path on the Callboard server; give a remote URL (https://, ssh://, git@host:path)`);
  }
  if (transport.endsWith('(remote helper)')) throw new InvalidInputError(`input.remoteUrl "${redactUrl(remoteUrl)}" uses a transport Callboard does not allow`);
};

/** `publish:git`: pushes the workspace as the first commit to an existing, empty repository at any Git remote. */
export const publishGitAction: TemplateAction<typeof schema> = {
  id: 'publish:git',
  description: 'Pushes the workspace as the first commit of an existing empty repository at any Git remote URL.',
  schema,
  supportsDryRun: false,
  async run(context) {
    const { input, log } = context;
    checkRemote(input.remoteUrl, context.repoHost.kind);
    const sourceDir = await resolveSourceDir(context.workspacePath, input.sourcePath);
    logNotApplied(input, log, KNOWN, 'publish:git only pushes');
    const branch = input.branch ?? input.defaultBranch ?? 'master';
    const { commitHash } = await context.repoHost.push({
      sourceDir,
      remoteUrl: input.remoteUrl,
      defaultBranch: branch,
      commitMessage: input.gitCommitMessage,
      author: { name: input.gitAuthorName ?? DEFAULT_AUTHOR.name, email: input.gitAuthorEmail ?? DEFAULT_AUTHOR.email },
    });
    log.info(`pushed ${commitHash} to branch ${branch} of ${redactUrl(input.remoteUrl)}`);
    context.output('remoteUrl', redactUrl(input.remoteUrl));
    context.output('commitHash', commitHash);
  },
};
