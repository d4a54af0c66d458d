import type { Config } from './config/load-config.ts';
import type { OnCallProvider } from './core/oncall/on-call.ts';
import type { CatalogReader } from './core/ports.ts';
import { PagerdutyProvider } from './oncall/pagerduty/pagerduty-provider.ts';
import { RotationProvider } from './oncall/rotation-provider.ts';
import type { OnCallSettings } from './slack/slack-deps.ts';

export interface OnCallProviderOptions {
  /**
   * One PagerDuty lookup's budget, 429 waits included: `oncall.timeoutMs` for Slack, the CLI's share of its 5 s.
   * The caller's own deadline (findOnCall) aborts it anyway; this keeps the provider from planning waits it cannot use.
   */
  timeoutMs: number;
}

/**
 * The on-call providers from configuration, in the order an entity's annotations are read: PagerDuty when
 * PAGERDUTY_TOKEN is set, built-in rotations (Rotation entities in this catalog) always. A new paging tool is one
 * file in src/oncall/ and one line here.
 */
export const buildOnCallProviders = (
  config: Pick<Config, 'oncall'>,
  catalog: Pick<CatalogReader, 'entityEnvelope'>,
  options: OnCallProviderOptions,
): OnCallProvider[] => {
  const { pagerduty } = config.oncall;
  const providers: OnCallProvider[] = [];
  if (pagerduty.token) {
    providers.push(
      new PagerdutyProvider({
        token: pagerduty.token,
        ...(pagerduty.apiUrl ? { baseUrl: pagerduty.apiUrl } : {}),
        cacheTtlMs: pagerduty.cacheSeconds * 1000,
        timeoutMs: options.timeoutMs,
      }),
    );
  }
  providers.push(new RotationProvider({ findEntity: (ref) => catalog.entityEnvelope(ref) }));
  return providers;
};

/** What the Slack app gets (`/oncall`, cards, App Home): the providers, each lookup within `oncall.timeoutMs`. */
export const buildSlackOnCall = (config: Config, catalog: Pick<CatalogReader, 'entityEnvelope'>): OnCallSettings => ({
  providers: buildOnCallProviders(config, catalog, { timeoutMs: config.oncall.timeoutMs }),
  timeoutMs: config.oncall.timeoutMs,
});
