/**
 * The fast path of parseCatalogFile against the full one, at the level of whole entities, under random
 * edits: whatever the fast path accepts must be exactly what the full path answers, and the
 * full path must never let a `__proto__` key through (the validation bypass found by probing).
 */
import { describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, parseCatalogFileFully } from '../../../src/core/catalog/parse-catalog-file.ts';
import { parsePlainCatalogFile } from '../../../src/core/catalog/parse-plain-catalog-file.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

const registry = createBuiltinKindRegistry();
const deps = { registry, readTarget: async () => ({ ok: false as const, message: 'offline in this test', transient: false }) };

const SEEDS = [
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout\n  title: "Checkout — 日本 ✓"\n  description: >-\n    Takes payments,\n    "quoted" and # not a comment\n  tags: [java, "web"]\n  annotations:\n    github.com/project-slug: acme/checkout\n    backstage.io/techdocs-ref: \'dir:.\'\n  links:\n    - url: https://example.com/x?a=1#b\n      title: Docs\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n  dependsOn:\n    - resource:db\n  providesApis: [checkout-api]\n',
  '# team\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\n  labels: {tier: "1"}\nspec:\n  type: team\n  children: []\n  members: [ann, bob]\n---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ann\nspec:\n  profile:\n    email: ann@example.com\n  memberOf: [team-a]\n',
  'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: checkout-api\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition: |\n    openapi: 3.0.0\n    info:\n      title: x\n',
];

// Whole lines inserted at a line start, indented like that line: keys JavaScript treats specially among them.
const LINES = [
  '__proto__:\n  annotations:\n    "!! bad !!": x',
  '__proto__: { annotations: { a: b } }',
  '"__proto__": 1',
  'constructor: { annotations: { a: 1 } }',
  'prototype: x',
  'toString: y',
  'annotations: { constructor: "1", __proto__: "2" }',
  'x: &a [1]',
  'y: *a',
  '$json: ./x.json',
  '<<: { a: 1 }',
  '# comment',
  '---',
  'z: "é \\u00e9 😀"',
  "w: 'it''s'",
  'v: 0x1F',
];
const PIECES = [' ', '\n', ':', ': ', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', 'a', '0', '~', '&', '*', '!', '__proto__', 'é', '\t'];

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Inserts one of LINES at the start of a random line, at that line's indentation. */
const insertLine = (text: string, random: Random): string => {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const indent = /^ */.exec(lines[at]!)![0];
  lines.splice(
    at,
    0,
    ...pick(random, LINES)
      .split('\n')
      .map((line) => indent + line),
  );
  return lines.join('\n');
};

const editCharacter = (text: string, random: Random): string => {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.45) return text.slice(0, at) + pick(random, PIECES) + text.slice(at);
  if (kind < 0.7) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + pick(random, PIECES) + text.slice(at + 1);
};

/**
 * toStrictEqual compares objects' `constructor`, which an own `constructor` key (data here) replaces;
 * the JSON text (key order included) and a plain deep comparison say the same without that trap.
 */
const expectSame = (actual: unknown, expected: unknown, text: string): void => {
  expect(JSON.stringify(actual), text).toBe(JSON.stringify(expected));
  expect(actual, text).toEqual(expected);
};

const hasOwnProtoKey = (value: unknown): boolean => {
  if (value === null || typeof value !== 'object') return false;
  if (Object.hasOwn(value, '__proto__')) return true;
  return Object.values(value).some(hasOwnProtoKey);
};

describe('parsePlainCatalogFile under random edits', () => {
  it('agrees with the full path on every file it accepts, and no entity ever keeps a __proto__ key', async () => {
    const random = seededRandom(9);
    let accepted = 0;
    let protoRefused = 0;
    for (let round = 0; round < 1000; round++) {
      let text = pick(random, SEEDS);
      for (let edit = 0; edit < 1 + Math.floor(random() * 3); edit++) text = random() < 0.5 ? insertLine(text, random) : editCharacter(text, random);
      const full = await parseCatalogFileFully(text, 'f.yaml', deps);
      for (const parsed of full.entities) expect(hasOwnProtoKey(parsed.entity), text).toBe(false);
      for (const parsed of full.entities) expect(Object.getPrototypeOf(parsed.entity.metadata), text).toBe(Object.prototype);
      if (full.problems.some((problem) => problem.message.includes('"__proto__" is not allowed'))) protoRefused++;
      const fast = parsePlainCatalogFile(text, registry);
      expectSame(await parseCatalogFile(text, 'f.yaml', deps), full, text);
      if (!fast) continue;
      accepted++;
      expectSame(fast, full, text);
    }
    // Enough edits stay plain and valid for the comparison to mean something, and the proto case is exercised.
    expect(accepted).toBeGreaterThan(150);
    expect(protoRefused).toBeGreaterThan(50);
  });
});
