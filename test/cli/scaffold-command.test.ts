import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliExit } from '../../src/cli/cli-context.ts';
import { scaffoldCommand, type ScaffoldOptions } from '../../src/cli/commands/scaffold-command.ts';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.ts';
import type { RunRecord } from '../../src/core/scaffolder/run-record.ts';
import type { RunPreview, RunRequest } from '../../src/scaffolder/scaffolder.ts';
import { runCli } from '../../src/cli/main.ts';
import { GithubApiServer } from '../fakes/github-api-server.ts';
import { cli, repoRoot } from '../helpers/run-cli.ts';
import { captureIo, openWith, runRecord, scaffolderDouble, step } from './scaffolder-double.ts';

const folderWithValues = (text: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-scaffold-'));
  writeFileSync(join(dir, 'values.yaml'), text);
  return dir;
};

const exitOf = async (promise: Promise<unknown>): Promise<CliExit> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CliExit);
  return error as CliExit;
};

const preview: RunPreview = {
  files: ['README.md', 'catalog-info.yaml'],
  catalogInfo: 'kind: Component\nmetadata:\n  name: billing-api\n',
  steps: [
    { id: 'fetch', name: 'Fetch skeleton', action: 'fetch:template', willRun: true, ranInDryRun: true },
    { id: 'publish', name: 'Publish to GitHub', action: 'publish:github', willRun: true, ranInDryRun: false },
    { id: 'notify', name: 'notify', action: 'debug:log', willRun: false, ranInDryRun: false },
  ],
  repository: 'github.com/acme/billing-api',
};

describe('callboard scaffold: arguments and values', () => {
  const never = openWith(scaffolderDouble({}));

  it.each<[string, string[], ScaffoldOptions, RegExp]>([
    ['no --values', ['typescript-service'], {}, /--values FILE is required/],
    ['a ref of another kind', ['component:default/x'], { values: 'values.yaml' }, /names a component, not a Template/],
    ['a malformed ref', ['a:b:c/d/e'], { values: 'values.yaml' }, /is not a template name or ref/],
    ['--as that is not a User', ['typescript-service'], { values: 'values.yaml', as: 'group:default/team' }, /--as expects a catalog User ref/],
    ['--out without --dry-run', ['typescript-service'], { values: 'values.yaml', out: 'out' }, /--out goes with --dry-run/],
    ['a missing values file', ['typescript-service'], { values: 'missing.yaml' }, /cannot read --values missing\.yaml/],
  ])('%s exits 2 with a message saying what to do', async (_case, [template], options, message) => {
    const { io } = captureIo(folderWithValues('name: x\n'));
    const exit = await exitOf(scaffoldCommand(io, never.open)(template!, options));
    expect(exit.exitCode).toBe(2);
    expect(exit.message).toMatch(message);
    expect(never.state.closed).toBe(0);
  });

  it.each([
    ['- just\n- a list\n', /must be a mapping of parameter names to values/],
    ['name: [unclosed\n', /is not valid YAML or JSON/],
    ['42\n', /must be a mapping .* not number/],
  ])('values %j exit 2', async (text, message) => {
    const { io } = captureIo(folderWithValues(text));
    const exit = await exitOf(scaffoldCommand(io, never.open)('typescript-service', { values: 'values.yaml' }));
    expect(exit.exitCode).toBe(2);
    expect(exit.message).toMatch(message);
  });

  it('refuses an --out folder that already has files', async () => {
    const dir = folderWithValues('name: x\n');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'keep.txt'), 'mine');
    const exit = await exitOf(scaffoldCommand(captureIo(dir).io, never.open)('typescript-service', { values: 'values.yaml', dryRun: true, out: 'out' }));
    expect(exit).toMatchObject({ exitCode: 2, message: '--out out is not empty; name a new or empty folder' });
  });

  it('reads JSON values from stdin, and --as and the template name become the request', async () => {
    let request: RunRequest | undefined;
    const { open, state } = openWith(scaffolderDouble({ preview: async (given) => ((request = given), preview) }));
    const { io } = captureIo();
    await scaffoldCommand(io, open, { stdin: async () => '{"name": "billing-api", "docker": false}' })('typescript-service', {
      values: '-',
      as: 'dana',
      dryRun: true,
    });
    expect(request).toEqual({
      templateRef: 'template:default/typescript-service',
      values: { name: 'billing-api', docker: false },
      requester: { userRef: 'user:default/dana', fallbackId: 'cli:dana' },
    });
    expect(state.closed).toBe(1);
  });

  it('names each field the template schema refuses, exit 2', async () => {
    const fieldErrors = { name: 'must match pattern "^[a-z0-9-]+$"', repoUrl: 'is required' };
    const { open, state } = openWith(scaffolderDouble({ start: async () => Promise.reject(new InvalidInputError('values do not fit', { fieldErrors })) }));
    const exit = await exitOf(scaffoldCommand(captureIo(folderWithValues('name: Bad Name\n')).io, open)('typescript-service', { values: 'values.yaml' }));
    expect(exit.exitCode).toBe(2);
    expect(exit.message).toBe(
      ['The values in values.yaml do not fit the template:', '  name: must match pattern "^[a-z0-9-]+$"', '  repoUrl: is required'].join('\n'),
    );
    expect(state.closed).toBe(1);
  });

  it('an unknown template exits 2 and points at `callboard templates`', async () => {
    const message = 'no template template:default/nope in the catalog; `callboard templates` lists them';
    const { open } = openWith(scaffolderDouble({ preview: async () => Promise.reject(new NotFoundError(message)) }));
    const exit = await exitOf(scaffoldCommand(captureIo(folderWithValues('{}')).io, open)('nope', { values: 'values.yaml', dryRun: true }));
    expect(exit).toMatchObject({ exitCode: 2, message });
  });
});

describe('callboard scaffold --dry-run', () => {
  it('passes the absolute --out folder and prints the files, each step and the catalog file', async () => {
    let outDir: string | undefined;
    const dir = folderWithValues('name: billing-api\n');
    const { open } = openWith(
      scaffolderDouble({ preview: async (_request, options) => ((outDir = options?.outDir), { ...preview, outDir: options?.outDir }) }),
    );
    const { io, text } = captureIo(dir);
    await scaffoldCommand(io, open)('typescript-service', { values: 'values.yaml', dryRun: true, out: 'generated' });
    expect(outDir).toBe(join(dir, 'generated'));
    expect(text()).toBe(
      [
        'Repository: github.com/acme/billing-api',
        `Files (written to ${join(dir, 'generated')}):`,
        '  README.md',
        '  catalog-info.yaml',
        'Steps:',
        '  1. fetch (fetch:template) Fetch skeleton — rendered in this dry run',
        '  2. publish (publish:github) Publish to GitHub — not run in a dry run',
        '  3. notify (debug:log) skipped (its `if` is false)',
        'catalog-info.yaml:',
        '  kind: Component',
        '  metadata:',
        '    name: billing-api',
      ].join('\n'),
    );
  });

  it('--json prints the preview as JSON', async () => {
    const { open } = openWith(scaffolderDouble({ preview: async () => preview }));
    const { io, text } = captureIo(folderWithValues('name: billing-api\n'));
    await scaffoldCommand(io, open)('typescript-service', { values: 'values.yaml', dryRun: true, json: true });
    expect(JSON.parse(text())).toEqual(preview);
  });
});

/** A scaffolder whose run goes through the given states, telling the listener each one. */
const runningThrough = (states: RunRecord[]) =>
  scaffolderDouble({
    start: async (_request, listener) => {
      for (const state of states.slice(0, -1)) await listener?.(state);
      return states[0]!;
    },
    settled: async () => states.at(-1)!,
  });

describe('callboard scaffold (a real run)', () => {
  const fetchDone = step({ id: 'fetch', action: 'fetch:template', status: 'done', durationMs: 42 });
  const states = [
    runRecord({ steps: [step({ id: 'fetch', action: 'fetch:template', status: 'running' }), step({ id: 'publish', action: 'publish:github' })] }),
    runRecord({ steps: [fetchDone, step({ id: 'publish', action: 'publish:github', status: 'running' })] }),
  ];

  it('prints each step change once, then the links; exit 0', async () => {
    const succeeded = runRecord({
      status: 'succeeded',
      steps: [fetchDone, step({ id: 'publish', action: 'publish:github', status: 'done', durationMs: 1530 })],
      output: { links: [{ title: 'Repository', url: 'https://github.com/acme/billing-api' }], text: [] },
      entityRef: 'component:default/billing-api',
    });
    const { io, text } = captureIo(folderWithValues('name: billing-api\n'));
    await scaffoldCommand(io, openWith(runningThrough([...states, states[1]!, succeeded])).open)('typescript-service', { values: 'values.yaml' });
    expect(text()).toBe(
      [
        '[1/2] fetch (fetch:template): running…',
        '[1/2] fetch (fetch:template): done in 42 ms',
        '[2/2] publish (publish:github): running…',
        '[2/2] publish (publish:github): done in 1.5 s',
        'Run run-1: succeeded',
        '  Repository: https://github.com/acme/billing-api',
        '  In the catalog: component:default/billing-api (callboard owner component:default/billing-api)',
      ].join('\n'),
    );
  });

  it('a failed run exits 1 with the step, its error and its last log lines; --json keeps stdout to the JSON', async () => {
    const failed = runRecord({
      status: 'failed',
      steps: [
        fetchDone,
        step({
          id: 'publish',
          action: 'publish:github',
          status: 'failed',
          durationMs: 10,
          error: 'repository acme/billing-api exists',
          log: ['checking acme/billing-api'],
        }),
      ],
    });
    const { io, text, errText } = captureIo(folderWithValues('name: billing-api\n'));
    const exit = await exitOf(
      scaffoldCommand(io, openWith(runningThrough([...states, failed])).open)('typescript-service', { values: 'values.yaml', json: true }),
    );
    expect(exit.exitCode).toBe(1);
    expect(JSON.parse(text())).toEqual({
      id: 'run-1',
      status: 'failed',
      steps: [
        { id: 'fetch', action: 'fetch:template', status: 'done', durationMs: 42 },
        { id: 'publish', action: 'publish:github', status: 'failed', durationMs: 10, error: 'repository acme/billing-api exists' },
      ],
      output: { links: [], text: [] },
    });
    expect(errText()).toContain('[2/2] publish (publish:github): failed — repository acme/billing-api exists\n    | checking acme/billing-api');
  });

  it('a run that needs approval is not waited for: it says so and exits 0', async () => {
    const awaiting = runRecord({ status: 'awaiting-approval' });
    const scaffolder = scaffolderDouble({ start: async () => awaiting });
    const { io, text } = captureIo(folderWithValues('name: billing-api\n'));
    await scaffoldCommand(io, openWith(scaffolder).open)('typescript-service', { values: 'values.yaml' });
    expect(text()).toContain('Run run-1: awaiting-approval\n  It starts once an approver approves it in Slack');
  });
});

/** A config over the example org (the owner and system the values name) with the golden paths built in. */
const scaffoldConfig = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-scaffold-e2e-'));
  writeFileSync(
    join(dir, 'callboard.yaml'),
    `database:\n  path: data/callboard.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${join(repoRoot, 'examples/acme')}\n`,
  );
  writeFileSync(
    join(dir, 'values.yaml'),
    'name: billing-api\ndescription: Bills customers for their orders\nowner: group:default/payments-team\nsystem: system:default/payments\nrepoUrl: github.com?owner=acme&repo=billing-api\n',
  );
  writeFileSync(join(dir, 'bad-values.yaml'), 'name: Billing API\nowner: group:default/payments-team\n');
  return dir;
};

describe('callboard scaffold over the configured catalog (golden path typescript-service, local Git host)', () => {
  it('--dry-run --out renders the files and lists the steps that would publish and register', async () => {
    const dir = scaffoldConfig();
    const { code, out, err } = await cli(['scaffold', 'typescript-service', '--values', 'values.yaml', '--dry-run', '--out', 'preview', '--json'], dir);
    expect(code, err).toBe(0);
    const preview = JSON.parse(out) as RunPreview;
    expect(preview.files).toEqual(expect.arrayContaining(['catalog-info.yaml', 'src/server.ts', 'docs/runbook.md', 'Dockerfile']));
    expect(preview.steps.map(({ id, ranInDryRun }) => ({ id, ranInDryRun }))).toEqual([
      { id: 'fetch', ranInDryRun: true },
      { id: 'publish', ranInDryRun: false },
      { id: 'register', ranInDryRun: false },
    ]);
    expect(preview.catalogInfo).toContain('name: "billing-api"');
    expect(readFileSync(join(dir, 'preview', 'src/server.ts'), 'utf8')).toContain("export const SERVICE_NAME = 'billing-api';");
  });

  it('values the form refuses exit 2 naming the field, and nothing is recorded', async () => {
    const dir = scaffoldConfig();
    const { code, err } = await cli(['scaffold', 'typescript-service', '--values', 'bad-values.yaml'], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/^ {2}name: /m);
    expect(err).toMatch(/^ {2}repoUrl: /m);
    expect((await cli(['runs', '--json'], dir)).out).toBe('[]');
  });

  it('a real run publishes to the local Git host, registers the service, and `callboard owner` answers at once', async () => {
    const dir = scaffoldConfig();
    const { code, out, err } = await cli(['scaffold', 'typescript-service', '--values', 'values.yaml', '--as', 'user:default/dana', '--json'], dir);
    expect(code, `${out}\n${err}`).toBe(0);
    const run = JSON.parse(out) as {
      id: string;
      status: string;
      steps: { id: string; status: string }[];
      entityRef?: string;
      output: { links: { title: string }[] };
    };
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((step) => `${step.id}:${step.status}`)).toEqual(['fetch:done', 'publish:done', 'register:done']);
    expect(run.entityRef?.toLowerCase()).toBe('component:default/billing-api');
    expect(run.output.links.map((link) => link.title)).toEqual(['Repository', 'Open in catalog']);
    expect(err).toContain('[3/3] register (catalog:register): done');
    expect(existsSync(join(dir, 'data/repos/acme/billing-api.git'))).toBe(true);

    const owner = await cli(['owner', 'billing-api', '--json'], dir);
    expect(owner.code).toBe(0);
    expect(owner.out).toContain('payments-team');

    const runs = JSON.parse((await cli(['runs', '--json'], dir)).out) as { id: string; createdBy: string; values: Record<string, unknown> }[];
    expect(runs.map(({ id, createdBy }) => ({ id, createdBy }))).toEqual([{ id: run.id, createdBy: 'user:default/dana' }]);
    expect(runs[0]?.values).toMatchObject({ name: 'billing-api', repoUrl: 'github.com?owner=acme&repo=billing-api' });
  }, 60_000);
});

describe('callboard scaffold against the GitHub Enterprise fake (GITHUB_TOKEN and GITHUB_API_URL set)', () => {
  it('creates the repository through the API, pushes over HTTP, registers it, and the entity answers', async () => {
    const token = 'ghp_cli_scaffold_secret';
    const ghe = await GithubApiServer.start({ token, orgs: { acme: [] }, enterprise: true });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'callboard-scaffold-ghe-'));
      const sources = [
        `    - type: dir\n      path: ${join(repoRoot, 'examples/acme')}\n`,
        `    - type: dir\n      path: ${join(repoRoot, 'test/fixtures/cli-scaffold')}\n      patterns: ['*/template.yaml']\n`,
      ];
      writeFileSync(join(dir, 'callboard.yaml'), `database:\n  path: data/callboard.db\ncatalog:\n  sources:\n${sources.join('')}`);
      const gheHost = new URL(ghe.htmlBaseUrl).host;
      writeFileSync(
        join(dir, 'values.json'),
        JSON.stringify({ name: 'ghe-service', owner: 'group:default/payments-team', repoUrl: `${gheHost}?owner=acme&repo=ghe-service` }),
      );
      const out: string[] = [];
      const err: string[] = [];
      const io = {
        out: (text: string) => out.push(text),
        err: (text: string) => err.push(text),
        cwd: dir,
        env: { GITHUB_TOKEN: token, GITHUB_API_URL: ghe.apiBaseUrl },
      };
      const code = await runCli(['scaffold', 'plain-service', '--values', 'values.json', '--json'], io);
      expect(code, err.join('\n')).toBe(0);
      const run = JSON.parse(out.join('\n')) as { status: string; entityRef?: string; output: { links: { title: string; url?: string }[] } };
      expect(run).toMatchObject({ status: 'succeeded', entityRef: 'component:default/ghe-service' });
      expect(run.output.links[0]).toEqual({ title: 'Repository', url: `${ghe.htmlBaseUrl}/acme/ghe-service.git` });
      expect(ghe.writes.find('acme', 'ghe-service')).toBeDefined();
      expect([...out, ...err].join('\n')).not.toContain(token);
      const owner = await runCli(['owner', 'ghe-service', '--json'], { ...io, out: (text) => out.push(text) });
      expect(owner).toBe(0);
      expect(out.at(-1)).toContain('payments-team');
    } finally {
      await ghe.stop();
    }
  }, 60_000);
});
