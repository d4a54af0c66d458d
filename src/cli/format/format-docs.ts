import { snippetMark } from '../../core/docs/docs-library.ts';
import type { DocsHome, LinkedDocsHit } from '../../usecases/docs/docs-ports.ts';
import type { DocsAnswer } from '../../usecases/docs/find-docs.ts';

const MARKED = new RegExp(`[${snippetMark.start}${snippetMark.end}]`, 'g');

/** A snippet on one line, matched words between `open` and `close` (nothing: plain text, for JSON). */
export const plainSnippet = (snippet: string, marks = { open: '', close: '' }): string =>
  snippet
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKED, (mark) => (mark === snippetMark.start ? marks.open : marks.close));

const hitTitle = (hit: LinkedDocsHit): string =>
  [hit.pageTitle, hit.heading && hit.heading !== hit.pageTitle ? hit.heading : ''].filter(Boolean).join(' › ') || 'Home';

const hitLines = (hit: LinkedDocsHit, withEntity: boolean): string[] => [
  `${hitTitle(hit)}${withEntity ? `  (${hit.entityRef})` : ''}`,
  `  ${hit.url}`,
  ...(hit.snippet.trim() ? [`  ${plainSnippet(hit.snippet, { open: '*', close: '*' })}`] : []),
];

const homeLines = (home: DocsHome): string[] => [
  `${home.siteName}  ${home.url}`,
  `${home.entityRef}  ·  ${home.pageCount} page${home.pageCount === 1 ? '' : 's'}  ·  built ${home.builtAt}${home.commit ? ` from ${home.commit}` : ''}`,
  ...(home.lastError ? [`The latest build failed: ${home.lastError}. This is the last good build.`] : []),
];

/** Why there is no site, and what to add. */
export const missingDocsText = (answer: Extract<DocsAnswer, { status: 'none' }>): string => {
  if (answer.buildError) return `${answer.entityRef}: its docs failed to build: ${answer.buildError}`;
  if (answer.techdocsRef)
    return `${answer.entityRef} declares backstage.io/techdocs-ref: ${answer.techdocsRef}, but no site has been built from it yet (the next sync builds it).`;
  if (answer.parts.length > 0) return `${answer.entityRef} has no docs site of its own; its parts have.`;
  return `${answer.entityRef} has no docs. Put an mkdocs.yml and a docs/ folder next to its catalog file and add the annotation backstage.io/techdocs-ref: dir:.`;
};

const wordsLines = (answer: DocsAnswer): string[] => {
  if (!answer.words) return [];
  if (answer.hits.length === 0) return ['', `No section matches "${answer.words}".`];
  return ['', ...answer.hits.flatMap((hit) => ['', ...hitLines(hit, answer.status === 'none')]).slice(1)];
};

/** `callboard docs <entity> [words]` as text: the site (or why there is none, and the parts' sites), then the sections found. */
export const formatDocs = (answer: DocsAnswer): string => {
  if (answer.status === 'site') {
    const pages = answer.words || answer.home.pages.length === 0 ? [] : ['', 'Pages:', ...answer.home.pages.map((page) => `  ${page.title}  ${page.url}`)];
    return [...homeLines(answer.home), ...pages, ...wordsLines(answer)].join('\n');
  }
  const parts =
    answer.parts.length > 0
      ? ['', `Docs of its parts (${answer.parts.length}):`, ...answer.parts.map((part) => `  ${part.siteName}  ${part.url}  (${part.entityRef})`)]
      : [];
  return [missingDocsText(answer), ...parts, ...(answer.parts.length > 0 ? wordsLines(answer) : [])].join('\n');
};

const hitJson = (hit: LinkedDocsHit) => ({
  entityRef: hit.entityRef,
  page: hit.pagePath,
  title: hit.pageTitle,
  heading: hit.heading,
  anchor: hit.anchor,
  url: hit.url,
  snippet: plainSnippet(hit.snippet),
});

/** `--json`: `{ entityRef, url, siteName, builtAt, commit, hits }`; without a site those are null, with `problem` and `parts`. */
export const docsJson = (answer: DocsAnswer) =>
  answer.status === 'site'
    ? {
        entityRef: answer.entityRef,
        url: answer.home.url,
        siteName: answer.home.siteName,
        builtAt: answer.home.builtAt,
        commit: answer.home.commit ?? null,
        ...(answer.home.lastError ? { lastError: answer.home.lastError } : {}),
        hits: answer.hits.map(hitJson),
      }
    : {
        entityRef: answer.entityRef,
        url: null,
        siteName: null,
        builtAt: null,
        commit: null,
        problem: missingDocsText(answer),
        parts: answer.parts.map((part) => ({ entityRef: part.entityRef, url: part.url, siteName: part.siteName })),
        hits: answer.hits.map(hitJson),
      };
