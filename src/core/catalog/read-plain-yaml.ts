/**
 * The fast path of reading a catalog file: js-yaml on text that {@link scanPlainYaml} found
 * plain, with a schema that resolves scalars exactly as `yaml`'s YAML 1.2 core schema does.
 * Anything unusual (a file past the bulk limits of yaml-bulk.ts, a parse error, a key that `yaml` would turn into a different string, a
 * `$` key that may be a placeholder, deep nesting, a document that is not a mapping) answers
 * undefined, and the caller reads the file with the full reader, which explains the problem
 * with its exact place. So this reader never has to explain anything.
 */
import { FAILSAFE_SCHEMA, Type, loadAll, type LoadOptions } from 'js-yaml';
import { isPlainObject } from './issue-text.ts';
import { scanPlainYaml } from './scan-plain-yaml.ts';
import { DEFAULT_BULK_LIMITS, findBulkOverflow } from './yaml-bulk.ts';

/** One document of a plain file: a mapping, and where its content starts (1-based). */
export interface PlainYamlDocument {
  value: Record<string, unknown>;
  line: number;
  column: number;
}

// `yaml`'s core schema (schema/core in the yaml package), test for test and value for value.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const constructInt = (text: string): number => {
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  return parseInt(text, 10);
};

const constructFloat = (text: string): number => {
  if (!FLOAT_NAN.test(text)) return parseFloat(text);
  if (text.slice(-3).toLowerCase() === 'nan') return NaN;
  return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
};

// Every plain scalar is offered to each implicit type in turn; most (names, refs, words) start
// with a character none of them can match, which a first-character check settles cheaply.
const startsWithAny = (text: string, characters: string): boolean => text.length > 0 && characters.includes(text[0]!);

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (text: string) => (text.length === 0 || startsWithAny(text, '~nN')) && NULL.test(text),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (text: string) => startsWithAny(text, 'tTfF') && BOOL.test(text),
      construct: (text: string) => text.startsWith('t') || text.startsWith('T'),
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: string) => startsWithAny(text, '+-0123456789') && (INT_OCT.test(text) || INT.test(text) || INT_HEX.test(text)),
      construct: constructInt,
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (text: string) => startsWithAny(text, '+-.0123456789') && (FLOAT_NAN.test(text) || FLOAT_EXP.test(text) || FLOAT.test(text)),
      construct: constructFloat,
    }),
  ],
});

// Far below the full reader's limit of 64 levels, so that nothing deep is ever read here.
// (`maxDepth` is a js-yaml 4.2+ option its type definitions do not list yet.)
const LOAD_OPTIONS: LoadOptions & { maxDepth: number } = { schema: CORE_SCHEMA, json: false, maxDepth: 40 };

// Longer keys could exceed `yaml`'s 1024-character limit on implicit keys once quoted and escaped.
const MAX_KEY_LENGTH = 200;

/**
 * Whether every key is a string that `yaml` would produce too. A null key reads as "null"
 * here but "" in `yaml`; `$` keys may be placeholders, which need the full path; `__proto__`
 * is an error the full path explains; a mapping past the key limit is one too.
 */
const hasPlainKeys = (value: unknown): boolean => {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(hasPlainKeys);
  // The full reader refuses wider mappings (see yaml-bulk.ts); so must this one.
  if (Object.keys(value).length > DEFAULT_BULK_LIMITS.maxMappingEntries) return false;
  for (const key in value) {
    if (key === 'null' || key === '__proto__' || key.length > MAX_KEY_LENGTH || key.startsWith('$')) return false;
    if (!hasPlainKeys((value as Record<string, unknown>)[key])) return false;
  }
  return true;
};

const loadSafely = (text: string): unknown[] | undefined => {
  try {
    return loadAll(text, null, LOAD_OPTIONS);
  } catch {
    return undefined;
  }
};

/**
 * Reads a plain catalog file into its mapping documents, each with where it starts, or
 * returns undefined when the file needs the full reader (see the module comment). Empty
 * documents are skipped, as the full reader does; a file with no document is not plain.
 */
export function readPlainYaml(text: string): PlainYamlDocument[] | undefined {
  // A file past the bulk limits is refused by the full reader; it must not be accepted here.
  if (findBulkOverflow(text)) return undefined;
  const starts = scanPlainYaml(text);
  if (!starts || starts.length === 0) return undefined;
  const loaded = loadSafely(text);
  if (!loaded) return undefined;
  const values = loaded.filter((value) => value !== null && value !== undefined);
  if (values.length !== starts.length) return undefined;
  const documents: PlainYamlDocument[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (!isPlainObject(value) || !hasPlainKeys(value)) return undefined;
    documents.push({ value, ...starts[index]! });
  }
  return documents;
}
