import { ConflictError, InvalidInputError, NotFoundError, PermissionError } from '../../../src/core/errors.ts';
import type { RunRecord, StepRecord } from '../../../src/core/scaffolder/run-record.ts';
import type { TemplateDefinition } from '../../../src/core/scaffolder/template-definition.ts';
import type { Requester, RunListener, RunPreview, RunRequest, Scaffolder, TemplateSummary } from '../../../src/scaffolder/scaffolder.ts';

/**
 * A Scaffolder in memory for the listener tests: templates given by the test, runs that step through their
 * steps on demand (`advance`), permission by a user list per template, approvers by a user list. Every call is
 * recorded; nothing else is faked.
 */

export const definition = (name: string, overrides: Partial<TemplateDefinition> = {}): TemplateDefinition => ({
  ref: `template:default/${name}`,
  name,
  title: `Template ${name}`,
  tags: [],
  type: 'service',
  pages: [
    { title: 'About', required: ['name'], properties: { name: { type: 'string', title: 'Name', pattern: '^[a-z-]+$' } } },
    { title: 'Extras', when: '${{ parameters.name == "with-extras" }}', properties: { extra: { type: 'string', title: 'Extra' } } },
    { title: 'Where', properties: { owner: { type: 'string', title: 'Owner' } } },
  ],
  steps: [
    { id: 'fetch', idWritten: true, name: 'Fetch skeleton', action: 'fetch:template', input: {} },
    { id: 'publish', idWritten: true, name: 'Publish', action: 'publish:github', input: {} },
  ],
  output: { links: [], text: [], other: {} },
  approvers: [],
  allowedGroups: [],
  ...overrides,
});

export interface FakeScaffolderOptions {
  templates: TemplateDefinition[];
  /** Template ref → user refs who may run it (absent: everyone). */
  allowed?: Record<string, string[]>;
  /** User refs who may approve. */
  approvers?: string[];
  /** Step id that fails on the first attempt. */
  failAt?: string;
  /** Field errors the preview reports (the dry run found the repository exists, …). */
  previewErrors?: Record<string, string>;
}

const iso = (n: number) => new Date(Date.UTC(2026, 11, 6, 5, 0, n)).toISOString();

export const fakeScaffolder = (options: FakeScaffolderOptions) => {
  const calls: string[] = [];
  const runs = new Map<string, RunRecord>();
  const byKey = new Map<string, string>();
  const listeners = new Map<string, RunListener>();
  let failOnce = options.failAt;
  const mayRun = (ref: string, requester: Requester | undefined) => {
    const allowed = options.allowed?.[ref];
    return !allowed || (requester?.userRef !== undefined && allowed.includes(requester.userRef));
  };
  const find = (ref: string, requester: Requester | undefined): TemplateDefinition => {
    const found = options.templates.find((template) => template.ref === ref);
    if (!found) throw new NotFoundError(`No template ${ref}.`);
    if (!mayRun(ref, requester)) throw new PermissionError(`You may not run ${ref}: it is for members of group:default/platform-team.`);
    return found;
  };
  const summary = (template: TemplateDefinition): TemplateSummary => ({
    ref: template.ref,
    title: template.title,
    type: template.type,
    tags: template.tags,
    canRun: true,
    problems: [],
    needsApproval: template.approvers.length > 0,
  });
  const change = async (run: RunRecord) => {
    runs.set(run.id, run);
    await listeners.get(run.id)?.(run);
  };
  const step = (s: StepRecord, status: StepRecord['status'], extra: Partial<StepRecord> = {}): StepRecord => ({ ...s, status, ...extra });

  const scaffolder: Scaffolder = {
    listTemplates: (requester, words) => {
      calls.push(`listTemplates ${words ?? ''}`.trim());
      return options.templates.filter((t) => mayRun(t.ref, requester) && (!words || `${t.title} ${t.name}`.includes(words))).map(summary);
    },
    template: (ref, requester) => (calls.push(`template ${ref}`), find(ref, requester)),
    preview: async (request: RunRequest): Promise<RunPreview> => {
      calls.push(`preview ${JSON.stringify(request.values)}`);
      if (options.previewErrors) throw new InvalidInputError('The values do not fit.', { fieldErrors: options.previewErrors });
      const template = find(request.templateRef, request.requester);
      return {
        files: ['README.md', 'catalog-info.yaml'],
        steps: template.steps.map((s) => ({ id: s.id, name: s.name, action: s.action, willRun: true, ranInDryRun: s.action.startsWith('fetch') })),
        repository: 'github.com/acme/new',
      };
    },
    start: async (request, listener) => {
      calls.push(`start ${request.requestKey ?? ''} ${request.slackChannel ?? 'dm'}`);
      const existing = request.requestKey ? byKey.get(request.requestKey) : undefined;
      if (existing) return runs.get(existing)!;
      const template = find(request.templateRef, request.requester);
      const id = `run-${runs.size + 1}`;
      const run: RunRecord = {
        id,
        templateRef: template.ref,
        templateTitle: template.title,
        createdBy: request.requester.userRef ?? request.requester.fallbackId,
        createdAt: iso(0),
        status: template.approvers.length > 0 ? 'awaiting-approval' : 'running',
        values: Object.fromEntries(Object.entries(request.values).filter(([name]) => name !== 'token')),
        steps: template.steps.map((s) => ({ id: s.id, name: s.name, action: s.action, status: 'pending', log: [] })),
        approvals: [],
        dryRun: false,
        ...(request.slackChannel ? { slack: { channel: request.slackChannel } } : {}),
      };
      runs.set(id, run);
      if (request.requestKey) byKey.set(request.requestKey, id);
      if (listener) listeners.set(id, listener);
      return run;
    },
    retry: async (runId, _requester, listener) => {
      calls.push(`retry ${runId}`);
      const run = runs.get(runId);
      if (!run) throw new NotFoundError(`No run ${runId}.`);
      if (run.status !== 'failed') throw new ConflictError(`Run ${runId} is ${run.status}, not failed.`);
      if (listener) listeners.set(runId, listener);
      const resumed: RunRecord = { ...run, status: 'running', steps: run.steps.map((s) => (s.status === 'failed' ? step(s, 'pending', { log: [] }) : s)) };
      await change(resumed);
      return resumed;
    },
    decide: async (runId, approver, decision, listener) => {
      calls.push(`decide ${runId} ${decision} ${approver.userRef ?? approver.fallbackId}`);
      const run = runs.get(runId);
      if (!run) throw new NotFoundError(`No run ${runId}.`);
      if (!approver.userRef || !(options.approvers ?? []).includes(approver.userRef))
        throw new PermissionError('Only members of group:default/platform-team may approve this run.');
      if (run.status !== 'awaiting-approval') throw new ConflictError(`Run ${runId} was already ${run.status}.`);
      if (listener) listeners.set(runId, listener);
      const decided: RunRecord = {
        ...run,
        status: decision === 'approved' ? 'running' : 'denied',
        approvals: [...run.approvals, { by: approver.userRef, decision, at: iso(5) }],
      };
      await change(decided);
      return decided;
    },
    run: (runId) => runs.get(runId),
    runs: () => [...runs.values()].reverse(),
    settled: async (runId) => runs.get(runId)!,
    recordSlackThread: async (runId, thread) => {
      calls.push(`recordSlackThread ${runId} ${thread.channel} ${thread.ts ?? ''}`.trim());
      const run = runs.get(runId);
      if (run) runs.set(runId, { ...run, slack: thread });
    },
    recoverInterrupted: async () => [],
  };

  /** Runs every pending step of the run, one change per step start and end; `failAt` fails its step once. */
  const advance = async (runId: string): Promise<RunRecord> => {
    let run = runs.get(runId)!;
    for (const [index, current] of run.steps.entries()) {
      if (current.status === 'done') continue;
      const steps = [...run.steps];
      steps[index] = step(current, 'running', { startedAt: iso(index + 1) });
      await change((run = { ...run, steps }));
      if (failOnce === current.id) {
        failOnce = undefined;
        steps[index] = step(current, 'failed', { error: 'Repository acme/new already exists', log: ['creating acme/new', 'HTTP 422 <!channel>'] });
        await change((run = { ...run, steps: [...steps], status: 'failed', finishedAt: iso(9) }));
        return run;
      }
      steps[index] = step(current, 'done', { durationMs: 1200 });
      await change((run = { ...run, steps: [...steps] }));
    }
    const links = [
      { title: 'Repository', url: 'https://github.com/acme/new' },
      { title: 'Open in catalog', entityRef: 'component:default/new' },
    ];
    await change((run = { ...run, status: 'succeeded', finishedAt: iso(10), entityRef: 'component:default/new', output: { links, text: [] } }));
    return run;
  };

  return { scaffolder, calls, runs, advance };
};
