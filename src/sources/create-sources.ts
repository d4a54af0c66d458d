import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Config, SourceConfig } from '../config/load-config.ts';
import type { CatalogSource } from '../core/ports.ts';
import { DirSource } from './dir-source.ts';
import { GitSource } from './git-source.ts';
import { GithubSource } from './github-source.ts';

/** A stable folder name per source id for git mirrors. */
export const cacheFolderFor = (cacheDir: string, sourceId: string): string => join(cacheDir, createHash('sha1').update(sourceId).digest('hex').slice(0, 16));

const createBareSource = (source: SourceConfig, config: Config): CatalogSource => {
  switch (source.type) {
    case 'dir':
      return new DirSource({ id: source.id, root: source.path, patterns: source.patterns });
    case 'git':
      return new GitSource({
        id: source.id,
        url: source.url,
        patterns: source.patterns,
        cacheDir: cacheFolderFor(config.catalog.cacheDir, source.id),
        ...(source.branch ? { branch: source.branch } : {}),
        ...(source.paths ? { paths: source.paths } : {}),
        ...(config.github.token ? { token: config.github.token } : {}),
      });
    case 'github':
      return new GithubSource({
        id: source.id,
        org: source.org,
        catalogPath: source.catalogPath,
        ...(source.repoFilter ? { repoFilter: source.repoFilter } : {}),
        ...(config.github.token ? { token: config.github.token } : {}),
        ...(config.github.apiUrl ? { apiBaseUrl: config.github.apiUrl } : {}),
      });
  }
};

/** Carries the source's configuration, so a change of patterns or paths on an unchanged commit still re-reads it. */
const withSettings = (source: CatalogSource, settings: SourceConfig): CatalogSource => ({
  id: source.id,
  type: source.type,
  settings,
  open: (previous) => source.open(previous),
});

/** One source from a `catalog.sources`-shaped entry (configured, registered or built in). */
export const createSource = (source: SourceConfig, config: Config): CatalogSource => withSettings(createBareSource(source, config), source);

/** The id of the golden paths shipped in templates/; ids starting `builtin:` always sync last. */
export const BUILTIN_TEMPLATES_SOURCE_ID = 'builtin:templates';

/** The golden paths shipped in templates/ (`<name>/template.yaml`), when `scaffolder.builtinTemplates` is on. */
export const builtinSourceConfigs = (config: Config): SourceConfig[] =>
  config.scaffolder.builtinTemplates
    ? [{ type: 'dir', id: BUILTIN_TEMPLATES_SOURCE_ID, path: config.scaffolder.templatesDir, patterns: ['*/template.yaml'] }]
    : [];

/**
 * Builds the sources in the order that decides who keeps a conflicting ref: the configured ones in configuration
 * order, then those registered at run time (`callboard register`, `catalog:register`), then the built-in
 * templates last, so a team's own template with the same ref wins over the shipped one.
 */
export const createSources = (config: Config, registered: readonly SourceConfig[] = []): CatalogSource[] =>
  [...config.catalog.sources, ...registered, ...builtinSourceConfigs(config)].map((source) => createSource(source, config));
