import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alice, closeHarnesses, scaffolderHarness } from './helpers/scaffolder-harness.ts';
import { templateEntity } from './helpers/fake-catalog.ts';
import { formatRunSummary } from '../../../src/cli/format/format-run.ts';
import { shownValues } from '../../../src/core/scaffolder/run-record.ts';
import { runMessageData } from '../../../src/scaffolder/messages/run-message-data.ts';
import { approvalRequestView } from '../../../src/slack/views/runs/approval-view.ts';
import { runsListView } from '../../../src/slack/views/runs/runs-list-view.ts';

afterEach(closeHarnesses);

const PASSWORD = 'hunter2-pa55word-9f3a';
const TOKEN = 'tok-ea81c7d2-secret';
const API_KEY = 'key-77b0c1f9-from-secrets';

const withSecrets = templateEntity('with-secrets', {
  parameters: {
    properties: {
      name: { type: 'string' },
      dbPassword: { type: 'string', 'ui:widget': 'password' },
      token: { type: 'string', 'ui:field': 'Secret' },
    },
  },
  steps: [
    { id: 'use', action: 'test:record', input: { name: '${{ parameters.name }}', value: 'pw=${{ parameters.dbPassword }} key=${{ secrets.apiKey }}' } },
    { id: 'leak', action: 'test:log', input: { message: 'token ${{ secrets.token }} and ${{ parameters.dbPassword }}' } },
  ],
  output: { text: [{ title: 'used', content: '${{ steps.use.output.value }}' }] },
});

/** Every byte SQLite wrote for the database: the file, its WAL and shared memory. */
const databaseBytes = (dbPath: string): string =>
  readdirSync(dirname(dbPath))
    .filter((name) => name.startsWith('callboard.db'))
    .map((name) => readFileSync(join(dirname(dbPath), name)).toString('latin1'))
    .join('\n');

describe('secrets', () => {
  it('are never written to the database, and are masked in step logs, errors and outputs', async () => {
    const harness = scaffolderHarness({ entities: [withSecrets] });
    const values = { name: 'svc', dbPassword: PASSWORD, token: TOKEN, secrets: { apiKey: API_KEY } };
    const run = await harness.scaffolder.start({ templateRef: 'template:default/with-secrets', values, requester: alice });
    const failed = await harness.scaffolder.settled(run.id);

    // The steps saw the real values…
    expect(harness.journal.calls).toEqual(['record svc', 'log']);
    // …and nothing a person or the database sees holds them.
    expect(failed.values).toEqual({ name: 'svc' });
    expect(failed.steps[0]?.output).toEqual({ name: 'svc', value: 'pw=*** key=***' });
    expect(failed.steps[1]).toMatchObject({ status: 'failed', error: 'could not use token *** and ***', log: ['token *** and ***'] });
    const stored = databaseBytes(harness.dbPath);
    expect(stored).toContain('svc');
    for (const secret of [PASSWORD, TOKEN, API_KEY]) expect(stored).not.toContain(secret);
  });

  it('keeps secrets in memory for a Retry in the same process, and asks for them again after a restart', async () => {
    const harness = scaffolderHarness({ entities: [withSecrets] });
    const values = { name: 'svc', dbPassword: PASSWORD, token: TOKEN };
    const run = await harness.scaffolder.start({ templateRef: 'template:default/with-secrets', values, requester: alice });
    await harness.scaffolder.settled(run.id);
    await harness.scaffolder.retry(run.id, alice);
    await harness.scaffolder.settled(run.id);
    expect(harness.journal.calls).toEqual(['record svc', 'log', 'log']);

    const restarted = scaffolderHarness({ entities: [withSecrets], dbPath: harness.dbPath });
    await expect(restarted.scaffolder.retry(run.id, alice)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Edit and retry'),
    });
  });
});

describe('an unexpected failure', () => {
  it('is recorded with its secrets masked, as a step log is, when its message quotes one', async () => {
    const harness = scaffolderHarness({ entities: [withSecrets] });
    // A store failure outside any step's own handling, whose message quotes what it was given (as some drivers do).
    const save = harness.runStore.save.bind(harness.runStore);
    let thrown = false;
    harness.runStore.save = async (record) => {
      if (!thrown && record.steps[0]?.status === 'done') {
        thrown = true;
        throw new Error(`the database refused pw=${PASSWORD} token=${TOKEN}`);
      }
      return save(record);
    };
    const values = { name: 'svc', dbPassword: PASSWORD, token: TOKEN };
    const run = await harness.scaffolder.start({ templateRef: 'template:default/with-secrets', values, requester: alice });
    const failed = await harness.scaffolder.settled(run.id);

    expect(thrown).toBe(true);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('Callboard could not go on with this run: the database refused pw=*** token=***; Retry resumes at the step that was running');
    expect(harness.scaffolder.run(run.id)?.error).toBe(failed.error);
    const stored = databaseBytes(harness.dbPath);
    for (const secret of [PASSWORD, TOKEN]) expect(stored).not.toContain(secret);
  });
});

describe('a secret inside an object field', () => {
  const NESTED = 'nested-pw-5c1e8b0d';
  const nested = templateEntity('nested-secret', {
    parameters: {
      properties: {
        name: { type: 'string' },
        database: {
          type: 'object',
          properties: { user: { type: 'string' }, password: { type: 'string', 'ui:widget': 'password' } },
        },
      },
    },
    steps: [
      { id: 'use', action: 'test:record', input: { name: '${{ parameters.name }}', value: 'pw=${{ parameters.database.password }}' } },
      { id: 'leak', action: 'test:log', input: { message: 'connecting with ${{ parameters.database.password }}' } },
    ],
  });

  it('reaches the steps, but is kept out of the stored values, logs, errors, outputs and messages, as a top-level one', async () => {
    const harness = scaffolderHarness({ entities: [nested] });
    const values = { name: 'svc', database: { user: 'app', password: NESTED } };
    const run = await harness.scaffolder.start({ templateRef: 'template:default/nested-secret', values, requester: alice });
    const failed = await harness.scaffolder.settled(run.id);

    expect(harness.journal.calls).toEqual(['record svc', 'log']);
    expect(failed.values).toEqual({ name: 'svc', database: { user: 'app' } });
    expect(failed.steps[0]?.output).toEqual({ name: 'svc', value: 'pw=***' });
    expect(failed.steps[1]).toMatchObject({ status: 'failed', error: 'could not use connecting with ***', log: ['connecting with ***'] });
    expect(JSON.stringify(runMessageData({ run: failed }))).not.toContain(NESTED);
    expect(formatRunSummary(failed).join('\n')).not.toContain(NESTED);
    expect(databaseBytes(harness.dbPath)).not.toContain(NESTED);
    // The submitted values were not changed in place.
    expect(values.database.password).toBe(NESTED);
  });
});

describe('a huge value', () => {
  it('is clipped in step logs and errors, so the run record stays small', async () => {
    const huge = templateEntity('huge', {
      parameters: { properties: { blob: { type: 'string' } } },
      steps: [{ id: 'leak', action: 'test:log', input: { message: '${{ parameters.blob }}' } }],
    });
    const harness = scaffolderHarness({ entities: [huge] });
    const blob = 'x'.repeat(500_000);
    const run = await harness.scaffolder.start({ templateRef: 'template:default/huge', values: { blob }, requester: alice });
    const failed = await harness.scaffolder.settled(run.id);
    expect(failed.steps[0]?.status).toBe('failed');
    expect(failed.steps[0]?.error?.length).toBeLessThan(2100);
    expect(failed.steps[0]?.error).toMatch(/more characters\)$/);
    expect(failed.steps[0]?.log.join('').length).toBeLessThan(2100);
  });

  it('stores a ui:backstage.review.mask value (Retry needs it) but every message and list shows the mask', async () => {
    const masked = templateEntity('masked', {
      parameters: { properties: { name: { type: 'string' }, pin: { type: 'string', 'ui:backstage': { review: { mask: '####' } } } } },
      steps: [{ id: 'use', action: 'test:record', input: { name: '${{ parameters.name }}', value: '${{ parameters.pin }}' } }],
    });
    const harness = scaffolderHarness({ entities: [masked] });
    const run = await harness.scaffolder.start({ templateRef: 'template:default/masked', values: { name: 'svc', pin: '4711' }, requester: alice });
    await harness.scaffolder.settled(run.id);
    const stored = harness.scaffolder.runs()[0]!;
    expect(stored).toMatchObject({ values: { name: 'svc', pin: '4711' }, maskedValues: { pin: '####' } });
    expect(shownValues(stored)).toEqual({ name: 'svc', pin: '####' });
    expect(runMessageData({ run: stored })['values']).toEqual([
      { name: 'name', value: 'svc' },
      { name: 'pin', value: '####' },
    ]);
    expect(formatRunSummary(stored).join('\n')).toContain('values: name=svc, pin=####');
    expect(JSON.stringify(approvalRequestView(stored, { approvers: ['group:default/platform'] }))).not.toContain('4711');
  });
});

describe('a secret inside an array of objects', () => {
  const FIRST = 'arr-tok-0a9e77c1';
  const SECOND = 'arr-tok-1b4f20d3';
  const listed = templateEntity('array-secret', {
    parameters: {
      properties: {
        name: { type: 'string' },
        services: {
          type: 'array',
          items: { type: 'object', properties: { host: { type: 'string' }, token: { type: 'string', 'ui:widget': 'password' } } },
        },
      },
    },
    steps: [
      {
        id: 'use',
        action: 'test:record',
        input: { name: '${{ parameters.name }}', value: '${{ parameters.services[0].token }}+${{ parameters.services[1].token }}' },
      },
      { id: 'leak', action: 'test:log', input: { message: 'tokens ${{ parameters.services[1].token }} ${{ parameters.services[0].token }}' } },
    ],
  });

  it('reaches the steps at every index, but is kept out of the stored values, logs, outputs and messages', async () => {
    const harness = scaffolderHarness({ entities: [listed] });
    const values = {
      name: 'svc',
      services: [
        { host: 'a', token: FIRST },
        { host: 'b', token: SECOND },
      ],
    };
    const run = await harness.scaffolder.start({ templateRef: 'template:default/array-secret', values, requester: alice });
    const failed = await harness.scaffolder.settled(run.id);

    expect(harness.journal.calls).toEqual(['record svc', 'log']);
    expect(failed.values).toEqual({ name: 'svc', services: [{ host: 'a' }, { host: 'b' }] });
    expect(failed.steps[0]?.output).toEqual({ name: 'svc', value: '***+***' });
    expect(failed.steps[1]).toMatchObject({ status: 'failed', log: ['tokens *** ***'] });
    const shown = [JSON.stringify(runMessageData({ run: failed })), formatRunSummary(failed).join('\n'), databaseBytes(harness.dbPath)];
    for (const text of shown) for (const secret of [FIRST, SECOND]) expect(text).not.toContain(secret);
    expect(values.services[1]?.token).toBe(SECOND);
  });
});

describe('a ui:backstage.review.mask inside an object or array field', () => {
  const masked = templateEntity('nested-mask', {
    parameters: {
      properties: {
        name: { type: 'string' },
        database: {
          type: 'object',
          properties: { user: { type: 'string' }, pin: { type: 'string', 'ui:backstage': { review: { mask: '####' } } } },
        },
        services: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              host: { type: 'string' },
              deep: { type: 'object', properties: { code: { type: 'string', 'ui:backstage': { review: { mask: '<code>' } } } } },
            },
          },
        },
      },
    },
    steps: [{ id: 'use', action: 'test:record', input: { name: '${{ parameters.name }}', value: '${{ parameters.database.pin }}' } }],
  });

  it('is stored (Retry needs it) but every message and list shows the mask, at any depth', async () => {
    const harness = scaffolderHarness({ entities: [masked] });
    const values = {
      name: 'svc',
      database: { user: 'app', pin: '4711-pin' },
      services: [
        { host: 'a', deep: { code: 'code-0-9911' } },
        { host: 'b', deep: { code: 'code-1-7733' } },
      ],
    };
    const run = await harness.scaffolder.start({ templateRef: 'template:default/nested-mask', values, requester: alice });
    await harness.scaffolder.settled(run.id);
    const stored = harness.scaffolder.runs()[0]!;
    expect(stored.values).toEqual(values);
    expect(shownValues(stored)).toEqual({
      name: 'svc',
      database: { user: 'app', pin: '####' },
      services: [
        { host: 'a', deep: { code: '<code>' } },
        { host: 'b', deep: { code: '<code>' } },
      ],
    });
    const shown = [
      JSON.stringify(runMessageData({ run: stored })),
      formatRunSummary(stored).join('\n'),
      JSON.stringify(approvalRequestView(stored, { approvers: ['group:default/platform'] })),
      JSON.stringify(runsListView([stored])),
    ];
    for (const text of shown) {
      for (const value of ['4711-pin', 'code-0-9911', 'code-1-7733']) expect(text).not.toContain(value);
      expect(text).toContain('####');
    }
  });
});
