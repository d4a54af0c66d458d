/**
 * Wording shared by every validation message, so that each one names the field, the value
 * found and what was expected, in the same shape everywhere.
 */

export type IssuePath = readonly (string | number)[];

const SIMPLE_KEY = /^[A-Za-z_$][\w$-]*$/;
const MAX_SHOWN = 80;

/** `['spec','providesApis',0]` → `spec.providesApis[0]`; odd keys are quoted: `metadata.annotations["a.io/b"]`. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (SIMPLE_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(document)' : out;
}

/** How a found value is shown in a message: strings quoted and cut short, containers by their shape. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

/** `metadata.name "my service" is not valid; expected …` */
export function invalidValueMessage(path: IssuePath, value: unknown, expected: string): string {
  return `${formatPath(path)} ${describeValue(value)} is not valid; expected ${expected}`;
}

/** `spec.owner is missing; expected …` */
export function missingValueMessage(path: IssuePath, expected: string): string {
  return `${formatPath(path)} is missing; expected ${expected}`;
}

/** Reads the value at `path` inside `root`, or undefined when some step does not exist. */
export function valueAt(root: unknown, path: IssuePath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** True for a plain mapping (what YAML and JSON produce), false for lists, null and scalars. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The shape of a value in words: `a list`, `a mapping`, `a string`, `null`, … */
export function describeShape(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}
