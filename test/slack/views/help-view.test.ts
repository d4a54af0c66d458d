import { describe, expect, it } from 'vitest';
import { ActionIds, SlashCommands } from '../../../src/slack/ids.ts';
import { helpView, shortHelpView } from '../../../src/slack/views/help-view.ts';
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
      'help.command.4',
      'help.command.5',
      'help.command.6',
      'help.command.7',
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
      '/callboard errors [team | all]',
      '/callboard sync',
      '/callboard whoami',
      '/find payments',
      '/owner checkout-service',
      '/oncall payments-team at 2026-12-07T09:00Z',
      '/docs payments-api provider outage',
    ]) {
      expect(text).toContain(usage);
    }
  });

  it('shows every question as a /callboard subcommand, the only command of manifests/manifest.callboard-only.yml', () => {
    for (const sub of ['owner', 'deps', 'find', 'oncall', 'docs', 'errors', 'sync', 'whoami'])
      expect(text).toMatch(new RegExp(`/callboard [a-z|]*\\b${sub}\\b`));
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

describe('shortHelpView', () => {
  it('is three lines and a More button that opens the full help', () => {
    const message = shortHelpView();
    expect(blockIds(message.blocks)).toEqual(['help.short', 'help.short_actions']);
    expect(allMrkdwn([message.blocks[0]!]).split('\n')).toHaveLength(3);
    expect(JSON.stringify(message.blocks[1])).toContain(`"action_id":"${ActionIds.showHelp}"`);
    expect(JSON.stringify(message.blocks[1])).toContain('"text":"More"');
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
  });

  it('puts the reason first when the question was not understood, escaped', () => {
    const message = shortHelpView('I did not understand "<!channel> make coffee".');
    const lines = allMrkdwn([message.blocks[0]!]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(':information_source: I did not understand "&lt;!channel&gt; make coffee".');
    expectNoInjectedControls(message);
  });
});
