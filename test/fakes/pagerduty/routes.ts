import { notFound, ok, type PagerdutyAnswer } from './answers.ts';
import { paginate, readArray, readFlag, readInclude, readPage, readWindow, type Window } from './params.ts';
import { renderEscalationPolicy, renderOnCall, renderService, renderUser, type FakePagerdutyUrls } from './payloads.ts';
import type { FakePagerdutyData, FakePagerdutyOnCall, FakePagerdutyService } from './seed.ts';

export interface RouteContext {
  data: FakePagerdutyData;
  urls: FakePagerdutyUrls;
  params: URLSearchParams;
  now: number;
}

type Route = { pattern: RegExp; answer: (context: RouteContext, id: string) => PagerdutyAnswer };

/** The read endpoints an on-call lookup needs (reference §1.2), with each one's `include[]` enum. */
const routes: Route[] = [
  { pattern: /^\/oncalls$/, answer: listOnCalls },
  { pattern: /^\/services$/, answer: listServices },
  { pattern: /^\/services\/([A-Z0-9]+)$/, answer: getService },
  { pattern: /^\/escalation_policies\/([A-Z0-9]+)$/, answer: getEscalationPolicy },
  { pattern: /^\/users\/([A-Z0-9]+)$/, answer: getUser },
];

export function routePagerdutyRequest(method: string, path: string, context: RouteContext): PagerdutyAnswer {
  if (method !== 'GET') return notFound();
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return route.answer(context, match[1] ?? '');
  }
  return notFound();
}

function getService({ data, urls, params }: RouteContext, id: string): PagerdutyAnswer {
  const include = readInclude(params, ['escalation_policies', 'teams', 'auto_pause_notifications_parameters', 'integrations']);
  const service = data.services.get(id);
  return service ? ok({ service: renderService(urls, data, service, include) }) : notFound();
}

/** `query` matches names (case-insensitive substring) and, as the PagerDuty plugin relies on, integration keys exactly. */
function listServices({ data, urls, params }: RouteContext): PagerdutyAnswer {
  const include = readInclude(params, ['escalation_policies', 'teams', 'integrations']);
  readArray(params, 'team_ids');
  const page = readPage(params);
  const query = params.get('query') ?? '';
  const matches = [...data.services.values()].filter((service) => matchesQuery(service, query)).sort((a, b) => a.name.localeCompare(b.name));
  const { items, ...envelope } = paginate(matches, page);
  return ok({ services: items.map((service) => renderService(urls, data, service, include)), ...envelope });
}

function matchesQuery(service: FakePagerdutyService, query: string): boolean {
  if (query === '') return true;
  return service.name.toLowerCase().includes(query.toLowerCase()) || (service.integrationKeys ?? []).includes(query);
}

function getEscalationPolicy({ data, urls, params }: RouteContext, id: string): PagerdutyAnswer {
  readInclude(params, ['services', 'teams', 'targets', 'escalation_rule_assignment_strategies']);
  const policy = data.escalationPolicies.get(id);
  return policy ? ok({ escalation_policy: renderEscalationPolicy(urls, data, policy) }) : notFound();
}

function getUser({ data, urls, params }: RouteContext, id: string): PagerdutyAnswer {
  readInclude(params, ['contact_methods', 'notification_rules', 'teams', 'subdomains', 'calendar_urls']);
  const user = data.users.get(id);
  return user ? ok({ user: renderUser(urls, user) }) : notFound();
}

/** Entries overlapping [since, until], filtered, in seeded (unsorted) order; `earliest=true` keeps one per policy, level and user. */
function listOnCalls({ data, urls, params, now }: RouteContext): PagerdutyAnswer {
  const include = readInclude(params, ['escalation_policies', 'users', 'schedules']);
  const policies = readArray(params, 'escalation_policy_ids');
  const users = readArray(params, 'user_ids');
  const schedules = readArray(params, 'schedule_ids');
  const page = readPage(params);
  const window = readWindow(params, now);
  const matching = data.oncalls.filter(
    (oncall) =>
      overlaps(oncall, window) &&
      (policies.length === 0 || policies.includes(oncall.escalationPolicyId)) &&
      (users.length === 0 || users.includes(oncall.userId)) &&
      (schedules.length === 0 || schedules.includes(oncall.scheduleId ?? 'null')),
  );
  const selected = readFlag(params, 'earliest') ? keepEarliest(matching) : matching;
  const { items, ...envelope } = paginate(selected, page);
  return ok({ oncalls: items.map((oncall) => renderOnCall(urls, data, oncall, include)), ...envelope });
}

/** A span [start, end) overlaps the window when it starts by `until` and ends after `since`; a point window is an instant. */
function overlaps(oncall: FakePagerdutyOnCall, { since, until }: Window): boolean {
  const start = oncall.start === null ? Number.NEGATIVE_INFINITY : Date.parse(oncall.start);
  const end = oncall.end === null ? Number.POSITIVE_INFINITY : Date.parse(oncall.end);
  const startsInTime = since === until ? start <= until : start < until;
  return startsInTime && end > since;
}

function keepEarliest(oncalls: FakePagerdutyOnCall[]): FakePagerdutyOnCall[] {
  const earliest = new Map<string, FakePagerdutyOnCall>();
  for (const oncall of oncalls) {
    const key = `${oncall.escalationPolicyId}/${oncall.level}/${oncall.userId}`;
    const kept = earliest.get(key);
    if (!kept || startOf(oncall) < startOf(kept)) earliest.set(key, oncall);
  }
  return oncalls.filter((oncall) => earliest.get(`${oncall.escalationPolicyId}/${oncall.level}/${oncall.userId}`) === oncall);
}

const startOf = (oncall: FakePagerdutyOnCall): number => (oncall.start === null ? Number.NEGATIVE_INFINITY : Date.parse(oncall.start));
