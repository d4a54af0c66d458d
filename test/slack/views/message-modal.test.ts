import { describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { actionsBlock, button, sectionBlock } from '../../../src/slack/views/blocks.ts';
import { messageModal } from '../../../src/slack/views/message-modal.ts';
import { ephemeralMessage } from '../../../src/slack/views/slack-message.ts';
import { blockIds, expectViewWithinLimits } from './view-helpers.ts';

describe('messageModal', () => {
  it('keeps the buttons that work in a modal and link buttons; leaves out Share and unknown ones', () => {
    const message = ephemeralMessage('x', [
      sectionBlock('Owned by Checkout', 'owner.team'),
      actionsBlock(
        [
          button({ text: 'Dependencies', actionId: ActionIds.showDeps, value: 'component:default/a' }),
          button({ text: 'Docs', actionId: ActionIds.showDocs, value: 'component:default/a', url: 'https://docs.example/a' }),
          button({ text: 'Share in channel', actionId: ActionIds.shareInChannel, value: '{}' }),
          button({ text: 'Someone else’s', actionId: 'answer.export', value: '{}' }),
        ],
        'owner.actions',
      ),
      actionsBlock([button({ text: 'Share in channel', actionId: ActionIds.shareInChannel, value: '{}' })], 'only.share'),
    ]);
    const modal = messageModal(message, 'A title longer than twenty-four characters');
    expect(modal.type).toBe('modal');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(blockIds(modal.blocks)).toEqual(['owner.team', 'owner.actions']);
    const ids = JSON.stringify(modal.blocks);
    expect(ids).toContain(ActionIds.showDeps);
    expect(ids).toContain(ActionIds.showDocs);
    expect(ids).not.toContain(ActionIds.shareInChannel);
    expect(ids).not.toContain('answer.export');
    expectViewWithinLimits(modal);
  });
});
