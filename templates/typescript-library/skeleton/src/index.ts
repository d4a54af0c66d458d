/**
 * ${{ values.name }}: ${{ values.description or 'a TypeScript library' }}.
 *
 * Replace this example with the library's own API; keep every export tested in index.test.ts.
 */

/** Turns a title into a URL- and file-name-safe slug: lowercase words joined by dashes. */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
