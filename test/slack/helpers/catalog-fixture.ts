import pino from 'pino';
import { openCatalogRuntime, type CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { buildSlackDeps, type SlackDeps, type SlackSettings } from '../../../src/slack/slack-deps.ts';
import type { SlackChannel, SlackChannelApi } from '../../../src/slack/slack-channel-api.ts';
import type { SlackUserApi } from '../../../src/slack/slack-user-api.ts';
import { exampleConfig } from '../../helpers/run-cli.ts';

/** Slack people of the example org: ids the tests use, emails that match catalog Users. */
export const People = {
  marcus: { id: 'U0MARCUS', email: 'marcus.oyelaran@acme.example' },
  sofia: { id: 'U0SOFIA', email: 'sofia.marquez@acme.example' },
  stranger: { id: 'U0STRANGER', email: 'stranger@elsewhere.example' },
} as const;

export const silentLog = pino({ level: 'silent' });

/** The example org synced into a fresh database; the caller closes it. */
export const openExampleCatalog = async (): Promise<CatalogRuntime> => {
  const runtime = openCatalogRuntime(loadConfig({ file: exampleConfig(), env: {} }));
  await runtime.sync.syncAll();
  return runtime;
};

/** A Slack directory in memory: who has which email. Records the calls it answers. */
export const memoryUsers = (people: ReadonlyArray<{ id: string; email: string }> = Object.values(People)) => {
  const calls: string[] = [];
  const api: SlackUserApi = {
    emailOf: async (id) => (calls.push(`users.info ${id}`), people.find((person) => person.id === id)?.email),
    userIdByEmail: async (email) => (calls.push(`users.lookupByEmail ${email}`), people.find((person) => person.email === email)?.id),
  };
  return { api, calls };
};

/** Public channels of a workspace in memory, served in pages of `pageSize` like conversations.list. Records the cursors asked for. */
export const memoryChannels = (channels: ReadonlyArray<SlackChannel> = ExampleChannels, pageSize = 2) => {
  const calls: string[] = [];
  const api: SlackChannelApi = {
    publicChannels: async (cursor) => {
      calls.push(`conversations.list ${cursor ?? ''}`.trim());
      const start = cursor ? Number(cursor) : 0;
      const next = start + pageSize < channels.length ? String(start + pageSize) : undefined;
      return { channels: channels.slice(start, start + pageSize), ...(next ? { nextCursor: next } : {}) };
    },
  };
  return { api, calls };
};

/** Channels the example org's groups name (`slack.com/channel-name`), with made-up ids. */
export const ExampleChannels: ReadonlyArray<SlackChannel> = [
  { id: 'C0CHECKOUT', name: 'team-checkout' },
  { id: 'C0PAYMENTS', name: 'team-payments' },
  { id: 'C0COMMERCE', name: 'dept-commerce' },
  { id: 'C0GENERAL', name: 'general' },
];

export const slackDepsFor = (
  runtime: CatalogRuntime,
  settings: Partial<SlackSettings> = {},
  users: SlackUserApi = memoryUsers().api,
  channels?: SlackChannelApi,
): SlackDeps => buildSlackDeps({ store: runtime.store, sync: runtime.sync, settings: { syncAllowed: [], ...settings }, log: silentLog }, users, channels);
