import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/core/errors.ts';
import { createBuiltinKindRegistry, KindRegistry, type KindDefinition } from '../../../src/core/catalog/kind-registry.ts';

const customKind = (apiVersions: string[]): KindDefinition => ({
  kind: 'Runbook',
  apiVersions,
  validateSpec: () => [],
  relations: () => [],
});

describe('KindRegistry', () => {
  it('holds the built-in kinds with their apiVersions', () => {
    const registry = createBuiltinKindRegistry();
    expect(registry.kinds()).toEqual(['API', 'Component', 'Domain', 'Group', 'Location', 'Resource', 'Rotation', 'Scorecard', 'System', 'Template', 'User']);
    expect(registry.apiVersionsOf('Component')).toEqual(['backstage.io/v1alpha1', 'backstage.io/v1beta1']);
    expect(registry.apiVersionsOf('Template')).toEqual(['scaffolder.backstage.io/v1beta3']);
  });

  it('finds by exact kind and apiVersion only', () => {
    const registry = createBuiltinKindRegistry();
    expect(registry.find('Component', 'backstage.io/v1beta1')?.kind).toBe('Component');
    expect(registry.find('component', 'backstage.io/v1alpha1')).toBeUndefined();
    expect(registry.find('Template', 'backstage.io/v1beta2')).toBeUndefined();
    expect(registry.find('AiResource', 'backstage.io/v1alpha1')).toBeUndefined();
  });

  it('registers more kinds, and refuses a duplicate kind + apiVersion pair', () => {
    const registry = createBuiltinKindRegistry();
    registry.register(customKind(['callboard.dev/v1alpha1']));
    expect(registry.find('Runbook', 'callboard.dev/v1alpha1')).toBeDefined();
    registry.register(customKind(['callboard.dev/v1beta1']));
    expect(() => registry.register(customKind(['callboard.dev/v1alpha1']))).toThrow(ConflictError);
    expect(registry.apiVersionsOf('Runbook')).toEqual(['callboard.dev/v1alpha1', 'callboard.dev/v1beta1']);
  });

  it('gives each call a fresh registry', () => {
    const first = createBuiltinKindRegistry();
    first.register(customKind(['callboard.dev/v1alpha1']));
    expect(createBuiltinKindRegistry().find('Runbook', 'callboard.dev/v1alpha1')).toBeUndefined();
    expect(new KindRegistry().kinds()).toEqual([]);
  });

  it('tells whether it holds the built-in kinds as defined, which work shared with the parse worker relies on', () => {
    const extended = createBuiltinKindRegistry();
    extended.register(customKind(['callboard.dev/v1alpha1']));
    expect(createBuiltinKindRegistry().hasBuiltinKinds()).toBe(true);
    expect(extended.hasBuiltinKinds()).toBe(true);
    expect(new KindRegistry().hasBuiltinKinds()).toBe(false);
    const onlyComponents = new KindRegistry();
    onlyComponents.register(createBuiltinKindRegistry().find('Component', 'backstage.io/v1alpha1')!);
    expect(onlyComponents.hasBuiltinKinds()).toBe(false);
  });
});
