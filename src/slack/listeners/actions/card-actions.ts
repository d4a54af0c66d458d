import { builtDocsUrl } from '../../../usecases/docs/docs-ports.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { buttonNoticeView } from '../../views/button-notice-view.ts';
import { answerOnCall } from '../answers/answer-oncall.ts';
import { docsUrlOf } from '../../views/owner-text.ts';
import type { ActionArgs } from '../bolt-args.ts';
import { actionValue, replyToAction } from './reply-to-action.ts';

/**
 * Docs and On-call are link buttons: the browser opens the page and Slack still sends the click,
 * which needs only the ack. Buttons without a link come only from messages posted by older
 * versions; they get one line saying what is known, never "try again".
 */

/** Docs: a link button needs only the ack; an old button learns whether there is a page now. */
export const docsAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    if (args.action.type === 'button' && args.action.url) return;
    const ref = actionValue(args.action) ?? '';
    const entity = deps.store.entityEnvelope(ref);
    const url = entity ? (builtDocsUrl(deps.docs, ref) ?? docsUrlOf(entity)) : undefined;
    await replyToAction(
      args,
      buttonNoticeView(
        url
          ? `Its docs are at ${url}`
          : 'This entity has no docs. Add `backstage.io/techdocs-ref: dir:.` (with an `mkdocs.yml` and a `docs/` folder) or a link titled "Docs" in `metadata.links` to its catalog file, and the Docs button appears.',
      ),
    );
  };

/** On-call: a link button needs only the ack; an old button (no link) gets the on-call answer, as `/oncall` gives it. */
export const onCallAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    if (args.action.type === 'button' && args.action.url) return;
    await replyToAction(args, await answerOnCall(deps, { entity: actionValue(args.action) ?? '' }, args.body.user.id));
  };
