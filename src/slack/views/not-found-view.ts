import type { KnownBlock } from '@slack/types';
import type { EntityResolution } from '../../core/catalog-reader/catalog-answers.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { contextBlock, sectionBlock } from './blocks.ts';
import { commandUsages, usageFor, usageText } from './command-usage.ts';
import { refCode, titleWithName } from './entity-text.ts';
import { askerOnlyMessage, type SlackMessage } from './slack-message.ts';

const MAX_ECHO = 200;
const MAX_SUGGESTIONS = 5;

/** What people typed, escaped and shortened: a 5 KB paste must not fill the reply. */
const echo = (text: string): string => escapeMrkdwn(truncate(text.trim(), MAX_ECHO));

/** No entity by that name: the closest names, a corrected spelling, or how to look around. */
export const notFoundView = (resolution: Extract<EntityResolution, { status: 'not_found' }>): SlackMessage => {
  const query = echo(resolution.query);
  const lines = [`:mag: Nothing in the catalog is called *${query}*.`];
  if (resolution.didYouMean) lines.push(`Did you mean *${escapeMrkdwn(resolution.didYouMean)}*?`);
  const blocks: KnownBlock[] = [sectionBlock(lines.join('\n'), 'notfound.summary')];
  const suggestions = resolution.suggestions.slice(0, MAX_SUGGESTIONS);
  if (suggestions.length > 0) {
    const rows = suggestions.map(
      (entity) => `• ${titleWithName(entity.name, entity.title)}  ·  ${escapeMrkdwn(entity.kind.toLowerCase())}  ·  ${refCode(entity.ref)}`,
    );
    blocks.push(sectionBlock(`*Close matches*\n${rows.join('\n')}`, 'notfound.suggestions'));
  }
  // Both spellings: a workspace on manifests/manifest.callboard-only.yml has no /find.
  blocks.push(contextBlock(['`/find &lt;words&gt;` (or `/callboard find &lt;words&gt;`) searches names, titles, descriptions and tags.'], 'notfound.hint'));
  return askerOnlyMessage(`Nothing in the catalog is called ${query}.`, blocks);
};

/**
 * A Slack user asked about (`who is @sofia?`) who is not a catalog User: whose email is missing, in one line.
 * Only the asker sees it, so the user may be mentioned.
 */
export const unknownSlackUserView = (slackUserId: string, email: string | undefined): SlackMessage => {
  const who = `<@${escapeMrkdwn(slackUserId)}>`;
  const line = email
    ? `:mag: ${who} is not in the catalog: no User has the email *${escapeMrkdwn(truncate(email, 200))}* (\`spec.profile.email\`).`
    : `:mag: Callboard cannot see the email on ${who}'s Slack profile, so it cannot find them in the catalog.`;
  return askerOnlyMessage(line, [sectionBlock(line, 'notfound.summary')]);
};

/**
 * Empty or unparseable input: the problem in one line, then how the command is used. `problem`
 * may quote user input, so it is escaped like any other text.
 */
export const usageView = (command: string, problem: string): SlackMessage => {
  const usage = usageFor(command);
  const blocks: KnownBlock[] = [
    sectionBlock(`:information_source: ${escapeMrkdwn(truncate(problem.trim() || 'That did not look like a request.', 1000))}`, 'usage.problem'),
  ];
  const texts = usage ? [usageText(usage)] : commandUsages.map(usageText);
  blocks.push(sectionBlock(texts.join('\n\n'), 'usage.commands'));
  blocks.push(contextBlock(['`/callboard help` lists everything Callboard can do.'], 'usage.help'));
  return askerOnlyMessage(escapeMrkdwn(truncate(problem.trim() || 'Usage', 1000)), blocks);
};

/**
 * Something failed: say so plainly, without stack traces. "Try again" only when `retryable`: a
 * retry helps with Slack or the network having a moment, never with a mistake or a missing feature.
 */
export const errorView = (message: string, options: { retryable?: boolean } = {}): SlackMessage => {
  const text = escapeMrkdwn(truncate(message.trim() || 'Something went wrong.', 1500));
  const blocks: KnownBlock[] = [sectionBlock(`:warning: *Callboard couldn't answer that.*\n${text}`, 'error.message')];
  if (options.retryable) {
    blocks.push(contextBlock(['Try again in a moment. If it keeps happening, tell whoever runs Callboard; the details are in its logs.'], 'error.hint'));
  }
  return askerOnlyMessage(`Callboard couldn't answer that: ${text}`, blocks);
};
