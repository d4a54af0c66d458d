import type { KnownBlock } from '@slack/types';
import type { RuleResult, ScorecardResult } from '../../core/scorecards/evaluate-scorecard.ts';
import type { Scorecard } from '../../core/scorecards/scorecard.ts';
import type { EntityScorecards, LevelDistribution, TeamScorecards } from '../../scorecards/scorecard-answer.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { contextBlock, headerBlock, Limits, sectionBlock } from './blocks.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** Entities listed per scorecard on a team's answer; the rest are counted and the CLI lists them all. */
export const TEAM_ENTITIES_SHOWN = 15;
/** Blocks and characters kept back for the closing context line. */
const BLOCK_BUDGET = Limits.messageBlocks - 2;
const CHAR_BUDGET = Limits.messageChars - 500;

const titleOf = (scorecard: Scorecard): string => escapeMrkdwn(scorecard.title ?? scorecard.name);
const levelText = (level: string | null): string => (level === null ? 'no level yet' : `*${escapeMrkdwn(level)}*`);
const code = (text: string): string => `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``;

/** Adds blocks in order while the message stays within Slack's block and character limits; says what was left out. */
class BoundedBlocks {
  readonly blocks: KnownBlock[] = [];
  private chars = 0;
  left = 0;

  add(...blocks: KnownBlock[]): boolean {
    const size = JSON.stringify(blocks).length;
    if (this.left > 0 || this.blocks.length + blocks.length > BLOCK_BUDGET || this.chars + size > CHAR_BUDGET) {
      this.left += 1;
      return false;
    }
    this.blocks.push(...blocks);
    this.chars += size;
    return true;
  }
}

const ruleLine = (scorecard: Scorecard, rule: RuleResult): string => {
  const definition = scorecard.rules.find((candidate) => candidate.id === rule.id);
  const name = `${code(rule.id)}${definition?.title ? ` ${escapeMrkdwn(definition.title)}` : ''}`;
  if (rule.passed === true) return `:white_check_mark: ${name}`;
  const why = rule.message ? `: ${escapeMrkdwn(rule.message)}` : '';
  if (rule.passed === null) {
    const kept = rule.lastKnown === undefined ? '' : ` (last known: ${rule.lastKnown ? 'passing' : 'failing'})`;
    return `:grey_question: ${name} unknown${why}${kept}`;
  }
  const fix = definition?.fix ? `\n      _Fix:_ ${escapeMrkdwn(definition.fix)}` : '';
  return `:x: ${name}${why}${fix}`;
};

const levelSection = (scorecard: Scorecard, result: ScorecardResult, level: string, blockId: string): KnownBlock | undefined => {
  const rules = result.rules.filter((rule) => rule.level === level);
  if (rules.length === 0) return undefined;
  const passing = rules.filter((rule) => rule.passed === true).length;
  return sectionBlock([`*${escapeMrkdwn(level)}* · ${passing}/${rules.length}`, ...rules.map((rule) => ruleLine(scorecard, rule))].join('\n'), blockId);
};

const nextText = (result: ScorecardResult): string =>
  result.next ? `Next: *${escapeMrkdwn(result.next.level)}* needs ${result.next.failing.map(code).join(', ') || 'nothing more'}` : 'Top level reached.';

/** An entity on each of its scorecards: level, rules grouped by level (fix under each failing one), what the next level needs. */
export const entityScorecardView = (answer: EntityScorecards): SlackMessage => {
  const ref = escapeMrkdwn(answer.entityRef);
  if (answer.results.length === 0) {
    const text = `${ref} is on no scorecard yet: no Scorecard's filter matches it, or it has not been scored since it changed.`;
    return ephemeralMessage(text, [sectionBlock(text, 'scorecard.none')]);
  }
  const out = new BoundedBlocks();
  out.add(headerBlock(`Scorecards: ${answer.entityRef}`, 'scorecard.header'));
  answer.results.forEach(({ scorecard, result }, index) => {
    const summary = sectionBlock(
      `*${titleOf(scorecard)}*: ${levelText(result.level)} · ${result.passed}/${result.total} rules pass`,
      `scorecard.${index}.summary`,
    );
    const levels = scorecard.levels.flatMap((level, at) => levelSection(scorecard, result, level, `scorecard.${index}.level.${at}`) ?? []);
    out.add(summary, ...levels, contextBlock([nextText(result)], `scorecard.${index}.next`));
  });
  if (out.left > 0)
    out.blocks.push(contextBlock([`${out.left} more scorecard(s): ${code(`callboard scorecard ${answer.entityRef}`)} lists them all.`], 'scorecard.more'));
  const fallback = answer.results.map(({ scorecard, result }) => `${titleOf(scorecard)}: ${result.level ?? 'no level yet'}`).join('; ');
  return ephemeralMessage(`${ref} — ${fallback}`, out.blocks);
};

/** A team's entities on each scorecard, best first, at most {@link TEAM_ENTITIES_SHOWN} each. */
export const teamScorecardView = (answer: TeamScorecards): SlackMessage => {
  const team = escapeMrkdwn(answer.teamRef);
  if (answer.scorecards.length === 0) {
    const text = `None of the ${answer.owned} entities ${team} owns is on a scorecard yet.`;
    return ephemeralMessage(text, [sectionBlock(text, 'scorecard.none')]);
  }
  const out = new BoundedBlocks();
  out.add(headerBlock(`Scorecards: ${answer.teamRef}`, 'scorecard.header'));
  answer.scorecards.forEach(({ scorecard, ranked }, index) => {
    const rows = ranked
      .slice(0, TEAM_ENTITIES_SHOWN)
      .map((result, at) => `${at + 1}. ${code(result.entityRef)} ${levelText(result.level)} · ${result.passed}/${result.total}`);
    const more = ranked.length > TEAM_ENTITIES_SHOWN ? [`…and ${ranked.length - TEAM_ENTITIES_SHOWN} more`] : [];
    out.add(sectionBlock([`*${titleOf(scorecard)}* · ${ranked.length} entities, best first`, ...rows, ...more].join('\n'), `scorecard.${index}.ranked`));
  });
  const rest = out.left > 0 ? `${out.left} more scorecard(s) not shown. ` : '';
  out.blocks.push(contextBlock([`${rest}Every entity: ${code(`callboard scorecard ${answer.teamRef}`)}`], 'scorecard.more'));
  return ephemeralMessage(`${team}: ${answer.scorecards.map(({ scorecard }) => titleOf(scorecard)).join(', ')}`, out.blocks);
};

const BAR_WIDTH = 20;

/** How many entities sit at each level of a scorecard, highest first. */
export const distributionView = (answer: LevelDistribution): SlackMessage => {
  const widest = Math.max(1, ...answer.levels.map((entry) => entry.count));
  const rows = answer.levels.map((entry) => {
    const bar = '█'.repeat(Math.round((entry.count / widest) * BAR_WIDTH));
    return `${levelText(entry.level)} · ${entry.count}  ${bar}`;
  });
  const title = titleOf(answer.scorecard);
  const blocks: KnownBlock[] = [
    headerBlock(`Scorecard: ${answer.scorecard.title ?? answer.scorecard.name}`, 'scorecard.header'),
    sectionBlock(rows.join('\n'), 'scorecard.distribution'),
    contextBlock(
      [`${answer.scored} entities scored · ${answer.scorecard.rules.length} rules · owner ${escapeMrkdwn(answer.scorecard.owner)}`],
      'scorecard.about',
    ),
  ];
  return ephemeralMessage(`${title}: ${answer.levels.map((entry) => `${entry.level ?? 'no level'} ${entry.count}`).join(', ')}`, blocks);
};
