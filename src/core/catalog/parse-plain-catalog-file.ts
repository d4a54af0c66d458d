import type { KindRegistry } from './kind-registry.ts';
import type { ParsedCatalogFile, ParsedEntity } from './parse-catalog-file.ts';
import { readPlainYaml } from './read-plain-yaml.ts';
import { entityRefOf } from './refs.ts';
import { validateEntity } from './validate-entity.ts';

/**
 * The fast path of {@link parseCatalogFile}, for the common file: plain YAML (see
 * read-plain-yaml.ts) whose every document is a valid entity with nothing to report.
 * Returns undefined as soon as anything else shows up (a problem, a placeholder, a Location,
 * whose targets need positions inside the document, a duplicate ref), and the caller parses
 * the file the full way, so that every problem keeps its exact message and place. When it
 * answers, the answer is the one the full way gives (a test compares both over the corpora).
 */
export function parsePlainCatalogFile(text: string, registry: KindRegistry): ParsedCatalogFile | undefined {
  const documents = readPlainYaml(text);
  if (!documents) return undefined;
  const entities: ParsedEntity[] = [];
  const refs = new Set<string>();
  for (const { value, line, column } of documents) {
    const validation = validateEntity(value, registry);
    if (!validation.ok || validation.usageIssues.length > 0 || validation.entity.kind === 'Location') return undefined;
    const { entity } = validation;
    const ref = entityRefOf(entity);
    if (refs.has(ref)) return undefined;
    refs.add(ref);
    const relations = registry.find(entity.kind, entity.apiVersion)?.relations(entity) ?? [];
    entities.push({ entity, ref, line, column, relations });
  }
  return { entities, locationTargets: [], problems: [], unidentified: false, rejectedRefs: [], transient: false };
}
