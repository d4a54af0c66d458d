import { describe, expect, it } from 'vitest';
import type { EntityWithRelations } from '../../../src/core/catalog/entity.ts';
import { evaluateCheck, MAX_SEARCHED_TEXT, type CheckOutcome } from '../../../src/core/scorecards/evaluate-check.ts';
import { NO_FACTS, unknownFact, type EntityFacts, type FileFact } from '../../../src/core/scorecards/facts.ts';
import { buildCheck, service } from './build-scorecard.ts';

const NOW = new Date('2026-12-06T09:00:00Z');

const entity = service({
  metadata: {
    name: 'svc',
    namespace: 'default',
    annotations: { 'backstage.io/techdocs-ref': 'dir:.', 'github.com/project-slug': 'acme/svc', empty: '' },
    tags: ['java', 'payments'],
    labels: {},
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a', tier: 1, providesApis: [], system: { nested: true } },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/team-a' },
    { type: 'dependsOn', targetRef: 'resource:default/db' },
    { type: 'dependsOn', targetRef: 'component:default/auth' },
  ],
});

const files: Record<string, FileFact> = {
  'services/svc/README.md': { kind: 'found', text: '# Svc\n\n## Runbook\nRestart it.' },
  'docs/index.md': { kind: 'found', text: 'root docs' },
  'services/svc/huge.txt': { kind: 'found', text: `${'x'.repeat(MAX_SEARCHED_TEXT)}needle` },
  'services/svc/flaky.md': unknownFact('GitHub answered 502'),
};

const FACTS: EntityFacts = {
  file: (path) => files[path] ?? { kind: 'missing' },
  docsChangedAt: '2026-11-20T12:00:00Z',
  onCallNow: true,
  dependsOnLifecycles: [
    { ref: 'resource:default/db', lifecycle: 'production' },
    { ref: 'component:default/auth', lifecycle: 'deprecated' },
    { ref: 'component:default/ghost' },
  ],
};

const evaluate = (raw: unknown, facts: EntityFacts = FACTS, on: EntityWithRelations = entity): CheckOutcome =>
  evaluateCheck(buildCheck(raw), { entity: on, catalogFile: 'services/svc/catalog-info.yaml', facts, now: NOW });

const passes = (raw: unknown, facts?: EntityFacts) => expect(evaluate(raw, facts)).toEqual({ passed: true });
const fails = (raw: unknown, message: string | RegExp, facts?: EntityFacts) => {
  const outcome = evaluate(raw, facts);
  expect(outcome.passed).toBe(false);
  expect('message' in outcome ? outcome.message : '').toMatch(message);
};
const isUnknown = (raw: unknown, message: string | RegExp, facts?: EntityFacts) => {
  const outcome = evaluate(raw, facts);
  expect(outcome.passed).toBeNull();
  expect('message' in outcome ? outcome.message : '').toMatch(message);
};

describe('evaluateCheck: field checks', () => {
  it('exists: present values pass, bracketed keys with dots and slashes are read', () => {
    passes({ exists: 'metadata.annotations["backstage.io/techdocs-ref"]' });
    passes({ exists: 'spec.tier' });
    passes({ exists: 'metadata.tags' });
    passes({ exists: 'spec.system' });
  });

  it.each([
    ['an absent field', 'spec.system.missing'],
    ['""', 'metadata.annotations.empty'],
    ['[]', 'spec.providesApis'],
    ['{}', 'metadata.labels'],
    ['a prototype key', 'constructor'],
    ['a dotted key written without brackets', 'metadata.annotations.backstage.io/techdocs-ref'],
  ])('exists treats %s as absent', (_name, path) => {
    fails({ exists: path }, `${path} is missing or empty`);
  });

  it('equals compares exactly, with the found value in the message', () => {
    passes({ equals: { path: 'spec.lifecycle', value: 'production' } });
    passes({ equals: { path: 'spec.tier', value: 1 } });
    passes({ equals: { path: 'spec.system', value: { nested: true } } });
    fails({ equals: { path: 'spec.lifecycle', value: 'Production' } }, 'spec.lifecycle is "production"; expected "Production"');
    fails({ equals: { path: 'spec.tier', value: '1' } }, 'spec.tier is 1; expected "1"');
    fails({ equals: { path: 'spec.nope', value: 'x' } }, 'spec.nope is missing; expected "x"');
  });

  it('matches searches strings (any item of a list), unanchored unless the pattern anchors', () => {
    passes({ matches: { path: 'metadata.annotations["github.com/project-slug"]', pattern: '^acme/' } });
    passes({ matches: { path: 'metadata.tags', pattern: 'pay' } });
    fails({ matches: { path: 'metadata.annotations["github.com/project-slug"]', pattern: '^svc' } }, 'is "acme/svc"; expected text matching /^svc/');
    fails({ matches: { path: 'spec.tier', pattern: '1' } }, 'spec.tier is 1; expected text matching /1/');
    fails({ matches: { path: 'spec.none', pattern: 'x' } }, 'spec.none is missing');
  });

  it('in: the value (or any item of a list) is one of the values', () => {
    passes({ in: { path: 'spec.lifecycle', values: ['production', 'experimental'] } });
    passes({ in: { path: 'metadata.tags', values: ['go', 'java'] } });
    fails({ in: { path: 'spec.lifecycle', values: ['experimental'] } }, 'spec.lifecycle is "production"; expected one of "experimental"');
  });
});

describe('evaluateCheck: relations', () => {
  it('counts relations of the type, target kind compared case-insensitively, at least min (default 1)', () => {
    passes({ relation: 'ownedBy', targetKind: 'Group' });
    passes({ relation: 'ownedBy', targetKind: 'GROUP' });
    passes({ relation: 'dependsOn', min: 2 });
    passes({ relation: { type: 'dependsOn', targetKind: 'Resource' } });
    fails({ relation: 'ownedBy', targetKind: 'User' }, 'has 0 ownedBy relations to a User; needs at least 1');
    fails({ relation: 'dependsOn', targetKind: 'component', min: 2 }, 'has 1 dependsOn relation to a component; needs at least 2');
    fails({ relation: 'dependsOn', min: 3 }, 'has 2 dependsOn relations; needs at least 3');
    fails({ relation: 'ownedby' }, 'has 0 ownedby relations');
  });
});

describe('evaluateCheck: facts', () => {
  it('file: relative to the catalog file, or to the source root with a leading slash', () => {
    passes({ file: 'README.md' });
    passes({ file: '/docs/index.md' });
    passes({ file: { path: 'README.md', contains: '^## Runbook' } });
    fails({ file: 'RUNBOOK.md' }, 'services/svc/RUNBOOK.md does not exist');
    fails({ file: 'docs/index.md' }, 'services/svc/docs/index.md does not exist');
    fails({ file: 'README.md', contains: 'Rollback' }, 'services/svc/README.md has nothing matching /Rollback/');
    fails({ file: '../../../x.md' }, 'leaves the source root');
    fails({ file: 'huge.txt', contains: 'needle' }, 'larger than 1 MiB');
    isUnknown({ file: 'flaky.md' }, 'services/svc/flaky.md could not be read: GitHub answered 502');
  });

  it('docs: changed within maxAgeDays of now, absent docs fail, unknown stays unknown', () => {
    passes({ docs: { maxAgeDays: 30 } });
    fails({ docs: { maxAgeDays: 10 } }, 'docs last changed 15 days ago (2026-11-20); expected within 10 days');
    fails({ docs: { maxAgeDays: 10 } }, 'has no rendered docs', { ...FACTS, docsChangedAt: null });
    isUnknown({ docs: { maxAgeDays: 10 } }, 'docs could not be checked: docs store offline', { ...FACTS, docsChangedAt: unknownFact('docs store offline') });
    isUnknown({ docs: { maxAgeDays: 10 } }, 'is not a date', { ...FACTS, docsChangedAt: 'yesterday' });
  });

  it('oncall: someone resolves now', () => {
    passes({ oncall: true });
    fails({ oncall: true }, 'nobody is on call now', { ...FACTS, onCallNow: false });
    isUnknown({ oncall: true }, 'on-call could not be checked: PagerDuty answered 503', { ...FACTS, onCallNow: unknownFact('PagerDuty answered 503') });
  });

  it('noDependencyOn: no transitive dependsOn target has one of the lifecycles', () => {
    passes({ noDependencyOn: { lifecycle: ['experimental'] } });
    fails({ noDependencyOn: { lifecycle: ['deprecated'] } }, 'depends on component:default/auth (deprecated)');
    passes({ noDependencyOn: { lifecycle: 'deprecated' } }, { ...FACTS, dependsOnLifecycles: [] });
    isUnknown({ noDependencyOn: { lifecycle: ['deprecated'] } }, 'dependencies could not be walked', NO_FACTS);
  });
});

describe('evaluateCheck: combinators (unknown is a third value)', () => {
  const yes = { oncall: true };
  const no = { exists: 'spec.nope' };
  const unknown = { file: 'flaky.md' };

  it.each<[string, unknown, boolean | null]>([
    ['all of passing', { all: [yes, yes] }, true],
    ['all with a failure', { all: [yes, no, unknown] }, false],
    ['all with an unknown', { all: [yes, unknown] }, null],
    ['any with a pass', { any: [no, unknown, yes] }, true],
    ['any of failures', { any: [no, no] }, false],
    ['any with an unknown', { any: [no, unknown] }, null],
    ['not of a pass', { not: yes }, false],
    ['not of a failure', { not: no }, true],
    ['not of an unknown', { not: unknown }, null],
    ['nested', { all: [{ any: [no, { not: no }] }, { not: { all: [yes, no] } }] }, true],
  ])('%s', (_name, raw, passed) => {
    expect(evaluate(raw).passed).toBe(passed);
  });

  it('explains with the inner checks that decided', () => {
    fails({ all: [yes, no, { exists: 'spec.none' }] }, 'spec.nope is missing or empty; spec.none is missing or empty');
    fails({ any: [no, { oncall: true }] }, 'none of these holds: spec.nope is missing or empty; nobody is on call now', { ...FACTS, onCallNow: false });
    fails({ not: { exists: 'spec.owner' } }, 'expected not: spec.owner is set');
    isUnknown({ all: [yes, unknown] }, 'GitHub answered 502');
  });
});
