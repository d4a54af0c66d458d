import type { KnownBlock } from '@slack/types';
import type { OwnerAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import type { DocsLinkAnswer } from '../../usecases/docs/find-docs-link.ts';
import { escapeMrkdwn, link, truncate } from '../mrkdwn.ts';
import { contextBlock, sectionBlock } from './blocks.ts';
import { displayNameOf, shortRef } from './entity-text.ts';
import { ownerText, type UnfurlContext } from './entity-unfurl-view.ts';

const EXCERPT_CHARS = 300;

/** `Runbook › Provider outage`; the site's name for its home page, or for a page that is gone. */
const titleOf = (shared: DocsLinkAnswer): string => {
  const page = shared.pageTitle ?? shared.home.siteName;
  return shared.heading && shared.heading !== page ? `${page} › ${shared.heading}` : page;
};

/**
 * A pasted link into Callboard's docs (the blocks of one `chat.unfurl` entry): the page's title and the section
 * its anchor names, the start of that section, whose docs they are and who owns that.
 */
export const docsUnfurlView = (shared: DocsLinkAnswer, answer: OwnerAnswer, url: string, ctx: UnfurlContext = {}): KnownBlock[] => {
  const excerpt = shared.excerpt ? `\n${escapeMrkdwn(truncate(shared.excerpt, EXCERPT_CHARS))}` : '';
  const entity = `${escapeMrkdwn(truncate(displayNameOf(answer.entity), 100))} \`${escapeMrkdwn(truncate(shortRef(shared.entityRef), 100))}\``;
  return [
    sectionBlock(`*${link(url, truncate(titleOf(shared), 150))}*${excerpt}`, 'unfurl.docs'),
    // One element per fact, as the entity card's context line.
    contextBlock([`:book: Docs of ${entity}`, ownerText(answer, ctx), `${link(shared.home.url, truncate(shared.home.siteName, 80))}`], 'unfurl.docs_facts'),
  ];
};
