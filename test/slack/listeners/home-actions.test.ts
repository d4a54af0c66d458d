import type { ButtonAction, StaticSelectAction } from '@slack/bolt';
import { buttonAction, selectAction } from '../helpers/block-actions.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { chooseEntityAction, entityAction } from '../../../src/slack/listeners/actions/entity-actions.ts';
import { helpAction, homeProblemsAction, syncNowAction } from '../../../src/slack/listeners/actions/home-actions.ts';
import type { ActionArgs } from '../../../src/slack/listeners/bolt-args.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
import { encodeChoiceValue } from '../../../src/slack/views/action-values.ts';
import { checkViewLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText, blockIds, recorder } from '../helpers/recorder.ts';
import { strictFake } from '../helpers/strict-fake.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

type ViewCall = { trigger_id?: string; view_id?: string; user_id?: string; view: { type: string; blocks: Array<{ block_id?: string }> } };

/** Where a click happened: the Home tab, or a modal (root, or already two deep). Neither has a response_url. */
type Surface = { type: 'home' } | { type: 'modal'; depth: 1 | 3 };

const viewOf = (surface: Surface) =>
  surface.type === 'home'
    ? { id: 'VHOME', type: 'home', root_view_id: null, previous_view_id: null }
    : { id: 'VTOP', type: 'modal', root_view_id: surface.depth === 1 ? 'VTOP' : 'VROOT', previous_view_id: surface.depth === 1 ? null : 'VMIDDLE' };

/**
 * A click on a surface without response_url. The client is strict and has no chat.postMessage:
 * answering in the Messages tab would throw.
 */
const clickOn = (surface: Surface, action: ButtonAction | StaticSelectAction) => {
  const io = recorder();
  const calls: Array<{ method: string } & ViewCall> = [];
  const record = (method: string) => async (args: ViewCall) => {
    expect(checkViewLimits(args.view)).toEqual([]);
    calls.push({ method, ...args });
    return { ok: true };
  };
  const client = strictFake<ActionArgs['client']>({
    chat: {},
    views: { open: record('views.open'), push: record('views.push'), update: record('views.update'), publish: record('views.publish') },
  });
  const body = { user: { id: People.marcus.id }, trigger_id: 'T0TRIGGER', view: viewOf(surface) };
  return { io, calls, args: { ack: io.ack, action, body, client } as ActionArgs };
};

const HOME: Surface = { type: 'home' };

describe('App Home buttons: modals or the Home view, never the Messages tab', () => {
  it('Help opens the full help in a modal with the click’s trigger', async () => {
    const { io, calls, args } = clickOn(HOME, buttonAction(ActionIds.showHelp, 'help'));
    await helpAction()(args);
    expect(io.events).toEqual(['ack']);
    expect(calls.map((call) => call.method)).toEqual(['views.open']);
    expect(calls[0]).toMatchObject({ trigger_id: 'T0TRIGGER', view: { type: 'modal' } });
    expect(blockIds(calls[0]!.view)).toContain('help.header');
  });

  it('Problems opens a modal listing my teams’ problems with their true count', async () => {
    const { calls, args } = clickOn(HOME, buttonAction(ActionIds.showProblems, 'mine'));
    await homeProblemsAction(slackDepsFor(runtime))(args);
    expect(calls.map((call) => call.method)).toEqual(['views.open']);
    expect(blockIds(calls[0]!.view).some((id) => id.startsWith('problems.'))).toBe(true);
  });

  it('Open entity opens the owner card in a modal, without the Share button that cannot work there', async () => {
    const { calls, args } = clickOn(HOME, selectAction(ActionIds.openEntity, 'component:default/checkout-service'));
    await entityAction(slackDepsFor(runtime), 'owner')(args);
    expect(calls.map((call) => call.method)).toEqual(['views.open']);
    expect(blockIds(calls[0]!.view)).toContain('owner.header');
    expect(allText(calls[0]!.view)).not.toContain(ActionIds.shareInChannel);
  });

  it('a button inside a modal stacks its answer on it; a full stack or a choice replaces the top view', async () => {
    const pushed = clickOn({ type: 'modal', depth: 1 }, buttonAction(ActionIds.showDependents, 'resource:default/orders-db'));
    await entityAction(slackDepsFor(runtime), 'dependents')(pushed.args);
    expect(pushed.calls.map((call) => call.method)).toEqual(['views.push']);
    expect(blockIds(pushed.calls[0]!.view)).toContain('deps.header');

    const full = clickOn({ type: 'modal', depth: 3 }, buttonAction(ActionIds.showDeps, 'component:default/checkout-service'));
    await entityAction(slackDepsFor(runtime), 'deps')(full.args);
    expect(full.calls.map((call) => [call.method, call.view_id])).toEqual([['views.update', 'VTOP']]);

    const chosen = clickOn({ type: 'modal', depth: 1 }, selectAction(ActionIds.chooseEntity, encodeChoiceValue('owner', 'api:default/payments-api')));
    await chooseEntityAction(slackDepsFor(runtime))(chosen.args);
    expect(chosen.calls.map((call) => call.method)).toEqual(['views.update']);
  });

  it('Sync now reports on the Home tab itself: "syncing", then the summary', async () => {
    const { calls, args } = clickOn(HOME, buttonAction(ActionIds.syncNow, 'all'));
    await syncNowAction(slackDepsFor(runtime, { syncAllowed: [People.marcus.email] }))(args);
    expect(calls.map((call) => call.method)).toEqual(['views.publish', 'views.publish']);
    expect(calls.every((call) => call.user_id === People.marcus.id && call.view.type === 'home')).toBe(true);
    expect(blockIds(calls[0]!.view)).toContain('sync.started');
    expect(blockIds(calls[1]!.view)).toContain('sync.summary');
  });

  it('Sync now from someone not allowed (a forged click) is refused on the Home tab, without syncing', async () => {
    const { calls, args } = clickOn(HOME, buttonAction(ActionIds.syncNow, 'all'));
    await syncNowAction(slackDepsFor(runtime))(args);
    expect(calls.map((call) => call.method)).toEqual(['views.publish']);
    expect(blockIds(calls[0]!.view)).toContain('sync.denied');
    expect(allText(calls[0]!.view)).not.toContain(ActionIds.syncNow);
  });
});

describe('More under the three-line help', () => {
  it('replaces the ephemeral short help with the full help through the response_url', async () => {
    const io = recorder();
    const client = strictFake<ActionArgs['client']>({ chat: {}, views: {} });
    const body = { user: { id: People.marcus.id }, response_url: 'https://hooks.invalid/x', trigger_id: 'T0TRIGGER' };
    await helpAction()({ ack: io.ack, action: buttonAction(ActionIds.showHelp, 'more'), body, client, respond: io.respond } as ActionArgs);
    expect(io.events).toEqual(['ack', 'respond']);
    expect(io.last().replace_original).toBe(true);
    expect(blockIds(io.last())).toContain('help.header');
  });
});
