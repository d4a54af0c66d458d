import type { EntityWithRelations } from '../../core/catalog/entity.ts';
import { tryParseEntityRef } from '../../core/catalog/refs.ts';
import type { FormField } from '../../core/scaffolder/form/form-model.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { matchesCatalogFilter } from './catalog-filter.ts';
import { backstageRef, entityCandidate, filteredEntityCandidates, tagCandidates, type Candidate } from './picker-candidates.ts';

/**
 * Options for a form's external selects, served as the person types: catalog pickers (EntityPicker,
 * MultiEntityPicker, OwnerPicker, OwnedEntityPicker, MyGroupsPicker, EntityTagsPicker) and enums too long for a
 * static select. Typed text matches by prefix first, then anywhere; at most 100 options (Slack's limit), and with
 * `allowArbitraryValues` the typed value itself is offered too (after the matches, which are what people usually
 * mean to pick) when nothing matches it exactly.
 */

export interface PickerOption {
  /** What the person sees (Slack cuts it at 75 characters). */
  text: string;
  /** What the form stores: a canonical entity ref, a tag, or an enum's index. */
  value: string;
}

export interface PickerQuery {
  field: FormField;
  typed: string;
  /** The person filling in the form: their catalog User, for OwnedEntityPicker and MyGroupsPicker. */
  userRef?: string;
  /** Catalogs larger than this are searched rather than read whole (picker-candidates.ts); tests lower it. */
  fullScanLimit?: number;
}

export const MAX_OPTIONS = 100;

/** 0: a key starts with the text; 1: a key contains it; undefined: no match. */
const rankOf = (candidate: Candidate, typed: string): number | undefined => {
  if (typed === '') return 0;
  if (candidate.keys.some((key) => key.startsWith(typed))) return 0;
  return candidate.keys.some((key) => key.includes(typed)) ? 1 : undefined;
};

const rank = (candidates: readonly Candidate[], typedRaw: string): PickerOption[] => {
  const typed = typedRaw.trim().toLowerCase();
  return candidates
    .flatMap((candidate) => {
      const score = rankOf(candidate, typed);
      return score === undefined ? [] : [{ candidate, score }];
    })
    .sort((a, b) => a.score - b.score || a.candidate.text.localeCompare(b.candidate.text))
    .map(({ candidate }) => ({ text: candidate.text, value: candidate.value }))
    .filter((option, i, all) => all.findIndex((other) => other.value === option.value) === i);
};

/** What the user owns, directly or through a group they are in (Backstage's OwnedEntityPicker). */
const ownedEntities = (catalog: CatalogReader, field: FormField, userRef: string | undefined): EntityWithRelations[] => {
  if (!userRef) return [];
  const owners = [userRef, ...catalog.relatedRefs(userRef, 'memberOf')];
  const refs = new Set(owners.flatMap((owner) => catalog.ownedBy(owner).map((owned) => owned.ref)));
  const filters = field.picker?.catalogFilter ?? [];
  return [...refs].flatMap((ref) => {
    const entity = catalog.entity(ref);
    return entity && matchesCatalogFilter(entity, filters) ? [entity] : [];
  });
};

const myGroups = (catalog: CatalogReader, field: FormField, userRef: string | undefined): EntityWithRelations[] => {
  if (!userRef) return [];
  const filters = field.picker?.catalogFilter ?? [];
  return catalog.relatedRefs(userRef, 'memberOf').flatMap((ref) => {
    const group = catalog.entity(ref);
    return group && matchesCatalogFilter(group, filters) ? [group] : [];
  });
};

/** EntityTagsPicker's `kinds` option. */
const kindsOption = (field: FormField): string[] | undefined => {
  const kinds = (field.schema['ui:options'] as Record<string, unknown> | undefined)?.kinds;
  return Array.isArray(kinds) ? kinds.filter((kind): kind is string => typeof kind === 'string') : undefined;
};

const candidatesFor = (catalog: CatalogReader, query: PickerQuery): Candidate[] => {
  const { field } = query;
  switch (field.kind) {
    case 'owned-entity-picker':
      return ownedEntities(catalog, field, query.userRef).map(entityCandidate);
    case 'my-groups-picker':
      return myGroups(catalog, field, query.userRef).map(entityCandidate);
    case 'entity-tags-picker':
      return tagCandidates(catalog, kindsOption(field));
    case 'external-select':
      return (field.options ?? []).map((option, i) => ({
        text: option.label,
        value: String(i),
        keys: [option.label.toLowerCase(), String(option.value).toLowerCase()],
      }));
    default:
      return filteredEntityCandidates(catalog, field.picker?.catalogFilter ?? [], query.typed, query.fullScanLimit);
  }
};

/** The typed text as a value: an entity ref completed with the picker's default kind and namespace, or the tag as typed. */
const arbitraryValue = (query: PickerQuery): PickerOption | undefined => {
  const typed = query.typed.trim();
  // Backstage's MyGroupsPicker offers only the person's groups; long enums only their values.
  if (typed === '' || query.field.picker?.allowArbitraryValues === false || ['external-select', 'my-groups-picker'].includes(query.field.kind))
    return undefined;
  if (query.field.kind === 'entity-tags-picker') return { text: typed, value: typed };
  const parsed = tryParseEntityRef(typed, {
    ...(query.field.picker?.defaultKind ? { defaultKind: query.field.picker.defaultKind } : {}),
    ...(query.field.picker?.defaultNamespace ? { defaultNamespace: query.field.picker.defaultNamespace } : {}),
  });
  const value = parsed.ok ? backstageRef(parsed.ref) : typed;
  return { text: `${value} (as typed)`, value };
};

/** Slack refuses a whole options list when one value is longer than 150 characters; such a value could not be stored anyway. */
const MAX_VALUE_CHARS = 150;

export const pickerOptions = (catalog: CatalogReader, query: PickerQuery): PickerOption[] => {
  const matches = rank(candidatesFor(catalog, query), query.typed).filter((option) => option.value.length <= MAX_VALUE_CHARS);
  const typed = arbitraryValue(query);
  if (!typed || typed.value.length > MAX_VALUE_CHARS || matches.some((option) => option.value.toLowerCase() === typed.value.toLowerCase()))
    return matches.slice(0, MAX_OPTIONS);
  return [...matches.slice(0, MAX_OPTIONS - 1), typed];
};
