import { describe, expect, it } from 'vitest';
import type { DependencyAnswer } from '../../src/core/catalog-reader/catalog-answers.ts';
import { formatDependencies } from '../../src/cli/format/format-dependencies.ts';
import { cli, exampleConfig } from '../helpers/run-cli.ts';

const config = exampleConfig();

const answer = (extra: Partial<DependencyAnswer>): DependencyAnswer => ({
  ref: 'resource:default/db',
  direction: 'reverse',
  nodes: [{ ref: 'component:default/api', depth: 1, via: 'resource:default/db', exists: true, kind: 'Component' }],
  beyondDepth: 0,
  budget: 5000,
  budgetReached: false,
  oppositeHasRelations: true,
  ...extra,
});

describe('callboard deps: never cut silently', () => {
  it('walks every hop by default: cart-service, 4 hops from orders-db, is in its blast radius', async () => {
    const { code, out } = await cli(['deps', 'resource:orders-db', '--reverse', '--config', config]);
    expect(code).toBe(0);
    expect(out).toMatch(/^resource:default\/orders-db is depended on by \d+ entities \(all hops\):/);
    expect(out).toMatch(/depth 4 \(\d+\)\n(?: {2}.*\n)*? {2}component:default\/cart-service/);
  });

  it('with --depth, counts what lies beyond it', async () => {
    const { out } = await cli(['deps', 'resource:orders-db', '--reverse', '--depth', '1', '--config', config]);
    expect(out).toMatch(/\n\d+ more beyond depth 1 \(leave out --depth to list every hop\)$/);
  });

  it('says when the node budget stopped the walk, and that the beyond count is then a lower bound', () => {
    expect(formatDependencies(answer({ budgetReached: true }))).toContain('stopped after 5000 entities; there are more');
    expect(formatDependencies(answer({ depth: 1, beyondDepth: 4999, budgetReached: true }))).toContain('at least 4999 more beyond depth 1');
    expect(formatDependencies(answer({ depth: 2 }))).not.toMatch(/beyond|stopped/);
  });
});
