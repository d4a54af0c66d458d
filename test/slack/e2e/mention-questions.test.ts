import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonBody } from '../../fakes/slack/answers.ts';
import { blockActions } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import type { Harness } from '../helpers/slack-harness.ts';
import { answeredRef, buttonNamed, isChooser, isHelpOrNotUnderstood, mention, mentionedUsers, startE2e, TeamChannels, textOf } from './e2e-harness.ts';

/**
 * Issue 10, "Understand how people ask" and "Who sees what": questions asked with an @mention, as written in the
 * issue. Answers go to the thread for everyone; what Callboard cannot answer goes to the asker only.
 */

/** The chooser's option (radio button or select) whose value names `ref`, and where it sits. */
const chooserOption = (message: JsonBody, ref: string): { type: string; blockId: string; option: JsonBody } => {
  for (const block of (message.blocks as JsonBody[]) ?? []) {
    const elements = [...((block.elements as JsonBody[]) ?? []), ...(block.accessory ? [block.accessory as JsonBody] : [])];
    for (const element of elements.filter((candidate) => candidate.action_id === 'entity.choose')) {
      const option = ((element.options as JsonBody[]) ?? []).find((candidate) => String(candidate.value).includes(ref));
      if (option) return { type: String(element.type), blockId: String(block.block_id), option };
    }
  }
  throw new Error(`the chooser offers no ${ref}`);
};

let h: Harness;
beforeAll(async () => {
  h = await startE2e();
});
afterAll(() => h.close());

const asker = People.stranger.id;

describe('who owns …? by @mention: the right entity, in the thread, pinging nobody', () => {
  it.each([
    ['who owns the payments api?', 'api:default/payments-api'],
    ['who owns the checkout service?', 'component:default/checkout-service'],
    ['who owns orders db', 'resource:default/orders-db'],
  ])('"%s" → %s', async (question, ref) => {
    const reply = await mention(h, question);
    expect(reply.method).toBe('chat.postMessage');
    expect(reply.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000001' });
    expect(isChooser(reply.body)).toBe(false);
    expect(answeredRef(reply.body)).toBe(ref);
    expect(mentionedUsers(reply.body).filter((id) => id !== asker)).toEqual([]);
    expect(h.fake.calls('chat.postEphemeral')).toEqual([]);
  });
});

describe('a shared answer reaches the team, not its members', () => {
  it('"who owns the payments api?" names the Payments channel and its Slack user group (callboard.dev/slack-usergroup)', async () => {
    const reply = await mention(h, 'who owns the payments api?');
    const text = textOf(reply.body);
    expect(text).toContain(`<#${TeamChannels.payments.id}`);
    expect(text).toContain('<!subteam^S04PAYMNT5');
    expect(text).toMatch(/Lena|lena\.fischer/);
  });
});

describe('other questions about an entity get an answer for it, not "I did not understand" nor the help', () => {
  // payments-api names a Component and an API: an answer for either, or a chooser offering them, is right.
  it.each([
    ['who is on call for payments-api?', 'payments-api'],
    ['where are the docs for checkout-service?', 'checkout-service'],
    ['what breaks if orders-db goes down?', 'orders-db'],
  ])('"%s"', async (question, name) => {
    const reply = await mention(h, question);
    expect(isHelpOrNotUnderstood(reply.body)).toBe(false);
    expect(JSON.stringify(reply.body)).toContain(name);
    expect(JSON.stringify(reply.body)).not.toMatch(/try again/i);
    const shared = reply.calls.filter((call) => call.method === 'chat.postMessage');
    expect(shared.flatMap((call) => mentionedUsers(call.body)).filter((id) => id !== asker)).toEqual([]);
  });

  it('"what breaks if orders-db goes down?" names what depends on orders-db, 4 hops away included', async () => {
    const reply = await mention(h, 'what breaks if orders-db goes down?');
    expect(textOf(reply.body)).toContain('orders-service');
    expect(textOf(reply.body)).toContain('cart-service');
  });

  it('"who is on call for payments-api?": choosing the Component in the chooser answers the on-call question for it', async () => {
    const reply = await mention(h, 'who is on call for payments-api?');
    if (!isChooser(reply.body)) {
      expect(JSON.stringify(reply.body)).toContain('PY9WQ4A');
      return;
    }
    const choice = chooserOption(reply.body, 'component:default/payments-api');
    h.fake.clearCalls();
    await h.send(
      blockActions({
        userId: asker,
        triggerId: h.fake.mintTriggerId(),
        responseUrl: h.fake.mintResponseUrl(),
        message: { channelId: 'C0GENERAL', ts: '1700000000.000900', isEphemeral: true, blocks: reply.body.blocks as unknown[] },
        actions: [{ type: choice.type, action_id: 'entity.choose', block_id: choice.blockId, selected_option: choice.option }],
      }),
    );
    const answer = await h.fake.waitForCall('response_url', undefined, 5000);
    expect(JSON.stringify(answer.body)).toContain('https://acme.pagerduty.com/service-directory/PY9WQ4A');
  });

  it('"who is on call for checkout-service?" gives what is known: its PagerDuty service', async () => {
    const reply = await mention(h, 'who is on call for checkout-service?');
    expect(isHelpOrNotUnderstood(reply.body)).toBe(false);
    expect(JSON.stringify(reply.body)).toContain('https://acme.pagerduty.com/service-directory/PC3XN9M');
  });

  it('"where are the docs for checkout-service?" gives a docs link', async () => {
    const reply = await mention(h, 'where are the docs for checkout-service?');
    const docs =
      JSON.stringify(reply.body).includes('https://docs.acme.example/checkout-service/') || JSON.stringify(reply.body).includes('callboard.acme.example');
    expect(docs).toBe(true);
  });
});

describe('help, "did not understand" and failures go to the asker only', () => {
  it('help is three lines and a More button, ephemeral', async () => {
    const reply = await mention(h, 'help');
    expect(reply.method).toBe('chat.postEphemeral');
    expect(reply.body.user).toBe(asker);
    expect(h.fake.calls('chat.postMessage')).toEqual([]);
    expect(buttonNamed(reply.body, /^More/)).toBeDefined();
    const lines = textOf(reply.body)
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeLessThanOrEqual(3);
  });

  it.each([['make me a sandwich'], ['who owns zzz-nothing-by-that-name?']])('"%s" is answered to the asker alone', async (text) => {
    const reply = await mention(h, text);
    expect(reply.calls.map((call) => call.method)).toEqual(['chat.postEphemeral']);
    expect(reply.body.user).toBe(asker);
  });
});
