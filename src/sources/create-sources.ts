import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Config, SourceConfig } from '../config/load-config.ts';
import type { CatalogSource } from '../core/ports.ts';
import { DirSource } from './dir-source.ts';
import { GitSource } from './git-source.ts';
import { GithubSource } from './github-source.ts';

/** A stable folder name per source id for git mirrors. */
const cacheFolderFor = (cacheDir: string, sourceId: string): string => join(cacheDir, createHash('sha1').update(sourceId).digest('hex').slice(0, 16));

const createSource = (source: SourceConfig, config: Config): CatalogSource => {
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

/** Builds the configured sources, in configuration order (the order decides who keeps a conflicting ref). */
export const createSources = (config: Config): CatalogSource[] => config.catalog.sources.map((source) => withSettings(createSource(source, config), source));
