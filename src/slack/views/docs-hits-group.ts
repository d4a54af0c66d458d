import type { KnownBlock } from '@slack/types';
import type { LinkedDocsHit } from '../../usecases/docs/docs-ports.ts';
import { escapeMrkdwn, link, truncate } from '../mrkdwn.ts';
import { contextBlock, sectionBlock } from './blocks.ts';
import { snippetMrkdwn } from './docs-snippet.ts';
import { shortRef } from './entity-text.ts';

/** Sections shown beside `/find`'s entities: each is one block of at most ~550 characters. */
export const FIND_DOCS_HITS = 5;
const SNIPPET_CHARS = 240;

/** `Runbook › Provider outage`: the page and the section a hit is in (raw text). */
export const docsHitTitle = (hit: LinkedDocsHit): string =>
  [hit.pageTitle, hit.heading && hit.heading !== hit.pageTitle ? hit.heading : undefined].filter((part) => part).join(' › ') || 'Home';

const hitText = (hit: LinkedDocsHit): string => {
  const title = docsHitTitle(hit);
  const snippet = hit.snippet.trim() ? `\n${snippetMrkdwn(hit.snippet, SNIPPET_CHARS)}` : '';
  return `*${link(hit.url, truncate(title, 150))}*  ·  ${escapeMrkdwn(truncate(shortRef(hit.entityRef), 100))}${snippet}`;
};

/** The "Docs" group of a search answer: a label, then one section per hit linking to it, with its snippet. */
export const docsHitBlocks = (hits: readonly LinkedDocsHit[]): KnownBlock[] => {
  const shown = hits.slice(0, FIND_DOCS_HITS);
  if (shown.length === 0) return [];
  return [
    contextBlock([`*Docs*  ·  ${shown.length === 1 ? 'the best section' : `the ${shown.length} best sections`}`], 'search.docs'),
    ...shown.map((hit, index) => sectionBlock(hitText(hit), `search.docs.hit.${index}`)),
  ];
};
