import type { ButtonAction, StaticSelectAction } from '@slack/bolt';
import { buttonAction, selectAction } from '../helpers/block-actions.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { docsAction, onCallAction } from '../../../src/slack/listeners/actions/card-actions.ts';
import { chooseEntityAction, entityAction } from '../../../src/slack/listeners/actions/entity-actions.ts';
import type { HomeActionArgs } from '../../../src/slack/listeners/bolt-args.ts';
import { shareAction } from '../../../src/slack/listeners/actions/share-action.ts';
import { encodeChoiceValue, encodeShareValue } from '../../../src/slack/views/action-values.ts';
import type { SlackMessage } from '../../../src/slack/views/slack-message.ts';
import { openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText, blockIds, recorder } from '../helpers/recorder.ts';
import { strictFake } from '../helpers/strict-fake.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

/** A click in a message (response_url, respond) or on the Home tab (neither: the DM gets the answer). */
const click = (action: ButtonAction | StaticSelectAction, surface: 'message' | 'home' = 'message') => {
  const io = recorder();
  const posted: Array<{ channel: string } & SlackMessage> = [];
  const published: unknown[] = [];
  const client = strictFake<HomeActionArgs['client']>({
    chat: { postMessage: async (message: { channel: string } & SlackMessage) => void posted.push(message) },
    views: { publish: async (view: unknown) => void published.push(view) },
  });
  const body = surface === 'message' ? { user: { id: People.marcus.id }, response_url: 'https://hooks.invalid/x' } : { user: { id: People.marcus.id } };
  const args = { ack: io.ack, action, body, client, ...(surface === 'message' ? { respond: io.respond } : {}) };
  return { io, posted, published, args };
};

describe('block actions', () => {
  it('Owner / Dependencies / Dependents buttons answer the clicker, keeping the card', async () => {
    const deps = slackDepsFor(runtime);
    for (const [intent, id] of [
      ['owner', 'owner.header'],
      ['deps', 'deps.header'],
      ['dependents', 'deps.header'],
    ] as const) {
      const { io, args } = click(buttonAction('x', 'component:default/checkout-service'));
      await entityAction(deps, intent)(args);
      expect(io.events).toEqual(['ack', 'respond']);
      expect(io.last().replace_original).toBe(false);
      expect(blockIds(io.last())).toContain(id);
    }
  });

  it('a select menu works like a button (search results, Home entity menu)', async () => {
    const { io, args } = click(selectAction('x', 'resource:default/orders-db'));
    await entityAction(slackDepsFor(runtime), 'owner')(args);
    expect(allText(io.last())).toContain('resource:default/orders-db');
  });

  it('the chooser answer replaces the chooser', async () => {
    const { io, args } = click(selectAction('entity.choose', encodeChoiceValue('owner', 'api:default/payments-api')));
    await chooseEntityAction(slackDepsFor(runtime))(args);
    expect(io.last().replace_original).toBe(true);
    expect(allText(io.last())).toContain('api:default/payments-api');
  });

  it('a choice made for an on-call question answers the on-call question', async () => {
    const { io, args } = click(selectAction('entity.choose', encodeChoiceValue('oncall', 'component:default/payments-api')));
    await chooseEntityAction(slackDepsFor(runtime))(args);
    expect(blockIds(io.last())).toEqual(['oncall.none']);
    expect(allText(io.last())).toContain('PY9WQ4A');
  });

  it('forged or stale values get a usage hint, not an exception', async () => {
    const { io, args } = click(selectAction('entity.choose', 'drop table'));
    await chooseEntityAction(slackDepsFor(runtime))(args);
    expect(blockIds(io.last())).toContain('usage.problem');
  });

  it('Share in channel posts the same answer for everyone, saying who shared it, keeping the private copy', async () => {
    const value = encodeShareValue({ view: 'deps', ref: 'resource:default/orders-db', direction: 'reverse', depth: 2 });
    const { io, args } = click(buttonAction('message.share', value));
    await shareAction(slackDepsFor(runtime))(args);
    expect(io.last()).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(allText(io.last())).toContain(`Shared by <@${People.marcus.id}>`);
    expect(allText(io.last())).not.toContain('message.share');
  });

  it('Docs and On-call link buttons need only the ack', async () => {
    const docs = click({
      ...buttonAction('entity.show_docs', 'component:default/checkout-service'),
      url: 'https://github.com/acme/checkout-service/tree/main/docs',
    });
    await docsAction(slackDepsFor(runtime))(docs.args);
    expect(docs.io.events).toEqual(['ack']);
    const onCall = click({
      ...buttonAction('entity.show_oncall', 'component:default/checkout-service'),
      url: 'https://acme.pagerduty.com/service-directory/PC3XN9M',
    });
    await onCallAction(slackDepsFor(runtime, { pagerdutyUrl: 'https://acme.pagerduty.com' }))(onCall.args);
    expect(onCall.io.events).toEqual(['ack']);
  });

  it('an On-call or Docs button from an older message says in one line what is known, never "try again"', async () => {
    const onCall = click(buttonAction('entity.show_oncall', 'component:default/checkout-service'));
    await onCallAction(slackDepsFor(runtime, { pagerdutyUrl: 'https://acme.pagerduty.com' }))(onCall.args);
    expect(allText(onCall.io.last())).toContain('https://acme.pagerduty.com/service-directory/PC3XN9M');
    const unknown = click(buttonAction('entity.show_oncall', 'resource:default/orders-db'));
    await onCallAction(slackDepsFor(runtime))(unknown.args);
    expect(allText(unknown.io.last())).toContain('No on-call is configured for Orders database');
    const docs = click(buttonAction('entity.show_docs', 'resource:default/orders-db'));
    await docsAction(slackDepsFor(runtime))(docs.args);
    for (const answer of [onCall.io.last(), unknown.io.last(), docs.io.last()]) expect(allText(answer)).not.toMatch(/try again/i);
    // The On-call button answers as /oncall does (one line here: nothing is looked up without providers).
    expect(blockIds(onCall.io.last() as SlackMessage)).toEqual(['oncall.none']);
    expect(blockIds(unknown.io.last() as SlackMessage)).toEqual(['oncall.none']);
    expect(blockIds(docs.io.last() as SlackMessage)).toEqual(['notice.text']);
  });
});
