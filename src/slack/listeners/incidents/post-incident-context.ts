import type { AllMiddlewareArgs } from '@slack/bolt';
import type { EntitySummary } from '../../../core/catalog-reader/catalog-queries.ts';
import { INCIDENT_ENTITY_KINDS, isIncidentChannel, MAX_INCIDENT_CARDS } from '../../../core/incidents/incident-channel.ts';
import { findEntitiesInPhrases } from '../../../usecases/find-entities-in-text.ts';
import { findIncidentContext } from '../../../usecases/incidents/find-incident-context.ts';
import type { IncidentSettings, SlackDeps } from '../../slack-deps.ts';
import { incidentCardView, type IncidentOnCall } from '../../views/incidents/incident-card-view.ts';
import { alreadyPostedView, cannotJoinView, nothingFoundView } from '../../views/incidents/incident-notice-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { teamChannelIds } from '../answers/owner-cards.ts';
import { lookUpOnCall } from '../answers/oncall-lookup.ts';
import { joinIncidentChannel, readIncidentChannel, slackErrorCode, type IncidentChannel } from './read-incident-channel.ts';

type WebClient = AllMiddlewareArgs['client'];

/** The Web API methods the flow calls. */
export interface IncidentClient {
  chat: Pick<WebClient['chat'], 'postMessage' | 'postEphemeral'>;
  conversations: Pick<WebClient['conversations'], 'info' | 'join'>;
}

/**
 * Why the flow runs. A channel event (created, renamed, Callboard invited or joining by itself) posts only in a
 * channel whose name matches `incidents.channelPatterns`, and never posts to say it found nothing: people invite
 * Callboard to ordinary channels just to mention it. Only `@Callboard context` works in any channel, and tells the
 * asker alone when it found nothing.
 */
export type IncidentTrigger =
  | { kind: 'created' | 'renamed' | 'joined' | 'invited'; channelId: string; name?: string }
  | { kind: 'asked'; channelId: string; userId: string; words: string; threadTs: string };

/** Names beyond the cards' cap listed in one line; past this many the line counts them. */
const MAX_NAMED = 40;

/** Slack metadata on every card, so a card can be recognised in the channel's history. */
const CARD_EVENT_TYPE = 'callboard_incident_card';

interface Flow {
  deps: SlackDeps;
  settings: IncidentSettings;
  client: IncidentClient;
  trigger: IncidentTrigger;
}

const isAsked = (trigger: IncidentTrigger): trigger is Extract<IncidentTrigger, { kind: 'asked' }> => trigger.kind === 'asked';

/** Tells the one who asked (ephemeral, in their thread); unasked flows only log. */
const tellAsker = async (flow: Flow, message: SlackMessage): Promise<void> => {
  const { trigger } = flow;
  if (!isAsked(trigger)) return;
  await flow.client.chat.postEphemeral({
    channel: trigger.channelId,
    user: trigger.userId,
    thread_ts: trigger.threadTs,
    text: message.text,
    blocks: message.blocks,
  });
};

const CANNOT_READ: Record<string, string> = {
  channel_not_found: 'Callboard cannot see this channel: for a private channel, invite it first (`/invite @Callboard`).',
  missing_scope: 'Callboard lacks the Slack scope to read this channel (channels:read for public channels): reinstall the app from manifest.yml.',
};

const CANNOT_JOIN: Record<string, string> = {
  method_not_supported_for_channel_type: 'Callboard cannot join a private channel by itself: invite it (`/invite @Callboard`).',
  is_archived: 'This channel is archived: Callboard posts no cards in it.',
  missing_scope: 'Callboard lacks the channels:join scope: reinstall the app from manifest.yml.',
};

const entitiesFor = (flow: Flow, channel: IncidentChannel): EntitySummary[] => {
  const { trigger } = flow;
  const texts = isAsked(trigger) && trigger.words ? [trigger.words] : [channel.name, channel.topic, channel.purpose];
  return findEntitiesInPhrases(flow.deps.store, texts, { kinds: INCIDENT_ENTITY_KINDS, limit: MAX_INCIDENT_CARDS + MAX_NAMED });
};

/** In the channel, or joined now (public channels only); false after telling why not. */
const ensureMember = async (flow: Flow, channel: IncidentChannel): Promise<boolean> => {
  if (channel.isMember) return true;
  const error = channel.isPrivate ? 'method_not_supported_for_channel_type' : await joinIncidentChannel(flow.client, channel.id);
  if (!error) return true;
  flow.deps.log.warn({ channel: channel.id, error, trigger: flow.trigger.kind }, 'incident channel: Callboard could not join; invite it to post cards');
  await tellAsker(flow, cannotJoinView(CANNOT_JOIN[error] ?? `Callboard could not join this channel: Slack answered ${error}.`));
  return false;
};

const onCallFor = async (deps: SlackDeps, ref: string): Promise<IncidentOnCall> =>
  deps.oncall && deps.oncall.providers.length > 0 ? { answer: await lookUpOnCall(deps, ref, new Date()) } : { notConfigured: true };

/** Builds one card: the catalog facts at once, on-call and the team channel's id from Slack within their budgets. */
const buildCard = async (flow: Flow, ref: string, others: readonly string[]): Promise<SlackMessage | undefined> => {
  const { deps, settings } = flow;
  const context = findIncidentContext({ store: deps.store, depth: settings.blastRadiusDepth, now: new Date(), ...(deps.docs ? { docs: deps.docs } : {}) }, ref);
  if (!context) return undefined;
  const [onCall, channelIds] = await Promise.all([onCallFor(deps, ref), teamChannelIds(deps, [context.owner])]);
  return incidentCardView({ context, onCall, channelIds, depth: settings.blastRadiusDepth, others });
};

/** Posts a claimed message and records its ts; a refused post releases the claim so a later event may try again. */
const postClaimed = async (flow: Flow, channelId: string, key: string, message: SlackMessage): Promise<boolean> => {
  const { ledger } = flow.settings;
  try {
    const posted = await flow.client.chat.postMessage({
      channel: channelId,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: CARD_EVENT_TYPE, event_payload: { entity_ref: key } },
    });
    await ledger.recordPost(channelId, key, posted.ts ?? '');
    return true;
  } catch (error) {
    const reason = slackErrorCode(error);
    flow.deps.log.warn({ channel: channelId, entityRef: key, error: reason }, 'incident channel: the card was not posted');
    await ledger.release(channelId, key, reason);
    return false;
  }
};

/** A card that cannot be built (the entity left the catalog, a store failure) gives its claim back. */
const buildClaimedCard = async (flow: Flow, channelId: string, ref: string, others: readonly string[]): Promise<SlackMessage | undefined> => {
  try {
    const card = await buildCard(flow, ref, others);
    if (!card) await flow.settings.ledger.release(channelId, ref, 'the entity left the catalog');
    return card;
  } catch (error) {
    flow.deps.log.error({ err: error, channel: channelId, entityRef: ref }, 'incident channel: the card could not be built');
    await flow.settings.ledger.release(channelId, ref, 'the card could not be built');
    return undefined;
  }
};

const postCards = async (flow: Flow, channel: IncidentChannel, found: readonly EntitySummary[]): Promise<Outcome> => {
  const { ledger } = flow.settings;
  const carded = found.slice(0, MAX_INCIDENT_CARDS).map((entity) => entity.ref);
  const others = found.slice(MAX_INCIDENT_CARDS).map((entity) => entity.ref);
  const claims = await Promise.all(carded.map((ref) => ledger.claim(channel.id, ref)));
  const mine = carded.filter((_, index) => claims[index]);
  const earlier = carded.filter((_, index) => !claims[index]);
  // On-call lookups run side by side; cards post in the order the channel names them. The line naming the
  // entities past the cap goes on the last card posted now.
  const cards = await Promise.all(mine.map((ref, index) => buildClaimedCard(flow, channel.id, ref, index === mine.length - 1 ? others : [])));
  const posted: string[] = [];
  for (const [index, ref] of mine.entries()) {
    const card = cards[index];
    if (card && (await postClaimed(flow, channel.id, ref, card))) posted.push(ref);
  }
  if (earlier.length > 0 && mine.length === 0) await tellAsker(flow, alreadyPostedView(earlier));
  if (mine.length === 0) return { result: 'already posted', posted, earlier };
  return { result: posted.length > 0 ? 'cards' : 'not posted', posted, earlier };
};

/** Nothing named: the asker hears how to ask (only them); a channel event stays silent. */
const reportNothingFound = async (flow: Flow): Promise<Outcome> => {
  const { trigger } = flow;
  if (isAsked(trigger)) await tellAsker(flow, nothingFoundView(trigger.words || undefined));
  return { result: 'nothing found' };
};

/** Cards would go out for these; none left means nothing to post, so no reason to join (or rejoin) the channel. */
const notYetPosted = (flow: Flow, channelId: string, found: readonly EntitySummary[]): string[] =>
  found
    .slice(0, MAX_INCIDENT_CARDS)
    .map((entity) => entity.ref)
    .filter((ref) => flow.settings.ledger.postedTs(channelId, ref) === undefined);

/** How one run ended, logged once per event (tests wait for it). */
interface Outcome {
  result: 'not an incident channel' | 'cannot read' | 'archived' | 'nothing found' | 'not a member' | 'cards' | 'already posted' | 'not posted';
  posted?: string[];
  earlier?: string[];
  error?: string;
}

const run = async (flow: Flow): Promise<Outcome> => {
  const { trigger, settings } = flow;
  const asked = isAsked(trigger);
  // The event's own name settles most unasked events without a Slack call.
  if (!asked && 'name' in trigger && trigger.name !== undefined && !isIncidentChannel(trigger.name, settings.channelPatterns)) {
    return { result: 'not an incident channel' };
  }
  const read = await readIncidentChannel(flow.client, trigger.channelId);
  if (!read.ok) {
    await tellAsker(flow, cannotJoinView(CANNOT_READ[read.error] ?? `Callboard could not read this channel: Slack answered ${read.error}.`));
    return { result: 'cannot read', error: read.error };
  }
  const channel = read.channel;
  if (!asked && !isIncidentChannel(channel.name, settings.channelPatterns)) return { result: 'not an incident channel' };
  if (channel.isArchived) {
    await tellAsker(flow, cannotJoinView(CANNOT_JOIN.is_archived!));
    return { result: 'archived' };
  }
  const found = entitiesFor(flow, channel);
  if (found.length === 0) return reportNothingFound(flow);
  // A channel that removed Callboard is not rejoined just to learn every card is already there.
  if (!channel.isMember && notYetPosted(flow, channel.id, found).length === 0) {
    const earlier = found.slice(0, MAX_INCIDENT_CARDS).map((entity) => entity.ref);
    await tellAsker(flow, alreadyPostedView(earlier));
    return { result: 'already posted', posted: [], earlier };
  }
  if (!(await ensureMember(flow, channel))) return { result: 'not a member' };
  return postCards(flow, channel, found);
};

/**
 * Context cards for the entities an incident channel names: reads the channel, joins it when public, and posts one
 * card per affected entity (at most {@link MAX_INCIDENT_CARDS}), each claimed in the ledger first so that retries,
 * restarts, renames and other processes never post it twice. Never throws: failures are logged (and told to an asker).
 */
export const postIncidentContext = async (deps: SlackDeps, client: IncidentClient, trigger: IncidentTrigger): Promise<void> => {
  const settings = deps.incidents;
  if (!settings) {
    if (isAsked(trigger)) {
      const text = 'Incident context cards are not set up in this Callboard (see `incidents:` in callboard.yaml).';
      await client.chat.postEphemeral({ channel: trigger.channelId, user: trigger.userId, thread_ts: trigger.threadTs, text });
    }
    return;
  }
  const flow: Flow = { deps, settings, client, trigger };
  try {
    const outcome = await run(flow);
    deps.log.info({ channel: trigger.channelId, trigger: trigger.kind, ...outcome }, 'incident channel handled');
  } catch (error) {
    deps.log.error({ err: error, channel: trigger.channelId, trigger: trigger.kind }, 'incident channel: the context flow failed');
  }
};
