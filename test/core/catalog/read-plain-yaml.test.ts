/**
 * The fast YAML reader must read exactly what the full reader reads, or step aside. Each
 * "steps aside" case below is a place where js-yaml and `yaml` disagree or where only the
 * full reader can explain a problem; several came from the YAML test suite (ids given).
 */
import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../../../src/core/catalog/parse-yaml-documents.ts';
import { readPlainYaml } from '../../../src/core/catalog/read-plain-yaml.ts';

/** What the full reader makes of `text`, in the fast reader's shape, when it has nothing to say. */
const readFully = (text: string) => {
  const { documents, problems } = parseYamlDocuments(text, 'f.yaml');
  return { documents: documents.map(({ value, line, column }) => ({ value, line, column })), problems };
};

const expectSameAsFullReader = (text: string): void => {
  const fast = readPlainYaml(text);
  const full = readFully(text);
  expect(full.problems, JSON.stringify(text)).toEqual([]);
  expect(fast, JSON.stringify(text)).toStrictEqual(full.documents);
};

describe('readPlainYaml reads plain YAML as the full reader does', () => {
  it.each([
    ['core schema scalars', 'a: 0x1F\nb: 0o17\nc: -.5e3\nd: +12\ne: .inf\nf: -.Inf\ng: .NaN\nh: True\ni: FALSE\nj: ~\nk: Null\nl: -0\nm: 012\nn: 1.\n'],
    ['YAML 1.1 forms that are strings in 1.2', 'a: 1_000\nb: 0b11\nc: yes\nd: off\ne: 2001-12-14\nf: 12:30:00\ng: 0x\nh: +0x1F\ni: .5.\n'],
    ['non-string keys', '1: a\n2.50: b\ntrue: c\n0x10: d\n.inf: e\n-0: f\n'],
    ['quoted scalars', `a: 'it''s'\nb: "tab\\t \\u00e9 \\x41 \\N \\_ \\\\ \\""\nc: ""\n"quoted key": 1\n'single': 2\nd: "# not a comment"\n`],
    ['multi-line scalars', 'a: plain text\n  going on\n\n  and on\nb: "double\n  quoted\n\n  text"\nc: \'single\n   quoted\'\n'],
    ['block scalars', 'a: |\n  one\n\n    two\n  three\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\nd: >\n  x\n   more\n  y\ne: |-\n  strip\n'],
    ['sequences', 'a:\n- b\n- c: d\n  e: f\n-\n  g\n- - nested\n  - list\nh:\n  - "q"\n  -   spaced\n'],
    ['one-line flow collections', 'a: [x, \'y, z\', "w]", -1, 2.5]\nb: {k: v, \'q\': "r", n: 1}\nc: []\nd: {}\ne: [ a , b ]\n'],
    [
      'comments everywhere',
      '# head\na: 1 # trailing\n# between\nb:\n  # inside\n  c: 2\nd: "x" # after quotes\ne: [1] # after flow\nf: | # after header\n  text\n',
    ],
    ['documents, markers and positions', '# first\n---\na: 1\n--- # second\n\n  b: 2\n  c: 3\n---\n---\n# only a comment\n---\nd: 4\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  c: "x\r\n    y"\r\n  d: |\r\n    z\r\n  e:\r\n    - f\r\n'],
    ['unicode', 'a: "é ü ß 日本"\nb: 😀\nc: "\\U0001F600"\nd: \'  spaces  \'\n'],
    ['plain scalars with indicators inside', 'url: http://x.y/z?q=1#frag\nglob: a*b\nmsg: wow!\nx: 50%\nand: R&D\nq: why? because\n'],
  ])('%s', (_name, text) => {
    expectSameAsFullReader(text);
  });
});

describe('readPlainYaml steps aside', () => {
  it.each([
    ['for anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['for tags', 'a: !!str 1\n'],
    ['for local tags', 'a: !custom x\n'],
    ['for directives', '%YAML 1.2\n---\na: 1\n'],
    ['for explicit keys', '? a\n: b\n'],
    ['for collections as keys', '[a, b]: c\n'],
    ['for flow mappings as list items (they could be keys)', 'a:\n  - {b: 1}\n'],
    ['for nested flow collections', 'a: [[1], 2]\n'],
    ['for flow collections over several lines (a warning when the end is not indented)', 'a: [\n  1\n]\n'],
    ['for pairs in flow lists', 'a: [b: c]\n'],
    ['for tabs', 'a:\tb\n'],
    ['for a byte-order mark', '\ufeffa: 1\n'],
    ['for a lone carriage return', 'a: 1\rb: 2\n'],
    ['for null keys, which the full reader turns into ""', 'null: x\n'],
    ['for ~ keys', '~: x\n'],
    ['for $ keys, which may be placeholders', 'a:\n  $text: ./x\n'],
    ['for keys too long to be sure of the implicit-key limit', `${'k'.repeat(300)}: v\n`],
    ['for a document end marker', 'a: 1\n...\n'],
    ['for content after ---', '--- a\n'],
    ['for a comment touching a quoted scalar (SU5Z)', 'a: "b"# c\n'],
    ['for a quoted scalar going on at the indentation of its key (QB6E)', 'quoted: "a\nb\nc"\n'],
    ['for an escaped line break', 'a: "x\\\n\n  y"\n'],
    ['for more-indented leading blank lines in a block scalar (S98Z)', 'a: >\n \n  \n   \n # comment\n'],
    ['for a block scalar with an explicit indentation', 'a: |2\n   b\n'],
    ['for an empty block scalar', 'a: |\nb: 1\n'],
    ['for a block scalar ending the file without a line break (js-yaml adds one)', 'a: |+\n  x\n  '],
    ['for duplicate keys', 'a: 1\na: 2\n'],
    ['for a document that is not a mapping', '- a\n'],
    ['for a null document', 'a: 1\n---\n~\n'],
    ['for deep nesting', Array.from({ length: 50 }, (_, depth) => `${'  '.repeat(depth)}k${depth}:`).join('\n') + ' x\n'],
    ['for an empty file', ''],
  ])('%s', (_name, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });
});

describe('readPlainYaml under random edits', () => {
  const seeds = [
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  description: \"a long\n    wrapped text\"\n  tags: [a, b, 'c']\n  labels: {team: a}\nspec:\n  n: 0x1F\n  f: -.5e3\n  b: True\n  z: ~\n  q: 'it''s'\n  block: |\n    one\n\n      more\n  folded: >-\n    a\n    b\n  list:\n    - a\n    - b: c\n      d: e\n  empty:\n",
    '# c\n---\nkind: A\nplain: multi\n  line\n---\n\n---\nkind: B\nx: "q\\"q"\ny: [1, "2"]\n',
    'a:\n- b\n- c: d\n  e: f\n-\n  g\nh: "x\n  y"\ni: \'a\n\n  b\'\nj: >\n  folded\n   more\n  back\n',
    // Keys JavaScript treats specially, unicode, odd scalars, quoting and comments, several documents.
    'metadata:\n  name: p\n  constructor: x\n  prototype: [a]\n  annotations:\n    "__proto__x": y\n    toString: "1"\n---\n# between\nspec: { hasOwnProperty: a }\n',
    'a: "é ü 日本 😀"\nb: \'\\u00e9\'\nc: "\\u00e9\\x41"\nd: 1_000\ne: 0o17\nf: .NaN\ng: yes\nh: 12:30\ni: 2026-12-06\nj: -0\nk: +.5\n',
    '--- # one\nx: 1 # c\n...\n--- # two\n"q: k": \'v # not\'\n? not\n',
  ];
  const pieces = [
    ' ',
    '  ',
    '\n',
    ':',
    ': ',
    '-',
    '- ',
    '#',
    ' #',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    '|',
    '>',
    '\\',
    'a',
    '0',
    '.',
    '~',
    '?',
    '&',
    '*',
    '!',
    '%',
    '\r\n',
    '---\n',
    'null',
    '\t',
    '__proto__',
    '__proto__: ',
    'constructor',
    'prototype: ',
    '&a ',
    '*a',
    '<<: ',
    '$text',
    'é',
    '日本',
    '😀',
    '\u2028',
    '\\u00e9',
    '...\n',
    '# c\n',
    "''",
    '""',
    '0x1F',
    '.inf',
    'True',
    '1_0',
    '12:30',
  ];

  it('agrees with the full reader on every edit it accepts', () => {
    let state = 7;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let accepted = 0;
    for (let round = 0; round < 4000; round++) {
      let text = pick(seeds);
      for (let edit = 0; edit < 1 + Math.floor(random() * 3); edit++) {
        const at = Math.floor(random() * (text.length + 1));
        const kind = random();
        if (kind < 0.45) text = text.slice(0, at) + pick(pieces) + text.slice(at);
        else if (kind < 0.7) text = text.slice(0, at) + text.slice(at + 1);
        else text = text.slice(0, at) + pick(pieces) + text.slice(at + 1);
      }
      if (readPlainYaml(text) === undefined) continue;
      accepted++;
      expectSameAsFullReader(text);
    }
    // Enough edits stay plain for the comparison to mean something.
    expect(accepted).toBeGreaterThan(600);
  });
});
