import type { Entity } from '../../core/catalog/entity.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

export interface Profile {
  displayName?: string;
  email?: string;
}

/** `spec.profile` of a User or Group, with anything that is not a string ignored. */
export const profileOf = (entity: Entity): Profile => {
  const profile = entity.spec?.profile;
  if (!profile || typeof profile !== 'object') return {};
  const { displayName, email } = profile as Record<string, unknown>;
  return {
    ...(typeof displayName === 'string' && displayName.trim() ? { displayName } : {}),
    ...(typeof email === 'string' && email.trim() ? { email } : {}),
  };
};

/** The name a person would use: title, then profile display name, then the entity name. Raw text. */
export const displayNameOf = (entity: Entity): string => entity.metadata.title ?? profileOf(entity).displayName ?? entity.metadata.name;

/** A string field of `spec` (lifecycle, type, owner…), ignoring anything else a file put there. */
export const specString = (entity: Entity, key: string): string | undefined => {
  const value = entity.spec?.[key];
  return typeof value === 'string' && value.trim() ? value : undefined;
};

/**
 * `group:default/checkout-team` → `checkout-team`: the default namespace and a kind the reader
 * can infer add noise. Other namespaces stay (`ops/checkout-team`). Raw text.
 */
export const shortRef = (ref: string): string => {
  const [, namespace, name] = /^[^:]+:([^/]+)\/(.+)$/.exec(ref) ?? [];
  if (!name) return ref;
  return namespace === 'default' ? name : `${namespace}/${name}`;
};

/** `*Checkout Service*` (bold title) with the name in code when it differs: escaped mrkdwn. */
export const titleWithName = (name: string, title?: string): string =>
  title && title !== name ? `*${escapeMrkdwn(title)}* \`${escapeMrkdwn(name)}\`` : `*${escapeMrkdwn(name)}*`;

/** Entity refs in code spans: escaped mrkdwn. */
export const refCode = (ref: string): string => `\`${escapeMrkdwn(ref)}\``;
