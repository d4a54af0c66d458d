/**
 * Which way imports may point (STYLE.md §1): adapters → usecases → core, never back. Written as
 * `no-restricted-imports` blocks, one per folder depth: the rule sees only the import string, so "leaves
 * src/core" means "climbs one `../` more than the file is deep". Type-only imports count too: a use case
 * that names an adapter's type depends on the adapter.
 *
 * ESLint keeps only the last `no-restricted-imports` setting that matches a file, so a folder listed here
 * must not get another `no-restricted-imports` block later in eslint.config.js; add its rules here instead.
 */

/** Deepest folder nesting under a layer that the generated blocks cover; deeper files fail the check below. */
const MAX_DEPTH = 6;

const escapes = (depth) => `^(\\.\\./){${depth + 1}}`;

/** What the pure core must not reach: I/O, the database, outside services, logging. */
const impurePackages = [
  { group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'], message: 'core/ is pure: no file system. Take the data as an argument or a port (core/ports.ts).' },
  { group: ['node:child_process', 'child_process'], message: 'core/ is pure: no processes. Put this in an adapter behind a port.' },
  { group: ['node:net', 'net', 'node:http', 'http', 'node:https', 'https'], message: 'core/ is pure: no network. Put this in an adapter behind a port.' },
  { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'core/ is pure: no SQLite. Add a query to CatalogReader (core/ports.ts) instead.' },
  { group: ['@slack/*', '@octokit/*'], message: 'core/ is pure: no Slack or GitHub clients. Put this in an adapter behind a port.' },
  { group: ['pino'], message: 'core/ is pure: no logger. Return what happened as data and let the adapter log it.' },
];

const layers = [
  {
    folder: 'src/core',
    patterns: (depth) => [
      { regex: escapes(depth), message: 'core/ imports nothing outside src/core: the core knows no adapter, use case or config.' },
      ...impurePackages,
    ],
  },
  {
    folder: 'src/usecases',
    patterns: (depth) => [
      {
        regex: `${escapes(depth)}(store|slack|sources|cli|http|schedule|integrations)(/|$)`,
        message: 'Use cases depend on ports (core/ports.ts), never on adapters, even for types.',
      },
      { regex: `${escapes(depth)}(main|catalog-runtime)\\.ts$`, message: 'Use cases do not import the composition root; take what they need as arguments.' },
    ],
  },
  {
    folder: 'src/slack/views',
    patterns: (depth) => [
      {
        regex: `${escapes(depth + 1)}(store|sources)(/|$)`,
        message: 'Views are pure Block Kit builders over domain types (core/); they never reach the store or a source.',
      },
    ],
  },
];

const filesAtDepth = (folder, depth) => [`${folder}/${'*/'.repeat(depth)}*.ts`];

/** Flat-config blocks: for each layer and depth, the imports that would point outward. */
export const importBoundaries = () =>
  layers.flatMap(({ folder, patterns }) =>
    Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
      files: filesAtDepth(folder, depth),
      rules: { 'no-restricted-imports': ['error', { patterns: patterns(depth) }] },
    })),
  );

/** The folders and the depth the blocks cover, for the test that no file sits deeper. */
export const boundaryLayers = { folders: layers.map((layer) => layer.folder), maxDepth: MAX_DEPTH };
