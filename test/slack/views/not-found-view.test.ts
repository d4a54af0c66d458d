import { describe, expect, it } from 'vitest';
import { errorView, notFoundView, usageView } from '../../../src/slack/views/not-found-view.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  EMOJI_RTL,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  FIVE_KB,
  HOSTILE,
  HOSTILE_ESCAPED,
} from './view-helpers.ts';

describe('notFoundView', () => {
  it('offers the corrected spelling and close matches', () => {
    const message = notFoundView({
      status: 'not_found',
      query: 'chekout',
      didYouMean: 'checkout',
      suggestions: [{ ref: 'component:default/checkout-service', kind: 'Component', name: 'checkout-service', title: 'Checkout Service' }],
    });
    expect(blockIds(message.blocks)).toEqual(['notfound.summary', 'notfound.suggestions', 'notfound.hint']);
    expect(allMrkdwn([blockById(message.blocks, 'notfound.summary')])).toBe(':mag: Nothing in the catalog is called *chekout*.\nDid you mean *checkout*?');
    expect(allMrkdwn([blockById(message.blocks, 'notfound.suggestions')])).toContain(
      '*Checkout Service* `checkout-service`  ·  component  ·  `component:default/checkout-service`',
    );
    // The search it points to exists in both manifests (manifest.callboard-only.yml has no /find).
    expect(allMrkdwn([blockById(message.blocks, 'notfound.hint')])).toContain('`/callboard find &lt;words&gt;`');
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
  });

  it('escapes and shortens what was typed', () => {
    const message = notFoundView({ status: 'not_found', query: `${HOSTILE}${FIVE_KB}`, suggestions: [] });
    expect(blockIds(message.blocks)).toEqual(['notfound.summary', 'notfound.hint']);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expect(message.text.length).toBeLessThan(300);
    expectNoInjectedControls(message);
    expectMessageWithinLimits(message);
  });
});

describe('usageView', () => {
  it('explains the problem and how the command is used', () => {
    const message = usageView('/deps', 'depth must be a number from 1 to 20, got "lots"');
    expect(blockIds(message.blocks)).toEqual(['usage.problem', 'usage.commands', 'usage.help']);
    expect(allMrkdwn([blockById(message.blocks, 'usage.problem')])).toBe(':information_source: depth must be a number from 1 to 20, got "lots"');
    const usage = allMrkdwn([blockById(message.blocks, 'usage.commands')]);
    expect(usage).toContain('`/deps &lt;name or ref&gt; [--reverse] [--depth N]');
    expect(usage).toContain('`/deps orders-db --reverse`');
    expect(usage).not.toContain('/find');
    expectNoInjectedControls(message);
  });

  it('lists every command for an unknown one', () => {
    const usage = allMrkdwn([blockById(usageView('/nope', '').blocks, 'usage.commands')]);
    for (const command of ['/owner', '/deps', '/find', '/callboard']) expect(usage).toContain(`*${command}*`);
  });

  it('escapes garbage input and keeps emoji', () => {
    const message = usageView('/owner', `${HOSTILE} ${EMOJI_RTL} ${FIVE_KB}`);
    expect(allMrkdwn(message)).toContain(`${HOSTILE_ESCAPED} ${EMOJI_RTL}`);
    expectNoInjectedControls(message);
    expectMessageWithinLimits(message);
  });
});

describe('errorView', () => {
  it('shows a friendly visible error; "try again" only for a failure a retry can fix', () => {
    const message = errorView('The catalog database is locked.', { retryable: true });
    expect(message.response_type).toBe('ephemeral');
    expect(allMrkdwn([blockById(message.blocks, 'error.message')])).toBe(":warning: *Callboard couldn't answer that.*\nThe catalog database is locked.");
    expect(allMrkdwn([blockById(message.blocks, 'error.hint')])).toContain('Try again');
    expectMessageWithinLimits(message);
  });

  it('a failure a retry cannot fix (a mistake, a missing feature) never says "try again"', () => {
    const message = errorView('Callboard cannot look up who is on call yet.');
    expect(blockIds(message.blocks)).toEqual(['error.message']);
    expect(allMrkdwn(message)).not.toMatch(/try again/i);
  });

  it('escapes and shortens the message', () => {
    const message = errorView(`${HOSTILE}${FIVE_KB}`);
    expectNoInjectedControls(message);
    expectMessageWithinLimits(message);
    expect(errorView('  ', { retryable: true }).blocks.length).toBe(2);
  });
});
