import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewCallbackIds } from '../../../src/slack/ids.ts';
import { People } from '../helpers/catalog-fixture.ts';
import { ask, MorePeople, TeamChannels, textOf } from './e2e-harness.ts';
import {
  clickIn,
  createWith,
  isDone,
  isFailed,
  postsIn,
  repliesTo,
  reviewWith,
  startScaffolderE2e,
  Templates,
  waitFor,
  type ScaffolderE2e,
} from './scaffolder-e2e-kit.ts';

/**
 * Issue 11 from Slack, when runs do not simply succeed: a failed step with Retry (resuming on the same message) and
 * Edit and retry (the form again, filled in), approvals (no step before a member of the approver group says yes;
 * a non-approver refused privately; the decision in every thread), templates outside a person's groups, and the
 * admin-only /callboard register.
 */

let e: ScaffolderE2e;
beforeAll(async () => {
  e = await startScaffolderE2e();
}, 60_000);
afterAll(() => e.h.close());

const progressOf = (channel: string, name: string) =>
  postsIn(e.h, channel).find((message) => JSON.stringify(message.blocks).includes(name) && /Run `/.test(JSON.stringify(message.blocks)));

describe('a failed run', () => {
  it('shows the failed step with its error, Edit and retry reopens the form filled in, Retry resumes on the same message', async () => {
    const { h } = e;
    const modal = await reviewWith(h, 'tiny', 'clash-svc', People.marcus.id);
    // Someone takes the name between the review and Create: publishing fails at run time.
    const taken = join(e.reposDir, 'acme', 'clash-svc.git');
    mkdirSync(taken, { recursive: true });
    await modal.submit({});
    const failed = await waitFor('the run to fail', () => {
      const message = progressOf('C0GENERAL', 'clash-svc');
      return isFailed(message) ? message : undefined;
    });
    const shown = JSON.stringify(failed.blocks);
    expect(shown).toMatch(/Publish/);
    expect(shown).toMatch(/already exists/);

    h.fake.clearCalls();
    await clickIn(h, failed, /Edit and retry/, People.marcus.id);
    await h.fake.waitForCall('views.open', undefined, 5000);
    const edit = h.fake.openModals().at(-1)!;
    expect(edit.callback_id).toBe(ViewCallbackIds.templatePage);
    expect(JSON.stringify(edit.blocks)).toContain('clash-svc');

    // The name is free again: Retry resumes at the failed step and finishes, editing the same message.
    rmSync(taken, { recursive: true, force: true });
    const postsBefore = postsIn(h, 'C0GENERAL').length;
    await clickIn(h, failed, /^Retry$/, People.marcus.id);
    const done = await waitFor('the retried run to finish', () => {
      const message = h.fake.messages('C0GENERAL').find((candidate) => candidate.ts === failed.ts);
      return isDone(message) ? message : undefined;
    });
    expect(JSON.stringify(done.blocks)).toContain('component:default/clash-svc');
    expect(postsIn(h, 'C0GENERAL')).toHaveLength(postsBefore);
  }, 60_000);
});

describe('approvals', () => {
  it('asks the approver group in its channel; a non-approver is refused privately; an approval runs it; everyone sees the decision', async () => {
    const { h } = e;
    const requester = MorePeople.grace.id;
    await createWith(h, 'guarded', 'guarded-svc', requester);
    const request = await waitFor('the approval request', () => postsIn(h, TeamChannels.checkout.id).at(-1));
    expect(JSON.stringify(request.blocks)).toMatch(/Approval needed/);
    expect(JSON.stringify(request.blocks)).toContain('guarded-svc');
    const progress = await waitFor('the progress message', () => progressOf('C0GENERAL', 'guarded'));
    expect(JSON.stringify(progress.blocks)).toMatch(/waiting for approval/);
    expect(h.slack.deps.scaffolder!.runs()[0]!.steps.every((step) => step.status === 'pending')).toBe(true);

    h.fake.clearCalls();
    await clickIn(h, request, /Approve/, People.stranger.id);
    const refusal = await h.fake.waitForCall('response_url', undefined, 5000);
    expect(refusal.body.response_type).toBe('ephemeral');
    expect(textOf(refusal.body)).toMatch(/only members of `group:default\/checkout-team`/i);
    expect(h.slack.deps.scaffolder!.runs()[0]!.status).toBe('awaiting-approval');

    await clickIn(h, request, /Approve/, People.sofia.id);
    await waitFor('the approved run to finish', () => {
      const message = h.fake.messages('C0GENERAL').find((candidate) => candidate.ts === progress.ts);
      return isDone(message) ? message : undefined;
    });
    const decided = h.fake.messages(TeamChannels.checkout.id).find((message) => message.ts === request.ts)!;
    expect(JSON.stringify(decided.blocks)).toMatch(/Approved by/);
    expect(JSON.stringify(decided.blocks)).not.toMatch(/scaffolder\.approve_run/);
    expect(repliesTo(h, request).map((reply) => reply.text)).toEqual([expect.stringMatching(/approved the run of/)]);
    expect(repliesTo(h, progress).map((reply) => reply.text)).toEqual([expect.stringMatching(/approved the run of/)]);
  }, 60_000);

  it('four eyes: an approver who asked for the run is told another approver must approve it; their Deny withdraws it', async () => {
    const { h } = e;
    const requester = People.sofia.id;
    await createWith(h, 'guarded', 'own-guarded-svc', requester);
    const request = await waitFor('the approval request', () =>
      postsIn(h, TeamChannels.checkout.id).find((message) => JSON.stringify(message.blocks).includes('own-guarded-svc')),
    );
    const run = h.slack.deps.scaffolder!.runs()[0]!;

    h.fake.clearCalls();
    await clickIn(h, request, /Approve/, requester);
    const refusal = await h.fake.waitForCall('response_url', undefined, 5000);
    expect(refusal.body.response_type).toBe('ephemeral');
    expect(textOf(refusal.body)).toMatch(/another member of `group:default\/checkout-team` must approve it/);
    expect(h.slack.deps.scaffolder!.run(run.id)).toMatchObject({ status: 'awaiting-approval', approvals: [] });

    await clickIn(h, request, /Deny/, requester);
    const denied = await h.slack.deps.scaffolder!.settled(run.id);
    expect(denied).toMatchObject({ status: 'denied', approvals: [{ decision: 'denied' }] });
    expect(denied.steps.every((step) => step.status === 'pending')).toBe(true);
  }, 60_000);
});

describe('who may run a template', () => {
  it('a template outside the person’s groups is absent from /create, and its id forged into a Choose click is refused', async () => {
    const { h } = e;
    const listed = await ask(h, '/create', 'restricted', People.marcus.id);
    expect(textOf(listed)).toMatch(/No template matching “restricted” that you may run/);
    const forged = {
      channel: 'C0GENERAL',
      ts: '1700000000.000900',
      user: 'UBOT',
      text: 'templates',
      blocks: [
        {
          type: 'actions',
          block_id: 'x',
          elements: [{ type: 'button', action_id: 'scaffolder.choose_template.0', text: { type: 'plain_text', text: 'Choose' }, value: Templates.restricted }],
        },
      ],
    };
    h.fake.clearCalls();
    await clickIn(h, forged, /Choose/, People.marcus.id);
    const refusal = await h.fake.waitForCall('response_url', undefined, 5000);
    expect(textOf(refusal.body)).toMatch(/restricted-service/);
    expect(h.fake.calls('views.open')).toEqual([]);
  });
});

describe('/callboard register', () => {
  it('is for Callboard admins only', async () => {
    const refused = await ask(e.h, '/callboard', 'register https://github.com/acme/something', People.sofia.id);
    expect(textOf(refused)).toMatch(/Only Callboard admins/);
  });

  it('refuses a path on the server even for an admin, pointing at `callboard register <path>` on the server', async () => {
    // The local Git host's repositories are folders on the server: registering one is for the CLI.
    const run = e.h.slack.deps.scaffolder!.runs().find((candidate) => candidate.status === 'succeeded' && candidate.output?.links[0]?.url);
    expect(run).toBeDefined();
    const path = run!.output!.links[0]!.url!;
    const before = e.h.slack.deps.registrar!.list().length;
    const answer = await ask(e.h, '/callboard', `register ${path}`, People.marcus.id);
    expect(textOf(answer)).toMatch(/path on the Callboard server/);
    expect(textOf(answer)).toContain(`callboard register ${path}`);
    expect(e.h.slack.deps.registrar!.list()).toHaveLength(before);
  });
});
