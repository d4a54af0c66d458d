/** What a test seeds into the fake PagerDuty: plain records, referenced by id. */

export interface FakePagerdutyUser {
  id: string;
  name: string;
  email: string;
  /** IANA zone; default `Etc/UTC`. */
  timeZone?: string;
}

export interface FakePagerdutySchedule {
  id: string;
  name: string;
}

/** One escalation rule; its position in `rules` is its escalation level (1 = the first). */
export interface FakePagerdutyRule {
  id?: string;
  delayMinutes?: number;
  targets: Array<{ type: 'user' | 'schedule'; id: string }>;
}

export interface FakePagerdutyEscalationPolicy {
  id: string;
  name: string;
  rules: FakePagerdutyRule[];
}

export interface FakePagerdutyService {
  id: string;
  name: string;
  escalationPolicyId: string;
  /** Events API v2 routing keys of the service's integrations, found by `GET /services?query=<key>`. */
  integrationKeys?: string[];
  status?: 'active' | 'warning' | 'critical' | 'maintenance' | 'disabled';
}

/**
 * One computed on-call span, as `/oncalls` reports it. Seed them in any order: the fake answers in seeded order,
 * which is as unsorted as the real API. `start: null` is a permanent on-call, `end: null` one that never ends
 * (a user targeted directly by the rule, `scheduleId: null`). Timestamps are ISO 8601 with an offset.
 */
export interface FakePagerdutyOnCall {
  escalationPolicyId: string;
  level: number;
  userId: string;
  scheduleId: string | null;
  start: string | null;
  end: string | null;
}

export interface FakePagerdutySeed {
  users?: FakePagerdutyUser[];
  schedules?: FakePagerdutySchedule[];
  escalationPolicies?: FakePagerdutyEscalationPolicy[];
  services?: FakePagerdutyService[];
  oncalls?: FakePagerdutyOnCall[];
}

/** The fake's account: seeded records by id, on-calls in seeded order. */
export class FakePagerdutyData {
  readonly users = new Map<string, FakePagerdutyUser>();
  readonly schedules = new Map<string, FakePagerdutySchedule>();
  readonly escalationPolicies = new Map<string, FakePagerdutyEscalationPolicy>();
  readonly services = new Map<string, FakePagerdutyService>();
  oncalls: FakePagerdutyOnCall[] = [];

  seed(seed: FakePagerdutySeed): void {
    for (const user of seed.users ?? []) this.users.set(user.id, { ...user });
    for (const schedule of seed.schedules ?? []) this.schedules.set(schedule.id, { ...schedule });
    for (const policy of seed.escalationPolicies ?? []) this.escalationPolicies.set(policy.id, structuredClone(policy));
    for (const service of seed.services ?? []) this.addService(service);
    for (const oncall of seed.oncalls ?? []) this.addOnCall(oncall);
  }

  addService(service: FakePagerdutyService): void {
    if (!this.escalationPolicies.has(service.escalationPolicyId)) {
      throw new Error(`fake PagerDuty: service ${service.id} names escalation policy ${service.escalationPolicyId}, which was never seeded`);
    }
    this.services.set(service.id, structuredClone(service));
  }

  /** Refuses what PagerDuty could never return, so a test cannot seed nonsense by accident. */
  addOnCall(oncall: FakePagerdutyOnCall): void {
    if (!this.users.has(oncall.userId)) throw new Error(`fake PagerDuty: on-call names user ${oncall.userId}, which was never seeded`);
    if (!this.escalationPolicies.has(oncall.escalationPolicyId)) {
      throw new Error(`fake PagerDuty: on-call names escalation policy ${oncall.escalationPolicyId}, which was never seeded`);
    }
    if (!Number.isInteger(oncall.level) || oncall.level < 1) throw new Error(`fake PagerDuty: escalation level ${oncall.level} is not 1 or more`);
    for (const bound of [oncall.start, oncall.end]) {
      if (bound !== null && Number.isNaN(Date.parse(bound))) throw new Error(`fake PagerDuty: on-call bound ${bound} is not a timestamp`);
    }
    this.oncalls.push({ ...oncall });
  }

  clearOnCalls(): void {
    this.oncalls = [];
  }
}
