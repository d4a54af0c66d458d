import type { RuleState } from '../../core/scorecards/diff-results.ts';
import type { Digest, LevelCount, Mover, NextBestFix } from '../../core/scorecards/digest/digest.ts';

/**
 * A digest as its message template reads it (templates/messages/README.md documents the fields): names instead of
 * refs, levels as words, and each list cut to what one Slack message holds, with how many were left out.
 */

export const LISTED_MOVERS = 15;
export const LISTED_FAILING = 10;
/** A team's line is up to ~200 characters: this many keep the table within one 3,000-character section. */
export const LISTED_TEAMS = 12;

/** `component:default/checkout` → `checkout`; another namespace stays: `component:ops/checkout` → `ops/checkout`. */
export const shortRef = (ref: string): string => {
  const name = ref.slice(ref.indexOf(':') + 1);
  return name.startsWith('default/') ? name.slice('default/'.length) : name;
};

const levelWord = (level: string | null): string => level ?? 'no level';

const STATE_WORDS: Record<RuleState, string> = { passed: 'passes', failed: 'fails', unknown: 'is unknown', absent: 'is no longer on the scorecard' };

const reasonText = (mover: Mover): string =>
  mover.rules
    .map((rule) => `${rule.title ?? rule.id} ${rule.from === 'absent' ? `is new and ${STATE_WORDS[rule.to]}` : `now ${STATE_WORDS[rule.to]}`}`)
    .join('; ');

const moverData = (mover: Mover) => ({
  entity: shortRef(mover.entityRef),
  entityRef: mover.entityRef,
  team: mover.owner ? shortRef(mover.owner) : '',
  from: levelWord(mover.from),
  to: levelWord(mover.to),
  reasons: reasonText(mover),
});

const levelsText = (levels: readonly LevelCount[]): string => levels.map((count) => `${levelWord(count.level)} ${count.count}`).join(' · ');

const fixData = (fix: NextBestFix | null) => {
  if (!fix) return undefined;
  const effect =
    fix.lifts > 0
      ? `lifts ${fix.lifts} ${fix.lifts === 1 ? 'entity' : 'entities'} to their next level`
      : `is missing on ${fix.blocking} ${fix.blocking === 1 ? 'entity' : 'entities'} (none lacks only it)`;
  return { id: fix.id, rule: fix.title ?? fix.id, level: fix.level, lifts: fix.lifts, blocking: fix.blocking, effect, fix: fix.fix ?? '' };
};

const percentOf = (count: number, total: number): number => (total === 0 ? 0 : Math.round((100 * count) / total));

/** The template's data for a digest; `scope` is the team's name or "every team". */
export const scorecardDigestData = (digest: Digest, scope: string) => {
  const { movers } = digest;
  return {
    scorecard: digest.scorecard.title ?? digest.scorecard.name,
    scorecardRef: digest.scorecard.ref,
    scope,
    entities: digest.entities,
    first: !movers,
    since: digest.since ? digest.since.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '',
    firstLevel: digest.scorecard.levels[0] ?? '',
    distribution: digest.distribution.map((count) => ({ label: levelWord(count.level), count: count.count, percent: percentOf(count.count, digest.entities) })),
    upCount: movers?.up.length ?? 0,
    downCount: movers?.down.length ?? 0,
    up: (movers?.up ?? []).slice(0, LISTED_MOVERS).map(moverData),
    upMore: Math.max(0, (movers?.up.length ?? 0) - LISTED_MOVERS),
    down: (movers?.down ?? []).slice(0, LISTED_MOVERS).map(moverData),
    downMore: Math.max(0, (movers?.down.length ?? 0) - LISTED_MOVERS),
    mostFailing: digest.mostFailing
      .slice(0, LISTED_FAILING)
      .map((rule) => ({ id: rule.id, rule: rule.title ?? rule.id, level: rule.level, failing: rule.failing, fix: rule.fix ?? '' })),
    mostFailingMore: Math.max(0, digest.mostFailing.length - LISTED_FAILING),
    teams: digest.teams.slice(0, LISTED_TEAMS).map((row) => ({
      team: row.team ? shortRef(row.team) : 'no owner',
      entities: row.entities,
      levels: levelsText(row.levels),
      reachedPercent: row.reachedPercent,
      fix: fixData(row.nextBestFix),
    })),
    teamsMore: Math.max(0, digest.teams.length - LISTED_TEAMS),
    moreCommand: `/scorecard ${digest.scorecard.name}`,
  };
};
