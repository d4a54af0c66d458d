import type { Entity } from '../catalog/entity.ts';
import type { LookupKey, LookupKeySource } from './lookup-key.ts';
import { normaliseText } from './normalise-text.ts';
import { urlLookupKey } from './url-key.ts';

/** The annotation that lists other names people use for an entity, comma-separated: `checkout, chk`. */
export const ALIASES_ANNOTATION = 'callboard.dev/aliases';

/** Where the entity's own code and catalog file live: a URL here means the entity itself. */
const REPOSITORY_ANNOTATIONS = ['backstage.io/source-location', 'backstage.io/managed-by-location', 'backstage.io/view-url', 'backstage.io/edit-url'];
/** Where its docs live: a URL here names the entity too, but less surely than its repository. */
const DOCS_ANNOTATIONS = ['backstage.io/techdocs-ref', 'callboard.dev/runbook-url'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Aliases from the annotation, each trimmed; empty items are skipped. */
export const aliasesOf = (entity: Entity): string[] =>
  (entity.metadata.annotations?.[ALIASES_ANNOTATION] ?? '')
    .split(',')
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');

const titlesOf = (entity: Entity): string[] => {
  const profile = entity.spec?.profile as Record<string, unknown> | undefined;
  return [text(entity.metadata.title), text(profile?.displayName)].filter((title): title is string => title !== undefined);
};

const urlsOf = (entity: Entity): Array<[string, LookupKeySource]> => {
  const annotations = entity.metadata.annotations ?? {};
  const slug = text(annotations['github.com/project-slug']);
  return [
    ...(slug ? [[`https://github.com/${slug}`, 'repo'] as [string, LookupKeySource]] : []),
    ...REPOSITORY_ANNOTATIONS.map((key) => [annotations[key] ?? '', 'repo'] as [string, LookupKeySource]),
    ...DOCS_ANNOTATIONS.map((key) => [annotations[key] ?? '', 'link'] as [string, LookupKeySource]),
    ...(entity.metadata.links ?? []).map((link) => [typeof link?.url === 'string' ? link.url : '', 'link'] as [string, LookupKeySource]),
  ];
};

/**
 * The keys an entity is found under besides its exact name (the store looks names up in the entities table
 * itself): its name when normalising changes it (`ada.lovelace` → `ada-lovelace`), titles and display names,
 * aliases, and the URLs of its repository, catalog file, docs and links. One key per text, the strongest
 * source kept (name, then title, then alias; a repository over a link).
 */
export const lookupKeysOf = (entity: Entity): LookupKey[] => {
  const keys = new Map<string, LookupKeySource>();
  const add = (key: string | undefined, source: LookupKeySource) => {
    if (key && !keys.has(key)) keys.set(key, source);
  };
  const name = entity.metadata.name.toLowerCase();
  keys.set(name, 'name');
  add(normaliseText(name), 'name');
  for (const title of titlesOf(entity)) add(normaliseText(title), 'title');
  for (const alias of aliasesOf(entity)) add(normaliseText(alias), 'alias');
  for (const [url, source] of urlsOf(entity)) add(url ? urlLookupKey(url) : undefined, source);
  keys.delete(name);
  return [...keys].map(([key, source]) => ({ key, source }));
};
