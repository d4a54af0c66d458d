import type { KnownBlock } from '@slack/types';
import type { DocsHome, LinkedDocsHit } from '../../usecases/docs/docs-ports.ts';
import type { DocsAnswer } from '../../usecases/docs/find-docs.ts';
import { escapeMrkdwn, link, slackDate, truncate } from '../mrkdwn.ts';
import { contextBlock, fitLines, headerBlock, plural, sectionBlock } from './blocks.ts';
import { docsHitTitle } from './docs-hits-group.ts';
import { snippetMrkdwn } from './docs-snippet.ts';
import { shortRef } from './entity-text.ts';
import { ownerClause, type OwnerFacts } from './oncall-docs-view.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

export interface DocsAnswerFacts extends OwnerFacts {
  answer: DocsAnswer;
  /** Its docs-like `metadata.links` (runbooks, wikis), shown under the answer. */
  links: ReadonlyArray<{ title: string; url: string }>;
  /** What `/docs` is called where the answer is shown, for the hints (`/docs` or `/callboard docs`). */
  command: string;
}

const SNIPPET_CHARS = 300;
const MAX_WORDS = 100;
/** Room for the list of a system's or team's documented parts, within a section's 3,000 characters. */
const PARTS_CHARS = 2700;
const MAX_LINKS = 10;

const TECHDOCS_HINT =
  'To publish them, put an `mkdocs.yml` and a `docs/` folder next to its catalog file and add the annotation `backstage.io/techdocs-ref: dir:.`; the next sync builds them.';

const hitBlock = (hit: LinkedDocsHit, index: number, withEntity: boolean): KnownBlock => {
  const where = withEntity ? `  ·  ${escapeMrkdwn(truncate(shortRef(hit.entityRef), 100))}` : '';
  const snippet = hit.snippet.trim() ? `\n${snippetMrkdwn(hit.snippet, SNIPPET_CHARS)}` : '';
  return sectionBlock(`*${link(hit.url, truncate(docsHitTitle(hit), 150))}*${where}${snippet}`, `docs.hit.${index}`);
};

/** "Built 6 Dec at 12:00 from a1b2c3d": when the site was made; the latest build's failure when there was one. */
const buildText = (home: DocsHome): string => {
  const built = `${plural(home.pageCount, 'page')}  ·  built ${slackDate(home.builtAt)}${home.commit ? ` from \`${escapeMrkdwn(home.commit.slice(0, 12))}\`` : ''}`;
  return home.lastError ? `${built}\n:warning: The latest build failed: ${escapeMrkdwn(truncate(home.lastError, 300))}. This is the last good build.` : built;
};

const wordsSummary = (answer: DocsAnswer, facts: DocsAnswerFacts): string | undefined => {
  if (!answer.words) return undefined;
  const quoted = escapeMrkdwn(truncate(answer.words, MAX_WORDS));
  if (answer.hits.length > 0) return `Best ${answer.hits.length === 1 ? 'section' : `${answer.hits.length} sections`} for *${quoted}*:`;
  return `No section matches *${quoted}*. Try fewer words, or search everything with \`${escapeMrkdwn(facts.command.replace(/docs$/, 'find'))} ${quoted}\`.`;
};

const linksText = (facts: DocsAnswerFacts): string | undefined => {
  if (facts.links.length === 0) return undefined;
  const shown = facts.links.slice(0, MAX_LINKS).map((entry) => link(entry.url, truncate(entry.title, 80)));
  const more = facts.links.length - shown.length;
  return `Also linked: ${shown.join('  ·  ')}${more > 0 ? `  ·  and ${plural(more, 'more link')}` : ''}`;
};

/** Why there is no site, and what to do: the build's failure, a site still to come, or the annotation to add. */
const noSiteText = (answer: Extract<DocsAnswer, { status: 'none' }>, name: string): string => {
  if (answer.buildError) return `${name}'s docs failed to build: ${escapeMrkdwn(truncate(answer.buildError, 500))}`;
  if (answer.techdocsRef)
    return `${name} declares \`backstage.io/techdocs-ref: ${escapeMrkdwn(truncate(answer.techdocsRef, 120))}\` but no site has been built from it yet; it is built at the next sync.`;
  // A system or team is documented through its parts: no hint to document the system itself.
  if (answer.parts.length > 0) return `${name} has no docs site of its own; its parts have.`;
  return `${name} has no docs in Callboard. ${TECHDOCS_HINT}`;
};

const partsText = (parts: readonly DocsHome[]): string => {
  const lines = parts.map((part) => `• ${link(part.url, truncate(part.siteName, 80))}  \`${escapeMrkdwn(truncate(shortRef(part.entityRef), 100))}\``);
  const { shown, hidden } = fitLines(lines, PARTS_CHARS);
  return [`*Docs of its parts (${parts.length})*`, ...shown, ...(hidden > 0 ? [`…and ${plural(hidden, 'more site')}`] : [])].join('\n');
};

/** "Pages: Overview · Runbook": the nav's pages, asked without words. */
const pagesText = (home: DocsHome): string | undefined => {
  if (home.pages.length === 0) return undefined;
  const { shown } = fitLines(
    home.pages.map((page) => link(page.url, truncate(page.title, 80))),
    PARTS_CHARS,
  );
  return `Pages: ${shown.join('  ·  ')}`;
};

const siteBlocks = (answer: Extract<DocsAnswer, { status: 'site' }>, facts: DocsAnswerFacts): KnownBlock[] => {
  const pages = answer.words ? undefined : pagesText(answer.home);
  return [
    headerBlock(`Docs: ${answer.home.siteName}`, 'docs.header'),
    sectionBlock(`*${link(answer.home.url, truncate(answer.home.siteName, 150))}*\n${ownerClause(facts)}.`, 'docs.home'),
    ...(pages ? [sectionBlock(pages, 'docs.pages')] : []),
    contextBlock([buildText(answer.home)], 'docs.built'),
  ];
};

const noSiteBlocks = (answer: Extract<DocsAnswer, { status: 'none' }>, facts: DocsAnswerFacts): KnownBlock[] => {
  const name = `*${escapeMrkdwn(truncate(facts.entityName, 80))}*`;
  const blocks: KnownBlock[] = [sectionBlock(`${noSiteText(answer, name)}\n${ownerClause(facts)}.`, 'docs.none')];
  if (answer.parts.length > 0) blocks.push(sectionBlock(partsText(answer.parts), 'docs.parts'));
  return blocks;
};

/**
 * `/docs <entity> [words]`: the rendered site's home and, with words, the best sections as deep links with their
 * snippets; or why the entity has no site and what to add, with the documented parts of a system or team.
 */
export const docsAnswerView = (facts: DocsAnswerFacts): SlackMessage => {
  const { answer } = facts;
  const blocks = answer.status === 'site' ? siteBlocks(answer, facts) : noSiteBlocks(answer, facts);
  const summary = answer.status === 'site' || answer.parts.length > 0 ? wordsSummary(answer, facts) : undefined;
  if (summary) blocks.push(sectionBlock(summary, 'docs.summary'));
  answer.hits.forEach((hit, index) => blocks.push(hitBlock(hit, index, answer.status === 'none')));
  const links = linksText(facts);
  if (links) blocks.push(contextBlock([links], 'docs.links'));
  const name = escapeMrkdwn(truncate(facts.entityName, 80));
  const fallback =
    answer.status === 'site'
      ? `Docs for ${name}: ${link(answer.home.url, truncate(answer.home.siteName, 150))}${answer.hits.length > 0 ? ` (${plural(answer.hits.length, 'matching section')})` : ''}`
      : `${name} has no docs site in Callboard${answer.parts.length > 0 ? `; ${plural(answer.parts.length, 'documented part')}` : ''}.`;
  return ephemeralMessage(fallback, blocks);
};
