import type { KnownBlock } from '@slack/types';
import type { OnCallAnswer } from '../../../usecases/oncall/find-oncall.ts';
import type { BlastRadiusSide, CatalogChange, IncidentContext } from '../../../usecases/incidents/find-incident-context.ts';
import { escapeMrkdwn, link, safeUrl, slackDate, truncate } from '../../mrkdwn.ts';
import { contextBlock, fieldsBlock, fitLines, headerBlock, sectionBlock } from '../blocks.ts';
import { displayNameOf, shortRef } from '../entity-text.ts';
import { onCallLine } from '../oncall-view.ts';
import { teamChannelText } from '../owner-text.ts';
import type { SlackMessage } from '../slack-message.ts';

/** What the card says about on-call: the lookup's answer, or that no on-call lookup is configured at all. */
export type IncidentOnCall = { answer: OnCallAnswer } | { notConfigured: true };

export interface IncidentCardFacts {
  context: IncidentContext;
  onCall: IncidentOnCall;
  /** Team channel ids by normalised name (conversations.list), so the owner's channel is a real link. */
  channelIds?: ReadonlyMap<string, string>;
  /** `incidents.blastRadiusDepth`, said in the blast radius headings. */
  depth: number;
  /** Entities the channel also names that got no card of their own (over the cap). */
  others?: readonly string[];
}

/** Blast-radius lines per side: a card is read at a glance; the rest are counted and `/deps` lists them all. */
const MAX_RADIUS_LINES = 8;
const RADIUS_CHARS = 1800;
const MAX_OTHERS = 20;

const ownerText = (facts: IncidentCardFacts): string => {
  const { owner, ownerRef } = facts.context;
  if (!owner) return ownerRef ? `*Owner*\n\`${escapeMrkdwn(shortRef(ownerRef))}\` (not in the catalog)` : '*Owner*\nnobody: add `spec.owner`';
  const channel = teamChannelText(owner, facts.channelIds);
  return `*Owner*\n${escapeMrkdwn(truncate(displayNameOf(owner), 80))}${channel ? `  ·  ${channel}` : ''}`;
};

const onCallText = (onCall: IncidentOnCall): string => {
  if ('notConfigured' in onCall) return '*On call*\nno on-call lookup is configured';
  // Everyone in the channel reads the card: names, never pings.
  const line = onCallLine(onCall.answer, { audience: 'shared' });
  if (line) return line.replace(/^\*On call\*\s+/, '*On call*\n');
  return '*On call*\nnone named: add `pagerduty.com/service-id` or a Rotation for the team';
};

const linkText = (heading: string, url: string | undefined, label: string, missing: string): string => {
  const safe = url ? safeUrl(url) : undefined;
  return `*${heading}*\n${safe ? link(safe, truncate(label, 80)) : missing}`;
};

/** A blast-radius entity written to the catalog within the last 7 days is flagged: a likely suspect. */
const radiusLine = (entry: BlastRadiusSide['entries'][number]): string => {
  // An API and its component often share a title ("Payments API"): anything but a component says its kind.
  const kind = entry.ref.slice(0, entry.ref.indexOf(':'));
  const name = `${escapeMrkdwn(truncate(entry.title ?? shortRef(entry.ref), 80))}${kind === 'component' ? '' : ` (${kind})`}`;
  const owner = entry.ownerName ?? (entry.ownerRef ? shortRef(entry.ownerRef) : undefined);
  const parts = [
    `• ${name}${entry.exists ? '' : ' (not in the catalog)'}`,
    owner ? ` — ${escapeMrkdwn(truncate(owner, 60))}` : ' — no owner',
    entry.depth > 1 ? ` _(${entry.depth} hops)_` : '',
    entry.changedRecentlyAt ? `  :pencil2: catalog entry written ${slackDate(entry.changedRecentlyAt)}` : '',
  ];
  return parts.join('');
};

const radiusText = (heading: string, side: BlastRadiusSide): string => {
  if (side.entries.length === 0) return `*${heading}*  none in the catalog`;
  const lines = side.entries.slice(0, MAX_RADIUS_LINES).map(radiusLine);
  const { shown } = fitLines(lines, RADIUS_CHARS);
  const more = side.entries.length - shown.length + side.beyondDepth;
  // Cut at the read budget, the count is a floor: "200+" and "at least", never a total that understates.
  const atLeast = side.budgetReached ? '+' : '';
  return [
    `*${heading}* (${side.entries.length}${atLeast}${side.beyondDepth > 0 ? `, ${side.beyondDepth} further out` : ''})`,
    ...shown,
    ...(more > 0 ? [`…and ${side.budgetReached ? 'at least ' : ''}${more.toLocaleString('en-US')} more`] : []),
  ].join('\n');
};

/**
 * The store keeps no versions of an entity, only when a sync pass last wrote it (added, or its document changed):
 * the card says "added or changed" because it cannot tell which.
 */
const changeText = (change: CatalogChange | undefined): string => {
  if (!change) return 'Catalog changes: nothing recorded for this entity.';
  const where = `${escapeMrkdwn(change.path)} in ${escapeMrkdwn(change.sourceId)}${change.version ? ` (source at \`${escapeMrkdwn(change.version.slice(0, 12))}\`)` : ''}`;
  return change.recent
    ? `:pencil2: Catalog entry added or changed ${slackDate(change.changedAt)} (last 7 days): ${where}`
    : `No catalog change in the last 7 days (entry last changed ${slackDate(change.changedAt)}).`;
};

/**
 * The context card posted in an incident channel for one affected entity: owner and its channel, on-call now,
 * runbook, docs home, blast radius both ways with owners, and the entity's last catalog change. Pure.
 */
export const incidentCardView = (facts: IncidentCardFacts): SlackMessage => {
  const { context } = facts;
  const name = displayNameOf(context.entity);
  const kind = context.entity.kind;
  const description = context.entity.metadata.description;
  const depthWords = facts.depth === 1 ? 'direct' : `within ${facts.depth} hops`;
  const blocks: KnownBlock[] = [
    headerBlock(`${name} (${kind})`, 'incident.header'),
    ...(description ? [contextBlock([escapeMrkdwn(truncate(description, 300))], 'incident.description')] : []),
    fieldsBlock(
      [
        ownerText(facts),
        onCallText(facts.onCall),
        linkText('Runbook', context.runbook?.url, context.runbook?.title ?? 'Runbook', 'none: add a link titled Runbook'),
        linkText('Docs', context.docsUrl, 'Docs home', 'no built docs'),
      ],
      'incident.facts',
    ),
    sectionBlock(radiusText(`Depends on, ${depthWords}`, context.dependencies), 'incident.dependencies'),
    sectionBlock(radiusText(`Depended on by, ${depthWords}`, context.dependents), 'incident.dependents'),
    contextBlock([changeText(context.change)], 'incident.change'),
  ];
  const others = facts.others ?? [];
  if (others.length > 0) {
    const listed = others.slice(0, MAX_OTHERS).map((ref) => `\`${escapeMrkdwn(shortRef(ref))}\``);
    const rest = others.length > MAX_OTHERS ? ` and ${others.length - MAX_OTHERS} more` : '';
    blocks.push(contextBlock([`This channel also names ${listed.join(', ')}${rest}: ask \`@Callboard context &lt;name&gt;\` for a card.`], 'incident.others'));
  }
  return { text: `Incident context for ${escapeMrkdwn(name)}: owner, on-call, runbook, docs and blast radius`, blocks };
};
