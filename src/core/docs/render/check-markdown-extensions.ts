/**
 * The `markdown_extensions` Callboard renders. techdocs-core turns its set on whatever mkdocs.yml lists, and so
 * does Callboard; listing one of these changes nothing. Anything else is rendered without, with a warning.
 */
const SUPPORTED = new Set([
  'abbr',
  'admonition',
  'attr_list',
  'codehilite',
  'extra',
  'fenced_code',
  'footnotes',
  'meta',
  'sane_lists',
  'tables',
  'toc',
  'pymdownx.details',
  'pymdownx.highlight',
  'pymdownx.superfences',
  'pymdownx.tabbed',
  'pymdownx.tasklist',
]);

/** The names of listed extensions that are not rendered. `markdown.extensions.toc` and `toc` are the same extension. */
export const unsupportedExtensions = <T extends { name: string }>(extensions: T[]): T[] =>
  extensions.filter(({ name }) => !SUPPORTED.has(name.replace(/^markdown\.extensions\./, '')));
