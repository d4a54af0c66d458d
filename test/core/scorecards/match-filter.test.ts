import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import { matchFilter } from '../../../src/core/scorecards/match-filter.ts';
import { buildScorecard } from './build-scorecard.ts';

const filterOf = (filter: Record<string, unknown>) => buildScorecard({ owner: 'platform', filter, levels: ['bronze'], rules: [] }).filter;

const entity = (kind: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: `${kind.toLowerCase()}-x`, namespace: 'default', ...metadata },
  spec,
});

const service = entity('Component', { type: 'service', lifecycle: 'production' });
const website = entity('Component', { type: 'website', lifecycle: 'production' });
const api = entity('API', { type: 'openapi', lifecycle: 'production' });
const experimentalApi = entity('API', { type: 'openapi', lifecycle: 'experimental' });
const database = entity('Resource', { type: 'database', tier: 1 }, { annotations: { 'acme.com/pci': 'true' }, tags: ['pci', 'eu'] });
const team = entity('Group', { type: 'team', children: [] });

describe('matchFilter', () => {
  const issueFilter = filterOf({ kind: ['Component', 'API'], 'spec.type': ['service', 'openapi'], 'spec.lifecycle': ['production'] });

  it.each<[string, Entity, boolean]>([
    ['a production service', service, true],
    ['a production API', api, true],
    ['a website (type not listed)', website, false],
    ['an experimental API (lifecycle not listed)', experimentalApi, false],
    ['a Resource (kind not listed)', database, false],
    ['a Group (no spec.lifecycle)', team, false],
  ])("the issue's filter: %s → %s", (_name, candidate, matches) => {
    expect(matchFilter(candidate, issueFilter)).toBe(matches);
  });

  it('scores any kind, not only Components', () => {
    expect(matchFilter(team, filterOf({ kind: 'Group', 'spec.type': 'team' }))).toBe(true);
    expect(matchFilter(database, filterOf({ kind: 'Resource' }))).toBe(true);
  });

  it('compares exactly: case matters', () => {
    expect(matchFilter(service, filterOf({ kind: 'component' }))).toBe(false);
    expect(matchFilter(service, filterOf({ 'spec.lifecycle': 'Production' }))).toBe(false);
  });

  it('reads bracketed keys with dots and slashes, lists any-of, numbers and booleans as written', () => {
    expect(matchFilter(database, filterOf({ 'metadata.annotations["acme.com/pci"]': 'true' }))).toBe(true);
    expect(matchFilter(database, filterOf({ 'metadata.tags': ['us', 'eu'] }))).toBe(true);
    expect(matchFilter(database, filterOf({ 'metadata.tags': ['us'] }))).toBe(false);
    expect(matchFilter(database, filterOf({ 'spec.tier': ['1', '2'] }))).toBe(true);
    expect(matchFilter(database, filterOf({ 'spec.tier': ['2'] }))).toBe(false);
  });

  it('never matches through prototype keys or on mappings', () => {
    expect(matchFilter(service, filterOf({ 'spec.constructor.name': 'Object' }))).toBe(false);
    expect(matchFilter(service, filterOf({ constructor: 'function Object() { [native code] }' }))).toBe(false);
    expect(matchFilter(service, filterOf({ spec: '[object Object]' }))).toBe(false);
  });
});
