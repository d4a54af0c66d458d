import { describe, expect, it } from 'vitest';
import { parseSlashCommand } from '../../../src/slack/parse/parse-slash-command.ts';

describe('parseSlashCommand', () => {
  it.each([
    ['/owner', 'checkout-service', { kind: 'owner', entity: 'checkout-service' }],
    ['/owner', '  `component:default/checkout-service`  ', { kind: 'owner', entity: 'component:default/checkout-service' }],
    ['/OWNER', '*checkout-service*?', { kind: 'owner', entity: 'checkout-service' }],
    ['/owner', '<https://x.example|checkout-service>', { kind: 'owner', entity: 'checkout-service' }],
    ['/deps', 'storefront-web', { kind: 'deps', entity: 'storefront-web', direction: 'forward' }],
    ['/deps', 'orders-db --reverse --depth 5', { kind: 'deps', entity: 'orders-db', direction: 'reverse', depth: 5 }],
    ['/deps', '--depth=2 -r orders-db', { kind: 'deps', entity: 'orders-db', direction: 'reverse', depth: 2 }],
    ['/deps', 'orders-db \u2014reverse', { kind: 'deps', entity: 'orders-db', direction: 'reverse' }],
    ['/find', 'kotlin   checkout', { kind: 'find', query: 'kotlin checkout' }],
    ['/callboard', '', { kind: 'help' }],
    ['/callboard', 'errors', { kind: 'errors' }],
    ['/callboard', 'errors checkout-team', { kind: 'errors', team: 'checkout-team' }],
    ['/callboard', 'SYNC', { kind: 'sync' }],
    ['/callboard', 'whoami', { kind: 'whoami' }],
  ])('%s %j', (command, text, request) => {
    expect(parseSlashCommand(command, text)).toEqual({ ok: true, request });
  });

  it.each([
    ['/owner', '', 'Name an entity'],
    ['/owner', 'two words', 'have no spaces'],
    ['/owner', 'a'.repeat(300), 'at most 255'],
    ['/deps', 'x --depth', '--depth needs a number'],
    ['/deps', 'x --depth 0', 'from 1 to 20'],
    ['/deps', 'x --depth 3.5', 'from 1 to 20'],
    ['/deps', 'x --wide', 'Unknown option "--wide"'],
    ['/find', '', 'Say what to look for'],
    ['/find', 'word '.repeat(60), 'a few words'],
    ['/callboard', 'sync now', 'takes no arguments'],
    ['/callboard', 'errors a b', 'Name one team'],
    ['/callboard', 'deploy', 'Unknown subcommand "deploy"'],
    ['/owner', 'x'.repeat(5000), '5,000 characters'],
    ['/deploy', 'x', 'no /deploy command'],
  ])('%s %j is a problem for that command', (command, text, words) => {
    const result = parseSlashCommand(command, text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toContain(words);
      expect(result.command).toBe(command.toLowerCase());
    }
  });
});
