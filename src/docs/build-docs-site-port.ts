import type { BuiltDocsSite } from '../core/docs/docs-site.ts';

/** What the renderer is given for one docs root (the shape of core/docs/build-docs-site.ts). */
export interface DocsBuildInput {
  entityRef: string;
  entityName: string;
  /** The files of the docs root, by path relative to it. */
  files: ReadonlyMap<string, Uint8Array>;
  /** The docs root, relative to its source's root ('' for the root), so warnings name files as the source does. */
  rootInSource: string;
  editBase?: string;
  repoUrl?: string;
  maxPageBytes: number;
}

export type DocsBuildResult = { ok: true; site: BuiltDocsSite } | { ok: false; error: string };

/** The renderer, injected: pure and synchronous, from a docs root's files to a site or the reason it failed. */
export type BuildDocsSite = (input: DocsBuildInput) => DocsBuildResult;
