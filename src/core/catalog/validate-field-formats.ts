/**
 * Field format rules of compat §1.4 (Backstage's FieldFormatEntityPolicy). Runs after the
 * type checks, so every field it reads is known to have the right JSON type.
 */
import type { EntityLink, EntityMetadata } from './entity.ts';
import {
  EXPECTED,
  isNonBlank,
  isValidApiVersion,
  isValidDnsLabel,
  isValidKind,
  isValidLabelValue,
  isValidMetadataKey,
  isValidObjectName,
  isValidTag,
  isValidUrl,
} from './field-formats.ts';
import { describeValue, formatPath, invalidValueMessage, type IssuePath } from './issue-text.ts';
import type { SchemaIssue } from './kind-registry.ts';

type Issues = SchemaIssue[];

const checkFormat = (issues: Issues, path: IssuePath, value: string | undefined, isValid: (v: string) => boolean, expected: string) => {
  if (value === undefined || isValid(value)) return;
  issues.push({ path: [...path], message: invalidValueMessage(path, value, expected) });
};

/**
 * Labels and annotations: each key, then (labels only) its value. Key messages name the key,
 * since the path alone would read as the value.
 */
const checkMetadataMap = (issues: Issues, field: 'labels' | 'annotations', map: Record<string, string> | undefined): void => {
  for (const [key, value] of Object.entries(map ?? {})) {
    const path = ['metadata', field, key];
    if (!isValidMetadataKey(key)) {
      issues.push({ path, message: `${formatPath(['metadata', field])} key ${describeValue(key)} is not valid; expected ${EXPECTED.metadataKey}` });
    }
    // Annotation values may be any string; only label values have a format.
    if (field === 'labels') checkFormat(issues, path, value, isValidLabelValue, EXPECTED.labelValue);
  }
};

const checkLinks = (issues: Issues, links: EntityLink[] | undefined): void => {
  (links ?? []).forEach((link, index) => {
    const path = ['metadata', 'links', index];
    checkFormat(issues, [...path, 'url'], link.url, isValidUrl, EXPECTED.url);
    checkFormat(issues, [...path, 'title'], link.title, isNonBlank, EXPECTED.nonBlank);
    checkFormat(issues, [...path, 'icon'], link.icon, isValidObjectName, EXPECTED.objectName);
  });
};

/**
 * Format issues of a type-checked envelope, in Backstage's order (apiVersion, kind, name,
 * namespace, labels, annotations, tags, links), all of them rather than only the first.
 */
export function validateFieldFormats(apiVersion: string, kind: string, metadata: EntityMetadata): SchemaIssue[] {
  const issues: Issues = [];
  checkFormat(issues, ['apiVersion'], apiVersion, isValidApiVersion, EXPECTED.apiVersion);
  checkFormat(issues, ['kind'], kind, isValidKind, EXPECTED.kind);
  checkFormat(issues, ['metadata', 'name'], metadata.name, isValidObjectName, EXPECTED.objectName);
  checkFormat(issues, ['metadata', 'namespace'], metadata.namespace, isValidDnsLabel, EXPECTED.namespace);
  checkMetadataMap(issues, 'labels', metadata.labels);
  checkMetadataMap(issues, 'annotations', metadata.annotations);
  (metadata.tags ?? []).forEach((tag, index) => checkFormat(issues, ['metadata', 'tags', index], tag, isValidTag, EXPECTED.tag));
  checkLinks(issues, metadata.links);
  return issues;
}
