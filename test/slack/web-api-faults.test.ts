import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appHomeOpened, appMention, slashCommand } from '../fakes/slack-payloads.ts';
import { People } from './helpers/catalog-fixture.ts';
import { startHarness, type Harness } from './helpers/slack-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.fake.addChannel({ id: 'C0OUTSIDE', name: 'outside', botIsMember: false });
});
afterAll(() => h.close());
beforeEach(() => {
  h.fake.clearCalls();
  h.logs.splice(0);
});

const mentionIn = (channelId: string, text = 'who owns orders-db?') => appMention({ userId: People.marcus.id, channelId, text });
const waitForLog = async (match: (line: Record<string, unknown>) => boolean, timeoutMs = 3000) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const line = h.logs.find(match);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no matching log line; saw: ${h.logs.map((line) => line.msg).join(' | ')}`);
};

describe('Web API failures', () => {
  it('5xx answers are retried and the message is posted once', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'status', status: 503 }, 2);
    await h.send(mentionIn('C0GENERAL'));
    await h.fake.waitForCall('chat.postMessage', (call) => call.status === 200, 3000);
    expect(h.fake.calls('chat.postMessage').map((call) => call.status)).toEqual([503, 503, 200]);
    expect(h.fake.messages('C0GENERAL').filter((message) => message.threadTs)).toHaveLength(1);
  });

  it('ratelimited with Retry-After is waited out and retried', async () => {
    h.fake.failNext('views.publish', { kind: 'ratelimited', retryAfterSeconds: 1 });
    await h.send(appHomeOpened({ userId: People.marcus.id }));
    const done = await h.fake.waitForCall('views.publish', (call) => call.status === 200, 4000);
    const [limited] = h.fake.calls('views.publish');
    expect(h.fake.calls('views.publish').map((call) => call.status)).toEqual([429, 200]);
    expect(done.at - limited!.at).toBeGreaterThanOrEqual(900);
  });

  it('a timeout is retried once the client gives up on the hung request, and the view is published once', async () => {
    h.fake.failNext('views.publish', { kind: 'hang' });
    await h.send(appHomeOpened({ userId: People.marcus.id }));
    const done = await h.fake.waitForCall('views.publish', (call) => call.status === 200, 6000);
    const [hung] = h.fake.calls('views.publish');
    // The fake records a request it never answers with status 0; the harness's client times out after 2 s.
    expect(h.fake.calls('views.publish').map((call) => call.status)).toEqual([0, 200]);
    expect(done.at - hung!.at).toBeGreaterThanOrEqual(1900);
  });

  it('not_in_channel is not retried: logged with context, the asker told privately, the app carries on', async () => {
    await h.send(mentionIn('C0OUTSIDE'));
    const line = await waitForLog((entry) => entry.msg === 'Slack listener failed');
    expect(line).toMatchObject({ eventType: 'app_mention', channel: 'C0OUTSIDE', user: People.marcus.id, level: 50 });
    expect(h.fake.calls('chat.postMessage')).toHaveLength(1);
    await h.fake.waitForCall('chat.postEphemeral');
    await h.send(mentionIn('C0GENERAL'));
    await h.fake.waitForCall('chat.postMessage', (call) => call.status === 200 && (call.body.channel as string) === 'C0GENERAL');
  });

  it('a refused chat.unfurl (cannot_unfurl_url) is logged and nothing else happens', async () => {
    h.fake.failNext('chat.unfurl', { kind: 'error', error: 'cannot_unfurl_url' });
    const { linkShared } = await import('../fakes/slack-payloads.ts');
    await h.send(
      linkShared({ userId: People.marcus.id, channelId: 'C0GENERAL', links: [{ domain: 'github.com', url: 'https://github.com/acme/cart-service' }] }),
    );
    const line = await waitForLog((entry) => entry.msg === 'Slack listener failed');
    expect(line).toMatchObject({ eventType: 'link_shared' });
  });

  it('an expired response_url (RespondError) is logged, never thrown out of the process', async () => {
    const inbound = slashCommand({
      command: '/owner',
      text: 'cart-service',
      userId: People.marcus.id,
      channelId: 'C0GENERAL',
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl({ ageMs: 31 * 60_000 }),
    });
    expect((await h.send(inbound)).status).toBe(200);
    await waitForLog((entry) => entry.msg === 'Slack listener failed');
    await waitForLog((entry) => entry.msg === 'could not tell the asker about the failure');
  });

  it('a rate-limited member lookup does not hold up /owner: members are named instead of mentioned', async () => {
    h.fake.failNext('users.lookupByEmail', { kind: 'ratelimited', retryAfterSeconds: 3 }, 5);
    const started = Date.now();
    await h.send(
      slashCommand({
        command: '/owner',
        text: 'search-service',
        userId: People.marcus.id,
        channelId: 'C0GENERAL',
        triggerId: h.fake.mintTriggerId(),
        responseUrl: h.fake.mintResponseUrl(),
      }),
    );
    const reply = await h.fake.waitForCall('response_url', undefined, 3000);
    expect(reply.at - started).toBeLessThan(2000);
    expect(JSON.stringify(reply.body)).toContain('owner.members');
  });
});
