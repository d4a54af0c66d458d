import type { Entity } from '../../core/catalog/entity.ts';
import { OnCallUnavailableError, type OnCallPerson, type OnCallProvider, type OnCallSchedule } from '../../core/oncall/on-call.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { chooseOnCallSource, type ChosenOnCallSource } from './choose-oncall-source.ts';

export interface FindOnCallDeps {
  catalog: Pick<CatalogReader, 'entity' | 'entityEnvelope' | 'ownedBy' | 'usersWithEmail'>;
  providers: readonly OnCallProvider[];
  /** Slack user ids by lowercase email (users.lookupByEmail, cached); absent without Slack. */
  slackIdsByEmail?: (emails: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  /** The whole answer's budget: Slack's 3 s deadline for a card, 5 s for the CLI. */
  timeoutMs: number;
  /** Unexpected provider failures (a bug, not an outage) are logged here and shown as unavailable. */
  logError?: (error: unknown, context: { entityRef: string; provider: string }) => void;
}

/** Who is on call for one entity at one instant, or why nobody can say. */
export interface OnCallAnswer {
  entityRef: string;
  /** Absent when neither the entity, its team, nor a rotation of its team names an on-call. */
  chosen?: ChosenOnCallSource;
  /** The provider's answer, people matched to catalog Users and Slack users. */
  schedule?: OnCallSchedule;
  /** Why the provider gave no answer ("PagerDuty did not answer within 5 s"), shown as "on-call unavailable: …". */
  unavailable?: string;
}

const withDeadline = async <T>(timeoutMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new OnCallUnavailableError(`no answer within ${Math.round(timeoutMs / 100) / 10} s`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
};

const profileOf = (user: Entity | undefined): { name?: string; email?: string } => {
  const profile = (user?.spec?.profile ?? {}) as { displayName?: unknown; email?: unknown };
  return {
    ...(typeof profile.displayName === 'string' && profile.displayName ? { name: profile.displayName } : {}),
    ...(typeof profile.email === 'string' && profile.email ? { email: profile.email } : {}),
  };
};

/**
 * Fills in the catalog User (by ref or by email) and what it knows. A person the provider named by catalog ref (a
 * rotation member) takes the User's display name and email; a paging tool's person keeps the tool's name and email.
 */
const matchCatalogUser = (catalog: FindOnCallDeps['catalog'], person: OnCallPerson): OnCallPerson => {
  const ref = person.ref ?? (person.email ? catalog.usersWithEmail(person.email)[0] : undefined);
  if (!ref) return person;
  if (!person.ref) return { ...person, ref };
  const user = catalog.entityEnvelope(ref);
  const profile = profileOf(user);
  const name = profile.name ?? user?.metadata.title ?? person.name;
  return { ...person, ref, name, ...(person.email || !profile.email ? {} : { email: profile.email }) };
};

const peopleOf = (schedule: OnCallSchedule): OnCallPerson[] => schedule.levels.flatMap((level) => [...level.now, ...level.next].map((shift) => shift.person));

const mapPeople = (schedule: OnCallSchedule, map: (person: OnCallPerson) => OnCallPerson): OnCallSchedule => ({
  ...schedule,
  levels: schedule.levels.map((level) => ({
    ...level,
    now: level.now.map((shift) => ({ ...shift, person: map(shift.person) })),
    next: level.next.map((shift) => ({ ...shift, person: map(shift.person) })),
  })),
});

/**
 * On-call for an entity (its own, its team's, or its team's rotation), with the people matched to catalog Users
 * and Slack users. Never throws for a provider's failure: that is `unavailable`, so the rest of a card still shows.
 */
export const findOnCall = async (deps: FindOnCallDeps, entityRef: string, at: Date): Promise<OnCallAnswer> => {
  const started = Date.now();
  const chosen = chooseOnCallSource(deps.catalog, deps.providers, entityRef);
  if (!chosen) return { entityRef };
  const provider = deps.providers.find((candidate) => candidate.id === chosen.source.provider);
  if (!provider) return { entityRef, chosen, unavailable: `no provider ${chosen.source.provider} is configured` };
  let schedule: OnCallSchedule;
  try {
    schedule = await withDeadline(deps.timeoutMs, (signal) => provider.lookup(chosen.source, at, signal));
  } catch (error) {
    if (error instanceof OnCallUnavailableError) return { entityRef, chosen, unavailable: error.message };
    deps.logError?.(error, { entityRef, provider: provider.id });
    return { entityRef, chosen, unavailable: `${provider.id} lookup failed unexpectedly (see the log)` };
  }
  const matched = mapPeople(schedule, (person) => matchCatalogUser(deps.catalog, person));
  if (!deps.slackIdsByEmail) return { entityRef, chosen, schedule: matched };
  const emails = peopleOf(matched).flatMap((person) => (person.email ? [person.email.toLowerCase()] : []));
  const remaining = Math.max(0, deps.timeoutMs - (Date.now() - started));
  const slackIds =
    emails.length > 0 && remaining > 0
      ? await withDeadline(remaining, () => deps.slackIdsByEmail!(emails)).catch(() => new Map<string, string>())
      : new Map<string, string>();
  const withSlack = mapPeople(matched, (person) => {
    const slackUserId = person.email ? slackIds.get(person.email.toLowerCase()) : undefined;
    return slackUserId ? { ...person, slackUserId } : person;
  });
  return { entityRef, chosen, schedule: withSlack };
};
