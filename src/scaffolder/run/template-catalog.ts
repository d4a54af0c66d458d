import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { errorProblem, type Problem } from '../../core/problems.ts';
import { readTemplateDefinition } from '../../core/scaffolder/read-template-definition.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import { validateTemplate } from '../../core/scaffolder/validate-template.ts';

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

  byRef(ref: string): LoadedTemplate | undefined {
    const entity = this.catalog.entityEnvelope(ref);
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

  private read(ref: string, entity: Entity): LoadedTemplate {
    const stored = this.catalog.problems({ entityRefs: [ref], severity: 'error' });
    const own = validateTemplate(entity, this.actionIds()).map((issue) => errorProblem(`${issue.path.join('.')}: ${issue.message}`, { entityRef: ref }));
    const problems = dedupe([...own, ...stored]);
    try {
      return { ref, entity, definition: readTemplateDefinition(entity), problems };
    } catch (error) {
      return { ref, entity, problems: [...problems, errorProblem(`the template cannot be read: ${(error as Error).message}`, { entityRef: ref })] };
    }
  }
}

const dedupe = (problems: Problem[]): Problem[] => {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = problem.message;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Where a template's etag is recorded on a run (which version of the template ran). */
export const templateEtag = etagOf;
