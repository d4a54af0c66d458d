import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import type { Config, GithubSourceConfig, GitSourceConfig, SourceConfig } from '../config/load-config.ts';
import { canonicalEntityRef } from '../core/catalog/refs.ts';
import { NotFoundError } from '../core/errors.ts';
import type { CatalogReader, EntityOrigin } from '../core/ports.ts';
import { builtinSourceConfigs, cacheFolderFor } from '../sources/create-sources.ts';
import { mirrorFolderName } from '../sources/git-source.ts';
import { findGithubWebBase } from '../sources/git/git-remote-url.ts';
import { createFolderTemplateLocation } from './template-location/folder-template-location.ts';
import { GitCheckout } from './template-location/git-checkout.ts';
import { checkoutGithubRepo } from './template-location/github-checkout.ts';
import type { TemplateLocation, TemplateLocator } from './template-location.ts';

export interface TemplateLocatorDeps {
  catalog: Pick<CatalogReader, 'entityOrigin'>;
  /** Configured sources, the built-in templates source, the catalog cache folder (git mirrors). */
  config: Config;
  /** Sources registered at run time (`callboard register`, catalog:register), by id. */
  registeredSources?: { find(id: string): { config: SourceConfig } | undefined };
  /** Where git checkouts of templates go; default the system's temp folder. */
  scratchDir?: string;
  /** Limit for one git command or GitHub download; default 120000. */
  timeoutMs?: number;
}

/**
 * Opens a template's files where the catalog read the template: a `dir` source's folder as it is, a `git` source
 * at the commit the catalog holds (from the local mirror, unpacked to a temporary folder released after the run), a
 * `github` organisation source's repository from its tarball (default branch, as the source reads it).
 */
export function createTemplateLocator(deps: TemplateLocatorDeps): TemplateLocator {
  const sourceConfig = (id: string): SourceConfig | undefined =>
    [...deps.config.catalog.sources, ...builtinSourceConfigs(deps.config)].find((source) => source.id === id) ?? deps.registeredSources?.find(id)?.config;

  return {
    async open(templateRef) {
      const ref = canonicalEntityRef(templateRef, { defaultKind: 'template' }) ?? templateRef;
      const origin = deps.catalog.entityOrigin(ref);
      if (!origin) throw new NotFoundError(`template ${templateRef} is not in the catalog: check the name with callboard templates`);
      const source = sourceConfig(origin.sourceId);
      if (!source) throw new NotFoundError(`the source "${origin.sourceId}" that template ${templateRef} came from is no longer configured: sync again`);
      const templateFolder = posix.dirname(origin.path) === '.' ? '' : posix.dirname(origin.path);
      switch (source.type) {
        case 'dir':
          return createFolderTemplateLocation({ sourceRoot: resolve(source.path), templateFolder });
        case 'git':
          return openGitLocation(deps, source, origin, templateFolder);
        case 'github':
          return openGithubLocation(deps, source, origin);
      }
    },
  };
}

/** A github organisation source's paths are `<repo>/<path in repo>`; the repository is unpacked from its tarball. */
async function openGithubLocation(deps: TemplateLocatorDeps, source: GithubSourceConfig, origin: EntityOrigin): Promise<TemplateLocation> {
  const [repo = '', ...rest] = origin.path.split('/');
  const folder = posix.dirname(rest.join('/'));
  const checkout = await checkoutGithubRepo({
    owner: source.org,
    repo,
    apiBaseUrl: deps.config.github.apiUrl ?? 'https://api.github.com',
    ...(deps.config.github.token ? { token: deps.config.github.token } : {}),
    scratchDir: scratchDirOf(deps),
    timeoutMs: deps.timeoutMs ?? 120_000,
  });
  return createFolderTemplateLocation({ sourceRoot: checkout.root, templateFolder: folder === '.' ? '' : folder, release: checkout.release });
}

const scratchDirOf = (deps: TemplateLocatorDeps): string => deps.scratchDir ?? join(tmpdir(), 'callboard-templates');

async function openGitLocation(deps: TemplateLocatorDeps, source: GitSourceConfig, origin: EntityOrigin, templateFolder: string): Promise<TemplateLocation> {
  if (!origin.version) throw new NotFoundError(`git source "${source.id}" has no synced commit yet: run callboard sync`);
  const gitDir = join(resolve(cacheFolderFor(deps.config.catalog.cacheDir, source.id)), mirrorFolderName(source));
  const checkout = await GitCheckout.open(gitDir, origin.version, scratchDirOf(deps), {
    timeoutMs: deps.timeoutMs ?? 120_000,
  });
  try {
    await checkout.materialise(templateFolder);
  } catch (error) {
    await checkout.release();
    throw error;
  }
  return createFolderTemplateLocation({
    sourceRoot: checkout.root,
    templateFolder,
    pathOfUrl: (url) => pathInGithubRepo(source, url),
    materialise: (path) => checkout.materialise(path),
    release: () => checkout.release(),
  });
}

/** `https://github.com/<owner>/<repo>/(tree|blob)/<branch>/<path>` of the source's own repository is `<path>`. */
function pathInGithubRepo(source: GitSourceConfig, url: string): string | undefined {
  const base = findGithubWebBase(source.url);
  if (!base || !url.toLowerCase().startsWith(`${base.toLowerCase()}/`)) return undefined;
  const rest = url.slice(base.length + 1).split(/[?#]/)[0]!;
  const match = /^(?:tree|blob)\/(.+)$/.exec(rest);
  if (!match) return undefined;
  const branchAndPath = decodeURIComponent(match[1]!);
  const branch = source.branch ?? branchAndPath.split('/')[0]!;
  if (branchAndPath !== branch && !branchAndPath.startsWith(`${branch}/`)) return undefined;
  const path = posix.normalize(branchAndPath.slice(branch.length + 1) || '.');
  return path === '.' ? '' : path.startsWith('..') ? undefined : path;
}
