import { describe, expect, it } from 'vitest';
import { entityChooserView } from '../../../src/slack/views/entity-chooser-view.ts';
import { errorView, notFoundView, usageView } from '../../../src/slack/views/not-found-view.ts';
import { allProblemsRefusedView, problemsView } from '../../../src/slack/views/problems-view.ts';
import { searchResultsView } from '../../../src/slack/views/search-results-view.ts';
import { syncNotAllowedView, syncStartedView } from '../../../src/slack/views/sync-view.ts';

const candidates = [
  { ref: 'component:default/checkout', kind: 'Component', name: 'checkout' },
  { ref: 'system:default/checkout', kind: 'System', name: 'checkout' },
];

// A mention posts these to the asker alone (app-mention.ts reads the flag, not block ids).
describe('views that concern the asker alone say so', () => {
  it.each([
    ['not found', notFoundView({ status: 'not_found', query: 'orders db', suggestions: [] })],
    ['a usage hint', usageView('owner', 'Say which entity.')],
    ['a failure', errorView('The catalog is not reachable.', { retryable: true })],
    ['a refused sync', syncNotAllowedView(['ops@acme.com'])],
    ['a refused errors all', allProblemsRefusedView(['ops@acme.com'])],
    ['a choice', entityChooserView(candidates, 'owner')],
    ['a choice with no candidates left', entityChooserView([], 'owner')],
    ['a search that found nothing', searchResultsView({ query: 'zzz', hits: [], total: 0 })],
  ])('%s', (_what, message) => {
    expect(message.forAskerOnly).toBe(true);
  });

  it('an answer does not', () => {
    expect(problemsView([], 'your teams').forAskerOnly).toBeUndefined();
    expect(syncStartedView().forAskerOnly).toBeUndefined();
  });
});
