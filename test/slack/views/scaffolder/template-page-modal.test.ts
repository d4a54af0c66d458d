import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildFormPage, buildFormPages } from '../../../../src/core/scaffolder/form/build-form-model.ts';
import type { ParameterPage } from '../../../../src/core/scaffolder/template-definition.ts';
import { mergePageValues, parseTemplateFormValues } from '../../../../src/slack/parse/template-form-values.ts';
import { ScaffolderActionIds, ViewCallbackIds } from '../../../../src/slack/ids.ts';
import { sessionMetadata } from '../../../../src/slack/listeners/scaffolder/form-sessions.ts';
import { pageErrors } from '../../../../src/slack/views/scaffolder/page-errors.ts';
import { templatePageModal } from '../../../../src/slack/views/scaffolder/template-page-modal.ts';
import { allMrkdwn, blockById, blockIds, expectNoInjectedControls, expectViewWithinLimits, HOSTILE, HOSTILE_ESCAPED } from '../view-helpers.ts';
import { untouchedState, withInput } from './form-state.ts';

const kitchenSink = (
  parse(readFileSync(join(import.meta.dirname, '../../../fixtures/backstage-corpus/sample-templates/bui-kitchen-sink-demo/template.yaml'), 'utf8')) as {
    spec: { parameters: ParameterPage[] };
  }
).spec.parameters;

const modalFor = (page: ParameterPage, values: Record<string, unknown> = {}, position = { number: 1, of: 1 }) =>
  templatePageModal({
    templateTitle: 'Create a TypeScript service with everything',
    page: buildFormPage(page, 0),
    position,
    values,
    privateMetadata: sessionMetadata({ id: 'form-1', page: 0 }),
    isLast: position.number === position.of,
  });

describe('templatePageModal', () => {
  it('every page of the kitchen-sink template is a valid modal with one input block per field, keyed by field name', () => {
    buildFormPages(kitchenSink).forEach((page, i, pages) => {
      const modal = templatePageModal({
        templateTitle: 'BUI Kitchen Sink Demo',
        page,
        position: { number: i + 1, of: pages.length },
        values: {},
        privateMetadata: '{}',
        isLast: i === pages.length - 1,
      });
      expectViewWithinLimits(modal);
      const inputs = modal.blocks.filter((block) => block.type === 'input').map((block) => block.block_id);
      const expected = page.fields
        .filter((field) => !field.hidden && field.kind !== 'context')
        .flatMap((field) => (field.kind === 'repo-url' ? [`${field.name}.host`, `${field.name}.owner`, field.name] : [field.name]));
      expect(inputs).toEqual(expected);
    });
  });

  it('has the chrome Slack needs: short title, Next or Review, Cancel, the callback id and a Back button after page 1', () => {
    const first = modalFor({ properties: { name: { type: 'string' } } }, {}, { number: 1, of: 2 });
    expect(first).toMatchObject({ callback_id: ViewCallbackIds.templatePage, submit: { text: 'Next' }, close: { text: 'Cancel' } });
    expect(first.title.text.length).toBeLessThanOrEqual(24);
    expect(blockIds(first.blocks)).not.toContain('scaffolder.page.nav');
    const last = modalFor({ properties: { name: { type: 'string' } } }, {}, { number: 2, of: 2 });
    expect(last.submit?.text).toBe('Review');
    expect(JSON.stringify(blockById(last.blocks, 'scaffolder.page.nav'))).toContain(ScaffolderActionIds.pageBack);
  });

  it('pre-fills defaults and values held, and reads them back unchanged (values kept when navigating back)', () => {
    const page: ParameterPage = {
      required: ['name'],
      properties: {
        name: { title: 'Name', type: 'string', default: 'svc' },
        replicas: { type: 'integer', minimum: 1, maximum: 9, default: 3 },
        ratio: { type: 'number' },
        ci: { type: 'boolean', default: true },
        size: { type: 'string', enum: ['s', 'm', 'l'], enumNames: ['Small', 'Medium', 'Large'] },
        port: { type: 'number', enum: [80, 443] },
        features: { type: 'array', items: { type: 'string', enum: ['logs', 'metrics'] } },
        start: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string' } },
        extra: { type: 'object' },
        owner: { type: 'string', 'ui:field': 'OwnerPicker' },
        related: { type: 'array', 'ui:field': 'MultiEntityPicker' },
        repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedHosts: ['github.com'], allowedOwners: ['acme', 'tools'] } },
        hiddenOne: { type: 'string', 'ui:widget': 'hidden', default: 'kept' },
      },
    };
    const values = {
      name: 'payments',
      replicas: 4,
      ratio: 0.5,
      ci: false,
      size: 'm',
      port: 443,
      features: ['metrics'],
      start: '2026-12-24',
      tags: ['a', 'b'],
      extra: { deep: [1, 2] },
      owner: 'group:default/payments-team',
      related: ['component:default/a', 'api:default/b'],
      repoUrl: 'github.com?owner=tools&repo=payments',
    };
    const modal = modalFor(page, values);
    expectViewWithinLimits(modal);
    const form = buildFormPage(page, 0);
    expect(parseTemplateFormValues(form, untouchedState(modal))).toEqual({ values: { ...values, hiddenOne: 'kept' }, errors: {} });
    const fresh = modalFor(page, {});
    expect(parseTemplateFormValues(form, untouchedState(fresh)).values).toEqual({ name: 'svc', replicas: 3, ci: true, features: [], hiddenOne: 'kept' });
  });

  it('never writes a secret back into the view, and keeps the one given when the input is left empty', () => {
    const page: ParameterPage = { properties: { token: { type: 'string', 'ui:field': 'Secret' } } };
    const modal = modalFor(page, { token: 's3cret' });
    expect(JSON.stringify(modal.blocks)).not.toContain('s3cret');
    const form = buildFormPage(page, 0);
    expect(parseTemplateFormValues(form, untouchedState(modal), { token: 's3cret' }).values).toEqual({ token: 's3cret' });
    expect(parseTemplateFormValues(form, withInput(untouchedState(modal), 'token', { value: 'new' }), { token: 's3cret' }).values).toEqual({ token: 'new' });
  });

  it('reads what cannot be read as field errors', () => {
    const page: ParameterPage = { properties: { extra: { title: 'Extra', type: 'object' }, n: { title: 'N', type: 'number' } } };
    const state = withInput(withInput(untouchedState(modalFor(page)), 'extra', { value: '{nope' }), 'n', { value: 'abc' });
    expect(parseTemplateFormValues(buildFormPage(page, 0), state).errors).toEqual({
      extra: 'Extra: this is not valid JSON. Write it as JSON, e.g. {"key": "value"}.',
      n: 'N must be a number.',
    });
  });

  it('shows conditional fields only while their condition holds, and the controller dispatches a change', () => {
    const page: ParameterPage = {
      properties: { db: { type: 'string', enum: ['none', 'postgres'] } },
      dependencies: { db: { oneOf: [{ properties: { db: { const: 'none' } } }, { properties: { db: { const: 'postgres' }, dbSize: { type: 'integer' } } }] } },
    };
    expect(blockIds(modalFor(page, { db: 'none' }).blocks)).not.toContain('dbSize');
    const withDb = modalFor(page, { db: 'postgres', dbSize: 5 });
    expect(blockIds(withDb.blocks)).toContain('dbSize');
    expect(blockById(withDb.blocks, 'db')).toMatchObject({ dispatch_action: true });
    const form = buildFormPage(page, 0);
    const switched = withInput(untouchedState(withDb), 'db', { selected_option: { value: '0' } });
    expect(parseTemplateFormValues(form, switched).values).toEqual({ db: 'none' });
    expect(mergePageValues({ db: 'postgres', dbSize: 5, other: 1 }, form, { db: 'none' })).toEqual({ db: 'none', other: 1 });
  });

  it('shows notes for what Slack cannot show, and escapes template text', () => {
    const modal = modalFor({
      title: 'Details',
      description: HOSTILE,
      properties: {
        intro: { type: 'null', description: HOSTILE },
        branch: { type: 'string', 'ui:field': 'RepoBranchPicker' },
      },
      dependencies: { branch: { oneOf: [{ properties: { other: { type: 'string' } } }] } },
    });
    expectViewWithinLimits(modal);
    expectNoInjectedControls(modal);
    expect(allMrkdwn(modal)).toContain(HOSTILE_ESCAPED);
    expect(blockIds(modal.blocks)).toEqual(['scaffolder.page.heading', 'scaffolder.page.note.0', 'intro', 'branch.note', 'branch']);
    expect(allMrkdwn(blockById(modal.blocks, 'branch.note'))).toContain('RepoBranchPicker');
  });

  it('focuses the first ui:autofocus field, lets a required checkbox stay unticked, and writes numbers Slack accepts', () => {
    const page: ParameterPage = {
      required: ['agree', 'tiny', 'name'],
      properties: {
        name: { type: 'string', 'ui:autofocus': true },
        other: { type: 'string', 'ui:autofocus': true },
        agree: { type: 'boolean' },
        tiny: { type: 'number', minimum: 1e-9, maximum: 5, default: 7 },
      },
    };
    const modal = modalFor(page);
    expectViewWithinLimits(modal);
    expect(blockById(modal.blocks, 'name')).toMatchObject({ optional: false, element: { focus_on_load: true } });
    expect(JSON.stringify(blockById(modal.blocks, 'other'))).not.toContain('focus_on_load');
    expect(blockById(modal.blocks, 'agree')).toMatchObject({ optional: true });
    expect(blockById(modal.blocks, 'tiny')).toMatchObject({ element: { type: 'number_input', is_decimal_allowed: true, max_value: '5' } });
    expect(JSON.stringify(blockById(modal.blocks, 'tiny'))).not.toMatch(/min_value|initial_value/);
  });

  it('shows read-only fields as text and submits their value; gives a placeholder for formats Slack has no picker for', () => {
    const page: ParameterPage = {
      properties: { region: { title: 'Region', type: 'string', default: 'eu-west-1', 'ui:readonly': true }, at: { type: 'string', format: 'date-time' } },
    };
    const modal = modalFor(page);
    expectViewWithinLimits(modal);
    expect(blockById(modal.blocks, 'region').type).toBe('context');
    expect(allMrkdwn(blockById(modal.blocks, 'region'))).toContain('*Region:* eu-west-1');
    expect(blockById(modal.blocks, 'at')).toMatchObject({ element: { placeholder: { text: '2026-12-31T23:59:00Z' } } });
    expect(parseTemplateFormValues(buildFormPage(page, 0), untouchedState(modal)).values).toEqual({ region: 'eu-west-1' });
  });

  it('a 10 MB value does not break the view', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const page: ParameterPage = { properties: { name: { type: 'string' }, notes: { type: 'string', 'ui:widget': 'textarea' } } };
    const modal = templatePageModal({
      templateTitle: 'T',
      page: buildFormPage(page, 0),
      position: { number: 1, of: 1 },
      values: { name: huge, notes: `${HOSTILE}\n${huge}` },
      privateMetadata: '{}',
      isLast: true,
    });
    expectViewWithinLimits(modal);
    expect(JSON.stringify(modal).length).toBeLessThan(10_000);
  });

  it('keeps within 100 blocks on a page with too many questions, and says so', () => {
    const properties = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, { type: 'string' }]));
    const modal = modalFor({ properties }, {}, { number: 2, of: 2 });
    expectViewWithinLimits(modal);
    expect(blockIds(modal.blocks)).toContain('scaffolder.page.overflow');
    expect(blockIds(modal.blocks).at(-1)).toBe('scaffolder.page.nav');
  });
});

describe('pageErrors', () => {
  it('keys errors by the input blocks on the page and puts the rest under the first input', () => {
    const page = buildFormPage(
      {
        properties: {
          name: { type: 'string' },
          hiddenOne: { type: 'string', 'ui:widget': 'hidden' },
          repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker' },
        },
      },
      0,
    );
    expect(
      pageErrors(page, {}, { name: 'Name is required.', repoUrl: 'This repository already exists.', hiddenOne: 'must be a string.', '': 'Page rule broken.' }),
    ).toEqual({
      name: 'Name is required. hiddenOne: must be a string. Page rule broken.',
      repoUrl: 'This repository already exists.',
    });
  });
});

describe('private_metadata', () => {
  it('carries only the form session (the values, secrets included, stay in memory)', () => {
    const page: ParameterPage = { properties: { name: { type: 'string' }, pw: { type: 'string', 'ui:widget': 'password' } } };
    const modal = modalFor(page, { name: 'svc', pw: 'hunter2-in-memory' });
    expect(modal.private_metadata).toBe('{"session":"form-1","page":0}');
    expect(JSON.stringify(modal)).not.toContain('hunter2-in-memory');
  });
});
