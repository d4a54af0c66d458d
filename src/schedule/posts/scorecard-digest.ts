import { canonicalEntityRef, entityRefOf } from '../../core/catalog/refs.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { buildDigest } from '../../core/scorecards/digest/build-digest.ts';
import type { Digest } from '../../core/scorecards/digest/digest.ts';
import { readScorecard } from '../../core/scorecards/read-scorecard.ts';
import type { Scorecard } from '../../core/scorecards/scorecard.ts';
import { resolveTeam } from '../../usecases/list-team-problems.ts';
import { ScheduleFailure, type PostContext, type PostType } from './post-type.ts';
import { scorecardDigestData } from './scorecard-digest-data.ts';
import { scorecardDigestView } from './scorecard-digest-view.ts';

/**
 * Scorecard digest: a scorecard's level distribution, what moved up or down since the schedule's previous post to
 * the channel and which rules moved it, the most failing rules, and a row per team with its next best fix — from
 * stored results and history only (nothing is scored to post). With `team`, only that team's entities (and its
 * child groups').
 */

/** The schedule's scorecard, by name or ref; a ScheduleFailure saying what to fix when it is missing or invalid. */
const findScorecard = (store: CatalogReader, schedule: PostContext['schedule']): Scorecard => {
  const name = schedule.scorecard ?? '';
  const ref = canonicalEntityRef(name, { defaultKind: 'scorecard' });
  const entity = ref ? store.entityEnvelope(ref) : undefined;
  if (!entity || entity.kind !== 'Scorecard')
    throw new ScheduleFailure(`scorecard ${name} is not a Scorecard in the catalog; fix the schedule's scorecard (callboard scorecard lists them)`);
  const read = readScorecard(entity);
  if (!read.ok) throw new ScheduleFailure(`scorecard ${name} is not valid; /callboard errors shows what to fix in its file`);
  return read.scorecard;
};

/** The team's entities (its child groups' included) and their owners, or a ScheduleFailure when the team is unknown. */
const teamScope = (store: CatalogReader, team: string) => {
  const found = resolveTeam(store, team);
  if (found.status !== 'found') throw new ScheduleFailure(`team ${team} is not a Group in the catalog; fix the schedule's team`);
  const ref = entityRefOf(found.group);
  const owned = store.ownedBy(ref, { includeChildGroups: true });
  const owners = new Map(owned.map((entity) => [entity.ref.toLowerCase(), entity.ownerRef.toLowerCase()]));
  return { ref, name: found.group.metadata.title ?? found.group.metadata.name, owners };
};

const ownersOf = (store: CatalogReader, entityRefs: readonly string[]): Map<string, string> =>
  new Map(
    entityRefs.flatMap((ref) => {
      const owner = store.relatedRefs(ref, 'ownedBy')[0];
      return owner ? [[ref, owner.toLowerCase()] as const] : [];
    }),
  );

/** The digest for a schedule, read from the store (exported for `callboard` and tests). */
export const scorecardDigestOf = (context: Pick<PostContext, 'schedule' | 'store' | 'scorecards' | 'previousPostAt'>): { digest: Digest; scope: string } => {
  const { schedule, store, scorecards } = context;
  if (!scorecards) throw new ScheduleFailure('scorecard results are not kept by this process; post the digest from npm start or callboard post');
  const scorecard = findScorecard(store, schedule);
  const team = schedule.team ? teamScope(store, schedule.team) : undefined;
  const results = scorecards.resultsOfScorecard(scorecard.ref);
  const history = context.previousPostAt ? scorecards.historyBetween(scorecard.ref, context.previousPostAt) : [];
  const owners =
    team?.owners ??
    ownersOf(
      store,
      results.map((result) => result.entityRef),
    );
  const digest = buildDigest({
    scorecard,
    results,
    history,
    owners,
    ...(team ? { team: { ref: team.ref, entities: new Set(team.owners.keys()) } } : {}),
    ...(context.previousPostAt ? { previousAt: context.previousPostAt } : {}),
  });
  return { digest, scope: team ? team.name : 'every team' };
};

export const scorecardDigestPost: PostType = {
  name: 'scorecard-digest',
  messageNames: ['scorecard-digest'],
  build: async (context) => {
    const { digest, scope } = scorecardDigestOf(context);
    const data = scorecardDigestData(digest, scope);
    const body = context.messages.render('scorecard-digest', data);
    const when = context.manual ? 'posted by hand' : `slot ${context.slot.toISOString()}`;
    return scorecardDigestView({
      title: `Scorecard digest: ${data.scorecard}${context.schedule.team ? ` · ${scope}` : ''}`,
      body,
      context: `Schedule ${context.schedule.id} · ${when} · ${data.moreCommand} for an entity's rules`,
    });
  },
};
