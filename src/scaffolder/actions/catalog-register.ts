import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.ts';
import { describeGitTransport } from '../../sources/git/git-remote-url.ts';
import type { TemplateAction } from './action.ts';

const schema = z
  .object({
    catalogInfoUrl: z.string().min(1).optional(),
    repoContentsUrl: z.string().min(1).optional(),
    catalogInfoPath: z.string().min(1).default('/catalog-info.yaml'),
    optional: z.boolean().default(false),
  })
  .refine((input) => input.catalogInfoUrl !== undefined || input.repoContentsUrl !== undefined, {
    message: 'give catalogInfoUrl, or repoContentsUrl (with catalogInfoPath)',
    path: ['catalogInfoUrl'],
  });

/** `<repoContentsUrl>/<catalogInfoPath>`: the path is from the repository's root, as Backstage resolves it. */
const joinContentsUrl = (repoContentsUrl: string, catalogInfoPath: string): string =>
  `${repoContentsUrl.replace(/\/+$/, '')}/${catalogInfoPath.replace(/^(\.?\/)+/, '')}`;

/** Backstage's choice of `entityRef`: the first Component not named generated-*, else the first not generated, else the first. */
const chooseEntityRef = (refs: readonly string[]): string | undefined => {
  const named = refs.filter((ref) => !/\/generated-/.test(ref));
  return named.find((ref) => ref.startsWith('component:')) ?? named[0] ?? refs[0];
};

/**
 * A path on the bot's own disk is a catalog location only on the local Git host (a laptop, whose repositories are
 * folders): with GitHub configured, a template must not make the catalog read the server's folders and files.
 */
const checkLocation = (catalogInfoUrl: string, hostKind: string): void => {
  const transport = describeGitTransport(catalogInfoUrl);
  if ((transport === 'local path' || transport === 'file') && hostKind !== 'local') {
    throw new InvalidInputError(
      `input.catalogInfoUrl "${catalogInfoUrl}" is a path on the Callboard server; give the repository's URL (https://…/blob/<branch>/catalog-info.yaml), as publish:github outputs it in repoContentsUrl`,
      { fieldErrors: { catalogInfoUrl: 'a path on the Callboard server' } },
    );
  }
};

/**
 * `catalog:register`: adds the new repository's catalog file as a registered source and syncs it at once, so the
 * entity answers `/owner` when the run ends (Backstage's catalog picks it up minutes later). Same path as `callboard register`.
 */
export const catalogRegisterAction: TemplateAction<typeof schema> = {
  id: 'catalog:register',
  description: "Registers a catalog file (or a repository's /catalog-info.yaml) as a catalog source and syncs it at once.",
  schema,
  supportsDryRun: false,
  async run(context) {
    const { input, log } = context;
    const catalogInfoUrl = input.catalogInfoUrl ?? joinContentsUrl(input.repoContentsUrl!, input.catalogInfoPath);
    log.info(`registering ${catalogInfoUrl} in the catalog`);
    try {
      checkLocation(catalogInfoUrl, context.repoHost.kind);
      const result = await context.registrar.register(catalogInfoUrl, context.user.ref ?? 'scaffolder');
      const entityRef = chooseEntityRef(result.entityRefs);
      if (entityRef) context.output('entityRef', entityRef);
      else log.warn(`source ${result.source.id} holds no entity yet; see \`callboard errors\` for problems in ${catalogInfoUrl}`);
      log.info(`${result.created ? 'registered' : 'already registered'} as source ${result.source.id}${entityRef ? `: ${entityRef}` : ''}`);
    } catch (error) {
      if (!input.optional) throw error;
      log.warn(`not registered (optional): ${(error as Error).message}`);
    }
    context.output('catalogInfoUrl', catalogInfoUrl);
  },
};
