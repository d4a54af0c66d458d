import { describe, expect, it } from 'vitest';
import { packClaims, unpackClaims } from '../../../src/usecases/sync/parse-worker/parse-messages.ts';
import type { EntityClaim } from '../../../src/usecases/sync/parsed-file-result.ts';

const claim = (name: string, relations: number, line: number): EntityClaim => ({
  record: {
    ref: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    body: JSON.stringify({ kind: 'Component', metadata: { name, description: 'tab\there "quoted" ünïcode' } }),
    etag: `etag-${name}`,
    relations: Array.from({ length: relations }, (_, index) => ({
      sourceRef: `component:default/${name}`,
      type: `type${index}`,
      targetRef: `group:default/g${index}`,
    })),
    search: { name, title: `Title ${name}`, description: '', tags: 'a b', owner: 'g0' },
    line,
    column: 3,
  },
  line,
  column: 3,
});

describe('the parse worker reply', () => {
  it('brings back every field of every claim, per file and in order', () => {
    const perFile = [[claim('a', 2, 1), claim('b', 0, 9)], undefined, [], [claim('c', 5, 4)], undefined];
    const unpacked = unpackClaims(packClaims(7, perFile));
    expect(unpacked).toEqual(perFile);
  });

  it('brings back the lookup keys of a record that has them', () => {
    const withKeys = claim('d', 1, 2);
    withKeys.record.lookupKeys = [
      { key: 'd-title', source: 'title' },
      { key: 'github.com/acme/d', source: 'repo' },
    ];
    const perFile = [[withKeys, claim('e', 0, 1)]];
    expect(unpackClaims(packClaims(1, perFile))).toEqual(perFile);
  });

  it('carries the request id and one entity count per file (-1: read on the main thread)', () => {
    const reply = packClaims(42, [undefined, [claim('a', 1, 1)], []]);
    expect(reply.id).toBe(42);
    expect(reply.entityCounts).toEqual([-1, 1, 0]);
    expect(reply.fields.every((field) => typeof field === 'string' || typeof field === 'number')).toBe(true);
  });
});
