import type { CsvExport } from '../../usecases/export-csv.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { contextBlock } from './blocks.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

const rowsText = (list: CsvExport): string => `${list.rows.toLocaleString('en-US')} ${list.rows === 1 ? 'row' : 'rows'}`;

/** The line in the DM above the file: what it is, and what it leaves out when a budget stopped it. */
export const exportIntroText = (list: CsvExport): string =>
  `${escapeMrkdwn(list.title)}: the full list as CSV (${rowsText(list)}).${list.note ? ` ${escapeMrkdwn(list.note)}` : ''}`;

/** Under the answer, for the clicker only: where the file went. */
export const exportSentView = (list: CsvExport): SlackMessage => {
  const text = `Sent *${escapeMrkdwn(list.filename)}* (${rowsText(list)}) to your DM with Callboard.`;
  return ephemeralMessage(text, [contextBlock([text], 'export.sent')]);
};
