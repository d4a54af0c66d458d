import type { RunRecord, StepRecord } from '../../src/core/scaffolder/run-record.ts';
import type { Scaffolder } from '../../src/scaffolder/scaffolder.ts';
import type { CliIo } from '../../src/cli/cli-context.ts';
import type { OpenScaffolder } from '../../src/cli/scaffolder-runtime.ts';

/** A Scaffolder with only the methods a test gives; any other call fails the test by name. */
export const scaffolderDouble = (methods: Partial<Scaffolder>): Scaffolder =>
  new Proxy(methods as Scaffolder, {
    get: (target, name: string) => {
      if (name in target) return target[name as keyof Scaffolder];
      if (name === 'then') return undefined;
      throw new Error(`the test's scaffolder has no ${name}()`);
    },
  });

/** An opener that hands out the double and counts closes. */
export const openWith = (scaffolder: Scaffolder) => {
  const state = { closed: 0 };
  const open: OpenScaffolder = async () => ({ scaffolder, close: () => void state.closed++ });
  return { open, state };
};

export const captureIo = (cwd = '/tmp', env: NodeJS.ProcessEnv = { USER: 'dana' }) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), cwd, env };
  return { io, out, err, text: () => out.join('\n'), errText: () => err.join('\n') };
};

export const step = (overrides: Partial<StepRecord> & Pick<StepRecord, 'id' | 'action'>): StepRecord => ({
  name: overrides.id,
  status: 'pending',
  log: [],
  ...overrides,
});

export const runRecord = (overrides: Partial<RunRecord> = {}): RunRecord => ({
  id: 'run-1',
  templateRef: 'template:default/typescript-service',
  templateTitle: 'TypeScript HTTP service',
  createdBy: 'cli:dana',
  createdAt: '2026-12-06T04:00:00.000Z',
  status: 'running',
  values: { name: 'billing-api' },
  steps: [step({ id: 'fetch', action: 'fetch:template' }), step({ id: 'publish', action: 'publish:github' })],
  approvals: [],
  dryRun: false,
  ...overrides,
});
