import type { CatalogFilter, PickerSettings, RepoUrlSettings, ReviewSettings } from './form-model.ts';

/** Reading the `ui:*` settings of one property. Templates are hand-written YAML, so every shape is checked. */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
};

export const uiOptionsOf = (schema: Record<string, unknown>): Record<string, unknown> => (isRecord(schema['ui:options']) ? schema['ui:options'] : {});

/** One `catalogFilter` object: each key an entity field path, each value a string, a list, or `{ exists }`. */
const readFilter = (raw: Record<string, unknown>): CatalogFilter => {
  const filter: CatalogFilter = {};
  for (const [path, value] of Object.entries(raw)) {
    if (isRecord(value) && typeof value.exists === 'boolean') filter[path] = { exists: value.exists };
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') filter[path] = [String(value)];
    else if (Array.isArray(value)) filter[path] = value.filter((entry) => ['string', 'number', 'boolean'].includes(typeof entry)).map(String);
  }
  return filter;
};

/**
 * Picker settings. Older templates wrote `allowedKinds` instead of a `catalogFilter`; Backstage still reads it
 * as a filter on `kind`, and so does Callboard.
 */
export const readPickerSettings = (schema: Record<string, unknown>, fallbackKinds: string[] = []): PickerSettings => {
  const options = uiOptionsOf(schema);
  const raw = options.catalogFilter;
  let catalogFilter = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(isRecord).map(readFilter);
  const allowedKinds = strings(options.allowedKinds);
  if (catalogFilter.length === 0 && (allowedKinds.length > 0 || fallbackKinds.length > 0)) {
    catalogFilter = [{ kind: allowedKinds.length > 0 ? allowedKinds : fallbackKinds }];
  }
  return {
    catalogFilter,
    // Backstage's EntityPicker lets people type any ref unless told not to.
    allowArbitraryValues: options.allowArbitraryValues !== false,
    ...(typeof options.defaultKind === 'string' ? { defaultKind: options.defaultKind } : {}),
    ...(typeof options.defaultNamespace === 'string' ? { defaultNamespace: options.defaultNamespace } : {}),
  };
};

export const readRepoUrlSettings = (schema: Record<string, unknown>): RepoUrlSettings => {
  const options = uiOptionsOf(schema);
  return { allowedHosts: strings(options.allowedHosts), allowedOwners: strings(options.allowedOwners), allowedRepos: strings(options.allowedRepos) };
};

/** Password widgets are masked in Backstage's review step; `ui:backstage.review` can hide or mask any field. */
export const readReviewSettings = (schema: Record<string, unknown>, secret: boolean): ReviewSettings => {
  const backstage = isRecord(schema['ui:backstage']) ? schema['ui:backstage'] : {};
  const review = isRecord(backstage.review) ? backstage.review : {};
  const mask = typeof review.mask === 'string' ? review.mask : secret ? '******' : undefined;
  return { show: review.show !== false, ...(mask !== undefined ? { mask } : {}) };
};

export const isSecretSchema = (schema: Record<string, unknown>): boolean => schema['ui:widget'] === 'password' || schema['ui:field'] === 'Secret';
