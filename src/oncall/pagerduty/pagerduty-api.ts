import { OnCallUnavailableError } from '../../core/oncall/on-call.ts';
import { listAllPages } from './list-all-pages.ts';
import type { LookupDeadline } from './lookup-deadline.ts';
import type { PagerdutyHttpClient } from './pagerduty-http-client.ts';
import {
  escalationPolicyAnswerSchema,
  onCallListSchema,
  serviceAnswerSchema,
  serviceListSchema,
  type PagerdutyEscalationPolicy,
  type PagerdutyOnCallEntry,
  type PagerdutyService,
} from './pagerduty-schemas.ts';

/** The PagerDuty calls an on-call lookup makes (reference §1.2), each answering parsed data or throwing OnCallUnavailableError. */
export class PagerdutyApi {
  constructor(private readonly http: PagerdutyHttpClient) {}

  /** The service with its full escalation policy (one call instead of two). */
  async getService(id: string, annotation: string, deadline: LookupDeadline): Promise<PagerdutyService> {
    const answer = await this.http.get({
      path: `/services/${encodeURIComponent(id)}`,
      query: [['include[]', 'escalation_policies']],
      schema: serviceAnswerSchema,
      notFound: `PagerDuty service ${id} not found: check the ${annotation} annotation`,
      deadline,
    });
    return answer.service;
  }

  /**
   * The service an Events API integration key routes to: `/services?query=` matches integration keys as well as
   * names, so the service whose integrations carry the key wins, and the first match only when none shows its keys.
   */
  async findServiceByIntegrationKey(key: string, annotation: string, deadline: LookupDeadline): Promise<PagerdutyService> {
    const answer = await this.http.get({
      path: '/services',
      query: [
        ['query', key],
        ['include[]', 'escalation_policies'],
        ['include[]', 'integrations'],
      ],
      schema: serviceListSchema,
      deadline,
    });
    const owner = answer.services.find((service) => service.integrations?.some((integration) => integration.integration_key === key));
    const showsKeys = answer.services.some((service) => service.integrations?.some((integration) => integration.integration_key !== undefined));
    const service = owner ?? (showsKeys ? undefined : answer.services[0]);
    if (!service) throw new OnCallUnavailableError(`no PagerDuty service has integration key ${abbreviate(key)}: check the ${annotation} annotation`);
    return service;
  }

  async getEscalationPolicy(id: string, deadline: LookupDeadline): Promise<PagerdutyEscalationPolicy> {
    const answer = await this.http.get({
      path: `/escalation_policies/${encodeURIComponent(id)}`,
      schema: escalationPolicyAnswerSchema,
      notFound: `PagerDuty escalation policy ${id} not found (the service names it; check the service in PagerDuty)`,
      deadline,
    });
    return answer.escalation_policy;
  }

  /** Every on-call entry of one policy overlapping [since, until], all pages, with full users (for emails). */
  async listOnCalls(policyId: string, window: { since: Date; until: Date }, deadline: LookupDeadline): Promise<PagerdutyOnCallEntry[]> {
    return listAllPages(async (offset, limit) => {
      const answer = await this.http.get({
        path: '/oncalls',
        query: [
          ['escalation_policy_ids[]', policyId],
          ['include[]', 'users'],
          ['since', window.since.toISOString()],
          ['until', window.until.toISOString()],
          ['time_zone', 'UTC'],
          ['limit', String(limit)],
          ['offset', String(offset)],
        ],
        schema: onCallListSchema,
        deadline,
      });
      return { items: answer.oncalls, more: answer.more };
    }, `on-call entries for escalation policy ${policyId}`);
  }
}

/** Integration keys can trigger incidents: messages show only their start. */
function abbreviate(key: string): string {
  return key.length > 8 ? `${key.slice(0, 6)}…` : key;
}
