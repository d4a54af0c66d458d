import { describe, expect, it } from 'vitest';
import { SlashCommands } from '../../../src/slack/ids.ts';
import { helpView } from '../../../src/slack/views/help-view.ts';
import { allMrkdwn, blockIds, expectMessageWithinLimits, expectNoInjectedControls } from './view-helpers.ts';

describe('helpView', () => {
  const message = helpView();
  const text = allMrkdwn(message.blocks);

  it('has a section per command', () => {
    expect(blockIds(message.blocks)).toEqual([
      'help.header',
      'help.intro',
      'help.divider.commands',
      'help.command.0',
      'help.command.1',
      'help.command.2',
      'help.command.3',
      'help.divider.other',
      'help.other',
      'help.names',
    ]);
  });

  it('explains every command with examples', () => {
    for (const command of Object.values(SlashCommands)) expect(text).toContain(`*${command}*`);
    for (const usage of [
      '--reverse',
      '--depth N',
      '/callboard help',
      '/callboard errors [team]',
      '/callboard sync',
      '/callboard whoami',
      '/find payments',
      '/owner checkout-service',
    ]) {
      expect(text).toContain(usage);
    }
  });

  it('covers the mention and the message shortcut', () => {
    expect(text).toContain('@callboard who owns checkout-service?');
    expect(text).toContain('@callboard what depends on orders-db?');
    expect(text).toContain('Find owner');
  });

  it('fits the limits and writes no stray control sequences', () => {
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
  });
});
