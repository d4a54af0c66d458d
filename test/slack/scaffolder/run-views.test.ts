import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/core/scaffolder/run-record.ts';
import { createMessageRenderer } from '../../../src/scaffolder/messages/create-message-renderer.ts';
import { runMessageData } from '../../../src/scaffolder/messages/run-message-data.ts';
import type { TemplateSummary } from '../../../src/scaffolder/scaffolder.ts';
import { ScaffolderActionIds } from '../../../src/slack/ids.ts';
import { approvalDecidedView, approvalRequestView, decisionReplyView } from '../../../src/slack/views/runs/approval-view.ts';
import { runProgressView } from '../../../src/slack/views/runs/run-progress-view.ts';
import { registeredView, runsListView } from '../../../src/slack/views/runs/runs-list-view.ts';
import { templateListView } from '../../../src/slack/views/runs/template-list-view.ts';
import { allMrkdwn, blockIds, expectMessageWithinLimits, expectNoInjectedControls, FIVE_KB, HOSTILE } from '../views/view-helpers.ts';

const run = (overrides: Partial<RunRecord> = {}): RunRecord => ({
  id: 'run-1',
  templateRef: 'template:default/service',
  templateTitle: `Service ${HOSTILE}`,
  createdBy: 'slack:U0MARCUS',
  createdAt: '2026-12-06T05:00:00.000Z',
  status: 'running',
  values: { name: HOSTILE, description: FIVE_KB, nested: { a: [1, 2] } },
  steps: [
    { id: 'fetch', name: `Fetch ${HOSTILE}`, action: 'fetch:template', status: 'done', durationMs: 850, log: [] },
    { id: 'publish', name: 'Publish', action: 'publish:github', status: 'running', log: [] },
    { id: 'register', name: 'Register', action: 'catalog:register', status: 'pending', log: [] },
  ],
  approvals: [],
  dryRun: false,
  ...overrides,
});

const failed = run({
  status: 'failed',
  steps: [
    { id: 'fetch', name: 'Fetch', action: 'fetch:template', status: 'done', durationMs: 850, log: [] },
    {
      id: 'publish',
      name: 'Publish',
      action: 'publish:github',
      status: 'failed',
      error: `acme/x exists ${HOSTILE}`,
      log: Array.from({ length: 60 }, (_, i) => `line ${i} ${HOSTILE} \`\`\``),
    },
  ],
});

const succeeded = run({
  status: 'succeeded',
  finishedAt: '2026-12-06T05:00:04.000Z',
  entityRef: 'component:default/svc',
  steps: run().steps.map((step) => ({ ...step, status: 'done', durationMs: 1000 })),
  output: {
    links: [
      { title: `Repo ${HOSTILE}`, url: 'https://github.com/acme/svc' },
      { title: 'Evil', url: 'javascript:alert(1)' },
      { title: 'Open in catalog', entityRef: 'component:default/svc' },
    ],
    text: [{ title: 'Next', content: `Run ${HOSTILE}` }],
  },
});

const renderer = createMessageRenderer();

describe('run progress message', () => {
  it.each([
    ['running', run()],
    ['failed', failed],
    ['succeeded', succeeded],
    ['awaiting approval', run({ status: 'awaiting-approval', steps: run().steps.map((step) => ({ ...step, status: 'pending' })) })],
  ])('%s: within Slack limits, hostile text shown not sent, only the requester mentioned', (_name, record) => {
    for (const message of [
      runProgressView(record, { slackUserId: 'U0MARCUS', approvers: ['group:default/platform-team'] }),
      runProgressView(record, {
        slackUserId: 'U0MARCUS',
        rendered: renderer.renderMessage(
          record.status === 'failed' ? 'run-failed' : record.status === 'succeeded' ? 'run-result' : 'run-progress',
          runMessageData({ run: record, slackUserId: 'U0MARCUS' }),
        ),
      }),
    ]) {
      expectMessageWithinLimits(message);
      expectNoInjectedControls(message, ['U0MARCUS']);
    }
  });

  it('a failure shows the step, its error and the last ten log lines, with Retry and Edit and retry', () => {
    const message = runProgressView(failed);
    const text = allMrkdwn(message);
    expect(text).toContain('Step “Publish” failed');
    expect(text).toContain('line 59');
    expect(text).not.toContain('line 49 ');
    expect(JSON.stringify(message.blocks)).toContain(ScaffolderActionIds.retryRun);
    expect(JSON.stringify(message.blocks)).toContain(ScaffolderActionIds.editAndRetry);
  });

  it('the end: the links (unsafe URLs as plain text) and the new entity as the /owner question that answers it', () => {
    const text = allMrkdwn(runProgressView(succeeded));
    expect(text).toContain('<https://github.com/acme/svc|Repo &lt;!channel&gt;');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('`/owner component:default/svc`');
    expect(runProgressView(succeeded).blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('with a message template, its words replace the status line, and the steps stay', () => {
    const rendered = renderer.renderMessage('run-progress', runMessageData({ run: run(), slackUserId: 'U0MARCUS' }));
    const message = runProgressView(run(), { rendered });
    expect(allMrkdwn(message)).toContain('1 of 3 steps done');
    expect(blockIds(message.blocks)).toContain('scaffolder.run.steps.0');
  });
});

describe('approval messages', () => {
  const waiting = run({ status: 'awaiting-approval' });
  const decision = { by: 'user:default/lena.fischer', decision: 'approved' as const, at: '2026-12-06T05:01:00.000Z' };

  it('the request lists values and steps with Approve and Deny; decided, it loses the buttons', () => {
    const context = { approvers: ['group:default/checkout-team'], requesterSlackId: 'U0MARCUS' };
    const request = approvalRequestView(waiting, context);
    const decided = approvalDecidedView(waiting, context, decision, 'U0LENA');
    const reply = decisionReplyView(waiting, decision, 'U0LENA');
    for (const message of [
      request,
      decided,
      reply,
      approvalRequestView(waiting, {
        ...context,
        rendered: renderer.renderMessage('approval-request', runMessageData({ run: waiting, slackUserId: 'U0MARCUS', approvers: context.approvers })),
      }),
    ]) {
      expectMessageWithinLimits(message);
      expectNoInjectedControls(message, ['U0MARCUS', 'U0LENA']);
    }
    expect(JSON.stringify(request.blocks)).toContain(ScaffolderActionIds.approveRun);
    expect(JSON.stringify(decided.blocks)).not.toContain(ScaffolderActionIds.approveRun);
    expect(reply.text).toMatch(/Approved by <@U0LENA>.*starts now/);
  });
});

describe('lists', () => {
  const summary = (n: number): TemplateSummary => ({
    ref: `template:default/t${n}`,
    title: `Template ${n} ${HOSTILE}`,
    description: FIVE_KB,
    type: 'service',
    owner: 'group:default/platform-team',
    tags: ['a', 'b'],
    canRun: n % 5 !== 0,
    problems: n % 5 === 0 ? ([{ severity: 'error', message: `unknown action ${HOSTILE}`, file: 'x', line: 1, column: 1 }] as never) : [],
    needsApproval: n % 3 === 0,
  });

  it('/create with many templates: within limits, one Choose per runnable template with its own action id', () => {
    const message = templateListView(
      Array.from({ length: 40 }, (_, i) => summary(i + 1)),
      HOSTILE,
    );
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    const buttons = JSON.stringify(message.blocks).match(/scaffolder\.choose_template\.\d+/g) ?? [];
    expect(new Set(buttons).size).toBe(buttons.length);
    expect(allMrkdwn(message)).toMatch(/more templates?/);
    expect(allMrkdwn(message)).toContain('Cannot run: unknown action');
  });

  it('/callboard runs and /callboard register', () => {
    const runs = Array.from({ length: 30 }, (_, i) => run({ id: `run-${i}`, status: i % 2 ? 'failed' : 'succeeded', output: succeeded.output! }));
    for (const message of [
      runsListView(runs),
      runsListView([]),
      registeredView({
        source: { id: 'registered:1', url: `https://x/${HOSTILE}`, type: 'git', registeredBy: 'x', registeredAt: 'y' },
        entityRefs: ['component:default/a'],
        created: true,
      }),
    ]) {
      expectMessageWithinLimits(message);
      // Who ran it is named as a mention: the list is private, and an ephemeral mention notifies nobody.
      expectNoInjectedControls(message, ['U0MARCUS']);
    }
  });
});
