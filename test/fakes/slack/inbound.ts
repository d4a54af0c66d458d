import { DEFAULT_BOT, DEFAULT_TEAM, type FakeBot, type FakeTeam } from './workspace.ts';

/**
 * Something Slack sends to the app. `kind` is the Socket Mode envelope type; over HTTP it decides the encoding
 * (slash command form fields, `payload=` form, or JSON).
 */
export type InboundKind = 'slash_commands' | 'interactive' | 'events_api';

export interface SlackInbound {
  kind: InboundKind;
  payload: Record<string, unknown>;
}

/** Which workspace the payload claims to come from; pass the FakeSlack itself to match its team and bot. */
export interface WorkspaceRef {
  team: FakeTeam;
  bot: FakeBot;
}

export const DEFAULT_WORKSPACE: WorkspaceRef = { team: DEFAULT_TEAM, bot: DEFAULT_BOT };

/** The legacy verification token Slack still puts in payloads; Bolt ignores it. */
export const VERIFICATION_TOKEN = 'fakeVerificationToken0000';

let sequence = 0;

/** Unique, increasing `seconds.micros` stamps for action_ts / event_ts / message ts. */
export function nextSlackTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
}

export function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${String(sequence).padStart(9, '0')}`;
}
