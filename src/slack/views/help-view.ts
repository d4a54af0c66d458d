import type { KnownBlock } from '@slack/types';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { actionsBlock, button, contextBlock, dividerBlock, headerBlock, sectionBlock } from './blocks.ts';
import { commandUsages, otherWays, usageText } from './command-usage.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** Every way to ask Callboard something, with examples to copy. */
export const helpView = (): SlackMessage => {
  const blocks: KnownBlock[] = [
    headerBlock('Callboard help', 'help.header'),
    sectionBlock(
      'Callboard answers questions about the service catalog: who owns what, what depends on what, who is on call, and what is broken in the catalog files. Answers are visible only to you until you press *Share in channel*.',
      'help.intro',
    ),
    dividerBlock('help.divider.commands'),
    ...commandUsages.map((usage, index) => sectionBlock(usageText(usage), `help.command.${index}`)),
    dividerBlock('help.divider.other'),
    sectionBlock(otherWays.join('\n'), 'help.other'),
    contextBlock(
      [
        'A name can be bare (`checkout-service`) or a full ref (`component:default/checkout-service`). When several entities share a name, Callboard asks which one.',
      ],
      'help.names',
    ),
  ];
  return ephemeralMessage('Callboard help: /owner, /deps, /find, /oncall, /docs, /create and /callboard.', blocks);
};

/** The three lines of the short help, kept here so the mention and slash command replies say the same. */
export const SHORT_HELP_LINES: readonly string[] = [
  'Ask `@Callboard who owns checkout-service?` or `@Callboard what depends on orders-db?`',
  'Or use `/owner <name>`, `/deps <name> --reverse`, `/oncall <name>` and `/find <words>`; answers stay private until you share them.',
  "`/callboard errors` lists your teams' catalog problems; `/callboard whoami` shows who Callboard thinks you are.",
].map((line) => line.replace(/<(\w+)>/g, '&lt;$1&gt;'));

/**
 * Help in three lines with a More button (which replaces it with `helpView`). With `problem`, the
 * reason comes first: "I did not understand …" then how to ask.
 */
export const shortHelpView = (problem?: string): SlackMessage => {
  const reason = problem?.trim() ? `:information_source: ${escapeMrkdwn(truncate(problem.trim(), 300))}` : undefined;
  const blocks: KnownBlock[] = [
    sectionBlock([...(reason ? [reason] : []), ...SHORT_HELP_LINES].join('\n'), 'help.short'),
    actionsBlock([button({ text: 'More', actionId: ActionIds.showHelp, value: 'more' })], 'help.short_actions'),
  ];
  return ephemeralMessage(reason ? escapeMrkdwn(truncate(problem!.trim(), 300)) : 'Callboard: ask who owns a service, or what depends on it.', blocks);
};
