import { findEntitiesInText, MAX_FOUND_IN_TEXT } from '../../../usecases/find-entities-in-text.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import { findCandidateNames, findUrls } from '../../parse/find-candidate-names.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { foundOwnersView, type FoundOwner } from '../../views/found-owners-view.ts';
import { teamChannelIds } from '../answers/owner-cards.ts';
import type { MessageShortcutArgs } from '../bolt-args.ts';

/** Every entity a message names (catalog names and repository links), each with its owner; one past the limit, to tell there are more. */
const ownersNamedIn = (deps: SlackDeps, text: string): FoundOwner[] =>
  findEntitiesInText(
    deps.store,
    { names: findCandidateNames(text), urls: findUrls(text), ...(deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {}) },
    MAX_FOUND_IN_TEXT + 1,
  ).map((entity) => {
    const { ownerRef, owner } = findOwner(deps.store, entity.ref);
    return { entity, ...(ownerRef ? { ownerRef } : {}), ...(owner ? { owner } : {}) };
  });

/**
 * Message shortcut "Find owner": one compact list of everything the message names, entity → team
 * → channel; nothing named → one line. Private to whoever used it, through the shortcut's response_url.
 */
export const findOwnerShortcut =
  (deps: SlackDeps) =>
  async ({ ack, shortcut, respond }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const named = ownersNamedIn(deps, shortcut.message.text ?? '');
    const found = named.slice(0, MAX_FOUND_IN_TEXT);
    const channelIds = await teamChannelIds(
      deps,
      found.map((entry) => entry.owner),
    );
    await respond(foundOwnersView(found, channelIds, undefined, { more: named.length > found.length }));
  };
