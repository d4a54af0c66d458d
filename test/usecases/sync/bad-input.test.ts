import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncHarness, component } from '../../helpers/sync-harness.ts';

/** Each bad file sits next to good ones; the pass must go on, and only the bad file gets a problem. */
const badFiles: Array<[string, string | Buffer, RegExp]> = [
  ['syntax.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n   bad-indent: [\n', /./],
  [
    'alias-bomb.yaml',
    [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n'),
    /alias/i,
  ],
  ['huge.yaml', `# ${'x'.repeat(10 * 1024 * 1024)}\n${component('huge')}`, /MB|MiB|bytes|large/i],
  ['deep.yaml', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, /nest|deep|depth/i],
  [
    'wrong-types.yaml',
    JSON.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'typed', tags: 'not-a-list' },
      spec: { type: 1, lifecycle: 'production', owner: 'team-a' },
    }),
    /tags|type/,
  ],
  ['bad-name.yaml', component('not a valid name!'), /metadata\.name/],
  [
    'non-utf8.yaml',
    Buffer.concat([Buffer.from('apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\n')]),
    /UTF-8/i,
  ],
  ['empty.yaml', '', /no entities|empty/i],
  ['unknown-kind.yaml', JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', kind: 'Widget', metadata: { name: 'w' }, spec: {} }), /Widget/],
  ['list.yaml', '- just\n- a list\n', /mapping|list/i],
];

describe('runSyncPass: bad input never stops the pass or touches other files', () => {
  let harness: SyncHarness;
  beforeAll(async () => {
    harness = new SyncHarness();
    harness.write('good.yaml', component('good'));
    harness.write('dup-1.yaml', component('twin'));
    harness.write('dup-2.yaml', component('twin'));
    for (const [file, content] of badFiles) harness.write(file, content);
    await harness.sync();
  }, 60_000);
  afterAll(() => harness.close());

  it('keeps the good entities', () => {
    expect(harness.refs()).toEqual(expect.arrayContaining(['component:default/good', 'component:default/twin']));
    expect(harness.store.entity('component:default/huge')).toBeUndefined();
  });

  it.each(badFiles)('gives %s a precise problem of its own', (file, _content, pattern) => {
    const problems = harness.store.problems().filter((problem) => problem.file === `${harness.root}/${file}`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(pattern);
  });

  it('reports a duplicate ref on the second file, naming the first', () => {
    const [conflict] = harness.store.problems().filter((problem) => problem.file === `${harness.root}/dup-2.yaml`);
    expect(conflict).toMatchObject({ severity: 'error', entityRef: 'component:default/twin', message: expect.stringContaining('dup-1.yaml') });
  });
});
