import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** templates/pages/ at the top of the repository (and of the installed package). */
export const defaultPagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../templates/pages');

export const DOCS_PAGE_NAMES = ['page', 'index', 'search', 'not-found'] as const;
export type DocsPageName = (typeof DOCS_PAGE_NAMES)[number];

/** What every page of one server shows whatever the view: read in templates as `@signOutHref`. */
export interface SiteData {
  /** Where a signed-in reader signs out; absent when the gate has no sessions (open loopback, trusted header). */
  signOutHref?: string;
}

export interface DocsTemplates {
  /** A whole HTML document. Handlebars escapes every value; only `page.hbs` inserts the sanitized body unescaped. */
  render(name: DocsPageName, view: object, site?: SiteData): string;
  /** The stylesheet served at /docs/_static/docs.css. */
  css: string;
}

const readTemplate = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `The docs page template ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); reinstall Callboard`,
      {
        cause: error,
      },
    );
  }
};

/**
 * Reads and compiles the docs site's page templates and stylesheet once, at start-up, so a missing file fails
 * then and never on a reader's request. Partials (layout, nav, header, search box) live in `partials/`.
 */
export const loadDocsTemplates = (dir = defaultPagesDir): DocsTemplates => {
  const handlebars = Handlebars.create();
  const partialsDir = join(dir, 'partials');
  for (const file of readdirSync(partialsDir).filter((name) => name.endsWith('.hbs')))
    handlebars.registerPartial(basename(file, '.hbs'), readTemplate(join(partialsDir, file)));
  const compiled = new Map(DOCS_PAGE_NAMES.map((name) => [name, handlebars.compile(readTemplate(join(dir, `${name}.hbs`)))]));
  return {
    render: (name, view, site) => compiled.get(name)!(view, site ? { data: site } : {}),
    css: readTemplate(join(dir, 'docs.css')),
  };
};
