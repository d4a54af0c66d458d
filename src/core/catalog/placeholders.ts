import { composeYaml } from './compose-yaml.ts';
import { formatPath } from './issue-text.ts';
import type { SchemaIssue } from './kind-registry.ts';

export type PlaceholderKind = 'text' | 'json' | 'yaml';

export type ReadTargetResult = { ok: true; text: string } | { ok: false; message: string; transient: boolean };

/** Reads the target of a placeholder, relative to the file it is written in; the caller decides how. */
export type ReadTarget = (kind: PlaceholderKind, target: string) => Promise<ReadTargetResult>;

/** A placeholder that could not be used. `transient` ones (an unreachable URL) may succeed next time. */
export interface PlaceholderIssue extends SchemaIssue {
  transient: boolean;
  /** Errors reject the entity; warnings point at a placeholder left as written. */
  severity: 'error' | 'warning';
}

export interface ResolvedPlaceholders {
  value: unknown;
  issues: PlaceholderIssue[];
}

interface Placeholder {
  path: (string | number)[];
  kind: PlaceholderKind;
  target: string;
}

type Path = (string | number)[];

const KINDS: Record<string, PlaceholderKind> = { $text: 'text', $json: 'json', $yaml: 'yaml' };

const warning = (path: Path, message: string): PlaceholderIssue => ({ path, message, transient: false, severity: 'warning' });

/**
 * An object with `$` keys is a placeholder only when it has exactly one key, a known one, with a
 * string value. Anything else is left exactly as written, as Backstage does (JSON Schema's `$ref`
 * in template parameters must survive); near-misses on $text/$json/$yaml get a warning.
 */
const inspectDollarObject = (node: Record<string, unknown>, keys: string[], path: Path, found: Placeholder[], issues: PlaceholderIssue[]) => {
  const known = keys.filter((key) => Object.hasOwn(KINDS, key));
  if (known.length === 0) return;
  const key = known[0]!;
  const target = node[key];
  if (keys.length > 1) {
    issues.push(warning(path, `${formatPath(path)} mixes ${key} with other keys, so it is left as written; a placeholder must be the only key`));
  } else if (typeof target !== 'string') {
    issues.push(warning(path, `${formatPath(path)}.${key} must be a path or URL string; the placeholder is left as written`));
  } else found.push({ path, kind: KINDS[key]!, target });
};

/** Finds placeholders anywhere in `value`, without reading anything. */
export function findPlaceholders(value: unknown): { placeholders: Placeholder[]; issues: PlaceholderIssue[] } {
  const placeholders: Placeholder[] = [];
  const issues: PlaceholderIssue[] = [];
  // One shared path stack, copied only where something is found: this walk runs on every document.
  const path: Path = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        visit(node[index]);
        path.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.some((key) => key.startsWith('$'))) return inspectDollarObject(record, keys, [...path], placeholders, issues);
    for (const key of keys) {
      path.push(key);
      visit(record[key]);
      path.pop();
    }
  };
  visit(value);
  return { placeholders, issues };
}

const parseYamlTarget = (text: string): { value: unknown } | { error: string } => {
  const { documents, faults } = composeYaml(text);
  const fault = faults.find((item) => item.severity === 'error');
  if (fault) return { error: `${fault.message}${fault.line ? ` (line ${fault.line})` : ''}` };
  if (documents.length !== 1) return { error: `expected exactly one YAML document, found ${documents.length}` };
  return { value: documents[0]!.value };
};

const parseTarget = (kind: PlaceholderKind, text: string): { value: unknown } | { error: string } => {
  if (kind === 'text') return { value: text };
  if (kind === 'yaml') return parseYamlTarget(text);
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
};

/** A reader that throws breaks its contract; treat it like a failed read that may pass next time. */
const readSafely = async (readTarget: ReadTarget, kind: PlaceholderKind, target: string): Promise<ReadTargetResult> => {
  try {
    return await readTarget(kind, target);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), transient: true };
  }
};

/** Reads and parses one placeholder; a failure leaves it in place and becomes an error issue. */
const resolveOne = async (placeholder: Placeholder, readTarget: ReadTarget): Promise<{ value: unknown } | PlaceholderIssue> => {
  const { path, kind, target } = placeholder;
  const where = `${formatPath(path)}: $${kind} "${target}"`;
  const read = await readSafely(readTarget, kind, target);
  if (!read.ok) return { path, message: `${where} could not be read: ${read.message}`, transient: read.transient, severity: 'error' };
  const parsed = parseTarget(kind, read.text);
  if ('error' in parsed) return { path, message: `${where} could not be parsed: ${parsed.error}`, transient: false, severity: 'error' };
  return parsed;
};

/** Copy-on-write: a new container at every step of `path`, the input untouched. */
const replaceAt = (root: unknown, path: Path, replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
};

/**
 * Replaces every `{ $text | $json | $yaml: target }` object (at any depth) with the target's
 * content: text as is, JSON and YAML parsed (compat §1.6). Targets are read through `readTarget`,
 * only when a placeholder exists. The input is never mutated; with nothing to replace the same
 * value comes back.
 */
export async function resolvePlaceholders(value: unknown, readTarget: ReadTarget): Promise<ResolvedPlaceholders> {
  const { placeholders, issues } = findPlaceholders(value);
  if (placeholders.length === 0) return { value, issues };
  const results = await Promise.all(placeholders.map((placeholder) => resolveOne(placeholder, readTarget)));
  let resolved = value;
  results.forEach((result, index) => {
    if ('value' in result) resolved = replaceAt(resolved, placeholders[index]!.path, result.value);
    else issues.push(result);
  });
  return { value: resolved, issues };
}
