import type { WebClient } from '@slack/web-api';

/** What Callboard asks Slack about people. A port, so listeners and `callboard ask` run without Slack. */
export interface SlackUserApi {
  /** The email on a Slack user's profile; undefined when Slack has none or hides it. */
  emailOf(slackUserId: string): Promise<string | undefined>;
  /** The Slack user with this email; undefined when nobody has it. */
  userIdByEmail(email: string): Promise<string | undefined>;
  /** The IANA time zone on a Slack user's profile (users.info `tz`); absent where no Slack is (`callboard ask`). */
  timeZoneOf?(slackUserId: string): Promise<string | undefined>;
}

const slackErrorCode = (error: unknown): string | undefined => {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
};

/** Answers that mean "no such person", as opposed to a failure worth retrying later. */
const NOBODY = new Set(['user_not_found', 'user_not_visible', 'users_not_found']);

/** The Web API behind the port: users.info and users.lookupByEmail (scopes users:read, users:read.email). */
export const webClientUserApi = (client: WebClient): SlackUserApi => ({
  emailOf: async (user) => {
    try {
      const answer = await client.users.info({ user });
      return answer.user?.profile?.email || undefined;
    } catch (error) {
      if (NOBODY.has(slackErrorCode(error) ?? '')) return undefined;
      throw error;
    }
  },
  timeZoneOf: async (user) => {
    try {
      const answer = await client.users.info({ user });
      return answer.user?.tz || undefined;
    } catch (error) {
      if (NOBODY.has(slackErrorCode(error) ?? '')) return undefined;
      throw error;
    }
  },
  userIdByEmail: async (email) => {
    try {
      const answer = await client.users.lookupByEmail({ email });
      return answer.user?.id || undefined;
    } catch (error) {
      if (NOBODY.has(slackErrorCode(error) ?? '')) return undefined;
      throw error;
    }
  },
});

/** For `callboard ask` and local mode: one pretend Slack user whose email is given on the command line. */
export const localUserApi = (email: string | undefined): SlackUserApi => ({
  emailOf: async () => email,
  userIdByEmail: async () => undefined,
});
