import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../src/core/catalog/entity.ts';
import { createBuiltinKindRegistry } from '../../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, parseCatalogFileFully } from '../../../../src/core/catalog/parse-catalog-file.ts';
import { parsePlainCatalogFile } from '../../../../src/core/catalog/parse-plain-catalog-file.ts';
import type { ReadTarget } from '../../../../src/core/catalog/placeholders.ts';
import { validateEntity } from '../../../../src/core/catalog/validate-entity.ts';

const registry = createBuiltinKindRegistry();
const FILE = 'teams/payments/rotation.yaml';
const refusingReader: ReadTarget = async () => {
  throw new Error('readTarget must not be called');
};

/** The example of issue 13, exactly as written there (comments included). */
const ISSUE_YAML = `apiVersion: callboard.dev/v1alpha1
kind: Rotation
metadata: { name: payments-primary }
spec:
  owner: group:payments-team          # the team this rotation covers (its entities inherit it)
  timezone: Europe/Berlin             # IANA name; handoffs keep local wall-clock time across DST
  layers:                             # escalation levels, level 1 first
    - name: primary
      members: [user:alice, user:bob, user:carol]   # in order
      start: 2026-01-05T09:00         # a handoff time, local to timezone
      length: 1w                      # Nh | Nd | Nw
    - name: secondary
      members: [user:dave, user:erin]
      start: 2026-01-05T09:00
      length: 2w
  overrides:                          # replace one layer's person for a period
    - { layer: primary, user: user:frank, from: 2026-12-24T00:00, until: 2026-12-27T00:00 }
`;

describe('Rotation kind: the issue example', () => {
  it.each([
    ['parseCatalogFile', parseCatalogFile],
    ['parseCatalogFileFully', parseCatalogFileFully],
  ])('%s reads it with no problem, dates as strings, and owner relations', async (_name, parse) => {
    const result = await parse(ISSUE_YAML, FILE, { registry, readTarget: refusingReader });
    expect(result.problems).toEqual([]);
    expect(result.entities.map((parsed) => parsed.ref)).toEqual(['rotation:default/payments-primary']);
    const spec = result.entities[0]!.entity.spec!;
    expect((spec.layers as { start: unknown }[])[0]!.start).toBe('2026-01-05T09:00');
    expect((spec.overrides as { from: unknown; until: unknown }[])[0]).toMatchObject({ from: '2026-12-24T00:00', until: '2026-12-27T00:00' });
    expect(result.entities[0]!.relations).toEqual([
      { sourceRef: 'rotation:default/payments-primary', type: 'ownedBy', targetRef: 'group:default/payments-team' },
      { sourceRef: 'group:default/payments-team', type: 'ownerOf', targetRef: 'rotation:default/payments-primary' },
    ]);
  });

  it('reads unquoted date-times as strings on the fast path (js-yaml) too', () => {
    // The scanner steps aside for a flow mapping as a list item (`- { … }`), so the override is written as a block here.
    const block = ISSUE_YAML.replace(
      '    - { layer: primary, user: user:frank, from: 2026-12-24T00:00, until: 2026-12-27T00:00 }',
      '    - layer: primary\n      user: user:frank\n      from: 2026-12-24T00:00\n      until: 2026-12-27T00:00',
    );
    const fast = parsePlainCatalogFile(block, registry);
    expect(fast?.problems).toEqual([]);
    const spec = fast!.entities[0]!.entity.spec!;
    expect((spec.layers as { start: unknown }[])[1]!.start).toBe('2026-01-05T09:00');
    expect((spec.overrides as { until: unknown }[])[0]!.until).toBe('2026-12-27T00:00');
  });

  it('is not accepted under a Backstage apiVersion', async () => {
    const result = await parseCatalogFile(ISSUE_YAML.replace('callboard.dev/v1alpha1', 'backstage.io/v1alpha1'), FILE, {
      registry,
      readTarget: refusingReader,
    });
    expect(result.entities).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('places a problem on the line of the bad field', async () => {
    const bad = ISSUE_YAML.replace('length: 2w', 'length: 2 weeks');
    const result = await parseCatalogFile(bad, FILE, { registry, readTarget: refusingReader });
    expect(result.entities).toEqual([]);
    expect(result.rejectedRefs).toEqual(['rotation:default/payments-primary']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: FILE,
        line: 15,
        entityRef: 'rotation:default/payments-primary',
        message: expect.stringMatching(/^spec\.layers\[1\]\.length "2 weeks" is not valid; expected a shift length such as "12h", "1d" or "2w"/),
      }),
    ]);
  });

  it('places an override problem on its line', async () => {
    const bad = ISSUE_YAML.replace('layer: primary, user: user:frank', 'layer: tertiary, user: user:frank');
    const result = await parseCatalogFile(bad, FILE, { registry, readTarget: refusingReader });
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 17,
        message: 'spec.overrides[0].layer "tertiary" is not valid; expected the name of one of spec.layers ("primary", "secondary")',
      }),
    ]);
  });
});

const VALID = {
  owner: 'group:payments-team',
  timezone: 'Europe/Berlin',
  layers: [
    { name: 'primary', members: ['user:alice', 'bob'], start: '2026-01-05T09:00', length: '1w' },
    { name: 'secondary', members: ['user:dave'], start: '2026-01-05T08:00:00Z', length: '12h' },
  ],
  overrides: [{ layer: 'primary', user: 'frank', from: '2026-12-24T00:00', until: '2026-12-27T00:00+01:00' }],
};

const issuesOf = (spec: unknown, namespace?: string) => {
  const entity = {
    apiVersion: 'callboard.dev/v1alpha1',
    kind: 'Rotation',
    metadata: { name: 'r', ...(namespace ? { namespace } : {}) },
    ...(spec === undefined ? {} : { spec }),
  } as Entity;
  const result = validateEntity(entity, registry);
  return result.ok ? [] : result.issues;
};

/** VALID with one change at a path inside spec; `undefined` removes the key. */
const changed = (path: (string | number)[], value: unknown): unknown => {
  const copy = structuredClone(VALID) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
};

describe('Rotation kind: validation', () => {
  it('accepts a valid spec: refs with default kinds, offsets, seconds, 12h layers', () => {
    expect(issuesOf(VALID)).toEqual([]);
  });

  it('needs a spec', () => {
    expect(issuesOf(undefined)).toEqual([{ path: ['spec'], message: 'spec is missing; expected a mapping with at least owner, timezone and layers' }]);
  });

  it.each<[string, (string | number)[], unknown, (string | number)[], string]>([
    ['owner missing', ['owner'], undefined, ['spec', 'owner'], 'spec.owner is missing; expected an entity ref string such as "team-a"'],
    ['owner malformed', ['owner'], 'a:b:c', ['spec', 'owner'], 'spec.owner "a:b:c" is not valid; expected an entity ref of the form'],
    ['timezone missing', ['timezone'], undefined, ['spec', 'timezone'], 'spec.timezone is missing; expected an IANA time zone name such as "Europe/Berlin"'],
    ['timezone unknown', ['timezone'], 'Europe/Berln', ['spec', 'timezone'], 'spec.timezone "Europe/Berln" is not valid; expected an IANA time zone name'],
    ['timezone as an offset', ['timezone'], '+01:00', ['spec', 'timezone'], 'spec.timezone "+01:00" is not valid; expected an IANA time zone name'],
    ['no layers', ['layers'], [], ['spec', 'layers'], 'spec.layers a list is not valid; expected at least one layer'],
    ['layers not a list', ['layers'], { name: 'primary' }, ['spec', 'layers'], 'spec.layers a mapping is not valid; expected a list of layers'],
    ['layer name missing', ['layers', 0, 'name'], undefined, ['spec', 'layers', 0, 'name'], 'spec.layers[0].name is missing; expected a non-empty layer name'],
    [
      'duplicate layer name',
      ['layers', 1, 'name'],
      'primary',
      ['spec', 'layers', 1, 'name'],
      'spec.layers[1].name "primary" is not valid; expected a name no other layer',
    ],
    ['no members', ['layers', 0, 'members'], [], ['spec', 'layers', 0, 'members'], 'spec.layers[0].members a list is not valid; expected at least one member'],
    ['members not a list', ['layers', 0, 'members'], 'user:alice', ['spec', 'layers', 0, 'members'], 'expected a list of people in turn order'],
    [
      'member malformed',
      ['layers', 0, 'members', 1],
      'a/b/c',
      ['spec', 'layers', 0, 'members', 1],
      'spec.layers[0].members[1] "a/b/c" is not valid; expected a User ref such as "user:alice"',
    ],
    [
      'member a group',
      ['layers', 0, 'members', 1],
      'group:team',
      ['spec', 'layers', 0, 'members', 1],
      'expected a User ref such as "user:alice" or "alice" (only people can be on call)',
    ],
    ['member empty', ['layers', 0, 'members', 0], '', ['spec', 'layers', 0, 'members', 0], 'spec.layers[0].members[0] "" is not valid; expected a User ref'],
    [
      'start missing',
      ['layers', 0, 'start'],
      undefined,
      ['spec', 'layers', 0, 'start'],
      'spec.layers[0].start is missing; expected a date and time such as "2026-01-05T09:00"',
    ],
    [
      'start with a space',
      ['layers', 0, 'start'],
      '2026-01-05 09:00',
      ['spec', 'layers', 0, 'start'],
      'spec.layers[0].start "2026-01-05 09:00" is not valid; expected a date and time',
    ],
    ['start without time', ['layers', 0, 'start'], '2026-01-05', ['spec', 'layers', 0, 'start'], 'is not valid; expected a date and time'],
    [
      'start on a day that does not exist',
      ['layers', 0, 'start'],
      '2026-02-30T09:00',
      ['spec', 'layers', 0, 'start'],
      'is not valid; expected a date and time',
    ],
    ['start at hour 24', ['layers', 0, 'start'], '2026-01-05T24:00', ['spec', 'layers', 0, 'start'], 'is not valid; expected a date and time'],
    ['start with a bad offset', ['layers', 0, 'start'], '2026-01-05T09:00+1', ['spec', 'layers', 0, 'start'], 'is not valid; expected a date and time'],
    [
      'start as a number',
      ['layers', 0, 'start'],
      20260105,
      ['spec', 'layers', 0, 'start'],
      'spec.layers[0].start 20260105 is not valid; expected a date and time',
    ],
    [
      'length missing',
      ['layers', 0, 'length'],
      undefined,
      ['spec', 'layers', 0, 'length'],
      'spec.layers[0].length is missing; expected a shift length such as "12h"',
    ],
    ['length zero', ['layers', 0, 'length'], '0d', ['spec', 'layers', 0, 'length'], 'spec.layers[0].length "0d" is not valid; expected a shift length'],
    ['length in minutes', ['layers', 0, 'length'], '30m', ['spec', 'layers', 0, 'length'], 'expected a shift length such as "12h", "1d" or "2w"'],
    ['length a number', ['layers', 0, 'length'], 7, ['spec', 'layers', 0, 'length'], 'spec.layers[0].length 7 is not valid'],
    ['length fractional', ['layers', 0, 'length'], '1.5d', ['spec', 'layers', 0, 'length'], 'is not valid; expected a shift length'],
    [
      'override layer unknown',
      ['overrides', 0, 'layer'],
      'tertiary',
      ['spec', 'overrides', 0, 'layer'],
      'spec.overrides[0].layer "tertiary" is not valid; expected the name of one of spec.layers ("primary", "secondary")',
    ],
    [
      'override user a group',
      ['overrides', 0, 'user'],
      'group:x',
      ['spec', 'overrides', 0, 'user'],
      'spec.overrides[0].user "group:x" is not valid; expected a User ref',
    ],
    [
      'override from missing',
      ['overrides', 0, 'from'],
      undefined,
      ['spec', 'overrides', 0, 'from'],
      'spec.overrides[0].from is missing; expected a date and time',
    ],
    [
      'override until before from',
      ['overrides', 0, 'until'],
      '2026-12-23T00:00',
      ['spec', 'overrides', 0, 'until'],
      'spec.overrides[0].until "2026-12-23T00:00" is not valid; expected a time after from (2026-12-24T00:00)',
    ],
    ['override until equal to from', ['overrides', 0, 'until'], '2026-12-24T00:00', ['spec', 'overrides', 0, 'until'], 'expected a time after from'],
    // 2026-12-23T23:30Z is 00:30 in Berlin, after a from of 00:00 local: offsets are honoured in the comparison.
    [
      'override until with an earlier-looking offset',
      ['overrides', 0, 'until'],
      '2026-12-23T22:59Z',
      ['spec', 'overrides', 0, 'until'],
      'expected a time after from',
    ],
    ['overrides not a list', ['overrides'], { layer: 'primary' }, ['spec', 'overrides'], 'spec.overrides a mapping is not valid; expected a list of overrides'],
  ])('%s', (_name, path, value, issuePath, message) => {
    const issues = issuesOf(changed(path, value));
    expect(issues).toEqual([{ path: issuePath, message: expect.stringContaining(message) }]);
  });

  it('refuses more than 200 overrides, naming spec.overrides and the count', () => {
    const override = VALID.overrides[0]!;
    expect(
      issuesOf(
        changed(
          ['overrides'],
          Array.from({ length: 200 }, () => override),
        ),
      ),
    ).toEqual([]);
    expect(
      issuesOf(
        changed(
          ['overrides'],
          Array.from({ length: 3000 }, () => override),
        ),
      ),
    ).toEqual([{ path: ['spec', 'overrides'], message: expect.stringContaining('spec.overrides has 3000 overrides; at most 200 are allowed') }]);
  });

  it('compares override times across offsets', () => {
    expect(issuesOf(changed(['overrides', 0, 'until'], '2026-12-23T23:30Z'))).toEqual([]);
  });

  it('reports every bad field at once', () => {
    const spec = changed(['layers', 0, 'length'], '2x') as typeof VALID;
    spec.timezone = 'Mars/Olympus';
    expect(issuesOf(spec).map((issue) => issue.path)).toEqual([
      ['spec', 'timezone'],
      ['spec', 'layers', 0, 'length'],
    ]);
  });

  it('resolves members in the rotation namespace', () => {
    expect(issuesOf(changed(['layers', 0, 'members'], ['ops/alice', 'User:ops/bob']), 'ops')).toEqual([]);
  });
});
