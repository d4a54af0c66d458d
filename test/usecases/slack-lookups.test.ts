import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../src/catalog-runtime.ts';
import { canStartSync } from '../../src/usecases/can-start-sync.ts';
import { findEntitiesInText } from '../../src/usecases/find-entities-in-text.ts';
import { findEntityByUrl } from '../../src/usecases/find-entity-by-url.ts';
import { findMyTeams } from '../../src/usecases/find-my-teams.ts';
import { findUserByEmail } from '../../src/usecases/find-user-by-email.ts';
import { listTeamProblems, resolveTeam } from '../../src/usecases/list-team-problems.ts';
import { resolveEntity } from '../../src/usecases/resolve-entity.ts';
import { openExampleCatalog } from '../slack/helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

describe('use cases behind the Slack app', () => {
  it('findUserByEmail: the User with that profile email (any case) and its groups', () => {
    const person = findUserByEmail(runtime.store, 'Kenji.Watanabe@ACME.example');
    expect(person.user?.metadata.name).toBe('kenji.watanabe');
    expect(person.groups.map((group) => group.metadata.name).sort()).toEqual(['search-team', 'storefront-team']);
    expect(findUserByEmail(runtime.store, 'nobody@acme.example')).toEqual({ groups: [] });
  });

  it.each([
    ['https://github.com/acme/checkout-service', 'component:default/checkout-service'],
    ['https://github.com/ACME/checkout-service/blob/main/README.md#x', 'component:default/checkout-service'],
    ['https://github.com/acme/checkout-service.git', 'component:default/checkout-service'],
    ['https://callboard.acme.example/catalog/default/resource/orders-db', 'resource:default/orders-db'],
    ['https://callboard.acme.example/catalog/default/resource/no-such-thing', undefined],
    ['https://callboard.acme.example/catalog/default/component/%E0%A4%A', undefined],
    ['https://callboard.acme.example/docs/default/component/checkout-service/runbook/#steps', 'component:default/checkout-service'],
    ['https://callboard.acme.example/docs/default', undefined],
    ['https://elsewhere.example/docs/default/component/checkout-service', undefined],
    ['https://github.com/acme', undefined],
    ['https://gitlab.com/acme/checkout-service', undefined],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
  ])('findEntityByUrl(%s)', (url, ref) => {
    expect(findEntityByUrl(runtime.store, url, { callboardUrl: 'https://callboard.acme.example/' })).toBe(ref);
  });

  it('findEntitiesInText: names and links in order, no people, no repeats', () => {
    const found = findEntitiesInText(runtime.store, {
      names: ['orders-db', 'marcus.oyelaran', 'orders-db', 'group:checkout-team', 'nothing'],
      urls: ['https://github.com/acme/cart-service'],
    });
    expect(found.map((entity) => entity.ref)).toEqual(['component:default/cart-service', 'resource:default/orders-db', 'group:default/checkout-team']);
  });

  it.each([
    ['checkout-service', { status: 'found', ref: 'component:default/checkout-service' }],
    ['default/checkout-service', { status: 'found', ref: 'component:default/checkout-service' }],
    ['DEFAULT/Checkout-Service', { status: 'found', ref: 'component:default/checkout-service' }],
    ['default/checkout-service/extra', { status: 'found', ref: 'component:default/checkout-service' }],
    ['payments/checkout-service', { status: 'not_found', query: 'payments/checkout-service' }],
    ['component:checkout-service', { status: 'found', ref: 'component:default/checkout-service' }],
    ['  ', { status: 'invalid' }],
  ])('resolveEntity(%j): a bare name, namespace/name or a ref', (input, expected) => {
    expect(resolveEntity(runtime.store, input)).toMatchObject(expected);
  });

  it('resolveTeam prefers the Group of a bare name and refuses other kinds', () => {
    expect(resolveTeam(runtime.store, 'checkout-team')).toMatchObject({ status: 'found' });
    expect(resolveTeam(runtime.store, 'checkout-service')).toMatchObject({ status: 'not_a_team', kind: 'Component' });
    expect(resolveTeam(runtime.store, 'no-such-team').status).toBe('not_found');
  });

  it('listTeamProblems and findMyTeams see what a team and its child groups own', () => {
    // The example org's one problem is on carrier-gateway, whose owner no longer exists: no team sees it.
    // What a team does see is in list-team-problems.test.ts.
    expect(runtime.store.problems().map((problem) => problem.entityRef)).toEqual(['component:default/carrier-gateway']);
    expect(listTeamProblems(runtime.store, runtime.store.entities({ kind: 'Group' }))).toEqual([]);
    const checkout = resolveTeam(runtime.store, 'checkout-team');
    if (checkout.status !== 'found') throw new Error('no checkout-team');
    const [team] = findMyTeams(runtime.store, [checkout.group]);
    expect(team!.entities.map((entity) => entity.ref)).toContain('component:default/checkout-service');
    expect(team!.entities.find((entity) => entity.ref === 'component:default/checkout-service')).toMatchObject({ lifecycle: 'production', problemCount: 0 });
  });

  it('canStartSync: emails, group refs in any form, "*"; nobody by default', () => {
    const groups = [{ apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'platform-team' }, spec: {} }];
    expect(canStartSync([], { email: 'a@x.example', groups })).toBe(false);
    expect(canStartSync(['*'], { groups: [] })).toBe(true);
    expect(canStartSync(['A@X.example'], { email: 'a@x.example', groups: [] })).toBe(true);
    for (const entry of ['group:platform-team', 'group:default/platform-team', 'platform-team']) expect(canStartSync([entry], { groups })).toBe(true);
    expect(canStartSync(['group:other-team'], { groups })).toBe(false);
  });
});
