/**
 * Envelope checks that come before any kind is known: JSON types of the envelope and
 * metadata (Backstage's Entity and EntityMeta schemas) and the no-foreign-root-fields rule.
 */
import { formatPath, invalidValueMessage, isPlainObject, missingValueMessage, type IssuePath } from './issue-text.ts';
import type { SchemaIssue } from './kind-registry.ts';

const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'spec']);

type Issues = SchemaIssue[];

/** Records an issue unless `value` is a non-empty string (absent is fine unless `required`); returns whether it is one. */
const checkString = (issues: Issues, path: IssuePath, value: unknown, expected: string, required: boolean): boolean => {
  if (value === undefined) {
    if (required) issues.push({ path: [...path], message: missingValueMessage(path, expected) });
    return false;
  }
  if (typeof value === 'string' && value !== '') return true;
  issues.push({ path: [...path], message: invalidValueMessage(path, value, expected) });
  return false;
};

/** `labels` and `annotations`: a mapping whose values are all strings (quoted numbers, not numbers). */
const checkStringMap = (issues: Issues, field: string, value: unknown): void => {
  const path = ['metadata', field];
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    issues.push({ path, message: invalidValueMessage(path, value, 'a mapping of string keys to string values') });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') continue;
    const itemPath = [...path, key];
    const hint = typeof item === 'number' || typeof item === 'boolean' ? ' (quote numbers and booleans in YAML)' : '';
    issues.push({ path: itemPath, message: invalidValueMessage(itemPath, item, `a string${hint}`) });
  }
};

const checkTags = (issues: Issues, value: unknown): void => {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push({ path: ['metadata', 'tags'], message: invalidValueMessage(['metadata', 'tags'], value, 'a list of strings') });
    return;
  }
  value.forEach((tag, index) => checkString(issues, ['metadata', 'tags', index], tag, 'a non-empty string', true));
};

const checkLink = (issues: Issues, link: unknown, index: number): void => {
  const path = ['metadata', 'links', index];
  if (!isPlainObject(link)) {
    issues.push({ path, message: invalidValueMessage(path, link, 'a mapping with at least a url') });
    return;
  }
  checkString(issues, [...path, 'url'], link.url, 'a URL string such as "https://example.com"', true);
  checkString(issues, [...path, 'title'], link.title, 'a non-empty string', false);
  checkString(issues, [...path, 'icon'], link.icon, 'a non-empty icon name such as "dashboard"', false);
  if (link.type !== undefined && typeof link.type !== 'string') {
    issues.push({ path: [...path, 'type'], message: invalidValueMessage([...path, 'type'], link.type, 'a string') });
  }
};

const checkLinks = (issues: Issues, value: unknown): void => {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push({ path: ['metadata', 'links'], message: invalidValueMessage(['metadata', 'links'], value, 'a list of links') });
    return;
  }
  value.forEach((link, index) => checkLink(issues, link, index));
};

const checkOptionalText = (issues: Issues, metadata: Record<string, unknown>, field: string): void => {
  const value = metadata[field];
  if (value === undefined || typeof value === 'string') return;
  issues.push({ path: ['metadata', field], message: invalidValueMessage(['metadata', field], value, 'a string') });
};

const checkMetadata = (issues: Issues, metadata: unknown): void => {
  if (!isPlainObject(metadata)) {
    const expected = 'a mapping with at least a name';
    const message = metadata === undefined ? missingValueMessage(['metadata'], expected) : invalidValueMessage(['metadata'], metadata, expected);
    issues.push({ path: ['metadata'], message });
    return;
  }
  checkString(issues, ['metadata', 'name'], metadata.name, 'a non-empty string such as "my-service"', true);
  checkString(issues, ['metadata', 'namespace'], metadata.namespace, 'a non-empty string such as "default"', false);
  checkOptionalText(issues, metadata, 'title');
  checkOptionalText(issues, metadata, 'description');
  checkStringMap(issues, 'labels', metadata.labels);
  checkStringMap(issues, 'annotations', metadata.annotations);
  checkTags(issues, metadata.tags);
  checkLinks(issues, metadata.links);
};

/** JSON types of the envelope and metadata; `raw` must already be a mapping. */
export function validateEnvelopeTypes(raw: Record<string, unknown>): SchemaIssue[] {
  const issues: Issues = [];
  checkString(issues, ['apiVersion'], raw.apiVersion, 'a string such as "backstage.io/v1alpha1"', true);
  checkString(issues, ['kind'], raw.kind, 'a string such as "Component"', true);
  checkMetadata(issues, raw.metadata);
  if (raw.spec !== undefined && !isPlainObject(raw.spec)) {
    issues.push({ path: ['spec'], message: invalidValueMessage(['spec'], raw.spec, 'a mapping') });
  }
  return issues;
}

/** Only apiVersion, kind, metadata and spec may be written; relations and status are computed. */
export function validateRootFields(raw: Record<string, unknown>): SchemaIssue[] {
  return Object.keys(raw)
    .filter((key) => !ROOT_FIELDS.has(key))
    .map((key) => ({
      path: [key],
      message: `${formatPath([key])} is not allowed at the top level of an entity; expected only apiVersion, kind, metadata and spec${
        key === 'relations' || key === 'status' ? ` (${key} is computed by the catalog, never written)` : ''
      }`,
    }));
}
