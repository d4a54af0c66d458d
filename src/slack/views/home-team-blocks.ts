import type { KnownBlock } from '@slack/types';
import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { TeamEntity } from '../../core/catalog-reader/catalog-answers.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { contextBlock, dividerBlock, fitLines, plural, sectionBlock } from './blocks.ts';
import { rankCounts } from './dependency-counts.ts';
import { displayNameOf, refCode, titleWithName } from './entity-text.ts';
import { teamChannelText } from './owner-text.ts';

/** An entity a team owns, as the App Home lists it: what the find-my-teams use case answers. */
export type HomeEntity = TeamEntity;

const MAX_LISTED = 25;
/** One section's text: a long team list is summarised rather than split over many blocks. */
const LIST_CHARS = 2900;

const entityLine = (entity: HomeEntity): string => {
  const problems = entity.problemCount > 0 ? `:warning: ${entity.problemCount}  ` : '';
  const lifecycle = entity.lifecycle ? `  ·  ${escapeMrkdwn(truncate(entity.lifecycle, 40))}` : '';
  return `• ${problems}${titleWithName(entity.name, entity.title ? truncate(entity.title, 80) : undefined)}  ·  ${escapeMrkdwn(entity.kind.toLowerCase())}${lifecycle}`;
};

/** Entities with problems first (they need someone), then by kind and name. */
export const byAttention = (a: HomeEntity, b: HomeEntity): number =>
  b.problemCount - a.problemCount || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);

const teamHeading = (group: Entity, entities: readonly HomeEntity[], channelIds: ReadonlyMap<string, string> | undefined): string => {
  const withProblems = entities.filter((entity) => entity.problemCount > 0).length;
  const channel = teamChannelText(group, channelIds);
  const parts = [
    `*${escapeMrkdwn(truncate(displayNameOf(group), 100))}* ${refCode(entityRefOf(group))}`,
    ...(channel ? [channel] : []),
    plural(entities.length, 'entity', 'entities'),
  ];
  if (withProblems > 0) parts.push(`:warning: ${withProblems} with problems`);
  return parts.join('  ·  ');
};

/**
 * A team on the Home tab in at most four blocks, however many entities it owns; `lines` (its on-call, its scorecards)
 * go under the heading, in the same block.
 */
export const teamBlocks = (
  team: { group: Entity; entities: HomeEntity[] },
  index: number,
  channelIds?: ReadonlyMap<string, string>,
  lines: readonly string[] = [],
): KnownBlock[] => {
  const sorted = [...team.entities].sort(byAttention);
  const heading = teamHeading(team.group, sorted, channelIds);
  const blocks: KnownBlock[] = [dividerBlock(`home.team.${index}.divider`), sectionBlock([heading, ...lines].join('\n'), `home.team.${index}.heading`)];
  if (sorted.length === 0) return [...blocks, contextBlock(['This team owns nothing in the catalog yet.'], `home.team.${index}.empty`)];
  const { shown } = fitLines(sorted.slice(0, MAX_LISTED).map(entityLine), LIST_CHARS);
  blocks.push(sectionBlock(shown.join('\n'), `home.team.${index}.entities`));
  const hidden = sorted.slice(shown.length);
  if (hidden.length > 0) {
    const kinds = rankCounts(hidden.map((entity) => entity.kind.toLowerCase()))
      .slice(0, 8)
      .map(([kind, count]) => `${escapeMrkdwn(kind)} ${count.toLocaleString('en-US')}`);
    blocks.push(
      contextBlock(
        [`…and ${plural(hidden.length, 'more entity', 'more entities')} (${kinds.join(', ')}). \`/find\` searches them.`],
        `home.team.${index}.more`,
      ),
    );
  }
  return blocks;
};
