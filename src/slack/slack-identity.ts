import type { Logger } from 'pino';
import type { CatalogReader } from '../core/ports.ts';
import { findUserByEmail } from '../usecases/find-user-by-email.ts';
import type { SlackUserApi } from './slack-user-api.ts';
import { TtlCache } from './ttl-cache.ts';
import type { WhoamiIdentity } from './views/whoami-view.ts';

export interface SlackIdentityOptions {
  now?: () => number;
  /** How long a Slack user's email is trusted (default one hour). */
  emailTtlMs?: number;
  /** How long the catalog side (User, groups) is reused; short, since syncs change it (default one minute). */
  catalogTtlMs?: number;
  log?: Logger;
}

/**
 * Who a Slack user is in the catalog: Slack user → email (users.info) → the User entity with that
 * `spec.profile.email` → its groups. Emails and answers are cached; a failed lookup is logged and
 * answered as "email unknown", never thrown, so a Slack hiccup cannot break an answer.
 */
export class SlackIdentity {
  private readonly emails: TtlCache<string, string | null>;
  private readonly identities: TtlCache<string, WhoamiIdentity>;

  constructor(
    private readonly store: CatalogReader,
    private readonly api: SlackUserApi,
    private readonly options: SlackIdentityOptions = {},
  ) {
    const now = options.now ?? Date.now;
    this.emails = new TtlCache(now);
    this.identities = new TtlCache(now);
  }

  async identify(slackUserId: string): Promise<WhoamiIdentity> {
    const cached = this.identities.get(slackUserId);
    if (cached) return cached.value;
    const email = await this.emailOf(slackUserId);
    const person = email ? findUserByEmail(this.store, email) : { groups: [] };
    const identity: WhoamiIdentity = { slackUserId, ...(email ? { email } : {}), ...(person.user ? { user: person.user } : {}), groups: person.groups };
    this.identities.set(slackUserId, identity, this.options.catalogTtlMs ?? 60_000);
    return identity;
  }

  private async emailOf(slackUserId: string): Promise<string | undefined> {
    const cached = this.emails.get(slackUserId);
    if (cached) return cached.value ?? undefined;
    try {
      const email = await this.api.emailOf(slackUserId);
      this.emails.set(slackUserId, email ?? null, this.options.emailTtlMs ?? 3_600_000);
      return email;
    } catch (error) {
      this.options.log?.warn({ err: error, slackUserId }, 'users.info failed; answering without the asker identity');
      return undefined;
    }
  }
}
