import { describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { validateEntity } from '../../../src/core/catalog/validate-entity.ts';

const registry = createBuiltinKindRegistry();

// Cases break documents in every way YAML allows, so the fixture is deliberately untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string, any>;

const BASE: Raw = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'my-service' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

/** A copy of the base component with one change applied. */
const variant = (change: (raw: Raw) => void): Raw => {
  const raw = structuredClone(BASE);
  change(raw);
  return raw;
};

const issuesOf = (raw: unknown) => {
  const result = validateEntity(raw, registry);
  return result.ok ? [] : result.issues;
};

describe('validateEntity: valid field formats (compat §1.4)', () => {
  it.each<[string, (raw: Raw) => void]>([
    ['the base component', () => {}],
    ['a 63-character name', (r) => (r.metadata.name = 'a'.repeat(63))],
    ['a name with repeated separators a..b', (r) => (r.metadata.name = 'a..b')],
    ['a name a-_-b', (r) => (r.metadata.name = 'a-_-b')],
    ['a one-character name', (r) => (r.metadata.name = 'A')],
    ['a mixed-case name', (r) => (r.metadata.name = 'LoremService')],
    ['a lowercase namespace with a dash', (r) => (r.metadata.namespace = 'my-ns')],
    ['apiVersion backstage.io/v1beta1', (r) => (r.apiVersion = 'backstage.io/v1beta1')],
    ['tags with + # :', (r) => (r.metadata.tags = ['c++', 'c#', 'lang:go', 'tier-2'])],
    ['an empty label value', (r) => (r.metadata.labels = { team: '' })],
    ['a prefixed label key', (r) => (r.metadata.labels = { 'example.com/my-key': 'v1.2_x' })],
    ['an empty annotation value', (r) => (r.metadata.annotations = { 'example.com/x': '' })],
    ['a long annotation value with spaces', (r) => (r.metadata.annotations = { 'backstage.io/techdocs-ref': 'dir:. and more ' + 'x'.repeat(500) })],
    ['a link with only a url', (r) => (r.metadata.links = [{ url: 'https://example.com' }])],
    ['a link with title, icon and type', (r) => (r.metadata.links = [{ url: 'http://x.io/a', title: ' Docs', icon: 'github', type: 'docs' }])],
    ['unknown metadata keys', (r) => (r.metadata.owner_note = { anything: [1, 2] })],
    ['unknown spec keys (trap 6)', (r) => (r.spec.apiConsumedBy = ['component:www-artist'])],
    ['a title and description', (r) => Object.assign(r.metadata, { title: 'My Service', description: '' })],
  ])('accepts %s', (_label, change) => {
    expect(issuesOf(variant(change))).toEqual([]);
  });
});

describe('validateEntity: rejected envelopes and formats (compat §1.4, §1.5)', () => {
  it.each<[string, (raw: Raw) => void, (string | number)[], string]>([
    ['a 64-character name', (r) => (r.metadata.name = 'a'.repeat(64)), ['metadata', 'name'], 'at most 63 characters'],
    ['a leading dash', (r) => (r.metadata.name = '-abc'), ['metadata', 'name'], '"-abc" is not valid'],
    ['a trailing dot', (r) => (r.metadata.name = 'abc.'), ['metadata', 'name'], '"abc." is not valid'],
    ['a leading underscore', (r) => (r.metadata.name = '_abc'), ['metadata', 'name'], 'is not valid'],
    [
      'a space in the name',
      (r) => (r.metadata.name = 'my service'),
      ['metadata', 'name'],
      'metadata.name "my service" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total',
    ],
    ['a slash in the name', (r) => (r.metadata.name = 'a/b'), ['metadata', 'name'], 'is not valid'],
    ['an empty name', (r) => (r.metadata.name = ''), ['metadata', 'name'], 'metadata.name "" is not valid; expected a non-empty string'],
    ['a numeric name', (r) => (r.metadata.name = 42), ['metadata', 'name'], 'metadata.name 42 is not valid'],
    ['a missing name', (r) => delete r.metadata.name, ['metadata', 'name'], 'metadata.name is missing'],
    ['an uppercase namespace', (r) => (r.metadata.namespace = 'Default'), ['metadata', 'namespace'], 'lowercase only'],
    ['an underscore namespace', (r) => (r.metadata.namespace = 'my_ns'), ['metadata', 'namespace'], '"my_ns" is not valid'],
    ['a null namespace', (r) => (r.metadata.namespace = null), ['metadata', 'namespace'], 'null is not valid'],
    ['an uppercase tag', (r) => (r.metadata.tags = ['Java']), ['metadata', 'tags', 0], 'metadata.tags[0] "Java" is not valid'],
    ['a tag with a space', (r) => (r.metadata.tags = ['ok', 'go 1.15']), ['metadata', 'tags', 1], '[-], at most 63 characters'],
    ['a tag with a leading dash', (r) => (r.metadata.tags = ['-a']), ['metadata', 'tags', 0], 'is not valid'],
    ['an empty tag', (r) => (r.metadata.tags = ['']), ['metadata', 'tags', 0], 'is not valid'],
    ['a 64-character tag', (r) => (r.metadata.tags = ['t'.repeat(64)]), ['metadata', 'tags', 0], 'is not valid'],
    ['tags as a string', (r) => (r.metadata.tags = 'java'), ['metadata', 'tags'], 'expected a list of strings'],
    ['a label value with a space', (r) => (r.metadata.labels = { team: 'team a' }), ['metadata', 'labels', 'team'], 'an empty string or'],
    [
      'a label key with a space',
      (r) => (r.metadata.labels = { 'Bad Key': 'x' }),
      ['metadata', 'labels', 'Bad Key'],
      'metadata.labels key "Bad Key" is not valid',
    ],
    ['a label key with two slashes', (r) => (r.metadata.labels = { 'a/b/c': 'x' }), ['metadata', 'labels', 'a/b/c'], 'is not valid'],
    ['an uppercase label key prefix', (r) => (r.metadata.labels = { 'Example.com/x': 'x' }), ['metadata', 'labels', 'Example.com/x'], 'is not valid'],
    ['a numeric label value', (r) => (r.metadata.labels = { port: 8080 }), ['metadata', 'labels', 'port'], 'quote numbers'],
    [
      'a numeric annotation value',
      (r) => (r.metadata.annotations = { 'pagerduty.com/service-id': 123 }),
      ['metadata', 'annotations', 'pagerduty.com/service-id'],
      'metadata.annotations["pagerduty.com/service-id"] 123 is not valid; expected a string (quote numbers and booleans in YAML)',
    ],
    ['a boolean annotation value', (r) => (r.metadata.annotations = { 'x.io/on': true }), ['metadata', 'annotations', 'x.io/on'], 'true is not valid'],
    ['an annotation key with a space', (r) => (r.metadata.annotations = { 'my key': 'v' }), ['metadata', 'annotations', 'my key'], 'key "my key" is not valid'],
    ['annotations as a list', (r) => (r.metadata.annotations = ['a']), ['metadata', 'annotations'], 'a list is not valid'],
    ['a relative link url', (r) => (r.metadata.links = [{ url: 'example.com/docs' }]), ['metadata', 'links', 0, 'url'], 'expected an absolute URL'],
    ['a link without url', (r) => (r.metadata.links = [{ title: 'Docs' }]), ['metadata', 'links', 0, 'url'], 'metadata.links[0].url is missing'],
    ['a blank link title', (r) => (r.metadata.links = [{ url: 'https://x.io', title: '   ' }]), ['metadata', 'links', 0, 'title'], 'non-whitespace'],
    ['a link icon with a space', (r) => (r.metadata.links = [{ url: 'https://x.io', icon: 'my icon' }]), ['metadata', 'links', 0, 'icon'], 'is not valid'],
    ['a link that is a string', (r) => (r.metadata.links = ['https://x.io']), ['metadata', 'links', 0], 'expected a mapping with at least a url'],
    ['a root key relations', (r) => (r.relations = []), ['relations'], 'relations is computed by the catalog'],
    ['a root key status', (r) => (r.status = {}), ['status'], 'not allowed at the top level'],
    ['an unknown root key', (r) => (r.extra = 1), ['extra'], 'expected only apiVersion, kind, metadata and spec'],
    ['a lowercase kind', (r) => (r.kind = 'component'), ['kind'], 'kinds are case-sensitive: did you mean "Component"?'],
    [
      'an unknown kind',
      (r) => (r.kind = 'Service'),
      ['kind'],
      // Only the start of the list: Callboard's own kinds (Rotation, Scorecard) follow Resource alphabetically.
      'kind "Service" with apiVersion "backstage.io/v1alpha1" is not a known kind; expected one of API, Component, Domain, Group, Location, Resource, ',
    ],
    ['a kind starting with a digit', (r) => (r.kind = '1Component'), ['kind'], 'a sequence of [a-zA-Z][a-z0-9A-Z]'],
    [
      'an unknown apiVersion',
      (r) => (r.apiVersion = 'backstage.io/v2'),
      ['apiVersion'],
      'apiVersion "backstage.io/v2" is not supported for kind Component; expected "backstage.io/v1alpha1" or "backstage.io/v1beta1"',
    ],
    ['a malformed apiVersion', (r) => (r.apiVersion = 'backstage io/v1'), ['apiVersion'], 'is not valid'],
    ['a missing apiVersion', (r) => delete r.apiVersion, ['apiVersion'], 'apiVersion is missing'],
    ['a missing kind', (r) => delete r.kind, ['kind'], 'kind is missing'],
    ['a missing metadata', (r) => delete r.metadata, ['metadata'], 'metadata is missing'],
    ['metadata as a list', (r) => (r.metadata = []), ['metadata'], 'metadata a list is not valid'],
    ['spec as a list', (r) => (r.spec = []), ['spec'], 'spec a list is not valid; expected a mapping'],
    ['a numeric description', (r) => (r.metadata.description = 5), ['metadata', 'description'], 'expected a string'],
  ])('rejects %s', (_label, change, path, message) => {
    const issues = issuesOf(variant(change));
    expect(issues.map((issue) => issue.path)).toContainEqual(path);
    expect(issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path))?.message).toContain(message);
  });

  it('rejects a Template written with the legacy backstage.io/v1beta2 apiVersion', () => {
    const raw = { apiVersion: 'backstage.io/v1beta2', kind: 'Template', metadata: { name: 't' }, spec: { type: 'service', steps: [] } };
    expect(issuesOf(raw)).toEqual([
      { path: ['apiVersion'], message: 'apiVersion "backstage.io/v1beta2" is not supported for kind Template; expected "scaffolder.backstage.io/v1beta3"' },
    ]);
  });

  it.each([
    [[], 'expected a mapping (an entity), found a list'],
    ['text', 'expected a mapping (an entity), found a string'],
    [null, 'expected a mapping (an entity), found null'],
  ])('rejects a document that is %j', (raw, message) => {
    expect(issuesOf(raw)).toEqual([{ path: [], message }]);
  });

  it('reports every format problem, the name first (what Backstage reports)', () => {
    const issues = issuesOf(variant((r) => Object.assign(r.metadata, { name: 'bad name', tags: ['Bad'] })));
    expect(issues.map((issue) => issue.path)).toEqual([
      ['metadata', 'name'],
      ['metadata', 'tags', 0],
    ]);
  });
});

describe('validateEntity: output', () => {
  it('injects the default namespace and strips uid, etag and generation', () => {
    const raw = variant((r) => Object.assign(r.metadata, { uid: 'u-1', etag: 'e', generation: 3 }));
    const result = validateEntity(raw, registry);
    expect(result.ok && result.entity.metadata).toEqual({ name: 'my-service', namespace: 'default' });
  });

  it('keeps an explicit namespace', () => {
    const result = validateEntity(
      variant((r) => (r.metadata.namespace = 'ops')),
      registry,
    );
    expect(result.ok && result.entity.metadata.namespace).toBe('ops');
  });

  it('returns a new entity and leaves the input alone', () => {
    const raw = variant(() => {});
    const before = structuredClone(raw);
    const result = validateEntity(raw, registry);
    expect(result.ok && result.entity).not.toBe(raw);
    expect(result.ok && result.entity.metadata).not.toBe(raw.metadata);
    expect(raw).toEqual(before);
  });

  it.each<[string, (raw: Raw) => void, string | undefined]>([
    ['a spec problem', (r) => delete r.spec.owner, 'component:default/my-service'],
    ['a format problem', (r) => (r.metadata.name = 'My Service'), 'component:default/my service'],
    ['a namespaced entity', (r) => Object.assign(r.metadata, { namespace: 'Ops', tags: ['X'] }), 'component:ops/my-service'],
    ['an unknown kind', (r) => (r.kind = 'AiResource'), 'airesource:default/my-service'],
    ['a missing name', (r) => delete r.metadata.name, undefined],
    ['a numeric kind', (r) => (r.kind = 7), undefined],
    ['an empty namespace', (r) => (r.metadata.namespace = ''), undefined],
  ])('gives the partial ref after %s', (_label, change, partialRef) => {
    const result = validateEntity(variant(change), registry);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.partialRef).toBe(partialRef);
  });
});
