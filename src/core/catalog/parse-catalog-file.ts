import { errorProblem, warningProblem, type Problem } from '../problems.ts';
import { decodeYamlText } from './compose-yaml.ts';
import type { Entity, RelationRow } from './entity.ts';
import type { KindRegistry, SchemaIssue } from './kind-registry.ts';
import { parsePlainCatalogFile } from './parse-plain-catalog-file.ts';
import { parseYamlDocuments, type YamlDocument } from './parse-yaml-documents.ts';
import { resolvePlaceholders, type PlaceholderIssue, type ReadTarget } from './placeholders.ts';
import { entityRefOf } from './refs.ts';
import { validateEntity } from './validate-entity.ts';

/** A valid entity read from a file, with where it starts and the relation rows it emits. */
export interface ParsedEntity {
  entity: Entity;
  /** Canonical `kind:namespace/name`. */
  ref: string;
  line: number;
  column: number;
  relations: RelationRow[];
}

/** A target named by a valid Location entity, still unresolved (relative to this file). */
export interface LocationTarget {
  target: string;
  /** `spec.type` when written; otherwise the type of the location that read this file applies. */
  type?: string;
  presence: 'required' | 'optional';
  line: number;
  column: number;
  /** Ref of the Location entity naming the target. */
  entityRef: string;
}

export interface ParsedCatalogFile {
  entities: ParsedEntity[];
  /** From valid Location entities, in order: `spec.target`, then `spec.targets[]`. */
  locationTargets: LocationTarget[];
  /** Every problem, with file, line, column and entityRef when known. */
  problems: Problem[];
  /** Some document failed before its ref was known: the sync keeps all previous entities of the file. */
  unidentified: boolean;
  /** Refs of identified but invalid documents: the sync keeps their last good version. */
  rejectedRefs: string[];
  /** Some problem may go away by itself (an unreachable `$text` URL): the sync retries the file. */
  transient: boolean;
}

export interface ParseCatalogFileDeps {
  registry: KindRegistry;
  readTarget: ReadTarget;
  /** `catalog.yamlFastPath` (default true); false: every file takes the full reader (see docs/decisions/0001). */
  yamlFastPath?: boolean;
}

interface DocumentOutcome {
  ref?: string;
  entity?: Entity;
  issues: PlaceholderIssue[];
}

const asError = (issue: SchemaIssue): PlaceholderIssue => ({ ...issue, transient: false, severity: 'error' });

const isUnder = (path: SchemaIssue['path'], prefix: SchemaIssue['path']): boolean =>
  prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);

/** Steps 1-2: placeholders, then validation; issues inside a failed placeholder are only its echo. */
const checkDocument = async (document: YamlDocument, deps: ParseCatalogFileDeps): Promise<DocumentOutcome> => {
  const placeholders = await resolvePlaceholders(document.value, deps.readTarget);
  const validation = validateEntity(placeholders.value, deps.registry);
  if (validation.ok && !placeholders.issues.some((issue) => issue.severity === 'error')) {
    // Usage issues are errors on an entity that is kept (a Template that cannot run is still listed).
    return { ref: entityRefOf(validation.entity), entity: validation.entity, issues: [...placeholders.issues, ...validation.usageIssues.map(asError)] };
  }
  const failedPaths = placeholders.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.path);
  const validationIssues = validation.ok ? [] : validation.issues.filter((issue) => !failedPaths.some((path) => isUnder(issue.path, path)));
  const ref = validation.ok ? entityRefOf(validation.entity) : validation.partialRef;
  return { ref, issues: [...placeholders.issues, ...validationIssues.map(asError)] };
};

const toProblem = (issue: PlaceholderIssue, document: YamlDocument, file: string, entityRef: string | undefined): Problem => {
  const where = { file, ...document.locate(issue.path), ...(entityRef ? { entityRef } : {}) };
  return issue.severity === 'error' ? errorProblem(issue.message, where) : warningProblem(issue.message, where);
};

/** Step 4 for Locations: `spec.target` first, then `spec.targets[]` (compat §5.1). */
const targetsOf = (entity: Entity, ref: string, document: YamlDocument): LocationTarget[] => {
  const spec = entity.spec ?? {};
  const common = {
    presence: spec.presence === 'optional' ? ('optional' as const) : ('required' as const),
    entityRef: ref,
    ...(typeof spec.type === 'string' ? { type: spec.type } : {}),
  };
  const single = typeof spec.target === 'string' ? [{ target: spec.target, path: ['spec', 'target'] }] : [];
  const many = Array.isArray(spec.targets) ? (spec.targets as string[]).map((target, index) => ({ target, path: ['spec', 'targets', index] })) : [];
  return [...single, ...many].map(({ target, path }) => ({ target, ...common, ...document.locate(path) }));
};

/** The file result being built, and what recording a document needs besides the document. */
interface FileContext {
  result: ParsedCatalogFile;
  /** Line of the first document seen per ref, for duplicate messages. */
  firstLines: Map<string, number>;
  file: string;
  deps: ParseCatalogFileDeps;
}

/** Step 3: records one document's outcome on the file result. */
const recordOutcome = ({ result, firstLines, file, deps }: FileContext, document: YamlDocument, outcome: DocumentOutcome): void => {
  const { ref, entity, issues } = outcome;
  const firstLine = ref === undefined ? undefined : firstLines.get(ref);
  if (firstLine !== undefined) {
    const message = `${ref} is defined twice in this file (first at line ${firstLine}); this document is ignored`;
    result.problems.push(errorProblem(message, { file, line: document.line, column: document.column, entityRef: ref }));
    return;
  }
  result.problems.push(...issues.map((issue) => toProblem(issue, document, file, ref)));
  result.transient ||= issues.some((issue) => issue.transient);
  if (ref === undefined) {
    result.unidentified = true;
    return;
  }
  firstLines.set(ref, document.line);
  if (!entity) {
    result.rejectedRefs.push(ref);
    return;
  }
  const relations = deps.registry.find(entity.kind, entity.apiVersion)?.relations(entity) ?? [];
  result.entities.push({ entity, ref, line: document.line, column: document.column, relations });
  if (entity.kind === 'Location') result.locationTargets.push(...targetsOf(entity, ref, document));
};

/**
 * {@link parseCatalogFile} without its fast path: every document goes through the YAML reader
 * that can place and explain any problem. Exported so that tests can check both ways agree.
 */
export async function parseCatalogFileFully(content: string | Uint8Array, file: string, deps: ParseCatalogFileDeps): Promise<ParsedCatalogFile> {
  const parsed = parseYamlDocuments(content, file);
  const result: ParsedCatalogFile = {
    entities: [],
    locationTargets: [],
    problems: [...parsed.problems],
    // A YAML-level error (syntax, not a mapping, limits, no entities) always hides a document's identity.
    unidentified: parsed.problems.some((problem) => problem.severity === 'error'),
    rejectedRefs: [],
    transient: false,
  };
  const context: FileContext = { result, firstLines: new Map(), file, deps };
  for (const document of parsed.documents) recordOutcome(context, document, await checkDocument(document, deps));
  // YAML problems and document problems were collected apart; readers expect file order.
  result.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return result;
}

/**
 * Parses one catalog file into entities, Location targets and problems: per document,
 * YAML → placeholders → validation → relations. Never throws on bad input; a bad document
 * only costs that document. Targets are read only when a placeholder asks for them.
 * A plain file of valid entities takes a fast path with the same result.
 */
export async function parseCatalogFile(content: string | Uint8Array, file: string, deps: ParseCatalogFileDeps): Promise<ParsedCatalogFile> {
  if (deps.yamlFastPath === false) return parseCatalogFileFully(content, file, deps);
  const text = decodeYamlText(content);
  const plain = text === undefined ? undefined : parsePlainCatalogFile(text, deps.registry);
  return plain ?? parseCatalogFileFully(text ?? content, file, deps);
}
