import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALLBACK_PATH } from '../../../src/http/auth/pending-sign-in.ts';
import { repoRoot } from '../../helpers/run-cli.ts';

describe('the Slack app manifests show what Sign in with Slack needs', () => {
  it.each(['manifest.yml', 'manifests/manifest.callboard-only.yml'])('%s has a commented redirect URL for the callback and the OpenID user scopes', (file) => {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    expect(text).toContain(`#   - https://callboard.example.com${CALLBACK_PATH}`);
    expect(text).toMatch(/# redirect_urls:\n/);
    for (const scope of ['openid', 'email', 'profile']) expect(text).toContain(`#   - ${scope}\n`);
  });
});
