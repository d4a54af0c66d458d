import type { RuleResult } from '../../core/scorecards/evaluate-scorecard.ts';
import { scorecardJsonOf } from '../../core/scorecards/scorecard-json.ts';
import type { Scorecard } from '../../core/scorecards/scorecard.ts';
import type { EntityScorecards, LevelDistribution, ScorecardAnswer, TeamScorecards } from '../../scorecards/scorecard-answer.ts';

const titleOf = (scorecard: Scorecard): string => (scorecard.title ? `${scorecard.title} (${scorecard.ref})` : scorecard.ref);
const levelText = (level: string | null): string => level ?? 'no level';

/** `--json`: for an entity exactly the shape; for a team its entities ranked; for a scorecard its distribution. */
export const scorecardAnswerJson = (answer: ScorecardAnswer): unknown => {
  switch (answer.kind) {
    case 'entity':
      return answer.results.map(({ result }) => scorecardJsonOf(result));
    case 'team':
      return {
        team: answer.teamRef,
        owned: answer.owned,
        scorecards: answer.scorecards.map(({ scorecard, ranked }) => ({
          scorecard: scorecard.ref,
          entities: ranked.map(({ entityRef, level, passed, total }) => ({ entityRef, level, passed, total })),
        })),
      };
    case 'scorecard':
      return { scorecard: answer.scorecard.ref, scored: answer.scored, levels: answer.levels };
  }
};

const ruleLine = (scorecard: Scorecard, rule: RuleResult): string[] => {
  const definition = scorecard.rules.find((candidate) => candidate.id === rule.id);
  const name = definition?.title ? `${rule.id} (${definition.title})` : rule.id;
  if (rule.passed === true) return [`    ✓ ${name}`];
  if (rule.passed === null) {
    const kept = rule.lastKnown === undefined ? 'nothing known before' : `last known: ${rule.lastKnown ? 'passed' : 'failed'}`;
    return [`    ? ${name}: unknown, ${rule.message ?? 'not evaluated'} (${kept})`];
  }
  return [`    ✗ ${name}: ${rule.message ?? 'failed'}`, ...(definition?.fix ? [`      fix: ${definition.fix}`] : [])];
};

const formatEntity = (answer: EntityScorecards): string => {
  if (answer.results.length === 0) return `${answer.entityRef} is on no scorecard yet (no Scorecard's filter matches it, or it was not scored yet).`;
  return answer.results
    .map(({ scorecard, result }) => {
      const lines = [`${answer.entityRef} on ${titleOf(scorecard)}: ${levelText(result.level)}, ${result.passed}/${result.total} rules pass`];
      for (const level of scorecard.levels) {
        const rules = result.rules.filter((rule) => rule.level === level);
        if (rules.length === 0) continue;
        lines.push(`  ${level}:`, ...rules.flatMap((rule) => ruleLine(scorecard, rule)));
      }
      lines.push(result.next ? `  Next: ${result.next.level} needs ${result.next.failing.join(', ') || 'nothing more'}` : '  Top level reached.');
      return lines.join('\n');
    })
    .join('\n\n');
};

const formatTeam = (answer: TeamScorecards): string => {
  if (answer.scorecards.length === 0) return `None of the ${answer.owned} entities ${answer.teamRef} owns is on a scorecard yet.`;
  return answer.scorecards
    .map(({ scorecard, ranked }) => {
      const width = Math.max(...ranked.map((result) => result.entityRef.length));
      const rows = ranked.map(
        (result, index) =>
          `  ${String(index + 1).padStart(3)}. ${result.entityRef.padEnd(width)}  ${levelText(result.level).padEnd(8)}  ${result.passed}/${result.total}`,
      );
      return [`${answer.teamRef} on ${titleOf(scorecard)}: ${ranked.length} entities, best first`, ...rows].join('\n');
    })
    .join('\n\n');
};

const formatDistribution = (answer: LevelDistribution): string => {
  const width = Math.max(...answer.levels.map((entry) => levelText(entry.level).length));
  const rows = answer.levels.map((entry) => `  ${levelText(entry.level).padEnd(width)}  ${String(entry.count).padStart(6)}`);
  return [`${titleOf(answer.scorecard)}: ${answer.scored} entities scored`, ...rows].join('\n');
};

export const formatScorecardAnswer = (answer: ScorecardAnswer): string => {
  switch (answer.kind) {
    case 'entity':
      return formatEntity(answer);
    case 'team':
      return formatTeam(answer);
    case 'scorecard':
      return formatDistribution(answer);
  }
};
