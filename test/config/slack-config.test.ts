import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { resolveSlackConnection } from '../../src/slack/slack-connection.ts';

const configFile = (text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'callboard-slack-config-')), 'callboard.yaml');
  writeFileSync(file, text);
  return file;
};

describe('slack configuration', () => {
  it('reads slack.syncAllowed and slack.callboardUrl from the file, tokens and PORT from the environment', () => {
    const file = configFile(
      'catalog:\n  sources: []\nslack:\n  syncAllowed: [group:platform-team, ada@acme.example]\n  callboardUrl: https://callboard.acme.example\n',
    );
    const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret', SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: '8080' };
    const config = loadConfig({ file, env, cwd: '/' });
    expect(config.slack).toEqual({
      syncAllowed: ['group:platform-team', 'ada@acme.example'],
      callboardUrl: 'https://callboard.acme.example',
      botToken: 'xoxb-1',
      signingSecret: 's3cret',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8080 });
  });

  it('defaults: nobody may sync from Slack, port 3000, no credentials', () => {
    const config = loadConfig({ file: configFile('catalog:\n  sources: []\n'), env: {}, cwd: '/' });
    expect(config.slack).toEqual({ syncAllowed: [] });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
  });

  it.each([
    ['slack:\n  syncAllowed: admin\n', 'slack.syncAllowed: got "admin" — expected array'],
    ['slack:\n  admins: ops@acme.example\n', 'slack.admins: got "ops@acme.example" — expected array'],
    ['slack:\n  callboardUrl: ftp://x\n', 'slack.callboardUrl'],
    ['slack:\n  pagerdutyUrl: http://acme.pagerduty.com\n', 'slack.pagerdutyUrl'],
    ['slack:\n  token: xoxb-in-the-file\n', 'slack: unknown key "token"'],
    ['slack:\n  unfurl:\n    otherLinks: preview\n', 'slack.unfurl.otherLinks: got "preview" — expected one of "context", "none"'],
  ])('names the key and what was expected: %j', (text, expected) => {
    expect(() => loadConfig({ file: configFile(text), env: {}, cwd: '/' })).toThrow(expected);
  });

  it('slack.pagerdutyUrl is the account address the On-call buttons link under', () => {
    const file = configFile('catalog:\n  sources: []\nslack:\n  pagerdutyUrl: https://acme.pagerduty.com\n');
    expect(loadConfig({ file, env: {}, cwd: '/' }).slack.pagerdutyUrl).toBe('https://acme.pagerduty.com');
  });

  it('slack.unfurl.otherLinks is context unless set to none', () => {
    const read = (text: string) => loadConfig({ file: configFile(`catalog:\n  sources: []\n${text}`), env: {}, cwd: '/' }).slack.unfurl;
    expect(read('slack:\n  unfurl: {}\n')).toEqual({ otherLinks: 'context' });
    expect(read('slack:\n  unfurl: { otherLinks: none }\n')).toEqual({ otherLinks: 'none' });
  });

  it('rejects a PORT that is not a port', () => {
    expect(() => loadConfig({ file: configFile('catalog:\n  sources: []\n'), env: { PORT: 'eighty' }, cwd: '/' })).toThrow('PORT: got "eighty"');
  });
});

describe('resolveSlackConnection', () => {
  it('no Slack variables → local mode; app token → Socket Mode; signing secret → HTTP', () => {
    expect(resolveSlackConnection({ syncAllowed: [] })).toBeUndefined();
    expect(resolveSlackConnection({ syncAllowed: [], botToken: 'xoxb-1', appToken: 'xapp-1' })).toEqual({
      mode: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
    });
    expect(resolveSlackConnection({ syncAllowed: [], botToken: 'xoxb-1', signingSecret: 's' })).toEqual({
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's',
    });
  });

  it.each([
    [{ signingSecret: 's' }, 'SLACK_BOT_TOKEN is not set'],
    [{ botToken: 'xoxb-1' }, 'neither SLACK_SIGNING_SECRET'],
    [{ botToken: 'xoxp-user', signingSecret: 's' }, 'starting with "xoxb-"'],
    [{ botToken: 'xoxb-1', appToken: 'xoxb-2' }, 'starting with "xapp-"'],
  ])('half a setup fails at start-up: %j', (slack, message) => {
    expect(() => resolveSlackConnection({ syncAllowed: [], ...slack })).toThrow(message);
  });
});
