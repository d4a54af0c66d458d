import { findEntitiesInText } from '../../../usecases/find-entities-in-text.ts';
import { findCandidateNames, findUrls } from '../../parse/find-candidate-names.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { entityChooserView } from '../../views/entity-chooser-view.ts';
import { usageView } from '../../views/not-found-view.ts';
import { answerRequest } from '../answers/answer-request.ts';
import type { MessageShortcutArgs } from '../bolt-args.ts';

/**
 * Message shortcut "Find owner": the catalog names (and repository links) in a message. One name
 * → its owner; several → a choice; none → how to ask instead. Privately, to whoever used it.
 */
export const findOwnerShortcut =
  (deps: SlackDeps) =>
  async ({ ack, shortcut, respond }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const text = shortcut.message.text ?? '';
    const found = findEntitiesInText(deps.store, {
      names: findCandidateNames(text),
      urls: findUrls(text),
      ...(deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {}),
    });
    if (found.length === 0) {
      return void (await respond(
        usageView('', 'That message names nothing Callboard knows: no catalog name or repository link in it. Ask with /owner <name> or /find <words>.'),
      ));
    }
    const answer =
      found.length === 1 ? await answerRequest(deps, { kind: 'owner', entity: found[0]!.ref }, shortcut.user.id) : entityChooserView(found, 'owner');
    await respond(answer);
  };
