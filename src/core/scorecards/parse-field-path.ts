/**
 * Entity field paths as scorecards write them: `spec.type`, `metadata.links[0].url`, and `["…"]` for keys holding
 * dots or slashes: `metadata.annotations["backstage.io/techdocs-ref"]`.
 */

/** One step of a path: a mapping key or a list index. */
export type FieldPathSegment = string | number;

export type ParseFieldPathResult = { ok: true; segments: FieldPathSegment[] } | { ok: false; message: string };

const HOW =
  'a field path such as spec.type or metadata.annotations["backstage.io/techdocs-ref"] (dots between keys, ["…"] around a key with dots or slashes, [0] for a list item)';

/** A key written after a dot: anything but the characters the syntax uses, and no spaces. */
const PLAIN_KEY = /^[^.[\]"'\s]+/;
const INDEX = /^\[(\d{1,9})\]/;
/** A JSON string in brackets: `["a.b/c"]`, with JSON's escapes. */
const QUOTED_KEY = /^\["((?:[^"\\]|\\.)*)"\]/;

const fail = (path: string, why: string): ParseFieldPathResult => ({ ok: false, message: `"${path}" is not a field path: ${why}; expected ${HOW}` });

/** Reads one `["…"]` or `[0]` step at the start of `rest`. */
const readBracket = (rest: string): { segment: FieldPathSegment; length: number } | undefined => {
  const index = INDEX.exec(rest);
  if (index) return { segment: Number(index[1]), length: index[0].length };
  const quoted = QUOTED_KEY.exec(rest);
  if (!quoted) return undefined;
  try {
    return { segment: JSON.parse(`"${quoted[1]}"`) as string, length: quoted[0].length };
  } catch {
    return undefined;
  }
};

/** Parses a field path into its keys and indexes; the message names the path and shows how to write one. */
export function parseFieldPath(path: string): ParseFieldPathResult {
  const segments: FieldPathSegment[] = [];
  let rest = path;
  let expectKey = true; // at the start and after a dot, a plain key must follow
  while (rest !== '') {
    if (rest.startsWith('[')) {
      if (expectKey && segments.length > 0) return fail(path, 'a dot must be followed by a key');
      const bracket = readBracket(rest);
      if (!bracket) return fail(path, `"${rest.slice(0, 20)}" is not a ["quoted key"] or a [number]`);
      segments.push(bracket.segment);
      rest = rest.slice(bracket.length);
      expectKey = false;
    } else if (!expectKey) {
      if (!rest.startsWith('.')) return fail(path, `"${rest.slice(0, 20)}" must start with a dot or a bracket`);
      rest = rest.slice(1);
      expectKey = true;
    } else {
      const key = PLAIN_KEY.exec(rest);
      if (!key) return fail(path, segments.length === 0 ? 'it must start with a key' : 'a dot must be followed by a key');
      segments.push(key[0]);
      rest = rest.slice(key[0].length);
      expectKey = false;
    }
  }
  if (segments.length === 0) return fail(path, 'it is empty');
  if (expectKey) return fail(path, 'it ends with a dot');
  return { ok: true, segments };
}

/**
 * The value at `segments` inside `root`, or undefined when a step is absent. Reads own properties only, through
 * their descriptors, so `constructor`, `__proto__` or `toString` never answer with something inherited; list items
 * are read by index only (`length` is not a field).
 */
export function readFieldPath(root: unknown, segments: readonly FieldPathSegment[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      if (typeof segment !== 'number' || segment >= node.length) return undefined;
      node = node[segment];
      continue;
    }
    const descriptor = Object.getOwnPropertyDescriptor(node, String(segment));
    if (!descriptor || !('value' in descriptor)) return undefined;
    node = descriptor.value;
  }
  return node;
}
