import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds, SlashCommands } from '../../src/slack/ids.ts';
import { register as registerActions } from '../../src/slack/listeners/actions/index.ts';
import { register as registerCommands } from '../../src/slack/listeners/commands/index.ts';
import { register as registerEvents } from '../../src/slack/listeners/events/index.ts';
import { register as registerShortcuts } from '../../src/slack/listeners/shortcuts/index.ts';
import { parseSlashCommand } from '../../src/slack/parse/parse-slash-command.ts';
import type { SlackDeps } from '../../src/slack/slack-deps.ts';
import { repoRoot } from '../helpers/run-cli.ts';

interface SlashCommandEntry {
  command: string;
  description: string;
  url?: string;
  usage_hint: string;
}

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: {
    slash_commands: SlashCommandEntry[];
    shortcuts: Array<{ name: string; type: string; callback_id: string; description: string }>;
    app_home: Record<string, boolean>;
    unfurl_domains: string[];
    bot_user: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
  };
}

const readManifest = (path: string): Manifest => parse(readFileSync(join(repoRoot, path), 'utf8')) as Manifest;
const manifest = readManifest('manifest.yml');
const VARIANT = 'manifests/manifest.callboard-only.yml';
const variant = readManifest(VARIANT);

/**
 * Why each bot scope is asked for: the feature, and code that only works with it (a Web API method the
 * code calls or an event it registers). A scope the manifest declares must be here, its evidence must be
 * in src/, and README.md's scope table must list exactly these scopes.
 */
const SCOPE_EVIDENCE: Record<string, RegExp> = {
  // @mentions: app.event('app_mention', …)
  'app_mentions:read': /app\.event\('app_mention'/,
  // Scheduled posts: after a crash between claim and post, the slot's message is looked for in the channel.
  'channels:history': /\.conversations\.history\(/,
  'groups:history': /\.conversations\.history\(/,
  // Team channel names → ids (conversations.list) and the channel_rename event that keeps them current.
  'channels:read': /\.conversations\.list\(/,
  // Incident channels: join a public channel whose name matches incidents.channelPatterns to post its context cards.
  'channels:join': /\.conversations\.join\(/,
  // Incident channels: the name, topic and purpose of a private channel Callboard is invited to (conversations.info),
  // and member_joined_channel there.
  'groups:read': /\.conversations\.info\(/,
  // Mention replies, ephemeral failures and help, paging updates of its own messages, App Home DMs.
  'chat:write': /\.chat\.(?:postMessage|postEphemeral|update)\(/,
  // Slash commands and the message shortcut.
  commands: /app\.(?:command|shortcut)\(/,
  // CSV export of long answers to the clicker's DM (files.uploadV2 = files.getUploadURLExternal + files.completeUploadExternal).
  'files:write': /\.files\.uploadV2\(/,
  // The link_shared event for unfurl_domains.
  'links:read': /app\.event\('link_shared'/,
  // chat.unfurl.
  'links:write': /\.chat\.unfurl\(/,
  // users.info: who is asking (and, with users:read.email, their email).
  'users:read': /\.users\.info\(/,
  // users.lookupByEmail: catalog members as Slack mentions.
  'users:read.email': /\.users\.lookupByEmail\(/,
};

/** Every .ts file under src/, comments removed, so only code counts as evidence. */
const sourceCode = (): string => {
  const files = readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files
    .map((file) => readFileSync(join(repoRoot, 'src', file), 'utf8'))
    .map((text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''))
    .join('\n');
};

/** The scopes README.md's "Scopes" table lists (first column, in backticks). */
const readmeScopes = (): string[] => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = /^#+ Scopes\n([\s\S]*?)(?=^#)/m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
};

/** Records what the listeners register, without a real Bolt app. */
const registrations = () => {
  const seen = { commands: [] as string[], actions: [] as string[], events: [] as string[], shortcuts: [] as string[] };
  const app = {
    command: (name: string) => void seen.commands.push(name),
    action: (constraints: { action_id: string }) => void seen.actions.push(constraints.action_id),
    event: (name: string) => void seen.events.push(name),
    shortcut: (constraints: { callback_id: string }) => void seen.shortcuts.push(constraints.callback_id),
    use: () => undefined,
  } as unknown as App;
  const deps = { log: { info: () => undefined } } as unknown as SlackDeps;
  for (const register of [registerCommands, registerActions, registerEvents, registerShortcuts]) register(app, deps);
  return seen;
};

const registered = registrations();

/** What both manifests must get right: the registered shortcuts and events, scopes with reasons, Socket Mode without URLs. */
const checkAppSurface = (file: Manifest) => {
  expect(file.features.shortcuts.map((entry) => entry.callback_id)).toEqual(Object.values(CallbackIds));
  expect([...file.settings.event_subscriptions.bot_events].sort()).toEqual([...registered.events].sort());
  expect(Object.keys(SCOPE_EVIDENCE)).toEqual(expect.arrayContaining(file.oauth_config.scopes.bot));
  expect(file.features.app_home.home_tab_enabled).toBe(true);
  expect(file.settings.interactivity.is_enabled).toBe(true);
  expect(file.features.unfurl_domains).toContain('github.com');
  expect(file.settings.org_deploy_enabled).toBe(false);
  // Socket Mode takes no request URLs (Slack's own Socket Mode template has none); HTTP mode adds them.
  expect(file.settings.socket_mode_enabled).toBe(true);
  expect(file.settings.event_subscriptions.request_url).toBeUndefined();
  expect(file.settings.interactivity.request_url).toBeUndefined();
  for (const command of file.features.slash_commands) expect(command.url).toBeUndefined();
};

/** The manifest schema's limits (slackapi/manifest-schema, shared/reference/slack-platform.md §6). */
const checkSchemaLimits = (file: Manifest) => {
  const info = file.display_information;
  expect(info.name.length).toBeLessThanOrEqual(35);
  expect(info.description.length).toBeLessThanOrEqual(140);
  expect(info.long_description.length).toBeGreaterThanOrEqual(175);
  expect(info.long_description.length).toBeLessThanOrEqual(4000);
  for (const command of file.features.slash_commands) {
    expect(command.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
    expect(command.description.length).toBeLessThanOrEqual(2000);
    expect(command.usage_hint.length).toBeLessThanOrEqual(1000);
  }
  for (const shortcut of file.features.shortcuts) {
    expect(shortcut.name.length).toBeLessThanOrEqual(24);
    expect(shortcut.description.length).toBeLessThanOrEqual(150);
  }
  expect(file.features.unfurl_domains.length).toBeLessThanOrEqual(5);
  for (const domain of file.features.unfurl_domains) expect(domain).toMatch(/^(?![.-])[-a-z0-9.]+[a-z0-9]$/);
};

describe('manifest.yml', () => {
  it('declares exactly the slash commands the app registers (ids.ts)', () => {
    const declared = manifest.features.slash_commands.map((entry) => entry.command).sort();
    expect(declared).toEqual(Object.values(SlashCommands).sort());
    expect([...registered.commands].sort()).toEqual(declared);
  });

  it('declares the shortcuts and events the app listens to, and is set up for Socket Mode', () => {
    expect(registered.shortcuts).toEqual(Object.values(CallbackIds));
    checkAppSurface(manifest);
  });

  it('every action id a view can render has a listener', () => {
    expect([...registered.actions].sort()).toEqual(Object.values(ActionIds).sort());
  });

  it('asks only for scopes the code uses: each has a reason whose evidence is in src/', () => {
    const code = sourceCode();
    const declared = manifest.oauth_config.scopes.bot;
    expect([...declared].sort()).toEqual(Object.keys(SCOPE_EVIDENCE).sort());
    for (const scope of declared) expect(SCOPE_EVIDENCE[scope]!.test(code), `no code in src/ needs ${scope}`).toBe(true);
  });

  it("README.md's scope table lists exactly the declared scopes", () => {
    expect(readmeScopes().sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('keeps within the manifest schema limits', () => {
    checkSchemaLimits(manifest);
  });
});

describe(VARIANT, () => {
  it('has /callboard as its only slash command, and the app registers it', () => {
    expect(variant.features.slash_commands.map((entry) => entry.command)).toEqual([SlashCommands.callboard]);
    expect(registered.commands).toContain(SlashCommands.callboard);
    expect(variant.features.slash_commands[0]).toEqual(manifest.features.slash_commands.find((entry) => entry.command === SlashCommands.callboard));
  });

  it('is manifest.yml in everything else: scopes, events, shortcuts, settings', () => {
    checkAppSurface(variant);
    checkSchemaLimits(variant);
    const rest = (file: Manifest) => ({
      ...file,
      display_information: { ...file.display_information, long_description: '' },
      features: { ...file.features, slash_commands: [] },
    });
    expect(rest(variant)).toEqual(rest(manifest));
  });

  it('every short command is a /callboard subcommand that asks the same question', () => {
    const questions: Array<[string, string]> = [
      [SlashCommands.owner, 'checkout-service'],
      [SlashCommands.deps, 'orders-db --reverse --depth 2'],
      [SlashCommands.find, 'payments'],
    ];
    for (const [command, text] of questions) {
      const short = parseSlashCommand(command, text);
      expect(short.ok).toBe(true);
      expect(parseSlashCommand(SlashCommands.callboard, `${command.slice(1)} ${text}`)).toEqual(short);
    }
  });
});
