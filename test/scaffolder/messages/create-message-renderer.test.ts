import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/core/scaffolder/run-record.ts';
import { createMessageRenderer } from '../../../src/scaffolder/messages/create-message-renderer.ts';
import { formatDuration } from '../../../src/scaffolder/messages/message-helpers.ts';
import { runMessageData } from '../../../src/scaffolder/messages/run-message-data.ts';

const baseRun: RunRecord = {
  id: 'run-1',
  templateRef: 'template:default/service',
  templateTitle: 'TypeScript service',
  createdBy: 'user:default/alice',
  createdAt: '2026-12-06T10:00:00.000Z',
  status: 'running',
  values: { name: 'checkout', owner: 'group:default/payments' },
  steps: [
    { id: 'fetch', name: 'Fetch skeleton', action: 'fetch:template', status: 'done', durationMs: 120, log: [] },
    { id: 'publish', name: 'Publish', action: 'publish:github', status: 'running', log: [] },
    { id: 'register', name: 'Register', action: 'catalog:register', status: 'pending', log: [] },
  ],
  approvals: [],
  dryRun: false,
};

const overrideFile = (content: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'callboard-messages-')), 'message.hbs');
  writeFileSync(path, content);
  return path;
};

describe('createMessageRenderer', () => {
  const renderer = createMessageRenderer();

  it('renders the shipped run-progress, run-result and run-failed messages', () => {
    expect(renderer.renderMessage('run-progress', runMessageData({ run: baseRun, slackUserId: 'UALICE1' }))).toBe(
      '*TypeScript service* is running: Publish (1 of 3 steps done), started by <@UALICE1>.',
    );
    const succeeded: RunRecord = {
      ...baseRun,
      status: 'succeeded',
      finishedAt: '2026-12-06T10:00:04.200Z',
      entityRef: 'Component:default/checkout',
      output: {
        links: [
          { title: 'Repository', url: 'https://github.com/acme/checkout' },
          { title: 'In the catalog', entityRef: 'Component:default/checkout' },
        ],
        text: [],
      },
    };
    expect(renderer.renderMessage('run-result', runMessageData({ run: succeeded }))).toBe(
      [
        '*TypeScript service* is done in 4.2 s.',
        '`Component:default/checkout` is in the catalog already: try `/owner` checkout.',
        '• <https://github.com/acme/checkout|Repository>',
        '• In the catalog (`Component:default/checkout`)',
      ].join('\n'),
    );
    const failed: RunRecord = {
      ...baseRun,
      status: 'failed',
      steps: [{ ...baseRun.steps[1]!, status: 'failed', error: 'github said 422', log: ['creating acme/checkout'] }],
    };
    expect(renderer.renderMessage('run-failed', runMessageData({ run: failed }))).toBe(
      '*TypeScript service* failed at step “Publish”: github said 422\n*Retry* resumes at that step (finished steps are not redone); *Edit and retry* starts again with your values.',
    );
  });

  it('renders the approval request with the values, and the decision', () => {
    const waiting: RunRecord = { ...baseRun, status: 'awaiting-approval' };
    expect(
      renderer.renderMessage('approval-request', runMessageData({ run: waiting, slackUserId: 'UALICE1', approvers: ['group:default/platform-team'] })),
    ).toBe(
      [
        '<@UALICE1> asks to run *TypeScript service* (`template:default/service`). A member of group:default/platform-team may approve or deny it; nothing runs before that.',
        '• name: checkout',
        '• owner: group:default/payments',
      ].join('\n'),
    );
    const decided: RunRecord = {
      ...waiting,
      approvals: [{ by: 'user:default/carol', decision: 'denied', at: '2026-12-06T10:01:00.000Z', comment: 'not this week' }],
    };
    expect(renderer.renderMessage('approval-decision', runMessageData({ run: decided }))).toBe(
      'user:default/carol denied the run of *TypeScript service*: not this week.',
    );
  });

  it('escapes mrkdwn in every value, so <!channel>, a fake link or a mention in a value cannot ping or inject', () => {
    const hostile: RunRecord = {
      ...baseRun,
      templateTitle: '<!channel> & <https://evil.example|click>',
      status: 'awaiting-approval',
      values: { name: '<!here> <@U0ADMIN>' },
    };
    const text = renderer.renderMessage('approval-request', runMessageData({ run: hostile, slackUserId: '<!channel>', approvers: ['<!everyone>'] }));
    expect(text).not.toMatch(/<!|<@|<https/);
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(text).toContain('• name: &lt;!here&gt; &lt;@U0ADMIN&gt;');
    const triple = createMessageRenderer({ 'run-progress': overrideFile('{{{run.templateTitle}}} {{link "javascript:alert(1)" "x"}}') });
    expect(triple.renderMessage('run-progress', runMessageData({ run: hostile }))).toBe('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; x');
  });

  it('replaces one message by name with an override file, keeping the others', () => {
    const custom = createMessageRenderer({
      'run-result': overrideFile('Done: {{run.templateTitle}} after {{duration run.durationMs}} ({{status run.status}})'),
    });
    const succeeded: RunRecord = { ...baseRun, status: 'succeeded', finishedAt: '2026-12-06T10:03:05.000Z' };
    expect(custom.renderMessage('run-result', runMessageData({ run: succeeded }))).toBe('Done: TypeScript service after 3 min 5 s (done)');
    expect(custom.renderMessage('run-progress', runMessageData({ run: baseRun }))).toContain('is running: Publish');
  });

  it('fails at start-up on a missing or broken override, an unknown helper, or an unknown name, naming the config key', () => {
    expect(() => createMessageRenderer({ 'run-failed': '/nonexistent/run-failed.hbs' })).toThrow(
      /^scaffolder\.messages\.run-failed: cannot read \/nonexistent\/run-failed\.hbs \(ENOENT\)/,
    );
    expect(() => createMessageRenderer({ 'run-failed': overrideFile('{{#if run.error}}unclosed') })).toThrow(
      /^scaffolder\.messages\.run-failed: .* is not a usable handlebars template/,
    );
    expect(() => createMessageRenderer({ 'run-progress': overrideFile('{{shout run.templateTitle}}') })).toThrow(
      /scaffolder\.messages\.run-progress: .*unknown helper shout/,
    );
    expect(() => createMessageRenderer({ 'run-sucess': overrideFile('x') })).toThrow(
      /scaffolder\.messages\.run-sucess: Callboard sends no message called run-sucess; the names are run-progress, run-result/,
    );
  });

  it('formats durations for people', () => {
    expect([0, 850, 1000, 4210, 60_000, 185_000, Number.NaN, -1].map(formatDuration)).toEqual(['0 ms', '850 ms', '1 s', '4.2 s', '1 min', '3 min 5 s', '', '']);
  });
});
