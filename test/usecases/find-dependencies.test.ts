import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../src/catalog-runtime.ts';
import { findDependencies } from '../../src/usecases/find-dependencies.ts';
import { openExampleCatalog } from '../slack/helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

describe('findDependencies', () => {
  it('says whether the other direction has anything to show, so its button never leads to an empty answer', () => {
    const dependents = (ref: string) => findDependencies(runtime.store, ref, { direction: 'reverse' });
    expect(findDependencies(runtime.store, 'component:default/checkout-service', { direction: 'forward' }).oppositeHasRelations).toBe(true);
    expect(dependents('component:default/checkout-service').oppositeHasRelations).toBe(true);
    expect(dependents('group:default/checkout-team').oppositeHasRelations).toBe(false);
    expect(dependents('system:default/checkout').oppositeHasRelations).toBe(false);
  });
});
