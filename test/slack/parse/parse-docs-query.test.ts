import { describe, expect, it } from 'vitest';
import { parseAsk } from '../../../src/cli/commands/ask-command.ts';
import { parseMention } from '../../../src/slack/parse/parse-mention.ts';
import { parseSlashCommand } from '../../../src/slack/parse/parse-slash-command.ts';

describe('/docs routing', () => {
  it.each([
    ['/docs', 'payments-api', { kind: 'docs', entity: 'payments-api' }],
    ['/docs', '  payments-api   provider outage ', { kind: 'docs', entity: 'payments-api provider outage' }],
    ['/DOCS', '"Checkout Service" deploy', { kind: 'docs', entity: 'Checkout Service deploy' }],
    ['/docs', '', { kind: 'team-docs' }],
    ['/docs', '  ` `  ', { kind: 'team-docs' }],
    ['/callboard', 'docs payments-api runbook', { kind: 'docs', entity: 'payments-api runbook' }],
    ['/callboard', 'runbook orders-db', { kind: 'docs', entity: 'orders-db' }],
    ['/callboard', 'docs', { kind: 'team-docs' }],
  ])('%s %j', (command, text, request) => {
    expect(parseSlashCommand(command, text)).toEqual({ ok: true, request });
  });

  it('an essay after /docs is sent to /find, naming the command it came with', () => {
    const parsed = parseSlashCommand('/docs', Array.from({ length: 14 }, (_, i) => `word${i}`).join(' '));
    expect(parsed).toMatchObject({ ok: false, command: '/docs' });
    expect(parseSlashCommand('/callboard', `docs ${'x'.repeat(300)}`)).toMatchObject({ ok: false, command: '/callboard docs' });
  });

  it.each([
    ['<@U0CALLBOT> docs payments-api runbook', { kind: 'docs', entity: 'payments-api runbook' }],
    ['<@U0CALLBOT> docs', { kind: 'team-docs' }],
    ['<@U0CALLBOT> /docs orders-db', { kind: 'docs', entity: 'orders-db' }],
    ['<@U0CALLBOT> where are the docs for payments api?', { kind: 'docs', entity: 'payments api' }],
  ])('mention %j', (text, request) => {
    expect(parseMention(text, 'U0CALLBOT')).toEqual({ ok: true, request });
  });

  it('callboard ask routes "/docs …" like Slack', () => {
    expect(parseAsk('/docs payments runbook')).toEqual({ ok: true, request: { kind: 'docs', entity: 'payments runbook' } });
    expect(parseAsk('/docs')).toEqual({ ok: true, request: { kind: 'team-docs' } });
  });
});
