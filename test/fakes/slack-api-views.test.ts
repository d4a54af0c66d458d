import { WebAPIPlatformError, WebClient, type View } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './slack-api-server.ts';
import { createSilentLogger } from './slack/silent-logger.ts';

/** views.* and response_url: the parts of the fake with lifetimes (triggers, stacks, URL uses). */

let fake: FakeSlack;
let client: WebClient;
const plain = (text: string) => ({ type: 'plain_text' as const, text });
const modal = (title = 'Find owner'): View => ({ type: 'modal', title: plain(title), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] });

async function slackError(call: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof WebAPIPlatformError)) throw new Error(`expected a Slack platform error, got ${String(error)}`);
  return error.data;
}

const respond = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  fake = await startFakeSlack({ users: [{ id: 'U0ALICE', name: 'alice' }] });
  client = new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: createSilentLogger() });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => fake.clearCalls());

describe('the fake Slack views API', () => {
  it('opens a modal with a fresh trigger and echoes it as Slack does', async () => {
    const { view } = await client.views.open({ trigger_id: fake.mintTriggerId(), view: modal() });
    expect(view).toMatchObject({ id: expect.stringMatching(/^V/), hash: expect.any(String), type: 'modal', state: { values: {} }, app_id: fake.bot.appId });
    expect(fake.openModals().map((open) => open.id)).toEqual([view?.id]);
  });

  it('refuses triggers that are too old, unknown or already used', async () => {
    expect((await slackError(client.views.open({ trigger_id: fake.mintTriggerId({ ageMs: 3001 }), view: modal() }))).error).toBe('expired_trigger_id');
    expect((await slackError(client.views.open({ trigger_id: '123.456.abc', view: modal() }))).error).toBe('invalid_trigger_id');
    const trigger = fake.mintTriggerId();
    await client.views.open({ trigger_id: trigger, view: modal() });
    expect((await slackError(client.views.open({ trigger_id: trigger, view: modal() }))).error).toBe('exchanged_trigger_id');
  });

  it('refuses a view over its limits with invalid_arguments and /view pointers', async () => {
    const data = await slackError(client.views.open({ trigger_id: fake.mintTriggerId(), view: modal('x'.repeat(25)) }));
    expect(data).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] text must be at most 24 characters (got 25) [json-pointer:/view/title/text]'] },
    });
    const huge = { ...modal(), blocks: Array.from({ length: 90 }, () => ({ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3000) } })) } as View;
    expect((await slackError(client.views.open({ trigger_id: fake.mintTriggerId(), view: huge }))).error).toBe('view_too_large');
  });

  it('stacks at most three modals', async () => {
    await client.views.open({ trigger_id: fake.mintTriggerId(), view: modal('Root') });
    const second = await client.views.push({ trigger_id: fake.mintTriggerId(), view: modal('Second') });
    expect(second.view).toMatchObject({ previous_view_id: fake.openModals()[0]?.id, root_view_id: fake.openModals()[0]?.id });
    await client.views.push({ trigger_id: fake.mintTriggerId(), view: modal('Third') });
    expect((await slackError(client.views.push({ trigger_id: fake.mintTriggerId(), view: modal('Fourth') }))).error).toBe('push_limit_reached');
    fake.closeModal();
    expect(fake.openModals().map((open) => open.title)).toEqual([plain('Root'), plain('Second')]);
  });

  it('updates by view id with hash checks, and knows no unknown views', async () => {
    const { view } = await client.views.open({ trigger_id: fake.mintTriggerId(), view: modal() });
    const [viewId, hash] = [view?.id ?? '', view?.hash ?? ''];
    const updated = await client.views.update({ view_id: viewId, hash, view: modal('Updated') });
    expect(updated.view).toMatchObject({ id: viewId, title: plain('Updated') });
    expect((await slackError(client.views.update({ view_id: viewId, hash, view: modal('Stale') }))).error).toBe('hash_conflict');
    expect((await slackError(client.views.update({ view_id: 'V0NOPE', view: modal() }))).error).toBe('not_found');
  });

  it('publishes Home tabs for seeded users only, and only home views', async () => {
    const home: View = { type: 'home', blocks: [{ type: 'header', text: plain('Callboard') }] };
    await client.views.publish({ user_id: 'U0ALICE', view: home });
    expect(fake.homeView('U0ALICE')).toMatchObject({ type: 'home', blocks: home.blocks });
    expect((await slackError(client.views.publish({ user_id: 'U0NOBODY', view: home }))).error).toBe('user_not_found');
    expect((await slackError(client.views.publish({ user_id: 'U0ALICE', view: modal() }))).error).toBe('invalid_arguments');
  });
});

describe('the fake response_url', () => {
  it('accepts five valid posts, records them, then answers 404 used_url', async () => {
    const url = fake.mintResponseUrl();
    expect(url.startsWith(`${fake.url}/response-url/`)).toBe(true);
    for (let use = 1; use <= 5; use += 1) expect((await respond(url, { text: `reply ${use}`, replace_original: false })).status).toBe(200);
    const sixth = await respond(url, { text: 'one too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(fake.calls('response_url').map((call) => call.status)).toEqual([200, 200, 200, 200, 200, 404]);
    expect(fake.calls('response_url')[0]?.body).toEqual({ text: 'reply 1', replace_original: false });
  });

  it('expires after 30 minutes and refuses URLs it never minted', async () => {
    expect(await (await respond(fake.mintResponseUrl({ ageMs: 30 * 60 * 1000 + 1 }), { text: 'late' })).json()).toEqual({ ok: false, error: 'expired_url' });
    expect((await respond(`${fake.url}/response-url/T0/1/made-up`, { text: 'x' })).status).toBe(404);
  });

  it('checks the message like chat.postMessage, without spending a use', async () => {
    const url = fake.mintResponseUrl();
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    const refused = await respond(url, { text: 'x', blocks });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect((await respond(url, { delete_original: true })).status).toBe(200);
    expect((await respond(url, { response_type: 'in_thread', text: 'x' })).status).toBe(400);
  });
});
