import type { OnCallProvider } from '../../core/oncall/on-call.ts';
import type { CatalogReader } from '../../core/ports.ts';

const PAGERDUTY_ANNOTATIONS = ['pagerduty.com/service-id', 'pagerduty.com/integration-key'];

/**
 * The entity itself or its owning group, when it names a PagerDuty service while no PagerDuty provider is configured
 * (no PAGERDUTY_TOKEN): who is on call is then unknown, not "nobody". Undefined when PagerDuty is configured or
 * neither names a service.
 */
export const pagerdutyNamedWithoutToken = (catalog: Pick<CatalogReader, 'entity'>, ref: string, providers: readonly OnCallProvider[]): string | undefined => {
  if (providers.some((provider) => provider.id === 'pagerduty')) return undefined;
  const entity = catalog.entity(ref);
  const ownerRef = entity?.relations.find((relation) => relation.type === 'ownedBy' && relation.targetRef.startsWith('group:'))?.targetRef;
  const candidates = [entity, ownerRef ? catalog.entity(ownerRef) : undefined];
  const named = candidates.find((candidate) => PAGERDUTY_ANNOTATIONS.some((key) => candidate?.metadata.annotations?.[key]));
  return named ? `${named.kind.toLowerCase()}:${named.metadata.namespace ?? 'default'}/${named.metadata.name}` : undefined;
};
