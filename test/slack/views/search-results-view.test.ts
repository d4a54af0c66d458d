import { describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { searchResultsView } from '../../../src/slack/views/search-results-view.ts';
import type { SearchHit, SearchResult } from '../../../src/core/catalog-reader/catalog-queries.ts';
import { parsePageValue } from '../../../src/slack/views/action-values.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  EMOJI_RTL,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  FIVE_KB,
  HOSTILE,
  HOSTILE_ESCAPED,
} from './view-helpers.ts';

const hit = (name: string, extra: Partial<SearchHit> = {}): SearchHit => ({ ref: `component:default/${name}`, kind: 'Component', name, score: -1, ...extra });

/** A search result as the store gives it: the page's hits and the number of matches in all. */
const result = (query: string, hits: SearchHit[], extra: Partial<SearchResult> = {}): SearchResult => ({ query, hits, total: hits.length, ...extra });

type Element = { type: string; action_id: string; value?: string };
const elementsOf = (message: { blocks: Array<{ block_id?: string }> }): Element[] => {
  const actions = blockById(message.blocks, 'search.actions');
  if (!('elements' in actions)) throw new Error('not actions');
  return actions.elements as Element[];
};
const valueOf = (message: { blocks: Array<{ block_id?: string }> }, actionId: string) => {
  const element = elementsOf(message).find((candidate) => candidate.action_id === actionId);
  return element?.value === undefined ? undefined : parsePageValue(element.value);
};

describe('searchResultsView', () => {
  it('ranks hits with kind, owner and description', () => {
    const message = searchResultsView(
      result('pay', [
        hit('payments-api', { title: 'Payments API', ownerRef: 'group:default/payments-team', description: 'Takes card payments.' }),
        hit('pay-ui'),
      ]),
    );
    expect(blockIds(message.blocks)).toEqual(['search.header', 'search.summary', 'search.hit.0', 'search.hit.1', 'search.actions']);
    expect(allMrkdwn([blockById(message.blocks, 'search.hit.0')])).toBe(
      '1. *Payments API* `payments-api`  ·  component  ·  owned by payments-team\nTakes card payments.',
    );
    expect(allMrkdwn([blockById(message.blocks, 'search.hit.1')])).toBe('2. *pay-ui*  ·  component  ·  _no owner_');
    const actions = blockById(message.blocks, 'search.actions');
    expect(actions).toEqual(expect.objectContaining({ elements: [expect.objectContaining({ type: 'static_select', action_id: ActionIds.showOwner })] }));
    expect(JSON.stringify(actions)).toContain('"value":"component:default/payments-api"');
    expectMessageWithinLimits(message);
  });

  it('says when it searched for a corrected query', () => {
    const message = searchResultsView(result('paymnts', [hit('payments-api')], { didYouMean: 'payments' }));
    expect(allMrkdwn([blockById(message.blocks, 'search.summary')])).toBe(
      'Nothing matched *paymnts*. Did you mean *payments*? 1 result for that, best match first.',
    );
  });

  it('helps when nothing is found', () => {
    const message = searchResultsView(result('zzz', []));
    expect(blockIds(message.blocks)).toEqual(['search.empty']);
    expect(allMrkdwn(message.blocks)).toContain('Nothing in the catalog matches *zzz*.');
    expect(allMrkdwn(message.blocks)).toContain('prefixes');
    // A workspace on manifests/manifest.callboard-only.yml has no /owner: the hint names both forms.
    expect(allMrkdwn(message.blocks)).toContain('`/callboard owner &lt;name&gt;`');
    expectMessageWithinLimits(message);
  });

  it('gives the true number of matches, not the page length, and pages with Next / Previous / Download CSV', () => {
    const page = (n: number) => Array.from({ length: 15 }, (_, i) => hit(`svc-${(n - 1) * 15 + i}`, { description: FIVE_KB, title: FIVE_KB }));
    const first = searchResultsView(result('svc', page(1), { total: 137 }));
    expect(allMrkdwn([blockById(first.blocks, 'search.summary')])).toBe('137 results, best match first  ·  showing 1–15 of 137.');
    expect(valueOf(first, ActionIds.pagePrevious)).toBeUndefined();
    expect(valueOf(first, ActionIds.pageNext)).toEqual({ view: 'find', query: 'svc', page: 2 });
    expect(valueOf(first, ActionIds.exportList)).toEqual({ view: 'find', query: 'svc', page: 1 });
    expectMessageWithinLimits(first);

    const middle = searchResultsView(result('svc', page(2), { total: 137 }), { page: 2 });
    expect(allMrkdwn([blockById(middle.blocks, 'search.summary')])).toContain('showing 16–30 of 137');
    expect(allMrkdwn([blockById(middle.blocks, 'search.hit.0')])).toMatch(/^16\. /);
    expect(valueOf(middle, ActionIds.pagePrevious)).toEqual({ view: 'find', query: 'svc', page: 1 });
    expect(valueOf(middle, ActionIds.pageNext)).toEqual({ view: 'find', query: 'svc', page: 3 });
    expect(JSON.stringify(blockById(middle.blocks, 'search.actions'))).toContain('"text":"16. ');
    expectMessageWithinLimits(middle);

    const last = searchResultsView(result('svc', page(10).slice(0, 2), { total: 137 }), { page: 10 });
    expect(allMrkdwn([blockById(last.blocks, 'search.summary')])).toContain('showing 136–137 of 137');
    expect(valueOf(last, ActionIds.pageNext)).toBeUndefined();
    expect(valueOf(last, ActionIds.pagePrevious)).toEqual({ view: 'find', query: 'svc', page: 9 });
    expectMessageWithinLimits(last);
  });

  it('offers no paging when every match fits one page', () => {
    const message = searchResultsView(result('svc', [hit('a'), hit('b')]));
    expect(elementsOf(message).map((element) => element.type)).toEqual(['static_select']);
    expect(allMrkdwn([blockById(message.blocks, 'search.summary')])).toBe('2 results, best match first.');
  });

  it('escapes queries and catalog text, keeps emoji and RTL, and truncates 5 KB queries', () => {
    const message = searchResultsView(
      result(`${HOSTILE} ${FIVE_KB}`, [hit('x', { title: HOSTILE, description: EMOJI_RTL, ownerRef: 'group:default/<!channel>' })], { didYouMean: HOSTILE }),
    );
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(message)).toContain(EMOJI_RTL);
    expectMessageWithinLimits(message);
    const empty = searchResultsView(result(`${HOSTILE}${FIVE_KB}`, []));
    expectNoInjectedControls(empty);
    expect(empty.text.length).toBeLessThan(200);
  });
});
