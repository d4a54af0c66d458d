import { readFileSync, writeFileSync } from 'node:fs';
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

  it('answers /create with the templates and how to run one from a terminal, and /callboard runs with the runs', async () => {
    const withTemplates = exampleConfig();
    writeFileSync(withTemplates, readFileSync(withTemplates, 'utf8').replace('builtinTemplates: false', 'builtinTemplates: true'));
    const create = await cli(['ask', '/create typescript', '--config', withTemplates]);
    expect(create.code).toBe(0);
    expect(create.out).toContain('template:default/typescript-service');
    expect(create.out).toContain('template:default/typescript-library');
    expect(create.out).not.toContain('template:default/docs-site');
    expect(create.out).toContain('callboard scaffold TEMPLATE --values values.yaml');
    const runs = await cli(['ask', '/callboard runs', '--config', withTemplates]);
    expect(runs.code).toBe(0);
    expect(runs.out).toContain('No template has been run yet');
    const usage = await cli(['ask', '/callboard runs all', '--config', withTemplates]);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('takes no arguments');
  });
});
