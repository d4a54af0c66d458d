import { canonicalEntityRef, entityRefOf } from '../../core/catalog/refs.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { buildDigest } from '../../core/scorecards/digest/build-digest.ts';
import type { Digest } from '../../core/scorecards/digest/digest.ts';
import { readScorecard } from '../../core/scorecards/read-scorecard.ts';
import type { Scorecard } from '../../core/scorecards/scorecard.ts';
import { resolveTeam } from '../../usecases/list-team-problems.ts';
import { escapeMrkdwn } from '../../slack/mrkdwn.ts';
import { ScheduleFailure, type PostContext, type PostType } from './post-type.ts';
import { scorecardDigestData } from './scorecard-digest-data.ts';
import { scorecardDigestView } from './scorecard-digest-view.ts';

/**
 * Scorecard digest: a scorecard's level distribution, what moved up or down since the schedule's previous post to
 * the channel and which rules moved it, the most failing rules, and a row per team with its next best fix — from
 * stored results and history only (nothing is scored to post). With `team`, only that team's entities (and its
 * child groups'). Without `scorecard` (a `/callboard subscribe scorecards` subscription), one part per scorecard that
 * scores an entity in scope.
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

/**
 * The schedule's scorecard, or for a schedule naming none (a channel's `/callboard subscribe scorecards`) every valid
 * Scorecard in the catalog, by ref.
 */
const scorecardsOf = (store: CatalogReader, schedule: PostContext['schedule']): Scorecard[] => {
  if (schedule.scorecard !== undefined) return [findScorecard(store, schedule)];
  return store
    .entities({ kind: 'Scorecard' })
    .flatMap((entity) => {
      const read = readScorecard(entity);
      return read.ok ? [read.scorecard] : [];
    })
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
};

/**
 * The digests for a schedule, read from the store (nothing is scored): its scorecard's, or each scorecard's that scores
 * an entity in scope when it names none.
 */
export const scorecardDigestsOf = (
  context: Pick<PostContext, 'schedule' | 'store' | 'scorecards' | 'previousPostAt'>,
): { digests: Digest[]; scope: string } => {
  const { schedule, store, scorecards } = context;
  if (!scorecards) throw new ScheduleFailure('scorecard results are not kept by this process; post the digest from npm start or callboard post');
  const team = schedule.team ? teamScope(store, schedule.team) : undefined;
  const digests = scorecardsOf(store, schedule).map((scorecard) => {
    const results = scorecards.resultsOfScorecard(scorecard.ref);
    const history = context.previousPostAt ? scorecards.historyBetween(scorecard.ref, context.previousPostAt) : [];
    return buildDigest({
      scorecard,
      results,
      history,
      owners:
        team?.owners ??
        ownersOf(
          store,
          results.map((result) => result.entityRef),
        ),
      ...(team ? { team: { ref: team.ref, entities: new Set(team.owners.keys()) } } : {}),
      ...(context.previousPostAt ? { previousAt: context.previousPostAt } : {}),
    });
  });
  return { digests: schedule.scorecard !== undefined ? digests : digests.filter((digest) => digest.entities > 0), scope: team ? team.name : 'every team' };
};

const titleOf = (context: PostContext, digests: readonly Digest[], scope: string): string => {
  const only = context.schedule.scorecard !== undefined ? digests[0] : undefined;
  const name = only ? (only.scorecard.title ?? only.scorecard.name) : 'scorecards';
  return `Scorecard digest: ${name}${context.schedule.team ? ` · ${scope}` : ''}`;
};

export const scorecardDigestPost: PostType = {
  name: 'scorecard-digest',
  messageNames: ['scorecard-digest'],
  build: async (context) => {
    const { digests, scope } = scorecardDigestsOf(context);
    const bodies = digests.map((digest) => context.messages.render('scorecard-digest', scorecardDigestData(digest, scope)));
    const when = context.manual ? 'posted by hand' : `slot ${context.slot.toISOString()}`;
    const pointer = digests.length === 1 ? `/scorecard ${digests[0]!.scorecard.name}` : '/scorecard <entity|team|scorecard>';
    return scorecardDigestView({
      title: titleOf(context, digests, scope),
      body: bodies.length > 0 ? bodies.join('\n\n') : `No entity of ${escapeMrkdwn(scope)} is on a scorecard yet.`,
      context: `Schedule ${context.schedule.id} · ${when} · ${pointer} for the rules`,
    });
  },
};
