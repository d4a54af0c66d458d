import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { sectionBlock } from './blocks.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/**
 * One honest line for a button whose answer Callboard cannot give (a button left in an older
 * message): what is known and what is not. Not an error, so no "try again": a retry changes nothing.
 */
export const buttonNoticeView = (text: string): SlackMessage => {
  const line = escapeMrkdwn(truncate(text.trim(), 1000));
  return ephemeralMessage(line, [sectionBlock(`:information_source: ${line}`, 'notice.text')]);
};
