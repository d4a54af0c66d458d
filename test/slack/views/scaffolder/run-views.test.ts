import { describe, expect, it } from 'vitest';
import type { RunRecord, StepRecord } from '../../../../src/core/scaffolder/run-record.ts';
import type { TemplateSummary } from '../../../../src/scaffolder/scaffolder.ts';
import { ScaffolderActionIds } from '../../../../src/slack/ids.ts';
import { approvalDecidedView, approvalRequestView, decisionReplyView } from '../../../../src/slack/views/runs/approval-view.ts';
import { runProgressView } from '../../../../src/slack/views/runs/run-progress-view.ts';
import { runsListView } from '../../../../src/slack/views/runs/runs-list-view.ts';
import { templateListView } from '../../../../src/slack/views/runs/template-list-view.ts';
import { allMrkdwn, blockIds, expectMessageWithinLimits, expectNoInjectedControls, FIVE_KB, HOSTILE, HOSTILE_ESCAPED } from '../view-helpers.ts';

/** The run views (src/slack/views/runs/) held to the limits checker and the escaping rules with hostile values. */

const step = (id: string, status: StepRecord['status'], extra: Partial<StepRecord> = {}): StepRecord => ({
  id,
  name: `Step ${id}`,
  action: 'debug:log',
  status,
  log: [],
  ...extra,
});

const run = (extra: Partial<RunRecord> = {}): RunRecord => ({
  id: 'run-1',
  templateRef: 'template:default/ts-service',
  templateTitle: 'TypeScript service',
  createdBy: 'user:default/sofia.marquez',
  createdAt: '2026-12-06T04:00:00.000Z',
  status: 'running',
  values: { name: 'payments', description: HOSTILE },
  steps: [step('fetch', 'done', { durationMs: 1234 }), step('publish', 'running'), step('register', 'pending')],
  approvals: [],
  dryRun: false,
  ...extra,
});

describe('runProgressView', () => {
  it('shows each step with its status and duration, and no buttons while running', () => {
    const message = runProgressView(run());
    expectMessageWithinLimits(message);
    const text = allMrkdwn(message);
    expect(text).toContain(':white_check_mark: Step fetch `debug:log` (1.2 s)');
    expect(text).toContain(':hourglass_flowing_sand: Step publish');
    expect(text).toContain(':white_circle: Step register');
    expect(JSON.stringify(message)).not.toContain(ScaffolderActionIds.retryRun);
  });

  it('on failure: the error, the last log lines, Retry and Edit and retry; everything escaped', () => {
    const log = Array.from({ length: 50 }, (_, i) => `line ${i} ${HOSTILE}`);
    const message = runProgressView(
      run({ status: 'failed', steps: [step('fetch', 'done', { durationMs: 5 }), step('publish', 'failed', { error: HOSTILE, log })] }),
    );
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    const text = allMrkdwn(message);
    expect(text).toContain(HOSTILE_ESCAPED);
    expect(text).toContain('line 49');
    expect(text).not.toContain('line 0 ');
    expect(JSON.stringify(message)).toContain(ScaffolderActionIds.retryRun);
    expect(JSON.stringify(message)).toContain(ScaffolderActionIds.editAndRetry);
  });

  it('at the end: output links and text; hundreds of steps still fit', () => {
    const done = run({
      status: 'succeeded',
      steps: Array.from({ length: 300 }, (_, i) => step(`s${i}`, 'done', { durationMs: i })),
      output: { links: [{ title: HOSTILE, url: 'https://github.com/acme/payments' }], text: [{ title: 'Next', content: FIVE_KB }] },
      entityRef: 'component:default/payments',
    });
    const message = runProgressView(done);
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain('<https://github.com/acme/payments|');
    expect(allMrkdwn(message)).toContain('/owner component:default/payments');
  });
});

describe('approval views', () => {
  const context = { approvers: ['group:default/platform-team'], requesterSlackId: 'U0SOFIA' };
  it('the request lists values and steps with Approve and Deny, escaped', () => {
    const message = approvalRequestView(run({ status: 'awaiting-approval' }), context);
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message, ['U0SOFIA']);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    const json = JSON.stringify(message);
    expect(json).toContain(ScaffolderActionIds.approveRun);
    expect(json).toContain(ScaffolderActionIds.denyRun);
  });

  it('a decision replaces the buttons and is told in the thread', () => {
    const decision = { by: 'user:default/lena.fischer', decision: 'denied' as const, at: '2026-12-06T04:05:00.000Z', comment: HOSTILE };
    for (const message of [
      approvalDecidedView(run({ status: 'denied' }), context, decision, 'U0LENA'),
      decisionReplyView(run({ status: 'denied' }), decision, 'U0LENA'),
    ]) {
      expectMessageWithinLimits(message);
      expectNoInjectedControls(message, ['U0SOFIA', 'U0LENA']);
      expect(JSON.stringify(message)).not.toContain(ScaffolderActionIds.approveRun);
    }
  });
});

describe('lists', () => {
  it('the template list: a Choose button per runnable template, and a count of the rest when long', () => {
    const templates: TemplateSummary[] = Array.from({ length: 60 }, (_, i) => ({
      ref: `template:default/t-${i}`,
      title: `${HOSTILE} ${i}`,
      description: FIVE_KB,
      type: 'service',
      owner: 'group:default/platform-team',
      tags: ['typescript'],
      canRun: true,
      problems: [],
      needsApproval: false,
    }));
    const message = templateListView(templates, 'service');
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toMatch(/more/);
    expect(new Set(blockIds(message.blocks as Array<{ block_id?: string }>)).size).toBe(message.blocks.length);
  });

  it('the runs list fits with many runs and escapes values', () => {
    const message = runsListView(Array.from({ length: 200 }, (_, i) => run({ id: `run-${i}`, status: i % 2 ? 'failed' : 'succeeded' })));
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
  });
});
