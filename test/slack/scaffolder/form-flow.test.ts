import type { ViewOutput } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { formPageSubmission } from '../../../src/slack/listeners/scaffolder/form-submission.ts';
import { backAction, redrawAction } from '../../../src/slack/listeners/scaffolder/form-actions.ts';
import { reviewSubmission } from '../../../src/slack/listeners/scaffolder/review-submission.ts';
import { scaffolderCommand } from '../../../src/slack/listeners/scaffolder/scaffolder-command.ts';
import { ScaffolderActionIds, ViewCallbackIds } from '../../../src/slack/ids.ts';
import { openExampleCatalog, People } from '../helpers/catalog-fixture.ts';
import { recorder } from '../helpers/recorder.ts';
import { definition } from './fake-scaffolder.ts';
import { ackRecorder, button, recordingClient, scaffolderDeps, textState } from './listener-kit.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const SERVICE = definition('service');
const DOCS = definition('docs', { title: 'Docs site', pages: [{ title: 'Docs', properties: { site: { type: 'string', title: 'Site' } } }] });

type Modal = { callback_id?: string; private_metadata?: string; blocks: Array<{ type: string; block_id?: string; element?: { initial_value?: string } }> };

const createCommand = (deps: Parameters<typeof scaffolderCommand>[0], text: string, client: ReturnType<typeof recordingClient>['client']) => {
  const r = recorder();
  return {
    r,
    run: () =>
      scaffolderCommand(deps)({
        ack: r.ack,
        respond: r.respond,
        command: { command: '/create', text, user_id: People.marcus.id, channel_id: 'C0GENERAL', trigger_id: 'T1' },
        client,
      }),
  };
};

const submit = (handler: ReturnType<typeof formPageSubmission>, modal: Modal, values: Record<string, string>, client: never, viewId = 'V1') => {
  const acks = ackRecorder();
  const view = { id: viewId, hash: 'h1', private_metadata: modal.private_metadata ?? '', state: { values: textState(values) } } as unknown as ViewOutput;
  return { acks, done: handler({ ack: acks.ack as never, body: { user: { id: People.marcus.id } }, view, client }) };
};

const inputIds = (modal: Modal) => modal.blocks.filter((block) => block.type === 'input').map((block) => block.block_id);

describe('/create → form pages → review → run', () => {
  it('/create with words naming one template opens its first page at once, before anything else answers', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [SERVICE, DOCS]);
    const slack = recordingClient();
    const command = createCommand(deps, 'service', slack.client);
    await command.run();
    expect(command.r.events).toEqual(['ack']);
    const [open] = slack.called('views.open');
    expect(open!.args.trigger_id).toBe('T1');
    const modal = open!.args.view as Modal;
    expect(modal.callback_id).toBe(ViewCallbackIds.templatePage);
    expect(inputIds(modal)).toEqual(['name']);
    expect(fake.calls).toContain('listTemplates service');
  });

  it('/create alone lists the templates with a Choose button each', async () => {
    const { deps } = scaffolderDeps(runtime, [SERVICE, DOCS]);
    const slack = recordingClient();
    const command = createCommand(deps, '', slack.client);
    await command.run();
    const list = command.r.last();
    expect(JSON.stringify(list)).toContain(ScaffolderActionIds.chooseTemplate);
    expect(JSON.stringify(list)).toContain('template:default/docs');
    expect(slack.called('views.open')).toEqual([]);
  });

  it('a template the person may not run is absent from /create', async () => {
    const { deps } = scaffolderDeps(runtime, [SERVICE, DOCS], { allowed: { [SERVICE.ref]: ['user:default/lena.fischer'] } });
    const slack = recordingClient();
    const command = createCommand(deps, 'service', slack.client);
    await command.run();
    expect(JSON.stringify(command.r.last())).toMatch(/No template matching “service” that you may run/);
    expect(slack.called('views.open')).toEqual([]);
  });

  it('walks the pages: errors inline, a page whose when is false skipped, Back keeps values, the review, then Create', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [SERVICE]);
    const slack = recordingClient();
    await createCommand(deps, 'service', slack.client).run();
    const first = slack.called('views.open')[0]!.args.view as Modal;
    const page = formPageSubmission(deps);

    const bad = submit(page, first, { name: 'Not Valid' }, slack.client);
    await bad.done;
    expect(bad.acks.bodies[0]).toMatchObject({ response_action: 'errors', errors: { name: expect.stringMatching(/must match/) } });

    const good = submit(page, first, { name: 'svc' }, slack.client);
    await good.done;
    const where = (good.acks.bodies[0] as { view: Modal }).view;
    expect(good.acks.bodies[0]).toMatchObject({ response_action: 'update' });
    expect(inputIds(where)).toEqual(['owner']);

    // A second click on the first page's Next (the modal not yet replaced) is read as that page again.
    const twice = submit(page, first, { name: 'svc' }, slack.client);
    await twice.done;
    expect(inputIds((twice.acks.bodies[0] as { view: Modal }).view)).toEqual(['owner']);

    const acks = ackRecorder();
    const view = { id: 'V1', hash: 'h2', private_metadata: where.private_metadata, state: { values: textState({ owner: 'group:default/checkout-team' }) } };
    await backAction(deps)({
      ack: acks.ack as never,
      action: button(ScaffolderActionIds.pageBack, '2'),
      body: { user: { id: People.marcus.id }, view: view as never },
      client: slack.client,
    });
    const back = slack.called('views.update').at(-1)!.args.view as Modal;
    expect(inputIds(back)).toEqual(['name']);
    expect(back.blocks.find((block) => block.block_id === 'name')?.element?.initial_value).toBe('svc');

    const again = submit(page, back, { name: 'svc' }, slack.client);
    await again.done;
    const whereAgain = (again.acks.bodies[0] as { view: Modal }).view;
    expect(whereAgain.blocks.find((block) => block.block_id === 'owner')?.element?.initial_value).toBe('group:default/checkout-team');

    const last = submit(page, whereAgain, { owner: 'group:default/checkout-team' }, slack.client);
    await last.done;
    const review = (last.acks.bodies[0] as { view: Modal }).view;
    expect(review.callback_id).toBe(ViewCallbackIds.templateReview);
    expect(fake.calls).toContain('preview {"name":"svc","owner":"group:default/checkout-team"}');
    expect(JSON.stringify(review)).toContain('github.com/acme/new');

    const create = ackRecorder();
    const reviewView = { id: 'V1', hash: 'h3', private_metadata: review.private_metadata, state: { values: {} } } as unknown as ViewOutput;
    await reviewSubmission(deps)({ ack: create.ack as never, body: { user: { id: People.marcus.id } }, view: reviewView, client: slack.client });
    expect(create.bodies[0]).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(create.bodies[0])).toContain('<#C0GENERAL>');
    expect(fake.calls).toContain('start V1 C0GENERAL');

    await deps.scaffolding.progress.idle('run-1');
    const posted = slack.called('chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.args.channel).toBe('C0GENERAL');
    await fake.advance('run-1');
    await deps.scaffolding.progress.idle('run-1');
    const final = slack.called('chat.update').at(-1)!.args;
    expect(final.ts).toBe(slack.called('chat.postMessage')[0]!.args.ts ?? final.ts);
    expect(JSON.stringify(final.blocks)).toContain('https://github.com/acme/new');
    expect(JSON.stringify(final.blocks)).toContain('/owner component:default/new');
    expect(JSON.stringify(final.blocks)).toContain('Done');
  });

  it('a page whose when holds is shown, with its own question', async () => {
    const { deps } = scaffolderDeps(runtime, [SERVICE]);
    const slack = recordingClient();
    await createCommand(deps, 'service', slack.client).run();
    const first = slack.called('views.open')[0]!.args.view as Modal;
    const next = submit(formPageSubmission(deps), first, { name: 'with-extras' }, slack.client);
    await next.done;
    expect(inputIds((next.acks.bodies[0] as { view: Modal }).view)).toEqual(['extra']);
  });

  it('a value the dry run refuses sends the form back to its page with the message', async () => {
    const { deps } = scaffolderDeps(runtime, [SERVICE], { previewErrors: { name: 'Repository acme/svc already exists' } });
    const slack = recordingClient();
    await createCommand(deps, 'service', slack.client).run();
    const page = formPageSubmission(deps);
    const first = submit(page, slack.called('views.open')[0]!.args.view as Modal, { name: 'svc' }, slack.client);
    await first.done;
    const last = submit(page, (first.acks.bodies[0] as { view: Modal }).view, { owner: 'x' }, slack.client);
    await last.done;
    const back = (last.acks.bodies[0] as { response_action: string; view: Modal }).view;
    expect(inputIds(back)).toEqual(['name']);
    expect(JSON.stringify(back)).toContain('Repository acme/svc already exists');
  });

  it('a double submit of the review starts one run and posts one progress message', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [DOCS]);
    const slack = recordingClient();
    await createCommand(deps, 'Docs', slack.client).run();
    const page = submit(formPageSubmission(deps), slack.called('views.open')[0]!.args.view as Modal, { site: 'handbook' }, slack.client, 'V9');
    await page.done;
    const review = (page.acks.bodies[0] as { view: Modal }).view;
    const reviewView = { id: 'V9', hash: 'h', private_metadata: review.private_metadata, state: { values: {} } } as unknown as ViewOutput;
    const handler = reviewSubmission(deps);
    await Promise.all([
      handler({ ack: ackRecorder().ack as never, body: { user: { id: People.marcus.id } }, view: reviewView, client: slack.client }),
      handler({ ack: ackRecorder().ack as never, body: { user: { id: People.marcus.id } }, view: reviewView, client: slack.client }),
    ]);
    await deps.scaffolding.progress.idle('run-1');
    expect(fake.runs.size).toBe(1);
    expect(fake.calls.filter((call) => call.startsWith('start V9'))).toHaveLength(2);
    expect(slack.called('chat.postMessage')).toHaveLength(1);
  });
});

describe('a field other fields depend on', () => {
  const CONDITIONAL = definition('conditional', {
    pages: [
      {
        title: 'Kind',
        properties: { kind: { type: 'string', title: 'Kind', enum: ['service', 'library'] } },
        dependencies: {
          kind: {
            oneOf: [
              { properties: { kind: { enum: ['service'] }, port: { type: 'number', title: 'Port' } } },
              { properties: { kind: { enum: ['library'] }, registry: { type: 'string', title: 'Registry' } } },
            ],
          },
        },
      },
    ],
  });

  it('redraws the page when it changes: the fields that belong to the new value appear, the typed values stay', async () => {
    const { deps } = scaffolderDeps(runtime, [CONDITIONAL]);
    const slack = recordingClient();
    await createCommand(deps, 'conditional', slack.client).run();
    const modal = slack.called('views.open')[0]!.args.view as Modal;
    expect(inputIds(modal)).toEqual(['kind']);
    const state = {
      kind: { 'scaffolder.field.kind': { type: 'static_select', selected_option: { value: '1', text: { type: 'plain_text', text: 'library' } } } },
    };
    const view = { id: 'V1', hash: 'h', private_metadata: modal.private_metadata, state: { values: state } };
    await redrawAction(deps)({
      ack: async () => undefined,
      action: button('scaffolder.field.kind', ''),
      body: { user: { id: People.marcus.id }, view: view as never },
      client: slack.client,
    });
    const redrawn = slack.called('views.update').at(-1)!.args.view as Modal;
    expect(inputIds(redrawn)).toEqual(['kind', 'registry']);
  });
});

describe('secrets', () => {
  const SECRET = definition('secret', {
    pages: [
      {
        title: 'Access',
        required: ['name', 'token'],
        properties: { name: { type: 'string', title: 'Name' }, token: { type: 'string', title: 'Token', 'ui:widget': 'password' } },
      },
    ],
  });

  it('a password typed in the form reaches the run, and no modal or message ever shows it', async () => {
    const { deps, fake } = scaffolderDeps(runtime, [SECRET]);
    const slack = recordingClient();
    await createCommand(deps, 'secret', slack.client).run();
    const page = submit(formPageSubmission(deps), slack.called('views.open')[0]!.args.view as Modal, { name: 'svc', token: 's3cret-value' }, slack.client);
    await page.done;
    const review = (page.acks.bodies[0] as { view: Modal }).view;
    expect(review.callback_id).toBe(ViewCallbackIds.templateReview);
    expect(fake.calls.some((call) => call.startsWith('preview') && call.includes('s3cret-value'))).toBe(true);
    const create = ackRecorder();
    const reviewView = { id: 'V1', hash: 'h', private_metadata: review.private_metadata, state: { values: {} } } as unknown as ViewOutput;
    await reviewSubmission(deps)({ ack: create.ack as never, body: { user: { id: People.marcus.id } }, view: reviewView, client: slack.client });
    await fake.advance('run-1');
    await deps.scaffolding.progress.idle('run-1');
    expect(JSON.stringify([page.acks.bodies, create.bodies, slack.calls])).not.toContain('s3cret-value');
  });

  const NESTED = definition('nested-secret', {
    pages: [
      {
        title: 'Database',
        properties: {
          database: {
            type: 'object',
            title: 'Database',
            required: ['user', 'password'],
            properties: { user: { type: 'string' }, password: { type: 'string', 'ui:widget': 'password' } },
          },
        },
      },
      { title: 'About', properties: { name: { type: 'string', title: 'Name' } } },
    ],
  });

  it('Back to a page with an object field typed as JSON redraws it with the password inside blanked, and says to type it again', async () => {
    const { deps } = scaffolderDeps(runtime, [NESTED]);
    const slack = recordingClient();
    await createCommand(deps, 'nested-secret', slack.client).run();
    const page = formPageSubmission(deps);
    const first = submit(page, slack.called('views.open')[0]!.args.view as Modal, { database: '{"user":"app","password":"n3sted-pw-77"}' }, slack.client);
    await first.done;
    const second = (first.acks.bodies[0] as { view: Modal }).view;
    expect(inputIds(second)).toEqual(['name']);

    const acks = ackRecorder();
    const view = { id: 'V1', hash: 'h2', private_metadata: second.private_metadata, state: { values: textState({ name: 'svc' }) } };
    await backAction(deps)({
      ack: acks.ack as never,
      action: button(ScaffolderActionIds.pageBack, '0'),
      body: { user: { id: People.marcus.id }, view: view as never },
      client: slack.client,
    });
    const back = slack.called('views.update').at(-1)!.args.view as Modal;
    expect(JSON.stringify(slack.calls)).not.toContain('n3sted-pw-77');
    const input = back.blocks.find((block) => block.block_id === 'database') as Modal['blocks'][number] & { hint?: { text: string } };
    expect(JSON.parse(input.element!.initial_value!)).toEqual({ user: 'app', password: '' });
    expect(input.hint?.text).toMatch(/type .* again/i);

    // Left blank, the password is not there: the page says it is required rather than going on without it.
    const again = submit(page, back, { database: input.element!.initial_value! }, slack.client);
    await again.done;
    expect(again.acks.bodies[0]).toMatchObject({ response_action: 'errors', errors: { database: expect.stringMatching(/password/) } });
  });
});
