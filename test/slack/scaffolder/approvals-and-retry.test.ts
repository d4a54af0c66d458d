import type { ViewOutput } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { decideRunAction } from '../../../src/slack/listeners/scaffolder/approval-actions.ts';
import { reviewSubmission } from '../../../src/slack/listeners/scaffolder/review-submission.ts';
import { chooseTemplateAction, editAndRetryAction, retryRunAction } from '../../../src/slack/listeners/scaffolder/run-actions.ts';
import { sessionMetadata } from '../../../src/slack/listeners/scaffolder/form-sessions.ts';
import { ScaffolderActionIds, ViewCallbackIds } from '../../../src/slack/ids.ts';
import type { SlackDeps } from '../../../src/slack/slack-deps.ts';
import { openExampleCatalog, People } from '../helpers/catalog-fixture.ts';
import { recorder } from '../helpers/recorder.ts';
import { definition } from './fake-scaffolder.ts';
import { ackRecorder, button, recordingClient, scaffolderDeps } from './listener-kit.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const GUARDED = definition('guarded', { approvers: ['group:default/checkout-team'] });
const MARCUS = 'user:default/marcus.oyelaran';

/** Create on a review the test sets up directly: the session as the form would have left it. */
const createRun = async (deps: SlackDeps, client: never, templateRef: string, userId: string = People.sofia.id) => {
  const session = deps.scaffolding.forms.start({
    templateRef,
    requester: { userRef: 'user:default/sofia.marquez', slackUserId: userId, fallbackId: `slack:${userId}` },
    channel: 'C0GENERAL',
    values: { name: 'svc', token: 's3cret' },
    page: 3,
  });
  const view = { id: `V-${session.id}`, hash: 'h', private_metadata: sessionMetadata(session), state: { values: {} } } as unknown as ViewOutput;
  await reviewSubmission(deps)({ ack: ackRecorder().ack as never, body: { user: { id: userId } }, view, client });
};

/** A click on a message button, as Bolt passes it (channel, message, response_url). */
const click = (actionId: string, value: string, userId: string, client: never, respond = recorder().respond) => ({
  ack: async () => undefined,
  action: button(actionId, value),
  body: {
    user: { id: userId },
    trigger_id: 'T2',
    response_url: 'https://hooks.slack.test/r',
    channel: { id: 'C0CHECKOUT' },
    message: { ts: '1700000000.000002' },
  },
  respond,
  client,
});

describe('approvals', () => {
  it('a run that needs approval asks the group in its channel, starts nothing, and names the approvers', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [GUARDED], { approvers: [MARCUS] });
    const slack = recordingClient();
    await createRun(deps, slack.client, GUARDED.ref);
    await deps.scaffolding.progress.idle('run-1');
    const posts = slack.called('chat.postMessage');
    expect(posts.map((call) => call.args.channel)).toEqual(['C0GENERAL', 'C0CHECKOUT']);
    expect(JSON.stringify(posts[0]!.args.blocks)).toContain('Waiting for approval');
    expect(JSON.stringify(posts[1]!.args.blocks)).toContain(ScaffolderActionIds.approveRun);
    // What was stored (the fake drops the secret as the real scaffolder does) is what approvers see.
    expect(JSON.stringify(posts[1]!.args.blocks)).not.toContain('s3cret');
    expect(fake.runs.get('run-1')!.status).toBe('awaiting-approval');
  });

  it('the group members get DMs when the app cannot post in the group channel', async () => {
    const { deps } = scaffolderDeps(runtime, [GUARDED], { approvers: [MARCUS] });
    const slack = recordingClient({ C0CHECKOUT: 'not_in_channel' });
    await createRun(deps, slack.client, GUARDED.ref);
    const channels = slack.called('chat.postMessage').map((call) => call.args.channel);
    expect(channels).toEqual(expect.arrayContaining([People.marcus.id, People.sofia.id]));
  });

  it('an approver group Callboard cannot reach (no channel it knows, no member in Slack) is named to the requester in the run thread', async () => {
    const UNREACHABLE = definition('unreachable', { approvers: ['group:default/identity-team'] });
    const { deps } = scaffolderDeps(runtime, [UNREACHABLE], { approvers: [MARCUS] });
    const slack = recordingClient();
    await createRun(deps, slack.client, UNREACHABLE.ref);
    const notice = slack.called('chat.postMessage').find((call) => call.args.thread_ts);
    expect(notice?.args.channel).toBe('C0GENERAL');
    expect(notice?.args.text).toMatch(/could not ask `group:default\/identity-team` for approval/);
  });

  it('someone outside the approver groups is refused privately, and nothing changes', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [GUARDED], { approvers: [MARCUS] });
    const slack = recordingClient();
    await createRun(deps, slack.client, GUARDED.ref);
    const r = recorder();
    await decideRunAction(deps, 'approved')(click(ScaffolderActionIds.approveRun, 'run-1', People.stranger.id, slack.client, r.respond) as never);
    expect(r.last().text).toMatch(/only members of `group:default\/checkout-team` can approve/i);
    expect(r.last().response_type).toBe('ephemeral');
    expect(fake.runs.get('run-1')!.status).toBe('awaiting-approval');
  });

  it('Approve: the run starts, the request loses its buttons, and the decision is in the request and progress threads', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [GUARDED], { approvers: [MARCUS] });
    const slack = recordingClient();
    await createRun(deps, slack.client, GUARDED.ref);
    slack.calls.length = 0;
    await decideRunAction(deps, 'approved')(click(ScaffolderActionIds.approveRun, 'run-1', People.marcus.id, slack.client) as never);
    expect(fake.calls).toContain(`decide run-1 approved ${MARCUS}`);
    const updates = slack.called('chat.update');
    expect(updates.some((call) => call.args.channel === 'C0CHECKOUT' && !JSON.stringify(call.args.blocks).includes(ScaffolderActionIds.approveRun))).toBe(true);
    const replies = slack.called('chat.postMessage').filter((call) => call.args.thread_ts);
    expect(replies.map((call) => call.args.channel).sort()).toEqual(['C0CHECKOUT', 'C0GENERAL']);
    expect(JSON.stringify(replies[0]!.args.blocks)).toContain('Approved by');
    expect(updates.some((call) => call.args.channel === 'C0GENERAL' && JSON.stringify(call.args.blocks).includes('Running'))).toBe(true);
  });

  it('Deny ends the run; a second decision is refused as already decided', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [GUARDED], { approvers: [MARCUS] });
    const slack = recordingClient();
    await createRun(deps, slack.client, GUARDED.ref);
    await decideRunAction(deps, 'denied')(click(ScaffolderActionIds.denyRun, 'run-1', People.marcus.id, slack.client) as never);
    expect(fake.runs.get('run-1')!.status).toBe('denied');
    const r = recorder();
    await decideRunAction(deps, 'approved')(click(ScaffolderActionIds.approveRun, 'run-1', People.marcus.id, slack.client, r.respond) as never);
    expect(r.last().text).toMatch(/already denied/);
  });
});

describe('failure, Retry, Edit and retry, refusals', () => {
  it('a failed run shows its error and log with Retry; Retry resumes it on the same message', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [definition('service')], { failAt: 'publish' });
    const slack = recordingClient();
    await createRun(deps, slack.client, 'template:default/service');
    await fake.advance('run-1');
    await deps.scaffolding.progress.idle('run-1');
    const failed = slack.called('chat.update').at(-1)!.args;
    const text = JSON.stringify(failed.blocks);
    expect(text).toContain('Repository acme/new already exists');
    expect(text).toContain('HTTP 422 &lt;!channel&gt;');
    expect(text).toContain(ScaffolderActionIds.retryRun);
    expect(text).toContain(ScaffolderActionIds.editAndRetry);
    const posted = slack.called('chat.postMessage')[0]!;
    await retryRunAction(deps)({
      ...click(ScaffolderActionIds.retryRun, 'run-1', People.sofia.id, slack.client),
      body: { user: { id: People.sofia.id }, channel: { id: 'C0GENERAL' }, message: { ts: String(posted.args.ts ?? '1700000000.000001') } },
    } as never);
    expect(fake.calls).toContain('retry run-1');
    await fake.advance('run-1');
    await deps.scaffolding.progress.idle('run-1');
    expect(slack.called('chat.postMessage')).toHaveLength(1);
    expect(JSON.stringify(slack.called('chat.update').at(-1)!.args.blocks)).toContain('Done');
  });

  it('Edit and retry reopens the form filled with the run values; secrets come back empty', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [definition('service')], { failAt: 'publish' });
    const slack = recordingClient();
    await createRun(deps, slack.client, 'template:default/service');
    await fake.advance('run-1');
    await editAndRetryAction(deps)(click(ScaffolderActionIds.editAndRetry, 'run-1', People.sofia.id, slack.client) as never);
    const modal = slack.called('views.open')[0]!.args.view as {
      callback_id: string;
      blocks: Array<{ block_id?: string; element?: { initial_value?: string } }>;
    };
    expect(modal.callback_id).toBe(ViewCallbackIds.templatePage);
    expect(modal.blocks.find((block) => block.block_id === 'name')?.element?.initial_value).toBe('svc');
    expect(JSON.stringify(modal)).not.toContain('s3cret');
  });

  it('a forged template id in a Choose click gets a clear refusal, not a form', async () => {
    const { deps } = scaffolderDeps(runtime, [definition('service')], { allowed: { 'template:default/service': ['user:default/lena.fischer'] } });
    const slack = recordingClient();
    const r = recorder();
    await chooseTemplateAction(deps)(
      click(`${ScaffolderActionIds.chooseTemplate}.0`, 'template:default/service', People.marcus.id, slack.client, r.respond) as never,
    );
    expect(slack.called('views.open')).toEqual([]);
    expect(r.last().text).toMatch(/You may not run template:default\/service/);
  });

  it('Retry by someone the scaffolder refuses, or of a run not failed, says why privately', async () => {
    const { deps } = scaffolderDeps(runtime, [definition('service')]);
    const slack = recordingClient();
    await createRun(deps, slack.client, 'template:default/service');
    const r = recorder();
    await retryRunAction(deps)(click(ScaffolderActionIds.retryRun, 'run-1', People.sofia.id, slack.client, r.respond) as never);
    expect(r.last().text).toMatch(/is running, not failed/);
  });
});
