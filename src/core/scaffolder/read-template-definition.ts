import type { Entity } from '../catalog/entity.ts';
import { isPlainObject } from '../catalog/issue-text.ts';
import { canonicalEntityRef, entityRefOf } from '../catalog/refs.ts';
import {
  TemplateAnnotations,
  type OutputLink,
  type OutputText,
  type ParameterPage,
  type StepDefinition,
  type TemplateDefinition,
  type TemplateOutput,
} from './template-definition.ts';

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const asCondition = (value: unknown): string | boolean | undefined => (typeof value === 'string' || typeof value === 'boolean' ? value : undefined);
const mappings = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);

/** One object or a list of them; each is a page, in order. */
const readPages = (parameters: unknown): ParameterPage[] => {
  if (isPlainObject(parameters)) return [parameters as ParameterPage];
  return mappings(parameters) as ParameterPage[];
};

/** Step ids: as written, or `step-<n>` (1-based) for a step without one. */
export const stepIdOf = (step: Record<string, unknown>, index: number): string =>
  typeof step.id === 'string' && step.id !== '' ? step.id : `step-${index + 1}`;

const readStep = (step: Record<string, unknown>, index: number): StepDefinition => {
  const id = stepIdOf(step, index);
  const idWritten = typeof step.id === 'string' && step.id !== '';
  const action = asString(step.action) ?? '';
  const definition: StepDefinition = {
    id,
    idWritten,
    name: asString(step.name) ?? (idWritten ? id : action),
    action,
    input: isPlainObject(step.input) ? step.input : {},
  };
  const condition = asCondition(step.if);
  if (condition !== undefined) definition.if = condition;
  if (step.each !== undefined) definition.each = step.each;
  return definition;
};

const pickFields = <T>(item: Record<string, unknown>, keys: readonly string[]): T => {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (item[key] !== undefined) picked[key] = item[key];
  return picked as T;
};

const readOutput = (output: unknown): TemplateOutput => {
  if (!isPlainObject(output)) return { links: [], text: [], other: {} };
  const { links, text, ...other } = output;
  return {
    links: mappings(links).map((link) => pickFields<OutputLink>(link, ['title', 'url', 'entityRef', 'icon', 'if'])),
    text: mappings(text).map((item) => pickFields<OutputText>(item, ['title', 'content', 'icon', 'default', 'if'])),
    other,
  };
};

/**
 * Comma-separated refs, canonical with default kind Group and the template's namespace. A ref that does not parse
 * is kept as written: it matches no group, so an approval or a permission fails closed (validateTemplate reports it).
 */
export const readGroupRefs = (entity: Entity, annotation: string): string[] => {
  const raw = entity.metadata.annotations?.[annotation];
  if (typeof raw !== 'string') return [];
  const context = { defaultKind: 'Group', defaultNamespace: entity.metadata.namespace };
  const refs = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => canonicalEntityRef(part, context) ?? part);
  return [...new Set(refs)];
};

/** Reads a valid Template entity (its spec already checked by the catalog) into what the scaffolder runs. */
export function readTemplateDefinition(entity: Entity): TemplateDefinition {
  const spec = entity.spec ?? {};
  const { metadata } = entity;
  const owner = typeof spec.owner === 'string' ? canonicalEntityRef(spec.owner, { defaultKind: 'Group', defaultNamespace: metadata.namespace }) : undefined;
  const definition: TemplateDefinition = {
    ref: entityRefOf(entity),
    name: metadata.name,
    title: metadata.title ?? metadata.name,
    tags: Array.isArray(metadata.tags) ? metadata.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    type: asString(spec.type) ?? '',
    pages: readPages(spec.parameters),
    steps: mappings(spec.steps).map(readStep),
    output: readOutput(spec.output),
    approvers: readGroupRefs(entity, TemplateAnnotations.approvers),
    allowedGroups: readGroupRefs(entity, TemplateAnnotations.allowedGroups),
  };
  if (metadata.description !== undefined) definition.description = metadata.description;
  if (owner !== undefined) definition.owner = owner;
  return definition;
}
