import type { Entity } from '../catalog/entity.ts';
import { formatPath, isPlainObject } from '../catalog/issue-text.ts';
import type { SchemaIssue } from '../catalog/kind-registry.ts';
import { tryParseEntityRef } from '../catalog/refs.ts';
import { checkParameterSchemas } from './check-parameter-schemas.ts';
import { createTemplateEngine } from './expressions.ts';
import { stepIdOf } from './read-template-definition.ts';
import { TemplateAnnotations } from './template-definition.ts';
import type { ExpressionIssue, TemplateEngine } from './template-engine.ts';

type Path = (string | number)[];

let engine: TemplateEngine | undefined;

/** Edit distance, for "did you mean" among action ids (short strings, so the plain table is fine). */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
};

/** Known ids in the same namespace (`fetch:`) or a few edits away, closest first. */
const closeActions = (action: string, actionIds: readonly string[]): string[] => {
  const namespace = action.split(':')[0];
  return actionIds
    .map((id) => ({ id, score: distance(action, id) }))
    .filter(({ id, score }) => score <= 3 || id.split(':')[0] === namespace)
    .sort((a, b) => a.score - b.score)
    .slice(0, 4)
    .map(({ id }) => id);
};

const unknownActionMessage = (stepId: string, action: string, actionIds: readonly string[]): string => {
  const close = closeActions(action, actionIds);
  const suggestion = close.length > 0 ? `close ones: ${close.join(', ')}` : `known actions: ${actionIds.join(', ')}`;
  return `step "${stepId}" uses action "${action}", which Callboard does not have (${suggestion}); change the step to one of them or remove it, so the template can run`;
};

const syntaxIssues = (value: unknown, path: Path): ExpressionIssue[] => {
  if (value === undefined || typeof value === 'boolean') return [];
  engine ??= createTemplateEngine();
  return engine.checkSyntax(value, path);
};

const stepIssues = (steps: Record<string, unknown>[], actionIds: readonly string[]): SchemaIssue[] => {
  const issues: SchemaIssue[] = [];
  const firstIndex = new Map<string, number>();
  steps.forEach((step, index) => {
    const id = stepIdOf(step, index);
    const base: Path = ['spec', 'steps', index];
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) {
      issues.push({
        path: typeof step.id === 'string' ? [...base, 'id'] : base,
        message: `step id "${id}" is used twice (steps ${earlier + 1} and ${index + 1}); give each step its own id, since steps.${id}.output can name only one`,
      });
    } else firstIndex.set(id, index);
    if (typeof step.action === 'string' && !actionIds.includes(step.action)) {
      issues.push({ path: [...base, 'action'], message: unknownActionMessage(id, step.action, actionIds) });
    }
    for (const field of ['input', 'if', 'each'] as const) {
      for (const issue of syntaxIssues(step[field], [...base, field])) {
        issues.push({ path: issue.path, message: `step "${id}", ${formatPath(issue.path.slice(base.length))}: ${issue.message}; fix the expression` });
      }
    }
  });
  return issues;
};

/** `when` of each page, and every string of the output. */
const otherExpressionIssues = (spec: Record<string, unknown>): SchemaIssue[] => {
  const pages = Array.isArray(spec.parameters) ? spec.parameters : [spec.parameters];
  const wrapped = Array.isArray(spec.parameters);
  const pageIssues = pages.flatMap((page, index) =>
    isPlainObject(page) ? syntaxIssues(page.when, wrapped ? ['spec', 'parameters', index, 'when'] : ['spec', 'parameters', 'when']) : [],
  );
  const outputIssues = syntaxIssues(spec.output, ['spec', 'output']);
  return [...pageIssues, ...outputIssues].map((issue) => ({ path: issue.path, message: `${formatPath(issue.path)}: ${issue.message}; fix the expression` }));
};

const annotationIssues = (entity: Entity): SchemaIssue[] => {
  const context = { defaultKind: 'Group', defaultNamespace: entity.metadata.namespace };
  return Object.values(TemplateAnnotations).flatMap((annotation) => {
    const raw = entity.metadata.annotations?.[annotation];
    if (typeof raw !== 'string') return [];
    const bad = raw
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '' && !tryParseEntityRef(part, context).ok);
    if (bad.length === 0) return [];
    return [
      {
        path: ['metadata', 'annotations', annotation],
        message: `${annotation} names ${bad.map((ref) => `"${ref}"`).join(', ')}, which is not a group ref; write comma-separated refs such as "group:default/platform-team" or "platform-team"`,
      },
    ];
  });
};

/**
 * What stops a valid Template from running in Callboard: an action not in `actionIds`, an expression that does not
 * parse, a parameters page that is not valid JSON Schema, a step id used twice, a bad group ref in the approvers or
 * allowed-groups annotation. Paths start at the entity root (`['spec','steps',2,'action']`).
 */
export function validateTemplate(entity: Entity, actionIds: readonly string[]): SchemaIssue[] {
  const spec = entity.spec ?? {};
  const steps = Array.isArray(spec.steps) ? spec.steps.filter(isPlainObject) : [];
  return [...stepIssues(steps, actionIds), ...otherExpressionIssues(spec), ...checkParameterSchemas(spec.parameters), ...annotationIssues(entity)];
}
