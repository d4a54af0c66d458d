import type { KnownBlock } from '@slack/types';
import { contextBlock, dividerBlock, headerBlock, sectionBlock } from './blocks.ts';
import { commandUsages, otherWays, usageText } from './command-usage.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** Every way to ask Callboard something, with examples to copy. */
export const helpView = (): SlackMessage => {
  const blocks: KnownBlock[] = [
    headerBlock('Callboard help', 'help.header'),
    sectionBlock(
      'Callboard answers questions about the service catalog: who owns what, what depends on what, and what is broken in the catalog files. Answers are visible only to you until you press *Share in channel*.',
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
  return ephemeralMessage('Callboard help: /owner, /deps, /find and /callboard.', blocks);
};
