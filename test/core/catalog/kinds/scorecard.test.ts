import { describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, parseCatalogFileFully } from '../../../../src/core/catalog/parse-catalog-file.ts';
import type { ReadTarget } from '../../../../src/core/catalog/placeholders.ts';
import { validateEntity } from '../../../../src/core/catalog/validate-entity.ts';

const registry = createBuiltinKindRegistry();
const FILE = 'scorecards/production-readiness.yaml';

const refusingReader: ReadTarget = async () => {
  throw new Error('readTarget must not be called');
};

const parse = (text: string) => parseCatalogFile(text, FILE, { registry, readTarget: refusingReader });

/** The issue's example, as written there. */
const ISSUE_YAML = `apiVersion: callboard.dev/v1alpha1
kind: Scorecard
metadata: { name: production-readiness, title: Production readiness }
spec:
  owner: group:platform-team
  filter: { kind: [Component, API], spec.type: [service, openapi], spec.lifecycle: [production] }
  levels: [bronze, silver, gold]      # lowest first
  rules:
    - id: owned-by-group
      level: bronze
      title: Owned by a team
      check: { relation: ownedBy, targetKind: Group }
      fix: Set spec.owner to a group ref.
    - id: has-docs
      level: silver
      check: { exists: 'metadata.annotations["backstage.io/techdocs-ref"]' }
`;

/** A valid scorecard with room for one more rule, written block-style so every line is distinct. */
const withRule = (rule: string, levels = '[bronze, silver]', filter = 'kind: Component') => `apiVersion: callboard.dev/v1alpha1
kind: Scorecard
metadata:
  name: sc
spec:
  owner: platform-team
  filter:
    ${filter}
  levels: ${levels}
  rules:
    - id: base
      level: bronze
      check:
        exists: spec.owner
${rule}`;

describe('Scorecard kind', () => {
  it("reads the issue's example with no problems, owned by the group", async () => {
    const result = await parse(ISSUE_YAML);
    expect(result.problems).toEqual([]);
    expect(result.entities.map((e) => e.ref)).toEqual(['scorecard:default/production-readiness']);
    expect(result.entities[0]!.relations).toEqual([
      { sourceRef: 'scorecard:default/production-readiness', type: 'ownedBy', targetRef: 'group:default/platform-team' },
      { sourceRef: 'group:default/platform-team', type: 'ownerOf', targetRef: 'scorecard:default/production-readiness' },
    ]);
  });

  it('reads the same through the fast path and the full YAML reader', async () => {
    const full = await parseCatalogFileFully(ISSUE_YAML, FILE, { registry, readTarget: refusingReader });
    expect(await parse(ISSUE_YAML)).toEqual(full);
    expect(full.entities[0]!.entity.spec!.filter).toEqual({
      kind: ['Component', 'API'],
      'spec.type': ['service', 'openapi'],
      'spec.lifecycle': ['production'],
    });
  });

  it('defaults the owner kind to Group', async () => {
    const result = await parse(withRule(''));
    expect(result.problems).toEqual([]);
    expect(result.entities[0]!.relations[0]).toMatchObject({ type: 'ownedBy', targetRef: 'group:default/platform-team' });
  });

  it('accepts every check type, both short and nested forms, and nesting', async () => {
    const rule = `    - id: everything
      level: silver
      check:
        all:
          - equals: { path: spec.lifecycle, value: production }
          - matches: { path: 'metadata.annotations["github.com/project-slug"]', pattern: '^acme/' }
          - in: { path: spec.tier, values: ["1", "2"] }
          - relation: dependsOn
            min: 2
          - relation: { type: ownedBy, targetKind: Group, min: 1 }
          - file: README.md
            contains: '## Runbook'
          - file: { path: /docs/index.md }
          - docs: { maxAgeDays: 90 }
          - oncall: true
          - noDependencyOn: { lifecycle: [deprecated] }
          - any: [{ exists: spec.system }, { not: { exists: metadata.labels.legacy } }]
`;
    const result = await parse(withRule(rule));
    expect(result.problems).toEqual([]);
  });
});

/** Each case: a rule (or spec change) that is wrong, the path the problem must name, its line, and words of its message. */
const INVALID: [string, string, string, number, RegExp][] = [
  [
    'unknown level',
    `    - id: r\n      level: Gold\n      check: { oncall: true }\n`,
    'spec.rules[1].level',
    16,
    /spec\.rules\[1\]\.level "Gold" is not valid; expected one of this scorecard's levels \(spec\.levels\): bronze, silver/,
  ],
  [
    'duplicate rule id',
    `    - id: base\n      level: bronze\n      check: { oncall: true }\n`,
    'spec.rules[1].id',
    15,
    /an id no other rule of this scorecard has/,
  ],
  ['bad rule id', `    - id: has docs\n      level: bronze\n      check: { oncall: true }\n`, 'spec.rules[1].id', 15, /letters, digits/],
  [
    'two check types',
    `    - id: r\n      level: bronze\n      check: { oncall: true, exists: spec.owner }\n`,
    'spec.rules[1].check',
    17,
    /exactly one check type per mapping, found oncall and exists; combine checks with all/,
  ],
  ['no check type', `    - id: r\n      level: bronze\n      check: { exist: spec.owner }\n`, 'spec.rules[1].check', 17, /one check type \(exists, equals/],
  [
    'unknown sibling key',
    `    - id: r\n      level: bronze\n      check: { exists: spec.owner, min: 2 }\n`,
    'spec.rules[1].check.min',
    17,
    /nothing beside exists/,
  ],
  [
    'bad field path',
    `    - id: r\n      level: bronze\n      check: { exists: 'metadata..name' }\n`,
    'spec.rules[1].check.exists',
    17,
    /"metadata\.\.name" is not a field path: a dot must be followed by a key/,
  ],
  [
    'unclosed bracket',
    `    - id: r\n      level: bronze\n      check: { exists: 'metadata.annotations["a.b' }\n`,
    'spec.rules[1].check.exists',
    17,
    /not a \["quoted key"\]/,
  ],
  [
    'regex that does not compile',
    `    - id: r\n      level: bronze\n      check: { matches: { path: spec.type, pattern: '(' } }\n`,
    'spec.rules[1].check.matches.pattern',
    17,
    /does not compile/,
  ],
  [
    'exponential regex',
    `    - id: r\n      level: bronze\n      check: { matches: { path: spec.type, pattern: '^(a+)+$' } }\n`,
    'spec.rules[1].check.matches.pattern',
    17,
    /exponential/,
  ],
  [
    'long regex',
    `    - id: r\n      level: bronze\n      check: { file: README.md, contains: '${'a'.repeat(201)}' }\n`,
    'spec.rules[1].check.contains',
    17,
    /at most 200 characters/,
  ],
  [
    'file path escaping the root',
    `    - id: r\n      level: bronze\n      check: { file: /../secrets }\n`,
    'spec.rules[1].check.file',
    17,
    /leaves the source root/,
  ],
  ['file path as a URL', `    - id: r\n      level: bronze\n      check: { file: 'https://x/y' }\n`, 'spec.rules[1].check.file', 17, /not a URL/],
  ['oncall false', `    - id: r\n      level: bronze\n      check: { oncall: false }\n`, 'spec.rules[1].check.oncall', 17, /write not: \{ oncall: true \}/],
  ['min zero', `    - id: r\n      level: bronze\n      check: { relation: ownedBy, min: 0 }\n`, 'spec.rules[1].check.min', 17, /at least 1/],
  [
    'unknown key in a nested relation',
    `    - id: r\n      level: bronze\n      check: { relation: { type: ownedBy, kind: Group } }\n`,
    'spec.rules[1].check.relation.kind',
    17,
    /only type, targetKind, min in relation/,
  ],
  [
    'nested file without a path',
    `    - id: r\n      level: bronze\n      check: { file: { contains: x } }\n`,
    'spec.rules[1].check.file.path',
    17,
    /is missing; expected a file path such as README\.md/,
  ],
  [
    'docs without maxAgeDays',
    `    - id: r\n      level: bronze\n      check: { docs: {} }\n`,
    'spec.rules[1].check.docs.maxAgeDays',
    17,
    /is missing; expected a number of days/,
  ],
  [
    'empty in',
    `    - id: r\n      level: bronze\n      check: { in: { path: spec.type, values: [] } }\n`,
    'spec.rules[1].check.in.values',
    17,
    /non-empty list of allowed values/,
  ],
  [
    'deeply nested mistake',
    `    - id: r\n      level: bronze\n      check:\n        any:\n          - oncall: true\n          - all:\n              - not:\n                  exists: 'spec..x'\n`,
    'spec.rules[1].check.any[1].all[0].not.exists',
    22,
    /not a field path/,
  ],
  ['missing check', `    - id: r\n      level: bronze\n`, 'spec.rules[1].check', 15, /check is missing/],
];

describe('Scorecard kind: invalid specs are problems at the right path and line', () => {
  it.each(INVALID)('%s', async (_name, rule, path, line, message) => {
    const result = await parse(withRule(rule));
    expect(result.entities).toEqual([]);
    expect(result.rejectedRefs).toEqual(['scorecard:default/sc']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', file: FILE, line, entityRef: 'scorecard:default/sc' });
    expect(result.problems[0]!.message.startsWith(path)).toBe(true);
    expect(result.problems[0]!.message).toMatch(message);
  });

  it.each<[string, string, string, RegExp]>([
    ['duplicate levels', '[bronze, silver, bronze]', 'spec.levels[2]', /each level once/],
    ['empty levels', '[]', 'spec.levels', /non-empty list of level names/],
  ])('%s', async (_name, levels, path, message) => {
    const result = await parse(withRule('', levels));
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(message)]);
    expect(result.problems[0]!.message.startsWith(path)).toBe(true);
    expect(result.problems[0]!.line).toBe(9);
  });

  it.each<[string, string, string, RegExp]>([
    ['a filter key that is not a path', `'spec..type': service`, 'spec.filter["spec..type"]', /not a field path/],
    ['a number as a filter value', 'spec.tier: 1', 'spec.filter["spec.tier"]', /quote numbers/],
    ['an empty list as a filter value', 'kind: []', 'spec.filter.kind', /non-empty list of strings/],
  ])('%s', async (_name, filter, path, message) => {
    const result = await parse(withRule('', undefined, filter));
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(message)]);
    expect(result.problems[0]!.message.startsWith(path)).toBe(true);
    expect(result.problems[0]!.line).toBe(8);
  });

  it('reports every bad rule of a scorecard at once, and keeps the other documents of the file', async () => {
    const bad = withRule(`    - id: a\n      level: nope\n      check: { oncall: true }\n    - id: b\n      level: bronze\n      check: { nope: 1 }\n`);
    const result = await parse(`${bad}---\n${ISSUE_YAML}`);
    expect(result.problems.map((p) => [p.line, p.message.split(' ')[0]])).toEqual([
      [16, 'spec.rules[1].level'],
      [20, 'spec.rules[2].check'],
    ]);
    expect(result.entities.map((e) => e.ref)).toEqual(['scorecard:default/production-readiness']);
  });

  it('requires owner, filter, levels and rules', () => {
    const result = validateEntity({ apiVersion: 'callboard.dev/v1alpha1', kind: 'Scorecard', metadata: { name: 'x' }, spec: {} }, registry);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path.join('.'))).toEqual(['spec.owner', 'spec.filter', 'spec.levels', 'spec.rules']);
  });

  it('is exact about kind and apiVersion', () => {
    const result = validateEntity({ apiVersion: 'backstage.io/v1alpha1', kind: 'Scorecard', metadata: { name: 'x' }, spec: {} }, registry);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([expect.stringContaining('expected "callboard.dev/v1alpha1"')]);
  });
});

describe('Scorecard kind: every mistake at once', () => {
  it('reports shape and rule mistakes together, once each, in file order', async () => {
    const text = `apiVersion: callboard.dev/v1alpha1
kind: Scorecard
metadata: { name: sc }
spec:
  owner: platform
  filter: { kind: Component }
  levels: [bronze, silver, bronze]
  rules:
    - id: a
      level: gold
      check: { oncall: true }
    - id: b
      level: bronze
      check: 'exists spec.owner'
`;
    const result = await parse(text);
    expect(result.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '7: spec.levels[2] "bronze" is not valid; expected a level name not listed before (each level once)',
      '10: spec.rules[0].level "gold" is not valid; expected one of this scorecard\'s levels (spec.levels): bronze, silver',
      '14: spec.rules[1].check "exists spec.owner" is not valid; expected a check such as { exists: spec.owner }',
    ]);
  });
});
