import type { Config } from '../../config/load-config.ts';
import type { OnCallProvider } from '../../core/oncall/on-call.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { INSTANT_FORMAT_HINT, parseInstant } from '../../slack/parse/parse-instant.ts';
import { findOnCall } from '../../usecases/oncall/find-oncall.ts';
import { pagerdutyNamedWithoutToken } from '../../usecases/oncall/pagerduty-without-token.ts';
import { resolveEntity } from '../../usecases/resolve-entity.ts';
import { CliExit, describeUnresolved, loadCliConfig, openConfiguredCatalog, type CliIo } from '../cli-context.ts';
import { formatOnCall, onCallJson } from '../format/format-oncall.ts';
import { loadOnCallProviders } from '../oncall-providers.ts';

/**
 * The lookup's share of the 5 s the CLI promises: opening the database and printing take the rest. Independent of
 * `oncall.timeoutMs`, which is Slack's budget.
 */
export const CLI_ONCALL_TIMEOUT_MS = 4500;

interface OnCallOptions {
  config?: string;
  at?: string;
  json?: boolean;
}

export type BuildOnCallProviders = (config: Config, catalog: CatalogReader) => Promise<readonly OnCallProvider[]>;

const parseAt = (at: string | undefined): Date => {
  if (at === undefined) return new Date();
  const instant = parseInstant(at);
  if (!instant) throw new CliExit(2, `--at: got "${at.slice(0, 60)}" — expected ${INSTANT_FORMAT_HINT.replace(/`/g, '')}`);
  return instant;
};

const noScheduleMessage = (store: CatalogReader, ref: string, providers: readonly OnCallProvider[]): string => {
  const pagerduty = pagerdutyNamedWithoutToken(store, ref, providers);
  if (pagerduty) return `PagerDuty lookups are not set up: ${pagerduty} names a PagerDuty service, but PAGERDUTY_TOKEN is not set.`;
  return `No on-call is configured for ${ref}: ${NONE_CONFIGURED}.`;
};

const NONE_CONFIGURED =
  'add a pagerduty.com/service-id or callboard.dev/rotation annotation to it or to its team, or a Rotation owned by the team (spec.owner)';

/**
 * `callboard oncall <ref> [--at ISO-8601] [--json]`: who is on call now (or at --at) and next, per level. Exit 1 when
 * nothing is configured or the provider is unavailable (the reason on stderr), 2 on bad arguments; within 5 s.
 */
export const onCallCommandWith =
  (buildProviders: BuildOnCallProviders) =>
  (io: CliIo) =>
  async (input: string, options: OnCallOptions): Promise<void> => {
    const at = parseAt(options.at);
    const config = loadCliConfig(io, options.config);
    const catalog = await openConfiguredCatalog(io, config);
    try {
      const resolution = resolveEntity(catalog.store, input);
      if (resolution.status !== 'found') throw new CliExit(resolution.status === 'invalid' ? 2 : 1, describeUnresolved(resolution));
      const providers = await buildProviders(config, catalog.store);
      const answer = await findOnCall({ catalog: catalog.store, providers, timeoutMs: CLI_ONCALL_TIMEOUT_MS }, resolution.ref, at);
      if (answer.unavailable) throw new CliExit(1, `on-call unavailable: ${answer.unavailable}`);
      if (!answer.schedule) throw new CliExit(1, noScheduleMessage(catalog.store, resolution.ref, providers));
      if (answer.chosen?.warning && options.json) io.err(`warning: ${answer.chosen.warning}`);
      io.out(options.json ? JSON.stringify(onCallJson(resolution.ref, answer.schedule), null, 2) : formatOnCall(answer, answer.schedule));
    } finally {
      catalog.close();
    }
  };

export const onCallCommand = onCallCommandWith(loadOnCallProviders(CLI_ONCALL_TIMEOUT_MS));
