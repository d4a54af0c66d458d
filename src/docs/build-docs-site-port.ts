import type { DocsBuildInput, DocsBuildResult } from '../core/docs/build-docs-site.ts';

export type { DocsBuildInput, DocsBuildResult };

/**
 * The renderer (core/docs/build-docs-site.ts), injected: a docs root's files to a site or why not. Pure and synchronous
 * in-thread, or a promise when a thread of the render pool (docs-render-pool.ts) renders it.
 */
export type BuildDocsSite = (input: DocsBuildInput) => DocsBuildResult | Promise<DocsBuildResult>;

/** Loads the real renderer on first use: marked, highlight.js and the sanitizer stay out of start-up until docs are built. */
export const loadBuildDocsSite = async (): Promise<BuildDocsSite> => (await import('../core/docs/build-docs-site.ts')).buildDocsSite;
