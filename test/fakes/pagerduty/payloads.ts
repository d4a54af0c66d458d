import type { FakePagerdutyData, FakePagerdutyEscalationPolicy, FakePagerdutyOnCall, FakePagerdutyService, FakePagerdutyUser } from './seed.ts';

/** Where references point: `self` on the fake's own API, `html_url` on the account's web host. */
export interface FakePagerdutyUrls {
  api: string;
  web: string;
}

type Json = Record<string, unknown>;

const webPath: Record<string, string> = {
  user: 'users',
  schedule: 'schedules',
  escalation_policy: 'escalation_policies',
  service: 'service-directory',
};

const apiPath: Record<string, string> = { user: 'users', schedule: 'schedules', escalation_policy: 'escalation_policies', service: 'services' };

/** `{id, type: '<kind>_reference', summary, self, html_url}`, the spec's reference shape. */
export function renderReference(urls: FakePagerdutyUrls, kind: string, id: string, summary: string): Json {
  return { id, type: `${kind}_reference`, summary, self: `${urls.api}/${apiPath[kind]}/${id}`, html_url: `${urls.web}/${webPath[kind]}/${id}` };
}

export function renderUser(urls: FakePagerdutyUrls, user: FakePagerdutyUser): Json {
  return {
    ...renderReference(urls, 'user', user.id, user.name),
    type: 'user',
    name: user.name,
    email: user.email,
    time_zone: user.timeZone ?? 'Etc/UTC',
    color: 'purple',
    role: 'user',
    avatar_url: `https://secure.gravatar.com/avatar/${user.id}.png`,
    description: null,
    invitation_sent: false,
    job_title: null,
    teams: [],
  };
}

export function renderEscalationPolicy(urls: FakePagerdutyUrls, data: FakePagerdutyData, policy: FakePagerdutyEscalationPolicy): Json {
  const rules = policy.rules.map((rule, index) => ({
    id: rule.id ?? `${policy.id}R${index + 1}`,
    escalation_delay_in_minutes: rule.delayMinutes ?? 30,
    targets: rule.targets.map((target) => renderTarget(urls, data, target)),
  }));
  const services = [...data.services.values()].filter((service) => service.escalationPolicyId === policy.id);
  return {
    ...renderReference(urls, 'escalation_policy', policy.id, policy.name),
    type: 'escalation_policy',
    name: policy.name,
    description: '',
    num_loops: 0,
    on_call_handoff_notifications: 'if_has_services',
    escalation_rules: rules,
    services: services.map((service) => renderReference(urls, 'service', service.id, service.name)),
    teams: [],
  };
}

function renderTarget(urls: FakePagerdutyUrls, data: FakePagerdutyData, target: { type: 'user' | 'schedule'; id: string }): Json {
  if (target.type === 'user') return renderReference(urls, 'user', target.id, data.users.get(target.id)?.name ?? target.id);
  return renderReference(urls, 'schedule', target.id, data.schedules.get(target.id)?.name ?? target.id);
}

/** A service; `include` may hold `escalation_policies` (the full policy instead of a reference) and `integrations`. */
export function renderService(urls: FakePagerdutyUrls, data: FakePagerdutyData, service: FakePagerdutyService, include: readonly string[]): Json {
  const policy = data.escalationPolicies.get(service.escalationPolicyId)!;
  const integrations = (service.integrationKeys ?? []).map((key, index) => {
    const id = `${service.id}I${index + 1}`;
    const reference = {
      id,
      type: 'events_api_v2_inbound_integration_reference',
      summary: 'Events API v2',
      self: `${urls.api}/services/${service.id}/integrations/${id}`,
    };
    return include.includes('integrations')
      ? { ...reference, type: 'events_api_v2_inbound_integration', name: 'Events API v2', integration_key: key }
      : reference;
  });
  return {
    ...renderReference(urls, 'service', service.id, service.name),
    type: 'service',
    name: service.name,
    description: null,
    status: service.status ?? 'active',
    auto_resolve_timeout: 14400,
    acknowledgement_timeout: 1800,
    created_at: '2024-01-01T00:00:00Z',
    escalation_policy: include.includes('escalation_policies')
      ? renderEscalationPolicy(urls, data, policy)
      : renderReference(urls, 'escalation_policy', policy.id, policy.name),
    teams: [],
    integrations,
    alert_creation: 'create_alerts_and_incidents',
  };
}

/** One `/oncalls` entry; `include` may hold `users`, `escalation_policies`, `schedules` for full objects. */
export function renderOnCall(urls: FakePagerdutyUrls, data: FakePagerdutyData, oncall: FakePagerdutyOnCall, include: readonly string[]): Json {
  const user = data.users.get(oncall.userId)!;
  const policy = data.escalationPolicies.get(oncall.escalationPolicyId)!;
  const schedule = oncall.scheduleId === null ? undefined : (data.schedules.get(oncall.scheduleId) ?? { id: oncall.scheduleId, name: oncall.scheduleId });
  return {
    escalation_policy: include.includes('escalation_policies')
      ? renderEscalationPolicy(urls, data, policy)
      : renderReference(urls, 'escalation_policy', policy.id, policy.name),
    escalation_level: oncall.level,
    schedule: schedule
      ? {
          ...renderReference(urls, 'schedule', schedule.id, schedule.name),
          ...(include.includes('schedules') ? { type: 'schedule', name: schedule.name } : {}),
        }
      : null,
    user: include.includes('users') ? renderUser(urls, user) : renderReference(urls, 'user', user.id, user.name),
    start: oncall.start,
    end: oncall.end,
  };
}
