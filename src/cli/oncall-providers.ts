import type { Config } from '../config/load-config.ts';
import type { OnCallProvider } from '../core/oncall/on-call.ts';
import type { CatalogReader } from '../core/ports.ts';

/**
 * The configured on-call providers (src/oncall-runtime.ts) with a lookup budget of `timeoutMs`, loaded only by the
 * commands that ask about on-call.
 */
export const loadOnCallProviders =
  (timeoutMs: number) =>
  async (config: Config, catalog: CatalogReader): Promise<readonly OnCallProvider[]> =>
    (await import('../oncall-runtime.ts')).buildOnCallProviders(config, catalog, { timeoutMs });
