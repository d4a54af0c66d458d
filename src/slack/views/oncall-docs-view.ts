import { escapeMrkdwn, link, truncate } from '../mrkdwn.ts';
import { sectionBlock } from './blocks.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** Who owns the entity, as one clause: already escaped mrkdwn ("owned by Payments (#team-payments)"). */
export interface OwnerFacts {
  entityName: string;
  /** The owning team's display name; undefined when no owner is recorded. */
  ownerName?: string;
  /** The owner ref as written, shown when the owner is not in the catalog. */
  ownerRef?: string;
  /** The team channel as mrkdwn (`<#C…>` or `#name`). */
  ownerChannel?: string;
  /**
   * Set when the entity is itself a team or a person, which nothing owns: the clause then says what it is
   * (a team, with its own channel in `ownerChannel`), never "no owner is recorded".
   */
  self?: { kind: 'team' | 'person'; displayName: string };
}

export interface DocsFacts extends OwnerFacts {
  links: ReadonlyArray<{ title: string; url: string }>;
  /** `backstage.io/techdocs-ref` and the web address its source lives at, when the entity has TechDocs. */
  techdocs?: { ref: string; location?: string };
}

/** "x is owned by Payments (#team-payments)": who owns the entity, as one clause of already escaped mrkdwn. */
export const ownerClause = (facts: OwnerFacts): string => {
  const name = escapeMrkdwn(truncate(facts.entityName, 80));
  if (facts.self) {
    const what = `${facts.self.kind === 'team' ? 'the team' : 'the person'} ${escapeMrkdwn(truncate(facts.self.displayName, 80))}`;
    return `${name} is ${what}${facts.ownerChannel ? ` (${facts.ownerChannel})` : ''}`;
  }
  if (facts.ownerName) return `${name} is owned by ${escapeMrkdwn(truncate(facts.ownerName, 80))}${facts.ownerChannel ? ` (${facts.ownerChannel})` : ''}`;
  if (facts.ownerRef) return `${name} names \`${escapeMrkdwn(truncate(facts.ownerRef, 120))}\` as its owner, which is not in the catalog`;
  return `No owner is recorded for ${name}`;
};

const oneLine = (text: string, blockId: string): SlackMessage => ephemeralMessage(text, [sectionBlock(text, blockId)]);

/** Docs links named in the one-line answer; the rest are counted. */
const MAX_DOCS_LINKS = 10;

/** "Where are the docs for X?": its docs and runbook links and TechDocs, or that it has none, with the owner. */
export const docsView = (facts: DocsFacts): SlackMessage => {
  const name = escapeMrkdwn(truncate(facts.entityName, 80));
  const links = facts.links.slice(0, MAX_DOCS_LINKS).map((entry) => link(entry.url, truncate(entry.title, 80)));
  const moreLinks = facts.links.length - links.length;
  if (moreLinks > 0) links.push(`and ${moreLinks} more ${moreLinks === 1 ? 'link' : 'links'}`);
  const techdocs = facts.techdocs
    ? `${name} has TechDocs (\`${escapeMrkdwn(truncate(facts.techdocs.ref, 120))}\`)${facts.techdocs.location ? ` in ${link(facts.techdocs.location, truncate(facts.techdocs.location.replace(/^https?:\/\//, ''), 120))}` : ''}; Callboard does not show them yet.`
    : undefined;
  const found = [links.length > 0 ? `Docs for ${name}: ${links.join('  ·  ')}` : undefined, techdocs].filter((text): text is string => text !== undefined);
  const text = found.length > 0 ? `${found.join('\n')}\n${ownerClause(facts)}.` : `${name} has no docs link. ${ownerClause(facts)}.`;
  return oneLine(text, 'docs.known');
};
