import type { JobSettings } from '../config/schema.ts';
import { InvalidInputError } from '../core/errors.ts';

/** What happens to the slots a job missed while no Callboard process was running. */
export type MissedSlots = 'catch-up' | 'skip';

/** A job Callboard knows, with its defaults; `jobs.<name>` in the configuration overrides them. */
export interface JobDefinition {
  name: string;
  description: string;
  /** Cron expression (5 fields, or 6 with seconds first) used when `jobs.<name>.schedule` is not set. */
  defaultSchedule: string;
  defaultMissed: MissedSlots;
}

/** A job as configured: its definition with the `jobs.<name>` settings applied. */
export interface JobSpec {
  name: string;
  description: string;
  schedule: string;
  /** IANA time zone the schedule is read in; undefined: the process's own. */
  timezone: string | undefined;
  missed: MissedSlots;
  enabled: boolean;
}

const applySettings = (definition: JobDefinition, settings: JobSettings | undefined): JobSpec => ({
  name: definition.name,
  description: definition.description,
  schedule: settings?.schedule ?? definition.defaultSchedule,
  timezone: settings?.timezone,
  missed: settings?.missed ?? definition.defaultMissed,
  enabled: settings?.enabled ?? true,
});

/**
 * Applies `jobs.<name>` settings to the known jobs. A key naming no known job is a startup error that says
 * which key, in which file, and which names exist: a typo must not leave a job silently on its default.
 */
export const resolveJobSpecs = (definitions: JobDefinition[], settings: Record<string, JobSettings>, configFile: string | undefined): JobSpec[] => {
  const known = new Set(definitions.map((definition) => definition.name));
  const unknown = Object.keys(settings).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const where = configFile ?? 'the configuration';
    const keys = unknown.map((name) => `jobs.${name}`).join(', ');
    throw new InvalidInputError(`${keys} in ${where}: no such job. Known jobs: ${[...known].join(', ')}. Rename the key to one of them or remove it.`);
  }
  return definitions.map((definition) => applySettings(definition, settings[definition.name]));
};
