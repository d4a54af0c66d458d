import type { Config } from '../../config/load-config.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { coversEveryAddress, isLoopbackHost, parseAddressRanges } from './address-ranges.ts';

export type DocsHttpConfig = Pick<Config['http'], 'host' | 'publicUrl' | 'auth'>;

/** Which gate the docs site gets: open on a loopback-only server without sign-in configured, else the configured one. */
export type DocsAccessMode = 'loopback' | 'slack' | 'trusted-header';

export const docsAccessMode = (http: DocsHttpConfig): DocsAccessMode => {
  if (http.auth?.slack) return 'slack';
  if (http.auth?.trustedHeader) return 'trusted-header';
  return 'loopback';
};

const openToNetwork = (host: string): string =>
  `http.host is ${host}, so the docs site would be open to the network: set http.auth.slack (Sign in with Slack) or ` +
  `http.auth.trustedHeader (a reverse proxy's header) in callboard.yaml, or set http.host to 127.0.0.1`;

const checkSlack = (http: DocsHttpConfig, env: NodeJS.ProcessEnv): void => {
  if (!env.SLACK_CLIENT_SECRET)
    throw new InvalidInputError(
      'http.auth.slack is set but SLACK_CLIENT_SECRET is not: set it to the Slack app\'s Client Secret ("Basic Information" → "App Credentials")',
    );
  if (!http.publicUrl)
    throw new InvalidInputError(
      'http.auth.slack is set but http.publicUrl is not: set http.publicUrl in callboard.yaml to the address people open Callboard at ' +
        "(e.g. https://callboard.example.com); Slack sends them back to <publicUrl>/auth/slack/callback, which must be listed in the app's oauth_config.redirect_urls",
    );
};

const checkProxies = (proxies: readonly string[]): void => {
  const parsed = parseAddressRanges(proxies);
  if (!parsed.ok)
    throw new InvalidInputError(
      `http.auth.trustedHeader.proxies: "${parsed.invalid}" is not an address range: write CIDR ranges such as 10.0.0.0/8, 192.168.1.10/32 or fd00::/8`,
    );
  const everyone = proxies.find(coversEveryAddress);
  if (everyone !== undefined)
    throw new InvalidInputError(
      `http.auth.trustedHeader.proxies: "${everyone}" holds every address, so anyone could send the header and be let in: list only the authenticating proxy's addresses (e.g. 10.0.0.5/32)`,
    );
};

/**
 * Refuses a configuration that would serve internal docs to the network, or whose sign-in cannot work: checked
 * at start-up, before the server listens. `env` is read for SLACK_CLIENT_SECRET only.
 */
export const checkDocsAccessConfig = (config: { http: DocsHttpConfig }, env: NodeJS.ProcessEnv): void => {
  const { http } = config;
  const mode = docsAccessMode(http);
  if (mode === 'loopback' && !isLoopbackHost(http.host)) throw new InvalidInputError(openToNetwork(http.host));
  if (mode === 'slack') checkSlack(http, env);
  if (mode === 'trusted-header') checkProxies(http.auth!.trustedHeader!.proxies);
};
