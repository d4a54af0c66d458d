import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds, SlashCommands } from '../../src/slack/ids.ts';
import { register as registerActions } from '../../src/slack/listeners/actions/index.ts';
import { register as registerCommands } from '../../src/slack/listeners/commands/index.ts';
import { register as registerEvents } from '../../src/slack/listeners/events/index.ts';
import { register as registerShortcuts } from '../../src/slack/listeners/shortcuts/index.ts';
import type { SlackDeps } from '../../src/slack/slack-deps.ts';
import { repoRoot } from '../helpers/run-cli.ts';

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: {
    slash_commands: Array<{ command: string; description: string; url: string; usage_hint: string }>;
    shortcuts: Array<{ name: string; type: string; callback_id: string; description: string }>;
    app_home: Record<string, boolean>;
    unfurl_domains: string[];
    bot_user: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
  };
}

const manifest = parse(readFileSync(join(repoRoot, 'manifest.yml'), 'utf8')) as Manifest;

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

describe('manifest.yml', () => {
  const registered = registrations();

  it('declares exactly the slash commands the app registers (ids.ts)', () => {
    const declared = manifest.features.slash_commands.map((entry) => entry.command).sort();
    expect(declared).toEqual(Object.values(SlashCommands).sort());
    expect(registered.commands.sort()).toEqual(declared);
  });

  it('declares the shortcuts and events the app listens to', () => {
    expect(manifest.features.shortcuts.map((entry) => entry.callback_id)).toEqual(Object.values(CallbackIds));
    expect(registered.shortcuts).toEqual(Object.values(CallbackIds));
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(registered.events.sort());
  });

  it('every action id a view can render has a listener', () => {
    expect(registered.actions.sort()).toEqual(Object.values(ActionIds).sort());
  });

  it('asks for the scopes the features need, and turns on what they use', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    for (const scope of ['commands', 'chat:write', 'chat:write.public', 'users:read', 'users:read.email', 'links:read', 'links:write', 'app_mentions:read'])
      expect(scopes).toContain(scope);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.unfurl_domains).toContain('github.com');
    expect(manifest.settings.org_deploy_enabled).toBe(false);
  });

  it('keeps within the manifest schema limits', () => {
    const info = manifest.display_information;
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    for (const command of manifest.features.slash_commands) {
      expect(command.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(command.url).toMatch(/^https:\/\/.+\/slack\/events$/);
      expect(command.usage_hint.length).toBeLessThanOrEqual(1000);
    }
    for (const shortcut of manifest.features.shortcuts) {
      expect(shortcut.name.length).toBeLessThanOrEqual(24);
      expect(shortcut.description.length).toBeLessThanOrEqual(150);
    }
    expect(manifest.features.unfurl_domains.length).toBeLessThanOrEqual(5);
  });
});
