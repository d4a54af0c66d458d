import type { z } from 'zod';

/** Renders a key path the way it is written in YAML: `catalog.sources[1].url`. */
const formatKeyPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), root);

/** Explains an issue as "what was expected", in words a person fixing callboard.yaml can act on. */
const describeExpectation = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return 'expected one of the documented shapes';
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `expected at least ${String(issue.minimum)} item(s)` : `expected at least ${String(issue.minimum)} character(s)`;
    default:
      return `expected ${issue.message.replace(/^Invalid (input|string): ?/i, '') || 'a valid value'}`;
  }
};

/** One line per issue: `catalog.schedule: got "every hour" — expected a cron expression such as "*\/10 * * * *"`. */
export const formatConfigIssues = (issues: readonly z.core.$ZodIssue[], input: unknown): string[] =>
  issues.map((issue) => {
    const key = formatKeyPath(issue.path) || '(top level)';
    const got = issue.code === 'unrecognized_keys' ? '' : `got ${describeValue(valueAt(input, issue.path))} — `;
    return `${key}: ${got}${describeExpectation(issue)}`;
  });
