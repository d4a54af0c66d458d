import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { displayEntityRef, entityRefOf, parseEntityRef, stringifyEntityRef, tryParseEntityRef } from '../../../src/core/catalog/refs.ts';

describe('parseEntityRef (compat §3.1)', () => {
  it.each([
    ['component:default/foo', {}, { kind: 'component', namespace: 'default', name: 'foo' }],
    ['component:foo', {}, { kind: 'component', namespace: 'default', name: 'foo' }],
    ['foo', { defaultKind: 'Group' }, { kind: 'Group', namespace: 'default', name: 'foo' }],
    ['ns/foo', { defaultKind: 'Group' }, { kind: 'Group', namespace: 'ns', name: 'foo' }],
    ['foo', { defaultKind: 'Group', defaultNamespace: 'development' }, { kind: 'Group', namespace: 'development', name: 'foo' }],
    ['group:default/team-a', { defaultKind: 'Group', defaultNamespace: 'development' }, { kind: 'group', namespace: 'default', name: 'team-a' }],
    ['user:guest', { defaultKind: 'Group', defaultNamespace: 'development' }, { kind: 'user', namespace: 'development', name: 'guest' }],
    ['  component:foo  ', {}, { kind: 'component', namespace: 'default', name: 'foo' }],
    ['Component:Default/Foo', {}, { kind: 'Component', namespace: 'Default', name: 'Foo' }],
    ['backstage/techdocs-core', { defaultKind: 'Group' }, { kind: 'Group', namespace: 'backstage', name: 'techdocs-core' }],
    ['web@example.com', { defaultKind: 'Group' }, { kind: 'Group', namespace: 'default', name: 'web@example.com' }],
    ['invalid component', { defaultKind: 'Component' }, { kind: 'Component', namespace: 'default', name: 'invalid component' }],
  ])('%j with %j', (ref, context, expected) => {
    expect(parseEntityRef(ref, context)).toEqual(expected);
  });

  it.each([
    ['a:b:c', 'is not of the form'],
    ['a/b/c', 'is not of the form'],
    ['component:a/b/c', 'is not of the form'],
    ['', 'is not of the form'],
    ['   ', 'is not of the form'],
    [':foo', 'is not of the form'],
    ['component:', 'is not of the form'],
    ['component:ns/', 'is not of the form'],
    ['foo', 'has no kind'],
    ['default/foo', 'has no kind'],
  ])('%j is an error: %s', (ref, message) => {
    expect(() => parseEntityRef(ref)).toThrow(InvalidInputError);
    expect(() => parseEntityRef(ref)).toThrow(message);
  });

  it('throws an error with the invalid_input code', () => {
    try {
      parseEntityRef('a:b:c');
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInputError).code).toBe('invalid_input');
    }
  });

  it.each([
    [{ kind: 'Component', name: 'foo' }, {}, { kind: 'Component', namespace: 'default', name: 'foo' }],
    [{ kind: 'Component', namespace: 'ns', name: 'foo' }, {}, { kind: 'Component', namespace: 'ns', name: 'foo' }],
    [{ name: 'foo' }, { defaultKind: 'API', defaultNamespace: 'x' }, { kind: 'API', namespace: 'x', name: 'foo' }],
  ])('compound form %j', (ref, context, expected) => {
    expect(parseEntityRef(ref, context)).toEqual(expected);
  });

  it.each([
    [{ kind: '', name: 'foo' }, 'empty kind'],
    [{ kind: 'Component', namespace: '', name: 'foo' }, 'empty namespace'],
    [{ kind: 'Component', name: '' }, 'no name'],
    [{ name: 'foo' }, 'no kind'],
  ])('compound form %j is an error', (ref, message) => {
    expect(() => parseEntityRef(ref)).toThrow(message);
  });
});

describe('tryParseEntityRef', () => {
  it('returns ok with the ref', () => {
    expect(tryParseEntityRef('api:petstore')).toEqual({ ok: true, ref: { kind: 'api', namespace: 'default', name: 'petstore' } });
  });

  it('returns the message instead of throwing', () => {
    const result = tryParseEntityRef('artists-db');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('"artists-db" has no kind');
  });
});

describe('stringifyEntityRef and friends', () => {
  it('lowercases all three parts and defaults the namespace', () => {
    expect(stringifyEntityRef({ kind: 'Component', namespace: 'Default', name: 'Foo' })).toBe('component:default/foo');
    expect(stringifyEntityRef({ kind: 'API', name: 'PetStore' })).toBe('api:default/petstore');
  });

  it('makes refs that differ only in case equal', () => {
    const a = stringifyEntityRef(parseEntityRef('Component:default/Foo'));
    const b = stringifyEntityRef(parseEntityRef('component:DEFAULT/foo'));
    expect(a).toBe(b);
  });

  it('gives the canonical ref of an entity', () => {
    const entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'My-App' } };
    expect(entityRefOf(entity)).toBe('component:default/my-app');
    expect(entityRefOf({ ...entity, metadata: { name: 'x', namespace: 'ops' } })).toBe('component:ops/x');
  });

  it('displays refs with the case as written (what catalog:register returns)', () => {
    expect(displayEntityRef({ kind: 'Component', name: 'foo' })).toBe('Component:default/foo');
    const entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'Foo', namespace: 'ops' } };
    expect(displayEntityRef(entity)).toBe('Component:ops/Foo');
  });
});
