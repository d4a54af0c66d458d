import type { Entity } from '../../../core/catalog/entity.ts';
import { builtDocsUrl } from '../../../usecases/docs/docs-ports.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import { findPerson } from '../../../usecases/find-person.ts';
import { findTeam } from '../../../usecases/find-team.ts';
import { summarizeTeamScorecards } from '../../../scorecards/team-scorecard-summary.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { profileOf } from '../../views/entity-text.ts';
import { teamChannelName, type Audience, type ReachContext } from '../../views/owner-text.ts';
import { ownerView } from '../../views/owner-view.ts';
import { personView } from '../../views/person-view.ts';
import type { OnCallCardLine } from '../../views/oncall-view.ts';
import type { ScorecardCardEntry } from '../../views/scorecard-card-line.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { teamView } from '../../views/team-view.ts';
import { askerTimeZone, lookUpOnCall } from './oncall-lookup.ts';

export interface OwnerCardOptions {
  /** Who will see the card (default 'private'); a shared card names members instead of mentioning them. */
  audience?: Audience;
  /** Who asked, for the on-call line's times in their time zone (UTC without it). */
  askerId?: string;
}

/** How long an answer waits for Slack (who members are, which id a channel has) before using plain names. */
const SLACK_BUDGET_MS = 800;

const emailsOf = (people: readonly Entity[]): string[] =>
  people.map((person) => profileOf(person).email).filter((email): email is string => email !== undefined);

const channelNamesOf = (groups: ReadonlyArray<Entity | undefined>): string[] =>
  groups.map((group) => (group ? teamChannelName(group) : undefined)).filter((name): name is string => name !== undefined);

/**
 * Channel ids for these groups' channel names, waiting at most the answer budget: pass the result as
 * `teamChannelText(group, channelIds)` so `#team-payments` becomes a real channel link in any view.
 */
export const teamChannelIds = (deps: Pick<SlackDeps, 'channels'>, groups: ReadonlyArray<Entity | undefined>): Promise<Map<string, string>> =>
  deps.channels.channelIdsByName(channelNamesOf(groups), { budgetMs: SLACK_BUDGET_MS });

/**
 * What the views need from Slack, both lookups at once and within one budget. A shared card asks
 * nothing about people: it will not mention them anyway.
 */
const reachFor = async (
  deps: SlackDeps,
  people: readonly Entity[],
  groups: ReadonlyArray<Entity | undefined>,
  options: OwnerCardOptions,
): Promise<ReachContext> => {
  const audience = options.audience ?? 'private';
  const [slackIdsByEmail, channelIds] = await Promise.all([
    audience === 'shared' ? new Map<string, string>() : deps.directory.slackIdsByEmail(emailsOf(people), { budgetMs: SLACK_BUDGET_MS }),
    teamChannelIds(deps, groups),
  ]);
  return { slackIdsByEmail, channelIds, audience };
};

/**
 * The card's on-call line: level 1 now, looked up while the card's other Slack lookups run and bounded by
 * `oncall.timeoutMs`, so the card is never later than that; a provider that fails makes the line say so.
 */
const onCallFor = async (deps: SlackDeps, ref: string, options: OwnerCardOptions): Promise<{ onCall?: OnCallCardLine }> => {
  if (!deps.oncall || deps.oncall.providers.length === 0) return {};
  const [answer, timeZone] = await Promise.all([lookUpOnCall(deps, ref, new Date()), askerTimeZone(deps, options.askerId)]);
  return { onCall: { answer, ...(timeZone ? { timeZone } : {}) } };
};

/** The entity's stored scorecard results (no scoring here: a card answers from what the last pass stored). */
const scorecardsFor = (deps: SlackDeps, ref: string): { scorecards?: ScorecardCardEntry[] } => {
  const results = deps.scorecards?.resultsOfEntity(ref) ?? [];
  if (results.length === 0) return {};
  const titleOf = (scorecardRef: string): string => {
    const scorecard = deps.store.entityEnvelope(scorecardRef);
    return scorecard?.metadata.title ?? scorecard?.metadata.name ?? scorecardRef;
  };
  return { scorecards: results.map((result) => ({ title: titleOf(result.scorecard), result })) };
};

const pagerduty = (deps: SlackDeps) => (deps.settings.pagerdutyUrl ? { pagerdutyUrl: deps.settings.pagerdutyUrl } : {});

/** A Group: the team card (people, structure, what it owns, its problems). */
const teamCard = async (deps: SlackDeps, ref: string, options: OwnerCardOptions): Promise<SlackMessage> => {
  const answer = findTeam(deps.store, ref);
  const people = answer.lead ? [answer.lead, ...answer.members] : answer.members;
  const [reach, onCall] = await Promise.all([
    reachFor(deps, people, [answer.group, answer.parent, ...answer.children], options),
    onCallFor(deps, ref, options),
  ]);
  const scorecards = deps.scorecards ? summarizeTeamScorecards({ catalog: deps.store, results: deps.scorecards }, ref) : [];
  return teamView(answer, { ...reach, ...pagerduty(deps), ...onCall, scorecards });
};

/** A User: their teams and what those own. */
const personCard = async (deps: SlackDeps, ref: string, options: OwnerCardOptions): Promise<SlackMessage> => {
  const answer = findPerson(deps.store, ref);
  const reach = await reachFor(
    deps,
    [answer.user],
    answer.teams.map((team) => team.group),
    options,
  );
  return personView(answer, reach);
};

/** Anything else: who owns it and how to reach them. */
const entityOwnerCard = async (deps: SlackDeps, ref: string, options: OwnerCardOptions): Promise<SlackMessage> => {
  const answer = findOwner(deps.store, ref);
  const [reach, onCall] = await Promise.all([reachFor(deps, answer.members, [answer.owner, answer.parent], options), onCallFor(deps, ref, options)]);
  // The Docs button opens the rendered site when there is one, else the docs link the catalog file lists.
  const docsUrl = builtDocsUrl(deps.docs, ref);
  return ownerView(answer, { ...reach, ...pagerduty(deps), ...onCall, ...scorecardsFor(deps, ref), ...(docsUrl ? { docsUrl } : {}) });
};

/**
 * The `/owner` answer for a resolved ref. A team or a person has no owner to name: asking "who owns
 * checkout-team" means "tell me about that team", so they get their own cards.
 */
export const ownerCard = (deps: SlackDeps, ref: string, options: OwnerCardOptions = {}): Promise<SlackMessage> => {
  const kind = deps.store.entityEnvelope(ref)?.kind;
  if (kind === 'Group') return teamCard(deps, ref, options);
  if (kind === 'User') return personCard(deps, ref, options);
  return entityOwnerCard(deps, ref, options);
};
