import type { OnCallPerson, OnCallSchedule, OnCallShift } from '../../core/oncall/on-call.ts';
import type { OnCallAnswer } from '../../usecases/oncall/find-oncall.ts';

/** `callboard oncall --json`: one person on now. `email` and `until` are null when the provider has none (open-ended). */
export interface OnCallNowJson {
  ref?: string;
  name: string;
  email: string | null;
  slackUserId?: string;
  until: string | null;
}

export interface OnCallNextJson {
  ref?: string;
  name: string;
  email: string | null;
  from: string | null;
  until: string | null;
}

/** The JSON the issue fixes: `{ entityRef, provider, levels: [{ level, name, now, next }] }`. */
export interface OnCallJson {
  entityRef: string;
  provider: string;
  levels: Array<{ level: number; name: string; now: OnCallNowJson[]; next: OnCallNextJson[] }>;
}

const personJson = (person: OnCallPerson) => ({ ...(person.ref ? { ref: person.ref } : {}), name: person.name, email: person.email ?? null });

const nowJson = (shift: OnCallShift): OnCallNowJson => ({
  ...personJson(shift.person),
  ...(shift.person.slackUserId ? { slackUserId: shift.person.slackUserId } : {}),
  until: shift.until ?? null,
});

const nextJson = (shift: OnCallShift): OnCallNextJson => ({ ...personJson(shift.person), from: shift.from ?? null, until: shift.until ?? null });

export const onCallJson = (entityRef: string, schedule: OnCallSchedule): OnCallJson => ({
  entityRef,
  provider: schedule.provider,
  levels: schedule.levels.map((level) => ({ level: level.level, name: level.name, now: level.now.map(nowJson), next: level.next.map(nextJson) })),
});

const describePerson = (person: OnCallPerson): string => `${person.name}${person.email ? ` <${person.email}>` : ''}${person.ref ? ` (${person.ref})` : ''}`;

const VIA: Record<string, string> = { owner: "its team's on-call", 'owner-rotation': 'the rotation its team owns' };

/** On-call as text: the schedule and where it came from, then each level with now and next (times in UTC, ISO 8601). */
export const formatOnCall = (answer: OnCallAnswer, schedule: OnCallSchedule): string => {
  const lines = [`On call for ${answer.entityRef}: ${schedule.provider} ${schedule.name}`];
  if (schedule.url) lines.push(`  ${schedule.url}`);
  const chosen = answer.chosen;
  if (chosen && chosen.origin !== 'entity') lines.push(`  via ${VIA[chosen.origin]} (${chosen.fromRef})`);
  if (chosen?.warning) lines.push(`  warning: ${chosen.warning}`);
  for (const level of schedule.levels) {
    lines.push(`Level ${level.level}${level.name && level.name !== `Level ${level.level}` ? ` · ${level.name}` : ''}`);
    if (level.now.length === 0) lines.push('  now:  nobody');
    for (const shift of level.now) lines.push(`  now:  ${describePerson(shift.person)}${shift.until ? ` until ${shift.until}` : ' (no end set)'}`);
    for (const shift of level.next)
      lines.push(`  next: ${describePerson(shift.person)}${shift.from ? ` from ${shift.from}` : ''}${shift.until ? ` until ${shift.until}` : ''}`);
  }
  return lines.join('\n');
};
