import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScaffolderActionIds, ViewCallbackIds } from '../../../src/slack/ids.ts';
import { blockSuggestion } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import { answeredRef, ask, textOf } from './e2e-harness.ts';
import { isDone, ModalTracker, postsIn, picked, sendForAck, startScaffolderE2e, text, unchecked, waitFor, type ScaffolderE2e } from './scaffolder-e2e-kit.ts';

/**
 * Issue 11 from Slack: /create → the modal at once → pages with inline errors, a skipped page, Back keeping values,
 * catalog options as the person types → the review from a dry run → Create → a progress message edited as the run
 * goes → the links, and the new service answering /owner. A double submit starts one run.
 */

let e: ScaffolderE2e;
beforeAll(async () => {
  e = await startScaffolderE2e();
}, 60_000);
afterAll(() => e.h.close());

const lastMessageIn = (channel: string) => postsIn(e.h, channel).at(-1);

describe('/create end to end on the local Git host', () => {
  it('fills in the form, reviews, creates, and the new service answers /owner', async () => {
    const { h } = e;
    const started = Date.now();
    const modal = await ModalTracker.open(h, '/create', 'tiny', People.marcus.id);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(modal.current.callback_id).toBe(ViewCallbackIds.templatePage);
    expect(modal.inputs()).toEqual(['name', 'withNotes']);

    const bad = await modal.submit({ ...text('name', 'Not A Name'), ...unchecked('withNotes') });
    expect(bad).toMatchObject({ response_action: 'errors', errors: { name: expect.any(String) } });

    // No notes asked for: the Notes page (when: withNotes) is skipped.
    const next = await modal.submit({ ...text('name', 'quick-svc'), ...unchecked('withNotes') });
    expect(next?.response_action).toBe('update');
    expect(modal.inputs()).toEqual(['owner']);

    // The owner picker's options come from the catalog as the person types.
    const options = await sendForAck(
      h,
      blockSuggestion({ userId: People.marcus.id, action_id: 'scaffolder.picker.owner', block_id: 'owner', value: 'checkout', view: modal.current }),
    );
    const offered = options?.options as Array<{ value: string; text: { text: string } }>;
    expect(offered[0]!.value).toBe('group:default/checkout-team');
    // Catalog matches are groups only (catalogFilter kind: Group); what was typed is offered last, as typed.
    expect(offered.filter((option) => !option.text.text.endsWith('(as typed)')).every((option) => option.value.startsWith('group:'))).toBe(true);

    await modal.click(ScaffolderActionIds.pageBack);
    expect(modal.inputs()).toEqual(['name', 'withNotes']);
    expect(modal.initialValue('name')).toBe('quick-svc');
    await modal.submit({ ...text('name', 'quick-svc'), ...unchecked('withNotes') });

    const review = await modal.submit(picked('owner', 'group:default/checkout-team'));
    expect(review?.response_action).toBe('update');
    expect(modal.current.callback_id).toBe(ViewCallbackIds.templateReview);
    const reviewText = JSON.stringify(modal.current);
    expect(reviewText).toContain('catalog-info.yaml');
    expect(reviewText).toContain('quick-svc');

    h.fake.clearCalls();
    const created = await modal.submit({});
    expect(created?.response_action).toBe('update');
    expect(JSON.stringify(created)).toMatch(/progress/);

    const done = await waitFor('the run to finish in its progress message', () => {
      const message = lastMessageIn('C0GENERAL');
      return isDone(message) ? message : undefined;
    });
    expect(h.fake.calls('chat.postMessage').filter((call) => call.body.channel === 'C0GENERAL')).toHaveLength(1);
    expect(h.fake.calls('chat.update').length).toBeGreaterThan(0);
    const shown = JSON.stringify(done.blocks);
    expect(shown).toMatch(/quick-svc/);
    expect(shown).toContain('component:default/quick-svc');

    const owner = await ask(h, '/owner', 'quick-svc', People.marcus.id);
    expect(answeredRef(owner)).toBe('component:default/quick-svc');
    expect(textOf(owner)).toMatch(/checkout/i);
  }, 60_000);

  it('the review leaves out the answers of a page hidden again (Notes, once Add notes is unticked)', async () => {
    const modal = await ModalTracker.open(e.h, '/create', 'tiny', People.marcus.id);
    await modal.submit({
      ...text('name', 'hidden-notes-svc'),
      withNotes: { 'scaffolder.field.withNotes': { type: 'checkboxes', selected_options: [{ value: 'true' }] } },
    });
    expect(modal.inputs()).toEqual(['notes']);
    await modal.submit(text('notes', 'notes-from-a-hidden-page'));
    expect(modal.inputs()).toEqual(['owner']);
    await modal.click(ScaffolderActionIds.pageBack);
    expect(modal.inputs()).toEqual(['notes']);
    // Back on the Notes page: Slack sends the view with the notes still typed in.
    modal.current = { ...modal.current, state: { values: text('notes', 'notes-from-a-hidden-page') } };
    await modal.click(ScaffolderActionIds.pageBack);
    expect(modal.inputs()).toEqual(['name', 'withNotes']);
    await modal.submit({ ...text('name', 'hidden-notes-svc'), ...unchecked('withNotes') });
    expect(modal.inputs()).toEqual(['owner']);
    await modal.submit(picked('owner', 'group:default/checkout-team'));
    expect(modal.current.callback_id).toBe(ViewCallbackIds.templateReview);
    const reviewText = JSON.stringify(modal.current);
    expect(reviewText).toContain('hidden-notes-svc');
    expect(reviewText).not.toContain('notes-from-a-hidden-page');
  }, 60_000);

  it('a double submit of the review starts one run', async () => {
    const { h } = e;
    const modal = await ModalTracker.open(h, '/create', 'tiny', People.sofia.id);
    await modal.submit({ ...text('name', 'twice-svc'), ...unchecked('withNotes') });
    await modal.submit(picked('owner', 'group:default/checkout-team'));
    expect(modal.current.callback_id).toBe(ViewCallbackIds.templateReview);
    const review = modal.current;
    const before = h.slack.deps.scaffolder!.runs().length;
    await Promise.all([modal.submit({}), new ModalTracker(h, review as never, People.sofia.id).submit({})]);
    await waitFor('the run', () => h.slack.deps.scaffolder!.runs().length > before || undefined);
    const run = h.slack.deps.scaffolder!.runs()[0]!;
    await h.slack.deps.scaffolder!.settled(run.id);
    expect(h.slack.deps.scaffolder!.runs().length).toBe(before + 1);
  }, 60_000);

  it('/callboard create is /create for workspaces on the /callboard-only manifest', async () => {
    const modal = await ModalTracker.open(e.h, '/callboard', 'create tiny', People.marcus.id);
    expect(modal.current.callback_id).toBe(ViewCallbackIds.templatePage);
    expect(modal.inputs()).toEqual(['name', 'withNotes']);
  });

  it('/callboard runs lists the recorded runs, newest first', async () => {
    const answer = await ask(e.h, '/callboard', 'runs', People.marcus.id);
    const shown = textOf(answer);
    expect(shown).toMatch(/Recent template runs/);
    expect(shown.indexOf('twice-svc')).toBeLessThan(shown.indexOf('quick-svc'));
  });
});
