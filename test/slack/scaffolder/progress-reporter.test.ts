import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/core/scaffolder/run-record.ts';
import { ProgressReporter } from '../../../src/slack/listeners/scaffolder/progress-reporter.ts';
import { runProgressView } from '../../../src/slack/views/runs/run-progress-view.ts';
import { silentLog } from '../helpers/catalog-fixture.ts';
import { recordingClient } from './listener-kit.ts';

const run = (status: RunRecord['status'], done: number, id = 'run-1'): RunRecord => ({
  id,
  templateRef: 'template:default/service',
  templateTitle: 'Service',
  createdBy: 'slack:U0MARCUS',
  createdAt: '2026-12-06T05:00:00.000Z',
  status,
  values: { name: 'svc' },
  steps: ['fetch', 'publish', 'register'].map((step, index) => ({
    id: step,
    name: step,
    action: `x:${step}`,
    status: index < done ? 'done' : 'pending',
    log: [],
  })),
  approvals: [],
  dryRun: false,
});

const reporter = (minIntervalMs = 0) =>
  new ProgressReporter({ render: (r, target) => runProgressView(r, { slackUserId: target.userId }), log: silentLog, minIntervalMs });

describe('ProgressReporter', () => {
  it('posts the first state, then edits that message; states reported while a call is in flight collapse to the newest', async () => {
    const slack = recordingClient();
    const progress = reporter();
    const listener = progress.listenerFor(slack.client, { channel: 'C0GENERAL', userId: 'U0MARCUS' });
    void listener(run('running', 0));
    void listener(run('running', 1));
    void listener(run('running', 2));
    void listener(run('succeeded', 3));
    await progress.idle('run-1');
    const posts = slack.called('chat.postMessage');
    const updates = slack.called('chat.update');
    expect(posts).toHaveLength(1);
    // The three later states arrived while the post was in flight: only the newest is sent.
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ channel: 'C0GENERAL', ts: '1700000000.000001' });
    expect(JSON.stringify(updates[0]!.args.blocks)).toContain('Done');
  });

  it('waits between two edits of one message when asked (chat.update is rate limited)', async () => {
    const slack = recordingClient();
    const progress = reporter(120);
    const listener = progress.listenerFor(slack.client, { channel: 'C0GENERAL', userId: 'U0MARCUS' });
    const started = Date.now();
    void listener(run('running', 0));
    await progress.idle('run-1');
    void listener(run('running', 1));
    await progress.idle('run-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(slack.called('chat.update')).toHaveLength(1);
  });

  it('posts in the requester DM when the app may not post in the channel, and edits it there', async () => {
    const slack = recordingClient({ C0PRIVATE: 'not_in_channel' });
    const progress = reporter();
    const listener = progress.listenerFor(slack.client, { channel: 'C0PRIVATE', userId: 'U0MARCUS' });
    void listener(run('running', 0));
    await progress.idle('run-1');
    void listener(run('failed', 1));
    await progress.idle('run-1');
    expect(slack.called('chat.postMessage').map((call) => call.args.channel)).toEqual(['C0PRIVATE', 'U0MARCUS']);
    expect(slack.called('chat.update')[0]!.args.channel).toBe('D0MARCUS');
    expect(progress.postedMessage('run-1')).toEqual({ channel: 'D0MARCUS', ts: '1700000000.000001' });
  });

  it('a Slack failure is logged and never reaches the run', async () => {
    const slack = recordingClient({ U0GONE: 'user_not_found' });
    const progress = reporter();
    const listener = progress.listenerFor(slack.client, { userId: 'U0GONE' });
    expect(() => listener(run('running', 0))).not.toThrow();
    await progress.idle('run-1');
    expect(progress.postedMessage('run-1')).toBeUndefined();
  });

  it('showIfNew never sends an older state over what the listener reported', async () => {
    const slack = recordingClient();
    const progress = reporter();
    const target = { channel: 'C0GENERAL', userId: 'U0MARCUS' };
    void progress.listenerFor(slack.client, target)(run('running', 2));
    progress.showIfNew(slack.client, run('running', 0), target);
    await progress.idle('run-1');
    expect(slack.calls).toHaveLength(1);
    expect(JSON.stringify(slack.calls[0]!.args.blocks).match(/white_check_mark/g)).toHaveLength(2);
  });

  it('adopts a message posted before a restart: a retry edits it instead of posting anew', async () => {
    const slack = recordingClient();
    const progress = reporter();
    progress.adopt(slack.client, 'run-7', { channel: 'C0GENERAL', ts: '1699999999.000001' }, { channel: 'C0GENERAL', userId: 'U0MARCUS' });
    void progress.listenerFor(slack.client, { channel: 'C0GENERAL', userId: 'U0MARCUS' })(run('running', 1, 'run-7'));
    await progress.idle('run-7');
    expect(slack.called('chat.postMessage')).toEqual([]);
    expect(slack.called('chat.update')[0]!.args).toMatchObject({ channel: 'C0GENERAL', ts: '1699999999.000001' });
  });
});

describe('ProgressReporter memory', () => {
  it('forgets a message quiet for a day; a later change of that run posts anew unless its message is adopted', async () => {
    let now = Date.parse('2026-12-06T05:00:00Z');
    const slack = recordingClient();
    const progress = new ProgressReporter({ render: (r) => runProgressView(r), log: silentLog, minIntervalMs: 0, now: () => now });
    const target = { channel: 'C0GENERAL', userId: 'U0MARCUS' };
    progress.report(slack.client, run('failed', 1), target);
    await progress.idle('run-1');
    now += 25 * 3_600_000;
    progress.report(slack.client, run('running', 0, 'run-2'), target);
    await progress.idle('run-2');
    expect(progress.postedMessage('run-1')).toBeUndefined();
    expect(progress.postedMessage('run-2')).toBeDefined();
  });
});

describe('ProgressReporter across a restart', () => {
  it('says where each message was posted, and shows a run the restart failed on its known message', async () => {
    const slack = recordingClient();
    const posted: Array<[string, unknown]> = [];
    const progress = new ProgressReporter({
      render: (r) => runProgressView(r),
      log: silentLog,
      minIntervalMs: 0,
      onPosted: (id, where) => posted.push([id, where]),
    });
    progress.report(slack.client, run('running', 1), { channel: 'C0GENERAL', userId: 'U0MARCUS' });
    await progress.idle('run-1');
    expect(posted).toEqual([['run-1', { channel: 'C0GENERAL', ts: '1700000000.000001' }]]);

    const restarted = new ProgressReporter({ render: (r) => runProgressView(r), log: silentLog, minIntervalMs: 0 });
    const interrupted = {
      ...run('failed', 1, 'run-9'),
      error: 'Callboard restarted during this step',
      slack: { channel: 'C0GENERAL', ts: '1699999999.000009' },
    };
    restarted.reportRecovered(slack.client, [interrupted, { ...run('failed', 1, 'run-10') }]);
    await restarted.idle('run-9');
    const update = slack.called('chat.update').at(-1)!.args;
    expect(update).toMatchObject({ channel: 'C0GENERAL', ts: '1699999999.000009' });
    expect(JSON.stringify(update.blocks)).toContain('scaffolder.retry_run');
    expect(slack.called('chat.postMessage')).toHaveLength(1);
  });
});
