import { describe, expect, it } from 'vitest';
import { whoamiView } from '../../../src/slack/views/whoami-view.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  EMOJI_RTL,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  group,
  HOSTILE,
  HOSTILE_ESCAPED,
  user,
} from './view-helpers.ts';

describe('whoamiView', () => {
  it('shows the Slack user, the catalog user and their groups', () => {
    const message = whoamiView({
      slackUserId: 'U0SOFIA22',
      email: 'sofia@acme.example',
      user: user('sofia.marquez', 'sofia@acme.example'),
      groups: [group('checkout-team', { title: 'Checkout', annotations: { 'slack.com/channel-name': 'team-checkout' } })],
    });
    expect(blockIds(message.blocks)).toEqual(['whoami.user', 'whoami.groups', 'whoami.hint']);
    expect(allMrkdwn([blockById(message.blocks, 'whoami.user')])).toBe(
      'You are <@U0SOFIA22> in Slack.\nIn the catalog you are *sofia marquez* `user:default/sofia.marquez` (sofia@acme.example).',
    );
    expect(allMrkdwn([blockById(message.blocks, 'whoami.groups')])).toBe('*Your groups (1)*\n• *Checkout* `group:default/checkout-team`  #team-checkout');
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message, ['U0SOFIA22']);
  });

  it('explains a missing email or an unmatched one', () => {
    expect(allMrkdwn(whoamiView({ slackUserId: 'U1', groups: [] }).blocks)).toContain('users:read.email');
    const unmatched = whoamiView({ slackUserId: 'U1AA', email: 'new@acme.example', groups: [] });
    expect(allMrkdwn(unmatched.blocks)).toContain('No User in the catalog has the email *new@acme.example*');
    expect(blockIds(unmatched.blocks)).toEqual(['whoami.user', 'whoami.hint']);
  });

  it('says when the user is in no group, and caps long group lists', () => {
    expect(allMrkdwn(whoamiView({ slackUserId: 'U1AA', email: 'a@x', user: user('a', 'a@x'), groups: [] }).blocks)).toContain('not a member of any group');
    const many = whoamiView({ slackUserId: 'U1AA', email: 'a@x', user: user('a', 'a@x'), groups: Array.from({ length: 60 }, (_, i) => group(`g-${i}`)) });
    expect(allMrkdwn([blockById(many.blocks, 'whoami.groups')])).toContain('…and 40 more groups');
    expectMessageWithinLimits(many);
  });

  it('escapes profile text and keeps emoji and RTL', () => {
    const message = whoamiView({
      slackUserId: '<!channel>',
      email: HOSTILE,
      user: user('a', HOSTILE, { title: EMOJI_RTL }),
      groups: [group('g', { title: HOSTILE })],
    });
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(message)).toContain(EMOJI_RTL);
  });
});
