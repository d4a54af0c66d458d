/**
 * What makes a channel an incident channel, and what an incident is about. Pure: the patterns come from
 * `incidents.channelPatterns`, already checked to be valid regular expressions at config load.
 */

/** Kinds a card is posted for: what can break. Teams, people, domains and templates are not "affected". */
export const INCIDENT_ENTITY_KINDS: ReadonlySet<string> = new Set(['component', 'resource', 'api', 'system']);

/** The most cards posted in one channel at once; the rest are named in one line, to ask for by name. */
export const MAX_INCIDENT_CARDS = 5;

/** How far back the card looks for catalog changes. */
export const RECENT_CHANGE_DAYS = 7;

/** The patterns as written (no flags: Slack channel names are lower case already). */
export const compileChannelPatterns = (patterns: readonly string[]): RegExp[] => patterns.map((pattern) => new RegExp(pattern));

export const isIncidentChannel = (name: string, patterns: readonly RegExp[]): boolean => patterns.some((pattern) => pattern.test(name));

/** Whether `changedAt` (ISO) lies within the last {@link RECENT_CHANGE_DAYS} days before `now`. */
export const changedRecently = (changedAt: string, now: Date): boolean => {
  const age = now.getTime() - Date.parse(changedAt);
  return age >= 0 && age <= RECENT_CHANGE_DAYS * 24 * 60 * 60 * 1000;
};
