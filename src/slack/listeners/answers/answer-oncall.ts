import type { Entity } from '../../../core/catalog/entity.ts';
import { entityRefOf } from '../../../core/catalog/refs.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { onCallUrlOf, pagerdutyServiceId } from '../../views/entity-buttons.ts';
import { displayNameOf } from '../../views/entity-text.ts';
import { onCallView, type OnCallViewFacts } from '../../views/oncall-view.ts';
import type { Audience } from '../../views/owner-text.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { withEntity } from './answer-entity.ts';
import { askerTimeZone, lookUpOnCall } from './oncall-lookup.ts';

/**
 * The PagerDuty service the catalog names, as the On-call button links it: the entity's own, else that of the
 * component providing it (an API), else its owning team's. Kept beside the lookup so the link is never lost.
 */
const pagerdutyServiceOf = (deps: SlackDeps, ref: string): OnCallViewFacts['pagerdutyService'] => {
  const answer = findOwner(deps.store, ref);
  const providers = deps.store.relatedRefs(entityRefOf(answer.entity), 'apiProvidedBy').map((provider) => deps.store.entityEnvelope(provider));
  const source = [answer.entity, ...providers, answer.owner].find((entity): entity is Entity => pagerdutyServiceId(entity) !== undefined);
  const serviceId = pagerdutyServiceId(source);
  if (!source || !serviceId) return undefined;
  const url = onCallUrlOf(source, deps.settings.pagerdutyUrl ? { pagerdutyUrl: deps.settings.pagerdutyUrl } : {});
  const from =
    source === answer.entity ? undefined : source === answer.owner ? 'its team' : `${source.kind.toLowerCase()} ${source.metadata.name}, which provides it`;
  return { serviceId, ...(url ? { url } : {}), ...(from ? { from } : {}) };
};

const displayNameAt = (deps: SlackDeps, ref: string | undefined): string | undefined => {
  const entity = ref ? deps.store.entityEnvelope(ref) : undefined;
  return entity ? displayNameOf(entity) : undefined;
};

export interface OnCallQuestion {
  entity: string;
  /** ISO 8601; absent means now. */
  at?: string;
}

/** `/oncall`, "who is on call for X?" and the On-call intent: the real lookup, the PagerDuty link kept. */
export const answerOnCall = (deps: SlackDeps, question: OnCallQuestion, askerId: string | undefined, audience?: Audience): Promise<SlackMessage> =>
  withEntity(deps, question.entity, 'oncall', async (ref) => {
    const [answer, timeZone] = await Promise.all([lookUpOnCall(deps, ref, question.at ? new Date(question.at) : new Date()), askerTimeZone(deps, askerId)]);
    const entity = deps.store.entityEnvelope(ref)!;
    const fromName = answer.chosen && answer.chosen.fromRef !== ref.toLowerCase() ? displayNameAt(deps, answer.chosen.fromRef) : undefined;
    const service = pagerdutyServiceOf(deps, ref);
    return onCallView({
      answer,
      entityName: displayNameOf(entity),
      kind: entity.kind.toLowerCase() === 'group' ? 'team' : entity.kind.toLowerCase() === 'user' ? 'person' : 'entity',
      pagerdutyLookups: (deps.oncall?.providers ?? []).some((provider) => provider.id === 'pagerduty'),
      ...(fromName ? { fromName } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(audience ? { audience } : {}),
      ...(question.at ? { at: question.at } : {}),
      ...(service ? { pagerdutyService: service } : {}),
    });
  });
