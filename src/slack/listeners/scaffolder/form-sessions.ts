import { randomUUID } from 'node:crypto';
import type { Requester } from '../../../scaffolder/scaffolder.ts';
import { TtlCache } from '../../ttl-cache.ts';

/**
 * A template form being filled in, from `/create` to Create. Kept here rather than in the modal's
 * private_metadata: values (secrets included) never travel back to Slack, and a form with long values does not
 * hit Slack's 3,000-character metadata limit. The modal carries only the session id.
 */
export interface FormSession {
  id: string;
  templateRef: string;
  requester: Requester;
  /** The channel `/create` came from: progress is posted there, else in the requester's DM. */
  channel?: string;
  /** Every value entered so far, keyed by parameter name (page values merged as pages are submitted). */
  values: Record<string, unknown>;
  /** Index (into the template's pages) of the page on screen; the review page is `pages.length`. */
  page: number;
  /** Set when the form was reopened from a failed run ("Edit and retry"). */
  editOf?: string;
}

/** How long an open form is kept; Slack closes an idle modal long before this. */
const SESSION_TTL_MS = 24 * 3_600_000;

export class FormSessions {
  private readonly sessions: TtlCache<string, FormSession>;

  constructor(
    now: () => number = Date.now,
    private readonly newId: () => string = randomUUID,
  ) {
    this.sessions = new TtlCache(now, 5_000);
  }

  start(fields: Omit<FormSession, 'id'>): FormSession {
    const session = { ...fields, id: this.newId() };
    this.save(session);
    return session;
  }

  get(id: string): FormSession | undefined {
    return this.sessions.get(id)?.value;
  }

  save(session: FormSession): void {
    this.sessions.set(session.id, session, SESSION_TTL_MS);
  }

  /**
   * The session a modal belongs to, from its private_metadata, on the page that modal shows: a second submit of
   * a page already left (a double click, a stale modal) is read as the page it came from.
   */
  fromMetadata(privateMetadata: string | undefined): FormSession | undefined {
    const metadata = readMetadata(privateMetadata);
    const session = metadata ? this.get(metadata.session) : undefined;
    return session && metadata?.page !== undefined ? { ...session, page: metadata.page } : session;
  }
}

/** What a form modal's private_metadata holds: the session id and the page it shows, nothing the person typed. */
export const sessionMetadata = (session: Pick<FormSession, 'id' | 'page'>): string => JSON.stringify({ session: session.id, page: session.page });

const readMetadata = (privateMetadata: string | undefined): { session: string; page?: number } | undefined => {
  try {
    const parsed = JSON.parse(privateMetadata ?? '') as { session?: unknown; page?: unknown };
    if (typeof parsed.session !== 'string') return undefined;
    return { session: parsed.session, ...(typeof parsed.page === 'number' && Number.isInteger(parsed.page) && parsed.page >= 0 ? { page: parsed.page } : {}) };
  } catch {
    return undefined;
  }
};
