import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonBody } from '../../fakes/slack/answers.ts';
import { appHomeOpened, blockActions } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import type { Harness } from '../helpers/slack-harness.ts';
import { ask, buttonNamed, buttonsOf, click, settle, startE2e, textOf } from './e2e-harness.ts';

/**
 * Issue 10, "Who sees what": /callboard errors (your teams by default, `all` for admins only), the short help, and
 * the App Home (buttons open modals or update the tab, nothing lands in the Messages tab, Sync now only for those
 * allowed). Sofia is an admin and may sync; Marcus (checkout-team) is neither; the stranger, in no team, is an admin.
 */

let h: Harness;
beforeAll(async () => {
  h = await startE2e({ settings: { admins: [People.sofia.email, People.stranger.email], syncAllowed: [People.sofia.email] } });
});
afterAll(() => h.close());

const { marcus, sofia } = People;

describe('/callboard errors', () => {
  it("is the asker's teams by default", async () => {
    const answer = await ask(h, '/callboard', 'errors', marcus.id);
    expect(answer.response_type).toBe('ephemeral');
    expect(textOf(answer)).toMatch(/checkout/i);
    expect(textOf(answer)).not.toMatch(/carrier-gateway|legacy-team/);
  });

  it('`all` is refused to someone who is not a Callboard admin', async () => {
    const answer = await ask(h, '/callboard', 'errors all', marcus.id);
    expect(answer.response_type).toBe('ephemeral');
    expect(textOf(answer)).toMatch(/admin/i);
    expect(textOf(answer)).not.toMatch(/carrier-gateway|legacy-team/);
  });

  it('`all` shows an admin every problem, those no team owns included (the dangling owner legacy-team)', async () => {
    const answer = await ask(h, '/callboard', 'errors all', sofia.id);
    expect(answer.response_type).toBe('ephemeral');
    expect(textOf(answer)).toMatch(/legacy-team/);
  });
});

describe('help', () => {
  it('/callboard help is three lines and a More button; More shows the rest in place', async () => {
    const answer = await ask(h, '/callboard', 'help', marcus.id);
    expect(answer.response_type).toBe('ephemeral');
    expect(
      textOf(answer)
        .split('\n')
        .filter((line) => line.trim() !== ''),
    ).toHaveLength(3);
    const more = buttonNamed(answer, /^More/);
    expect(more).toBeDefined();
    h.fake.clearCalls();
    await h.send(click(h, answer, more!, marcus.id));
    const full = await h.fake.waitForCall('response_url', undefined, 5000);
    expect({ replace_original: full.body.replace_original, text: full.body.text }).toMatchObject({ replace_original: true });
    expect(textOf(full.body).split('\n').length).toBeGreaterThan(3);
  });
});

describe('the App Home', () => {
  const openHome = async (userId: string): Promise<JsonBody> => {
    h.fake.clearCalls();
    await h.send(appHomeOpened({ userId }));
    await h.fake.waitForCall('views.publish', undefined, 5000);
    return h.fake.homeView(userId)!;
  };

  it('shows Sync now only to those allowed to sync', async () => {
    expect(buttonNamed(await openHome(sofia.id), /sync now/i)).toBeDefined();
    expect(buttonNamed(await openHome(marcus.id), /sync now/i)).toBeUndefined();
  });

  it('every button opens a modal (views.open with its trigger) or updates the tab, and nothing is posted to the Messages tab', async () => {
    const home = await openHome(sofia.id);
    const buttons = buttonsOf(home);
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) {
      h.fake.clearCalls();
      const trigger = h.fake.mintTriggerId();
      const actions = [{ action_id: button.action_id, block_id: button.block_id, ...(button.value !== undefined ? { value: button.value } : {}) }];
      expect((await h.send(blockActions({ userId: sofia.id, triggerId: trigger, view: home, actions }))).status).toBe(200);
      const deadline = Date.now() + 5000;
      const answered = () => h.fake.calls().some((call) => ['views.open', 'views.publish', 'views.update', 'views.push'].includes(call.method));
      while (!answered() && Date.now() < deadline) await settle(20);
      await settle(300);
      const methods = h.fake.calls().map((call) => call.method);
      expect({ button: button.text, posted: methods.filter((method) => method.startsWith('chat.')) }).toEqual({ button: button.text, posted: [] });
      expect({ button: button.text, answered: answered() }).toEqual({ button: button.text, answered: true });
      const refused = h.fake
        .calls()
        .filter((call) => (call.response as { ok?: boolean }).ok === false)
        .map((call) => `${call.method}: ${(call.response as { error?: string }).error}`);
      expect({ button: button.text, refused }).toEqual({ button: button.text, refused: [] });
      h.fake.closeModal();
    }
  });

  it('counts catalog problems in one wording: the sync summary, /callboard errors all and the Home tab', async () => {
    const countIn = (text: string) => /\d+ (?:errors?|warnings?)(?: and \d+ warnings?)?/.exec(text)?.[0];
    const sync = countIn(textOf(await ask(h, '/callboard', 'sync', sofia.id)));
    const all = countIn(textOf(await ask(h, '/callboard', 'errors all', sofia.id)));
    // An admin in no team sees every team's problems on the Home tab.
    const home = countIn(textOf(await openHome(People.stranger.id)));
    expect(sync).toBeDefined();
    expect({ all, home }).toEqual({ all: sync, home: sync });
  });

  it('the entity menu opens the chosen entity in a modal', async () => {
    const home = await openHome(marcus.id);
    h.fake.clearCalls();
    const actions = [
      {
        type: 'static_select',
        action_id: 'home.open_entity',
        block_id: 'home.actions',
        selected_option: { text: { type: 'plain_text', text: 'Checkout Service' }, value: 'component:default/checkout-service' },
      },
    ];
    await h.send(blockActions({ userId: marcus.id, triggerId: h.fake.mintTriggerId(), view: home, actions }));
    const opened = await h.fake.waitForCall('views.open', undefined, 5000);
    expect(opened.response).toMatchObject({ ok: true });
    expect(JSON.stringify(opened.body.view)).toContain('component:default/checkout-service');
    expect(h.fake.calls().filter((call) => call.method.startsWith('chat.'))).toEqual([]);
    h.fake.closeModal();
  });
});
