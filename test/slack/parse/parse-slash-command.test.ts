import { describe, expect, it } from 'vitest';
import { parseSlashCommand } from '../../../src/slack/parse/parse-slash-command.ts';

describe('parseSlashCommand', () => {
  it.each([
    ['/owner', 'checkout-service', { kind: 'owner', entity: 'checkout-service' }],
    ['/owner', '  `component:default/checkout-service`  ', { kind: 'owner', entity: 'component:default/checkout-service' }],
    ['/OWNER', '*checkout-service*?', { kind: 'owner', entity: 'checkout-service' }],
    // A pasted link keeps its URL (the resolver falls back on the label); titles and kind words keep every word.
    ['/owner', '<https://x.example|checkout-service>', { kind: 'owner', entity: '<https://x.example|checkout-service>' }],
    ['/owner', '<https://github.com/acme/checkout-service>', { kind: 'owner', entity: '<https://github.com/acme/checkout-service>' }],
    ['/owner', 'Checkout Service', { kind: 'owner', entity: 'Checkout Service' }],
    ['/owner', '  "payments api"?', { kind: 'owner', entity: 'payments api' }],
    ['/deps', 'Orders Database --reverse', { kind: 'deps', entity: 'Orders Database', direction: 'reverse' }],
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
    // Every command is also a /callboard subcommand.
    ['/callboard', 'owner Checkout Service', { kind: 'owner', entity: 'Checkout Service' }],
    ['/callboard', 'deps orders-db --reverse --depth 2', { kind: 'deps', entity: 'orders-db', direction: 'reverse', depth: 2 }],
    ['/callboard', 'find kotlin checkout', { kind: 'find', query: 'kotlin checkout' }],
    ['/callboard', 'search kotlin', { kind: 'find', query: 'kotlin' }],
    ['/callboard', 'oncall payments api', { kind: 'oncall', entity: 'payments api' }],
    ['/callboard', 'docs <https://github.com/acme/cart-service>', { kind: 'docs', entity: '<https://github.com/acme/cart-service>' }],
  ])('%s %j', (command, text, request) => {
    expect(parseSlashCommand(command, text)).toEqual({ ok: true, request });
  });

  it.each([
    ['/owner', '', 'Name an entity'],
    ['/owner', 'one two three four five six seven eight nine ten eleven twelve thirteen', 'That is 13 words'],
    ['/callboard', 'oncall', 'Name an entity after /callboard oncall'],
    ['/owner', 'a'.repeat(300), 'at most 255'],
    ['/deps', 'x --depth', '--depth needs a number'],
    ['/deps', 'x --depth 0', 'from 1 to 20'],
    ['/deps', 'x --depth 3.5', 'from 1 to 20'],
    ['/deps', 'x --wide', 'Unknown option "--wide"'],
    ['/find', '', 'Say what to look for, e.g. `/find payments`.'],
    // A workspace with only /callboard (manifests/manifest.callboard-only.yml) has no /find to suggest.
    ['/callboard', 'find', 'Say what to look for, e.g. `/callboard find payments`.'],
    ['/callboard', `owner ${'word '.repeat(13)}`, 'or search with /callboard find word word'],
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
      expect(result.command).toContain(command.toLowerCase());
    }
  });
});
