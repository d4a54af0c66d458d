import { beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleConfig } from '../helpers/run-cli.ts';

let config: string;
beforeAll(async () => {
  config = exampleConfig();
  const sync = await cli(['sync', '--config', config, '--json']);
  expect(sync.code).toBe(0);
  expect(JSON.parse(sync.out)).toMatchObject({ added: 70, errors: 0, warnings: 1 });
});

describe('callboard query commands on the example org', () => {
  it('entity --json returns the Backstage catalog API shape', async () => {
    const { code, out } = await cli(['entity', 'checkout-service', '--json', '--config', config]);
    expect(code).toBe(0);
    const entity = JSON.parse(out);
    expect(Object.keys(entity)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'relations']);
    expect(entity.metadata).toMatchObject({ name: 'checkout-service', namespace: 'default', uid: expect.any(String), etag: expect.any(String) });
    expect(entity.metadata.annotations['backstage.io/managed-by-location']).toMatch(/^file:.*services\/checkout-service\/catalog-info\.yaml$/);
    expect(entity.relations).toContainEqual({ type: 'ownedBy', targetRef: 'group:default/checkout-team' });
    expect(entity.relations).toContainEqual({ type: 'dependencyOf', targetRef: 'component:default/storefront-web' });
  });

  it('entities --kind lists one kind; --json is an array of the same shape', async () => {
    const text = await cli(['entities', '--kind', 'Domain', '--config', config]);
    expect(text.out.split('\n')).toEqual(['Domain:default/commerce', 'Domain:default/fulfilment', 'Domain:default/platform']);
    const json = JSON.parse((await cli(['entities', '--json', '--config', config])).out);
    expect(json).toHaveLength(70);
    expect(json[0]).toHaveProperty('relations');
  });

  it('owner shows the team, its contacts and members', async () => {
    const { code, out } = await cli(['owner', 'checkout-service', '--config', config]);
    expect(code).toBe(0);
    expect(out).toContain('Owner: Checkout (group:default/checkout-team)');
    expect(out).toContain('email: checkout@acme.example');
    expect(out).toContain('slack: #team-checkout');
    expect(out).toMatch(/Members:\n {2}\S/);
  });

  it('owner of a team is its team card and of a person their teams, never "no owner is recorded"', async () => {
    const team = await cli(['owner', 'checkout-team', '--config', config]);
    expect(team.code).toBe(0);
    expect(team.out).toContain('Group checkout-team: Checkout');
    expect(team.out).toContain('lead: Marcus Oyelaran <marcus.oyelaran@acme.example>');
    expect(team.out).toContain('Component (3): cart-service, checkout-service, pricing-service');
    expect(team.out).not.toContain('No owner is recorded');
    const department = await cli(['owner', 'commerce-engineering', '--config', config]);
    expect(department.out).toMatch(/owns \d+ \(\d+ through child teams\)/);
    const person = await cli(['owner', 'marcus.oyelaran', '--config', config]);
    expect(person.code).toBe(0);
    expect(person.out).toContain('Team Checkout (checkout-team) #team-checkout');
    const json = JSON.parse((await cli(['owner', 'checkout-team', '--json', '--config', config])).out);
    expect(json.owned.total).toBe(6);
  });

  it('owner asks which one when a name is shared by several kinds, and suggests on typos', async () => {
    const ambiguous = await cli(['owner', 'payments-api', '--config', config]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('api:default/payments-api');
    expect(ambiguous.err).toContain('component:default/payments-api');
    const typo = await cli(['owner', 'chekout-service', '--config', config]);
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('Did you mean "checkout service"?');
  });

  it('deps walks forward and --reverse walks the blast radius, grouped by depth with owners', async () => {
    const forward = await cli(['deps', 'storefront-web', '--depth', '2', '--config', config]);
    expect(forward.out).toMatch(/^component:default\/storefront-web depends on \d+ entities \(depth ≤ 2\):\ndepth 1 \(\d+\)/);
    expect(forward.out).toContain('component:default/checkout-service  owner group:default/checkout-team');
    expect(forward.out).not.toContain('depth 3');
    const reverse = await cli(['deps', 'resource:orders-db', '--reverse', '--depth', '1', '--json', '--config', config]);
    expect(JSON.parse(reverse.out).nodes.map((node: { ref: string }) => node.ref)).toEqual(['component:default/orders-service']);
  });

  it('search ranks name matches first and corrects typos', async () => {
    const hit = await cli(['search', 'checkout', '--json', '--config', config]);
    const top = JSON.parse(hit.out)
      .hits.slice(0, 4)
      .map((h: { ref: string }) => h.ref);
    expect(top[0]).toBe('system:default/checkout');
    expect(top).toEqual(expect.arrayContaining(['component:default/checkout-service', 'group:default/checkout-team', 'api:default/checkout-api']));
    const exact = await cli(['search', 'checkout service', '--json', '--config', config]);
    expect(JSON.parse(exact.out).hits[0].ref).toBe('component:default/checkout-service');
    const typo = await cli(['search', 'paymnts', '--config', config]);
    expect(typo.out).toContain('Did you mean "payments"?');
    const none = await cli(['search', 'zzzzqqq', '--config', config]);
    expect(none.code).toBe(1);
  });

  it('errors lists the deliberate dangling owner as a warning', async () => {
    const { out } = await cli(['errors', '--json', '--config', config]);
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        entityRef: 'component:default/carrier-gateway',
        message: expect.stringContaining('group:default/legacy-team'),
      }),
    ]);
  });
});

describe('callboard argument handling', () => {
  it.each([
    [['deps', 'x', '--depth', 'abc']],
    [['deps', 'x', '--depth', '0']],
    [['bogus']],
    [['owner']],
    [['validate']],
    [['errors', '--severity', 'fatal']],
    [['entity', 'a:b:c', '--config', '__CONFIG__']],
  ])('exits 2 with a clear message for %j', async (args) => {
    const { code, err } = await cli(args.map((arg) => (arg === '__CONFIG__' ? config : arg)));
    expect(code).toBe(2);
    expect(err.length).toBeGreaterThan(10);
  });

  it('prints help with exit 0, for the program and each command', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toContain('validate');
    const sub = await cli(['deps', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('--reverse');
  });

  it('explains a bad config file and exits 2', async () => {
    const { code, err } = await cli(['errors', '--config', '/nonexistent/callboard.yaml']);
    expect(code).toBe(2);
    expect(err).toContain('does not exist');
  });
});
