import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { checkDocsAccessConfig, type DocsHttpConfig } from '../../../src/http/auth/check-docs-access-config.ts';
import { createDocsAccess } from '../../../src/http/auth/create-docs-access.ts';

const slack = { clientId: '1234.5678', teamId: 'T0ACME' };
const refusal = (http: DocsHttpConfig, env: NodeJS.ProcessEnv = {}): string => {
  try {
    checkDocsAccessConfig({ http }, env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('checkDocsAccessConfig', () => {
  it('refuses a non-loopback host without sign-in, saying what to set', () => {
    expect(refusal({ host: '0.0.0.0' })).toBe(
      'http.host is 0.0.0.0, so the docs site would be open to the network: set http.auth.slack (Sign in with Slack) or ' +
        "http.auth.trustedHeader (a reverse proxy's header) in callboard.yaml, or set http.host to 127.0.0.1",
    );
    expect(refusal({ host: '::' })).toContain('http.host is ::');
    expect(refusal({ host: 'callboard.internal' })).toContain('http.host is callboard.internal');
  });

  it('refuses Sign in with Slack without its secret or a public URL', () => {
    const noSecret = refusal({ host: '0.0.0.0', publicUrl: 'https://callboard.acme.example', auth: { slack } });
    expect(noSecret).toContain('http.auth.slack is set but SLACK_CLIENT_SECRET is not');
    const noUrl = refusal({ host: '0.0.0.0', auth: { slack } }, { SLACK_CLIENT_SECRET: 'x' });
    expect(noUrl).toContain('http.auth.slack is set but http.publicUrl is not: set http.publicUrl');
    expect(noUrl).toContain('/auth/slack/callback');
  });

  it('refuses a proxies entry that is not a CIDR range, naming it', () => {
    const message = refusal({ host: '0.0.0.0', auth: { trustedHeader: { name: 'X-User', proxies: ['10.0.0.0/8', 'proxy.internal'] } } });
    expect(message).toContain('http.auth.trustedHeader.proxies: "proxy.internal" is not an address range');
  });

  it.each(['0.0.0.0/0', '::/0', '::ffff:0.0.0.0/96', '::ffff:0:0/96'])(
    'refuses a proxies entry %s that holds every address: anyone could send the header',
    (entry) => {
      const message = refusal({ host: '0.0.0.0', auth: { trustedHeader: { name: 'X-User', proxies: ['10.0.0.0/8', entry] } } });
      expect(message).toContain(`http.auth.trustedHeader.proxies: "${entry}" holds every`);
    },
  );

  it('accepts loopback without sign-in, and each complete sign-in on any host', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(() => checkDocsAccessConfig({ http: { host } }, {})).not.toThrow();
    expect(() =>
      checkDocsAccessConfig({ http: { host: '0.0.0.0', publicUrl: 'https://cb.acme.example', auth: { slack } } }, { SLACK_CLIENT_SECRET: 'x' }),
    ).not.toThrow();
    expect(() => checkDocsAccessConfig({ http: { host: '0.0.0.0', auth: { trustedHeader: { name: 'X-User', proxies: ['fd00::/8'] } } } }, {})).not.toThrow();
  });

  it('createDocsAccess refuses the same configurations', () => {
    expect(() => createDocsAccess({ http: { host: '0.0.0.0' } })).toThrow(InvalidInputError);
    expect(() =>
      createDocsAccess({ http: { host: '0.0.0.0', publicUrl: 'https://cb.acme.example', auth: { slack } } }, { sessionKey: Buffer.alloc(32) }),
    ).toThrow(/SLACK_CLIENT_SECRET/);
  });
});
