import { describe, expect, it } from 'vitest';
import { parseScaffolderCommand } from '../../../src/slack/parse/parse-scaffolder-command.ts';
import { parseSlashCommand } from '../../../src/slack/parse/parse-slash-command.ts';

describe('parseScaffolderCommand', () => {
  it.each([
    ['/create', '', { kind: 'create', words: '' }],
    ['/create', '  typescript   service ', { kind: 'create', words: 'typescript service' }],
    ['/CREATE', 'docs', { kind: 'create', words: 'docs' }],
    ['/callboard', 'create typescript service', { kind: 'create', words: 'typescript service' }],
    ['/callboard', 'CREATE', { kind: 'create', words: '' }],
    ['/callboard', 'runs', { kind: 'runs' }],
    ['/callboard', 'register https://github.com/acme/new-service', { kind: 'register', url: 'https://github.com/acme/new-service' }],
    // Slack wraps pasted links: the URL is what counts, not the label.
    [
      '/callboard',
      'register <https://github.com/acme/x/blob/main/catalog-info.yaml|catalog-info.yaml>',
      { kind: 'register', url: 'https://github.com/acme/x/blob/main/catalog-info.yaml' },
    ],
  ])('%s %s', (command, text, expected) => {
    expect(parseScaffolderCommand(command, text)).toEqual(expected);
  });

  it('/create is also /callboard create, for workspaces on manifests/manifest.callboard-only.yml', () => {
    for (const words of ['', 'typescript service', '  docs  '])
      expect(parseScaffolderCommand('/callboard', `create ${words}`)).toEqual(parseScaffolderCommand('/create', words));
  });

  it('names what is wrong with a register or runs that takes the wrong arguments', () => {
    expect(parseScaffolderCommand('/callboard', 'register')).toMatchObject({ kind: 'usage', problem: expect.stringMatching(/Name one repository/) });
    expect(parseScaffolderCommand('/callboard', 'register a b')).toMatchObject({ kind: 'usage' });
    expect(parseScaffolderCommand('/callboard', 'runs all')).toMatchObject({ kind: 'usage', problem: '/callboard runs takes no arguments.' });
  });

  it('leaves every other command to the catalog questions, which answer as before', () => {
    for (const [command, text] of [
      ['/owner', 'create'],
      ['/callboard', 'owner checkout-service'],
      ['/callboard', ''],
      ['/callboard', 'creates'],
      ['/find', 'runs'],
    ] as const) {
      expect(parseScaffolderCommand(command, text)).toBeUndefined();
    }
    expect(parseSlashCommand('/callboard', 'owner checkout-service')).toEqual({ ok: true, request: { kind: 'owner', entity: 'checkout-service' } });
  });

  it('an unknown /callboard subcommand lists the scaffolder ones too', () => {
    expect(parseSlashCommand('/callboard', 'frobnicate')).toMatchObject({ ok: false, problem: expect.stringContaining('create, runs, register') });
  });
});
