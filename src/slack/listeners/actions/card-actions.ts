import { docsLink } from '../../views/owner-text.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { errorView } from '../../views/not-found-view.ts';
import type { ActionArgs } from '../bolt-args.ts';
import { actionValue, replyToAction } from './reply-to-action.ts';

/**
 * Docs: a button with a URL opens it in the browser and Slack still sends the click, which needs
 * only the ack. Without a URL, the asker learns why there is nothing to open yet.
 */
export const docsAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const entity = deps.store.entityEnvelope(actionValue(args.action) ?? '');
    if (entity && docsLink(entity)) return;
    await replyToAction(
      args,
      errorView('Callboard does not publish docs pages yet, and this entity lists no docs link. Add one to `metadata.links` with a title containing "Docs".'),
    );
  };

/** On-call: the PagerDuty integration is a later issue; until then the button says what it will use. */
export const onCallAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const entity = deps.store.entityEnvelope(actionValue(args.action) ?? '');
    const service = entity?.metadata.annotations?.['pagerduty.com/service-id'];
    const where = service ? ` Its PagerDuty service is ${service}.` : '';
    await replyToAction(args, errorView(`Callboard cannot look up who is on call yet: on-call schedules are not connected.${where}`));
  };
