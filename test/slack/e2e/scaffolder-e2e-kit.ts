import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openCatalogRuntime } from '../../../src/catalog-runtime.ts';
import { buildScaffolder } from '../../../src/cli/scaffolder-runtime.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { createMessageRenderer } from '../../../src/scaffolder/messages/create-message-renderer.ts';
import { createSourceRegistrar } from '../../../src/scaffolder/register/create-source-registrar.ts';
import { createSource } from '../../../src/sources/create-sources.ts';
import type { JsonBody } from '../../fakes/slack/answers.ts';
import type { StoredMessage } from '../../fakes/slack/fake-state.ts';
import { blockActions, checkAck, viewSubmission, type SlackInbound } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import { startHarness, type Harness } from '../helpers/slack-harness.ts';
import { buttonsOf, command, manifestBotScopes, MorePeople, TeamChannels } from './e2e-harness.ts';

/**
 * The scaffolder end to end in Slack: the real scaffolder (createScaffolder with the built-in actions, the local
 * Git host, the registrar) over the example org plus a folder of tiny templates written here, behind the real Bolt
 * app over signed HTTP against the strict Slack fake.
 */

const REPO = new URL('../../../', import.meta.url).pathname;

const skeleton = {
  'catalog-info.yaml': [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: ${{ values.name | dump }}',
    'spec:',
    '  type: service',
    '  lifecycle: experimental',
    '  owner: ${{ values.owner | dump }}',
    '',
  ].join('\n'),
  'README.md': '# ${{ values.name }}\n',
};

interface TemplateSpec {
  name: string;
  annotations?: Record<string, string>;
}

const templateYaml = (spec: TemplateSpec): string => {
  const annotations = Object.entries(spec.annotations ?? {}).map(([key, value]) => `    ${key}: "${value}"`);
  return [
    'apiVersion: scaffolder.backstage.io/v1beta3',
    'kind: Template',
    'metadata:',
    `  name: ${spec.name}`,
    `  title: ${spec.name.replace(/-/g, ' ')}`,
    `  description: The ${spec.name.replace(/-/g, ' ')} of the Slack flow test`,
    ...(annotations.length > 0 ? ['  annotations:', ...annotations] : []),
    'spec:',
    '  owner: group:default/platform-team',
    '  type: service',
    '  parameters:',
    '    - title: About',
    '      required: [name]',
    '      properties:',
    '        name: { title: Name, type: string, pattern: "^[a-z][a-z0-9-]*$" }',
    '        withNotes: { title: Add notes, type: boolean }',
    '    - title: Notes',
    '      when: ${{ parameters.withNotes }}',
    '      properties:',
    '        notes: { title: Notes, type: string }',
    '    - title: Where',
    '      required: [owner]',
    '      properties:',
    '        owner:',
    '          title: Owner',
    '          type: string',
    '          ui:field: OwnerPicker',
    '          ui:options: { catalogFilter: { kind: Group } }',
    '  steps:',
    '    - { id: log, name: Say hello, action: "debug:log", input: { message: "Creating ${{ parameters.name }}" } }',
    '    - id: fetch',
    '      name: Fetch skeleton',
    '      action: fetch:template',
    '      input: { url: ./skeleton, values: { name: "${{ parameters.name }}", owner: "${{ parameters.owner }}" } }',
    '    - id: publish',
    '      name: Publish',
    '      action: publish:github',
    '      input: { repoUrl: "github.com?owner=acme&repo=${{ parameters.name }}", defaultBranch: main }',
    '    - id: register',
    '      name: Register',
    '      action: catalog:register',
    '      input: { repoContentsUrl: "${{ steps.publish.output.repoContentsUrl }}", catalogInfoPath: /catalog-info.yaml }',
    '  output:',
    '    links:',
    '      - { title: Repository, url: "${{ steps.publish.output.remoteUrl }}" }',
    '      - { title: Open in catalog, entityRef: "${{ steps.register.output.entityRef }}" }',
    '',
  ].join('\n');
};

const writeTemplate = (root: string, spec: TemplateSpec) => {
  const dir = join(root, spec.name);
  mkdirSync(join(dir, 'skeleton'), { recursive: true });
  writeFileSync(join(dir, 'template.yaml'), templateYaml(spec));
  for (const [name, text] of Object.entries(skeleton)) writeFileSync(join(dir, 'skeleton', name), text);
};

export const Templates = {
  tiny: 'template:default/tiny-service',
  guarded: 'template:default/guarded-service',
  restricted: 'template:default/restricted-service',
} as const;

export interface ScaffolderE2e {
  h: Harness;
  root: string;
  templatesDir: string;
  /** Where the local Git host keeps bare repositories (`<owner>/<repo>.git`). */
  reposDir: string;
}

export const startScaffolderE2e = async (): Promise<ScaffolderE2e> => {
  const root = mkdtempSync(join(tmpdir(), 'callboard-slack-scaffolder-'));
  const templatesDir = join(root, 'templates');
  writeTemplate(templatesDir, { name: 'tiny-service' });
  writeTemplate(templatesDir, { name: 'guarded-service', annotations: { 'callboard.dev/approvers': 'group:default/checkout-team' } });
  writeTemplate(templatesDir, { name: 'restricted-service', annotations: { 'callboard.dev/allowed-groups': 'group:default/payments-team' } });
  const file = join(root, 'callboard.yaml');
  writeFileSync(
    file,
    [
      'database:',
      '  path: catalog.db',
      'catalog:',
      '  sources:',
      `    - { type: dir, path: ${join(REPO, 'examples/acme')} }`,
      `    - { type: dir, id: e2e-templates, path: ${templatesDir}, patterns: ["*/template.yaml"] }`,
      'scaffolder:',
      '  builtinTemplates: false',
      '',
    ].join('\n'),
  );
  const config = loadConfig({ file, env: {} });
  const runtime = openCatalogRuntime(config);
  await runtime.sync.syncAll();
  const log = pino({ level: 'silent' });
  const scaffolder = buildScaffolder(config, runtime, log);
  const registrar = createSourceRegistrar({
    store: runtime.registeredSources,
    sync: runtime.sync,
    createSource: (source) => createSource(source, config),
    clock: { now: () => new Date() },
  });
  const users = Object.values(MorePeople).map((person) => ({ id: person.id, name: person.email.split('@')[0]!, email: person.email }));
  const h = await startHarness({
    runtime,
    // The shipped message templates (templates/messages/*.hbs) tell the runs, as in production.
    scaffolding: { scaffolder, registrar, messages: createMessageRenderer() },
    settings: { admins: [People.marcus.email] },
    fake: { scopes: manifestBotScopes(), users, channels: Object.values(TeamChannels) },
  });
  return { h, root, templatesDir, reposDir: config.scaffolder.localGitHost };
};

export const waitFor = async <T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** Sends and returns the ack body, held to what Slack accepts in an ack. */
export const sendForAck = async (h: Harness, inbound: SlackInbound): Promise<JsonBody | undefined> => {
  const response = await h.send(inbound);
  if (response.status !== 200) throw new Error(`the app answered HTTP ${response.status}`);
  const text = await response.text();
  const ack = text ? (JSON.parse(text) as JsonBody) : undefined;
  const violations = checkAck(inbound, ack);
  if (violations.length > 0) throw new Error(`the ack breaks Slack's rules: ${JSON.stringify(violations)}`);
  return ack;
};

type Modal = JsonBody & { id: string };

/** A modal as the test follows it: Slack replaces it on `response_action: update` and on the app's views.update. */
export class ModalTracker {
  constructor(
    private readonly h: Harness,
    public current: Modal,
    public readonly userId: string,
  ) {}

  /** `/create <words>` (or another command that opens a modal) and the modal it opened. */
  static async open(h: Harness, name: string, words: string, userId: string): Promise<ModalTracker> {
    h.fake.clearCalls();
    await sendForAck(h, command(h, name, words, userId));
    await h.fake.waitForCall('views.open', undefined, 5000);
    return new ModalTracker(h, h.fake.openModals().at(-1) as Modal, userId);
  }

  inputs(): string[] {
    return ((this.current.blocks as Array<{ type: string; block_id: string }>) ?? []).filter((block) => block.type === 'input').map((block) => block.block_id);
  }

  initialValue(blockId: string): unknown {
    const block = (this.current.blocks as Array<{ block_id?: string; element?: Record<string, unknown> }>).find((candidate) => candidate.block_id === blockId);
    return block?.element?.initial_value ?? block?.element?.initial_option ?? block?.element?.initial_options;
  }

  /** Submits with `values` as Slack sends view state; follows an update; returns the ack. */
  async submit(values: Record<string, Record<string, unknown>>): Promise<JsonBody | undefined> {
    const ack = await sendForAck(this.h, viewSubmission({ userId: this.userId, view: this.current, values, triggerId: this.h.fake.mintTriggerId() }));
    if (ack?.response_action === 'update') this.current = { ...this.current, ...(ack.view as JsonBody), id: this.current.id };
    return ack;
  }

  /** A button inside the modal (Back): the app answers with views.update, which the fake stores. */
  async click(actionId: string): Promise<void> {
    this.h.fake.clearCalls();
    await sendForAck(
      this.h,
      blockActions({
        userId: this.userId,
        triggerId: this.h.fake.mintTriggerId(),
        view: this.current,
        actions: [{ action_id: actionId, block_id: 'nav', value: 'back' }],
      }),
    );
    await this.h.fake.waitForCall('views.update', undefined, 5000);
    this.current = this.h.fake.openModals().find((view) => view.id === this.current.id) as Modal;
  }

  /** Follows the app's own views.update of this modal (a slow review, a refusal after the ack). */
  refresh(): void {
    this.current = this.h.fake.openModals().find((view) => view.id === this.current.id) as Modal;
  }
}

export const text = (name: string, value: string) => ({ [name]: { [`scaffolder.field.${name}`]: { type: 'plain_text_input', value } } });
export const unchecked = (name: string) => ({ [name]: { [`scaffolder.field.${name}`]: { type: 'checkboxes', selected_options: [] } } });
export const picked = (name: string, value: string) => ({
  [name]: { [`scaffolder.picker.${name}`]: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: value }, value } } },
});

/** The app's top-level messages in a channel (thread replies left out), oldest first. */
export const postsIn = (h: Harness, channel: string): StoredMessage[] => h.fake.messages(channel).filter((message) => !message.threadTs);

/** Replies in a message's thread. */
export const repliesTo = (h: Harness, message: Pick<StoredMessage, 'channel' | 'ts'>): StoredMessage[] =>
  h.fake.messages(message.channel).filter((reply) => reply.threadTs === message.ts);

/** The message's button whose text matches, as a click payload needs it. */
export const buttonIn = (message: StoredMessage, label: RegExp): { action_id: string; block_id: string; value?: string } => {
  const found = buttonsOf(message as unknown as JsonBody).find((candidate) => label.test(candidate.text));
  if (!found) throw new Error(`no ${label} button in ${JSON.stringify(message.blocks)}`);
  return { action_id: found.action_id, block_id: found.block_id, ...(found.value !== undefined ? { value: found.value } : {}) };
};

/** A click on a button of a message the app posted in a channel, as Slack delivers it (with a response_url). */
export const clickIn = (h: Harness, message: StoredMessage, label: RegExp, userId: string): Promise<JsonBody | undefined> =>
  sendForAck(
    h,
    blockActions({
      userId,
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl(),
      message: { channelId: message.channel, ts: message.ts, isEphemeral: false, text: message.text ?? '', blocks: message.blocks ?? [] },
      actions: [buttonIn(message, label)],
    }),
  );

/** Fills in a tiny template's form (name, then owner); returns the modal on its review page. */
export const reviewWith = async (h: Harness, words: string, name: string, userId: string): Promise<ModalTracker> => {
  const modal = await ModalTracker.open(h, '/create', words, userId);
  await modal.submit({ ...text('name', name), ...unchecked('withNotes') });
  await modal.submit(picked('owner', 'group:default/checkout-team'));
  if (modal.current.callback_id !== 'scaffolder.review') throw new Error(`expected the review, got ${JSON.stringify(modal.current).slice(0, 500)}`);
  return modal;
};

/** Fills in the form and submits the review (Create); returns the modal on its "started" notice. */
export const createWith = async (h: Harness, words: string, name: string, userId: string): Promise<ModalTracker> => {
  const modal = await reviewWith(h, words, name, userId);
  await modal.submit({});
  return modal;
};

/** A progress message that reports the run finished (the shipped run-result template: "… is done"). */
export const isDone = (message: StoredMessage | undefined): boolean => message !== undefined && /is done/.test(JSON.stringify(message.blocks));

/** A progress message that reports the run failed (the shipped run-failed template). */
export const isFailed = (message: StoredMessage | undefined): boolean => message !== undefined && /\* failed/.test(JSON.stringify(message.blocks));
