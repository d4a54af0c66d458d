import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { buildExport } from '../../../src/slack/listeners/actions/export-action.ts';
import { answerPage } from '../../../src/slack/listeners/actions/page-actions.ts';
import { showOwnedAction } from '../../../src/slack/listeners/actions/entity-actions.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
import { encodePageValue, parsePageValue } from '../../../src/slack/views/action-values.ts';
import { ownedListView } from '../../../src/slack/views/owned-list-view.ts';
import { listOwned } from '../../../src/usecases/find-team.ts';
import { openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { recorder } from '../helpers/recorder.ts';
import { strictFake } from '../helpers/strict-fake.ts';
import { allMrkdwn, blockById, blockIds, expectMessageWithinLimits, expectNoInjectedControls, FIVE_KB, group, HOSTILE } from './view-helpers.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const department = 'group:default/commerce-engineering';
const buttonsOf = (message: { blocks: Array<{ block_id?: string }> }) => {
  const actions = message.blocks.find((block) => block.block_id === 'owned.actions') as { elements?: Array<{ action_id: string; value: string }> } | undefined;
  return actions?.elements ?? [];
};

describe('ownedListView: everything a team owns, paged', () => {
  it('page 1 of commerce-engineering: the true count, kind by kind, who owns each, Next and Download CSV', () => {
    const owned = listOwned(runtime.store, department);
    expect(owned.length).toBeGreaterThan(10);
    const message = ownedListView(runtime.store.entityEnvelope(department)!, owned);
    expect(blockIds(message.blocks)).toEqual(['owned.header', 'owned.summary', 'owned.list', 'owned.actions']);
    expect(allMrkdwn([blockById(message.blocks, 'owned.summary')])).toBe(`${owned.length} entities, kind by kind  ·  showing 1–10 of ${owned.length}`);
    const lines = allMrkdwn([blockById(message.blocks, 'owned.list')]).split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^• `[^`]+` {2}· {2}system/);
    // Owned through a child team: the line says which.
    expect(lines.every((line) => /_(checkout|payments|search|storefront)-team_$/.test(line))).toBe(true);
    expect(buttonsOf(message).map((element) => element.action_id)).toEqual([ActionIds.pageNext, ActionIds.exportList]);
    expect(parsePageValue(buttonsOf(message)[0]!.value)).toEqual({ view: 'owned', ref: department, page: 2 });
    expectMessageWithinLimits(message);
  });

  it('Next shows the last page through the paging listener, and Download CSV holds every row', async () => {
    const owned = listOwned(runtime.store, department);
    const page2 = await answerPage(slackDepsFor(runtime), { view: 'owned', ref: department, page: 2 });
    expect(allMrkdwn([blockById(page2.blocks, 'owned.list')]).split('\n')).toHaveLength(owned.length - 10);
    expect(buttonsOf(page2).map((element) => element.action_id)).toEqual([ActionIds.pagePrevious, ActionIds.exportList]);
    const csv = buildExport(runtime.store, { view: 'owned', ref: department, page: 2 });
    expect(csv).toMatchObject({ filename: 'owned-by-commerce-engineering.csv', title: 'What Commerce Engineering owns', rows: owned.length });
    expect(csv.csv.split('\r\n')[0]).toBe('"kind","ref","name","title","owner"');
    expect(csv.csv).toContain('"component:default/checkout-service"');
  });

  it("the card's All it owns button answers with page 1 under the card, keeping it", async () => {
    const io = recorder();
    const action = {
      type: 'button' as const,
      action_id: ActionIds.showOwned,
      block_id: 'team.actions',
      action_ts: '1700000000.000300',
      text: { type: 'plain_text' as const, text: 'All it owns' },
      value: encodePageValue({ view: 'owned', ref: department, page: 1 }),
    };
    const client = strictFake<Parameters<ReturnType<typeof showOwnedAction>>[0]['client']>({});
    await showOwnedAction(slackDepsFor(runtime))({
      ack: io.ack,
      respond: io.respond,
      action,
      client,
      body: { user: { id: People.marcus.id }, response_url: 'https://hooks.invalid/x' },
    });
    expect(io.events).toEqual(['ack', 'respond']);
    expect(io.last()).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockIds(io.last().blocks)).toContain('owned.list');
  });

  it('a forged owned-page value is refused', () => {
    expect(parsePageValue('{"view":"owned","ref":"","page":1}')).toBeUndefined();
    expect(parsePageValue('{"view":"owned","ref":"group:default/x","page":0}')).toBeUndefined();
    expect(parsePageValue('{"view":"owned","page":1}')).toBeUndefined();
  });

  it('a team that owns nothing says so; a team that is gone gets a usage hint, not an exception', async () => {
    expect(blockIds(ownedListView(group('team-a'), []).blocks)).toEqual(['owned.header', 'owned.empty']);
    const gone = await answerPage(slackDepsFor(runtime), { view: 'owned', ref: 'group:default/nobody', page: 1 });
    expect(blockIds(gone.blocks)).toContain('usage.problem');
  });

  it('hostile and huge names stay within limits and escaped', () => {
    const owned = Array.from({ length: 30 }, (_, i) => ({
      ref: `component:default/${FIVE_KB.slice(0, 200)}${i}`,
      kind: 'Component',
      name: `${FIVE_KB.slice(0, 200)}${i}`,
      title: HOSTILE,
      ownerRef: 'group:default/child',
    }));
    const message = ownedListView(group('team-a', { title: HOSTILE }), owned, 3);
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
  });
});
