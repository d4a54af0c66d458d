import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/catalog/entity.ts';
import { listTeamProblems } from '../../src/usecases/list-team-problems.ts';
import { component, group, SyncHarness } from '../helpers/sync-harness.ts';

/**
 * team-a (parent of team-a-sub) and team-b each own a component whose dependency is missing, so each
 * has a problem of its own; team-a also lists a member who does not exist. `fine` has no problem.
 */
let harness: SyncHarness;
beforeAll(async () => {
  harness = new SyncHarness();
  harness.write('groups.yaml', [group('team-a', { members: ['nobody'] }), group('team-a-sub', { parent: 'team-a' }), group('team-b')].join('\n---\n'));
  harness.write(
    'components.yaml',
    [
      component('a', { owner: 'team-a', dependsOn: ['resource:gone-a'] }),
      component('sub', { owner: 'team-a-sub', dependsOn: ['resource:gone-sub'] }),
      component('b', { owner: 'team-b', dependsOn: ['resource:gone-b'] }),
      component('fine', { owner: 'team-a' }),
    ].join('\n---\n'),
  );
  await harness.sync();
});
afterAll(() => harness.close());

const teams = (...names: string[]): Entity[] =>
  names.map((name) => {
    const entity = harness.store.entityEnvelope(`group:default/${name}`);
    if (!entity) throw new Error(`the fixture has no group ${name}`);
    return entity;
  });

const refsOf = (groups: Entity[]): Array<string | undefined> =>
  [...new Set(listTeamProblems(harness.store, groups).map((problem) => problem.entityRef))].sort();

describe('listTeamProblems', () => {
  it('the problems on what a team owns, its child groups included, and on the team itself', () => {
    expect(refsOf(teams('team-a'))).toEqual(['component:default/a', 'component:default/sub', 'group:default/team-a']);
  });

  it("never another team's problems", () => {
    expect(refsOf(teams('team-b'))).toEqual(['component:default/b']);
    expect(refsOf(teams('team-a-sub'))).toEqual(['component:default/sub']);
  });

  it('each problem says what is wrong where', () => {
    const [problem] = listTeamProblems(harness.store, teams('team-b'));
    expect(problem).toMatchObject({ entityRef: 'component:default/b', file: join(harness.root, 'components.yaml') });
    expect(problem!.message).toContain('resource:default/gone-b');
  });

  it('several teams: the union; no team: nothing', () => {
    expect(refsOf(teams('team-a', 'team-b'))).toEqual(['component:default/a', 'component:default/b', 'component:default/sub', 'group:default/team-a']);
    expect(listTeamProblems(harness.store, [])).toEqual([]);
  });
});
