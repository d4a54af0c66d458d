import type { ActionsBlock, KnownBlock, ModalView } from '@slack/types';
import { ActionIds } from '../ids.ts';
import { Limits, plainText } from './blocks.ts';
import type { SlackMessage } from './slack-message.ts';

/** Slack's limit on a modal's title, submit and close texts. */
const TITLE_CHARS = 24;

/**
 * Elements whose listeners answer through `replyToAction`, which updates or stacks the modal when
 * there is no response_url: only these work inside a modal. Share and export need a channel, so they are not here.
 */
const WORKS_IN_A_MODAL: ReadonlySet<string> = new Set([
  ActionIds.showOwner,
  ActionIds.showDeps,
  ActionIds.showDependents,
  ActionIds.chooseEntity,
  ActionIds.openEntity,
  ActionIds.showDocs,
  ActionIds.showOnCall,
  ActionIds.showHelp,
  ActionIds.showProblems,
  ActionIds.pagePrevious,
  ActionIds.pageNext,
  ActionIds.pageAllHops,
]);

type ActionElement = ActionsBlock['elements'][number];

/** Link buttons open their URL whatever the surface; anything else must be one of the ids above. */
const worksInModal = (element: ActionElement): boolean =>
  ('url' in element && typeof element.url === 'string') || ('action_id' in element && WORKS_IN_A_MODAL.has(element.action_id ?? ''));

const modalBlocks = (blocks: readonly KnownBlock[]): KnownBlock[] =>
  blocks.flatMap((block): KnownBlock[] => {
    if (block.type !== 'actions') return [block];
    const elements = block.elements.filter(worksInModal);
    return elements.length > 0 ? [{ ...block, elements }] : [];
  });

/**
 * An answer shown in a modal instead of a message (App Home and modal clicks have no response_url,
 * and nothing should land in the Messages tab unannounced). Buttons that cannot work in a modal are
 * left out; a message's 50 blocks always fit a modal's 100.
 */
export const messageModal = (message: SlackMessage, title = 'Callboard'): ModalView => {
  const blocks = modalBlocks(message.blocks).slice(0, Limits.viewBlocks);
  return {
    type: 'modal',
    title: plainText(title, TITLE_CHARS),
    close: plainText('Close', TITLE_CHARS),
    blocks: blocks.length > 0 ? blocks : [{ type: 'section', block_id: 'modal.empty', text: { type: 'mrkdwn', text: message.text } }],
  };
};
