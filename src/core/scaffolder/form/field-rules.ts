import { isValidObjectName, isValidTag } from '../../catalog/field-formats.ts';
import type { FormField } from './form-model.ts';
import { parseRepoUrl } from './repo-url-value.ts';

/**
 * The checks Backstage's field extensions make on top of the JSON Schema: EntityNamePicker's entity-name rule,
 * EntityTagsPicker's tag rule, and RepoUrlPicker's host, owner and repository (with its allowed lists). A message, or undefined when the value passes.
 */

const isSafeName = (name: string): boolean => /^[A-Za-z0-9_.-]+$/.test(name) && !/^\.+$/.test(name);

const oneOf = (allowed: readonly string[]): string => allowed.map((entry) => `“${entry}”`).join(', ');

const checkRepoUrl = (field: FormField, value: string): string | undefined => {
  const parts = parseRepoUrl(value);
  const settings = field.repoUrl ?? { allowedHosts: [], allowedOwners: [], allowedRepos: [] };
  if (!parts) return `${field.label}: choose the host the repository goes to.`;
  if (!parts.owner && !parts.extra.organization && !parts.extra.workspace) return `${field.label}: give the owner (organization or user) of the repository.`;
  if (!parts.repo) return `${field.label}: give the repository name.`;
  if (settings.allowedHosts.length > 0 && !settings.allowedHosts.includes(parts.host))
    return `${field.label}: the host must be one of ${oneOf(settings.allowedHosts)}.`;
  if (settings.allowedOwners.length > 0 && parts.owner && !settings.allowedOwners.includes(parts.owner)) {
    return `${field.label}: the owner must be one of ${oneOf(settings.allowedOwners)}.`;
  }
  if (settings.allowedRepos.length > 0 && !settings.allowedRepos.includes(parts.repo))
    return `${field.label}: the repository must be one of ${oneOf(settings.allowedRepos)}.`;
  // Both parts become folder names on the local Git host (data/repos/<owner>/<repo>.git): no separators, no dot-only names.
  if (!isSafeName(parts.repo)) return `${field.label}: a repository name uses only letters, digits, “-”, “_” and “.”, and is not “.” or “..”.`;
  if (parts.owner && !isSafeName(parts.owner)) return `${field.label}: an owner name uses only letters, digits, “-”, “_” and “.”, and is not “.” or “..”.`;
  return undefined;
};

export const checkFieldRules = (field: FormField, value: unknown): string | undefined => {
  if (field.kind === 'entity-tags-picker' && Array.isArray(value)) {
    const bad = value.find((tag) => typeof tag !== 'string' || !isValidTag(tag));
    return bad === undefined
      ? undefined
      : `${field.label}: “${String(bad)}” is not a valid tag (lowercase letters, digits, “:”, “+” and “#”, words joined by “-”, up to 63 characters).`;
  }
  if (typeof value !== 'string' || value.length === 0) return undefined;
  if (field.kind === 'entity-name' && !isValidObjectName(value)) {
    return `${field.label} must be 1–63 letters, digits, “-”, “_” or “.”, starting and ending with a letter or digit.`;
  }
  if (field.kind === 'repo-url') return checkRepoUrl(field, value);
  return undefined;
};
