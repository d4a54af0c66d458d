import type { Entity } from '../../core/catalog/entity.ts';
import { canonicalEntityRef, entityRefOf } from '../../core/catalog/refs.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { errorProblem, type Problem } from '../../core/problems.ts';
import { readTemplateDefinition } from '../../core/scaffolder/read-template-definition.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import { validateTemplate } from '../../core/scaffolder/validate-template.ts';
import { BUILTIN_ACTION_IDS } from '../../core/scaffolder/builtin-action-ids.ts';
import type { SchemaIssue } from '../../core/catalog/kind-registry.ts';

/** A Template entity read for running: its definition (when it reads at all) and everything wrong with it. */
export interface LoadedTemplate {
  ref: string;
  entity: Entity;
  definition?: TemplateDefinition;
  problems: Problem[];
}

const etagOf = (entity: Entity): string | undefined => {
  const etag = entity.metadata['etag'];
  return typeof etag === 'string' ? etag : undefined;
};

/**
 * Reads Template entities from the catalog, once per entity version (keyed by etag), with the problems that stop
 * them from running: the template's own checks against the registered actions, and the catalog's stored errors.
 */
export class TemplateCatalog {
  private readonly cache = new Map<string, { etag: string | undefined; loaded: LoadedTemplate }>();

  constructor(
    private readonly catalog: CatalogReader,
    private readonly actionIds: () => readonly string[],
  ) {}

  all(): LoadedTemplate[] {
    return this.catalog.entities({ kind: 'Template' }).map((entity) => this.load(entity));
  }

  /** By ref as typed: `docs-template` and `template:docs-template` mean `template:default/docs-template`. */
  byRef(ref: string): LoadedTemplate | undefined {
    const canonical = canonicalEntityRef(ref, { defaultKind: 'Template', defaultNamespace: 'default' });
    const entity = canonical === undefined ? undefined : this.catalog.entityEnvelope(canonical);
    return entity && entity.kind.toLowerCase() === 'template' ? this.load(entity) : undefined;
  }

  private load(entity: Entity): LoadedTemplate {
    const ref = entityRefOf(entity);
    const etag = etagOf(entity);
    const cached = this.cache.get(ref);
    if (cached && etag !== undefined && cached.etag === etag) return cached.loaded;
    const loaded = this.read(ref, entity);
    this.cache.set(ref, { etag, loaded });
    return loaded;
  }

  /**
   * The catalog's stored errors (with file and line) include the template's own checks against the built-in
   * actions; the same checks against this process's registry add only what differs from those. A catalog that
   * stored nothing about the template leaves the registry's checks to speak alone.
   */
  /** The registry's ids in the catalog's order (built-ins first), so the same issue reads the same both ways. */
  private orderedActionIds(): string[] {
    const ids = new Set(this.actionIds());
    const builtin = BUILTIN_ACTION_IDS.filter((id) => ids.has(id));
    return [...builtin, ...[...ids].filter((id) => !(BUILTIN_ACTION_IDS as readonly string[]).includes(id)).sort()];
  }

  private read(ref: string, entity: Entity): LoadedTemplate {
    const stored = this.catalog.problems({ entityRefs: [ref], severity: 'error' }).map(asProblem);
    const keyOf = (issue: SchemaIssue) => `${issue.path.join('.')}\u0000${issue.message}`;
    const reported = new Set(stored.length > 0 ? validateTemplate(entity, BUILTIN_ACTION_IDS).map(keyOf) : []);
    const own = validateTemplate(entity, this.orderedActionIds())
      .filter((issue) => !reported.has(keyOf(issue)))
      // The message already names the step and field (as the catalog shows it); the path would say it twice.
      .map((issue) => errorProblem(issue.message, { entityRef: ref }));
    const problems = [...stored, ...own];
    try {
      return { ref, entity, definition: readTemplateDefinition(entity), problems };
    } catch (error) {
      return { ref, entity, problems: [...problems, errorProblem(`the template cannot be read: ${(error as Error).message}`, { entityRef: ref })] };
    }
  }
}

const asProblem = ({ severity, message, file, line, column, entityRef }: Problem): Problem => ({
  severity,
  message,
  ...(file !== undefined ? { file } : {}),
  ...(line !== undefined ? { line } : {}),
  ...(column !== undefined ? { column } : {}),
  ...(entityRef !== undefined ? { entityRef } : {}),
});

/** Where a template's etag is recorded on a run (which version of the template ran). */
export const templateEtag = etagOf;
