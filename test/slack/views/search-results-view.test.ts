import { describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { searchResultsView } from '../../../src/slack/views/search-results-view.ts';
import type { SearchHit } from '../../../src/core/catalog-reader/catalog-queries.ts';
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

describe('searchResultsView', () => {
  it('ranks hits with kind, owner and description', () => {
    const message = searchResultsView({
      query: 'pay',
      hits: [hit('payments-api', { title: 'Payments API', ownerRef: 'group:default/payments-team', description: 'Takes card payments.' }), hit('pay-ui')],
    });
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
    const message = searchResultsView({ query: 'paymnts', didYouMean: 'payments', hits: [hit('payments-api')] });
    expect(allMrkdwn([blockById(message.blocks, 'search.summary')])).toBe('Nothing matched *paymnts*. Did you mean *payments*? Showing 1 result for that.');
  });

  it('helps when nothing is found', () => {
    const message = searchResultsView({ query: 'zzz', hits: [] });
    expect(blockIds(message.blocks)).toEqual(['search.empty']);
    expect(allMrkdwn(message.blocks)).toContain('Nothing in the catalog matches *zzz*.');
    expect(allMrkdwn(message.blocks)).toContain('prefixes');
    expectMessageWithinLimits(message);
  });

  it('counts hits beyond the fifteen it lists', () => {
    const message = searchResultsView({ query: 'svc', hits: Array.from({ length: 100 }, (_, i) => hit(`svc-${i}`, { description: FIVE_KB, title: FIVE_KB })) });
    expect(allMrkdwn([blockById(message.blocks, 'search.more')])).toContain('85 more results not shown');
    expectMessageWithinLimits(message);
  });

  it('escapes queries and catalog text, keeps emoji and RTL, and truncates 5 KB queries', () => {
    const message = searchResultsView({
      query: `${HOSTILE} ${FIVE_KB}`,
      didYouMean: HOSTILE,
      hits: [hit('x', { title: HOSTILE, description: EMOJI_RTL, ownerRef: 'group:default/<!channel>' })],
    });
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(message)).toContain(EMOJI_RTL);
    expectMessageWithinLimits(message);
    const empty = searchResultsView({ query: `${HOSTILE}${FIVE_KB}`, hits: [] });
    expectNoInjectedControls(empty);
    expect(empty.text.length).toBeLessThan(200);
  });
});
