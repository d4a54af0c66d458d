import { describe, expect, it } from 'vitest';
import { cli, exampleConfig } from '../helpers/run-cli.ts';

const config = exampleConfig();
const ask = (...args: string[]) => cli(['ask', ...args, '--config', config]);

describe('callboard ask', () => {
  it('runs the /owner handler in-process and prints readable text', async () => {
    const { code, out } = await ask('/owner checkout-service');
    expect(code).toBe(0);
    expect(out).toContain('== Checkout Service ==');
    expect(out).toContain('Owned by Checkout');
    expect(out).toContain('Repository (https://github.com/acme/checkout-service)');
    expect(out).toContain('[Share in channel]');
  });

  it('--json prints the Slack message { response_type, text, blocks }', async () => {
    const { code, out } = await ask('/deps orders-db --reverse', '--json');
    expect(code).toBe(0);
    const message = JSON.parse(out) as { response_type: string; text: string; blocks: Array<{ block_id: string }> };
    expect(Object.keys(message)).toEqual(['response_type', 'text', 'blocks']);
    expect(message.response_type).toBe('ephemeral');
    expect(message.blocks[0]!.block_id).toBe('deps.header');
  });

  it('takes questions as they would be @mentioned, and answers as --user-email', async () => {
    expect((await ask('what depends on orders-db?')).out).toContain('What depends on orders-db');
    const whoami = await ask('/callboard whoami', '--user-email', 'ada.lovelace@acme.example');
    expect(whoami.out).toContain('user:default/ada.lovelace');
  });

  it('bad input prints the usage hint and exits 2', async () => {
    const { code, out } = await ask('/callboard frobnicate');
    expect(code).toBe(2);
    expect(out).toContain('Unknown subcommand');
  });
});
