import type { AllMiddlewareArgs } from '@slack/bolt';
import type { CatalogReader } from '../../../core/ports.ts';
import type { CsvExport } from '../../../usecases/export-csv.ts';
import { exportDependencies } from '../../../usecases/export-dependencies.ts';
import { exportOwned } from '../../../usecases/export-owned.ts';
import { exportSearch } from '../../../usecases/export-search.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { parsePageValue, type PageRequest } from '../../views/action-values.ts';
import { exportIntroText, exportSentView } from '../../views/export-views.ts';
import { usageView } from '../../views/not-found-view.ts';
import type { ActionArgs } from '../bolt-args.ts';
import { actionValue, replyToAction } from './reply-to-action.ts';

type WebClient = AllMiddlewareArgs['client'];

export interface ExportActionArgs extends ActionArgs {
  client: ActionArgs['client'] & { files: Pick<WebClient['files'], 'uploadV2'> };
}

/** The whole list behind the answer the button sits on, every page of it. */
export const buildExport = (store: CatalogReader, request: PageRequest): CsvExport => {
  if (request.view === 'owned') return exportOwned(store, request.ref);
  return request.view === 'find'
    ? exportSearch(store, request.query)
    : exportDependencies(store, request.ref, { direction: request.direction, ...(request.depth !== undefined ? { depth: request.depth } : {}) });
};

/**
 * Posts a line to the clicker's DM with the app and returns that conversation's id. files.uploadV2
 * shares only into a conversation id (C…, G…, D…), never a user id; chat.postMessage to a user id
 * opens the DM and answers with its D… id, so no `im:write` scope is needed.
 */
const openDirectMessage = async (client: ExportActionArgs['client'], userId: string, text: string): Promise<string> => {
  const posted = await client.chat.postMessage({ channel: userId, text });
  if (!posted.channel) throw new Error('chat.postMessage to a user answered without the DM channel id');
  return posted.channel;
};

/**
 * Download CSV: the full list goes to the clicker's DM with Callboard, whoever else sees the answer
 * (an ephemeral answer stays private; a shared one does not fill the channel with files). The clicker
 * is told where it went, under the answer.
 */
export const exportAction =
  (deps: SlackDeps) =>
  async (args: ExportActionArgs): Promise<void> => {
    await args.ack();
    const request = parsePageValue(actionValue(args.action) ?? '');
    if (!request) {
      await replyToAction(args, usageView('', 'That button no longer carries a list Callboard understands. Ask again with a command.'));
      return;
    }
    const list = buildExport(deps.store, request);
    const channel = await openDirectMessage(args.client, args.body.user.id, exportIntroText(list));
    await args.client.files.uploadV2({ channel_id: channel, filename: list.filename, title: list.title, content: list.csv });
    await replyToAction(args, exportSentView(list));
  };
