import { describe, expect, it } from 'vitest';
import { isSlackChannelId, readTeamChannel, type TeamChannel } from '../../../src/core/catalog/read-team-channel.ts';

const group = (annotations?: Record<string, string>) => ({ metadata: { name: 'payments', ...(annotations ? { annotations } : {}) } });

describe('readTeamChannel', () => {
  const cases: [string, Record<string, string> | undefined, TeamChannel][] = [
    ['no annotations', undefined, {}],
    ['unrelated annotations', { 'github.com/team-slug': 'acme/payments' }, {}],
    ["Callboard's own name key", { 'slack.com/channel-name': 'team-payments' }, { name: 'team-payments' }],
    ['slack.com/channel', { 'slack.com/channel': 'team-payments' }, { name: 'team-payments' }],
    ['slack-channel', { 'slack-channel': 'team-payments' }, { name: 'team-payments' }],
    [
      'the name keys in order: slack.com/channel-name, slack.com/channel, slack-channel',
      { 'slack-channel': 'third', 'slack.com/channel': 'second', 'slack.com/channel-name': 'first' },
      { name: 'first' },
    ],
    ['a leading # and surrounding spaces dropped', { 'slack.com/channel': '  #team-payments ' }, { name: 'team-payments' }],
    [
      'a blank or bare-# name does not hide the next key',
      { 'slack.com/channel-name': '  ', 'slack.com/channel': '#', 'slack-channel': 'pay' },
      { name: 'pay' },
    ],
    ['the id', { 'slack.com/channel-id': ' C0123ABCD ' }, { id: 'C0123ABCD' }],
    ['a blank id is unset', { 'slack.com/channel-id': ' ', 'slack.com/channel': 'team-payments' }, { name: 'team-payments' }],
    ['id and name both kept', { 'slack.com/channel-id': 'C0123ABCD', 'slack.com/channel-name': 'team-payments' }, { id: 'C0123ABCD', name: 'team-payments' }],
    ['an id written as the name stays a name', { 'slack.com/channel': 'C0123ABCD' }, { name: 'C0123ABCD' }],
  ];
  it.each(cases)('%s', (_, annotations, expected) => {
    expect(readTeamChannel(group(annotations))).toEqual(expected);
  });
});

describe('isSlackChannelId', () => {
  it.each([
    ['C0123ABCD', true],
    ['G0123ABCDEF', true],
    ['C0123ABC', false],
    ['c0123abcd', false],
    ['team-payments', false],
    ['U0123ABCD', false],
  ])('%s → %s', (value, expected) => {
    expect(isSlackChannelId(value)).toBe(expected);
  });
});
