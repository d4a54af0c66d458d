import { z } from 'zod';
import { isCronExpression, isKnownTimeZone } from './field-checks.ts';
import { postMessagesSchema, schedulesSchema } from './schedules-schema.ts';

const globList = z.array(z.string().min(1)).min(1);
const defaultCatalogPatterns = ['**/catalog-info.yaml'];
export const defaultAllowedUrlHosts = ['github.com', 'raw.githubusercontent.com'];

const isValidRegex = (value: string): boolean => {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
};

const dirSourceSchema = z
  .object({
    type: z.literal('dir'),
    id: z.string().min(1).optional(),
    path: z.string().min(1),
    patterns: globList.default(defaultCatalogPatterns),
  })
  .strict();

const gitSourceSchema = z
  .object({
    type: z.literal('git'),
    id: z.string().min(1).optional(),
    url: z.string().min(1),
    branch: z.string().min(1).optional(),
    patterns: globList.default(defaultCatalogPatterns),
    paths: z.array(z.string().min(1)).optional(),
  })
  .strict();

const githubSourceSchema = z
  .object({
    type: z.literal('github'),
    id: z.string().min(1).optional(),
    org: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub organisation login'),
    catalogPath: z.string().min(1).default('/catalog-info.yaml'),
    repoFilter: z.string().refine(isValidRegex, 'a valid JavaScript regular expression').optional(),
  })
  .strict();

export const sourceConfigSchema = z.discriminatedUnion('type', [dirSourceSchema, gitSourceSchema, githubSourceSchema]);

const cronExpression = z.string().refine(isCronExpression, 'a cron expression of 5 or 6 fields such as "*/10 * * * *"');

/** Settings of one scheduled job (`jobs.<name>`); each job has its own defaults, these override them. */
const jobSettingsSchema = z
  .object({
    schedule: cronExpression.optional(),
    // Time zone the schedule is read in; default the process's own (TZ).
    timezone: z.string().refine(isKnownTimeZone, 'an IANA time zone name such as "Europe/Berlin" or "UTC"').optional(),
    // What happens to slots missed while Callboard was down: run the latest one once, or skip them.
    missed: z.enum(['catch-up', 'skip']).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

const httpSchema = z
  .object({
    // Where the one HTTP server listens (health, Slack events in HTTP mode, webhooks, docs). Loopback by default:
    // put a reverse proxy in front, or set 0.0.0.0 to listen on every interface.
    host: z.string().min(1).default('127.0.0.1'),
    // PORT in the environment wins.
    port: z.number().int().min(0).max(65535).default(3000),
    // The address people reach Callboard at (behind a proxy, the proxy's); links Callboard posts use it.
    // Absent: http://<host>:<port>.
    publicUrl: z.url({ protocol: /^https?$/ }).optional(),
    // Sign-in for the docs site. Required when host is not a loopback address: docs are internal. Exactly one.
    auth: z
      .object({
        // "Sign in with Slack" (OpenID Connect). The client secret comes from SLACK_CLIENT_SECRET, never from here.
        slack: z
          .object({ clientId: z.string().min(1), teamId: z.string().regex(/^T[A-Z0-9]+$/, 'a Slack team id such as "T0123ABCD"') })
          .strict()
          .optional(),
        // A header set by an authenticating reverse proxy, trusted only from the listed addresses (CIDR ranges).
        trustedHeader: z
          .object({ name: z.string().regex(/^[A-Za-z0-9-]+$/, 'an HTTP header name such as "X-Forwarded-User"'), proxies: z.array(z.string().min(1)).min(1) })
          .strict()
          .optional(),
      })
      .strict()
      .refine((auth) => !(auth.slack && auth.trustedHeader), 'set either slack or trustedHeader, not both')
      .optional(),
  })
  .strict();

const docsSchema = z
  .object({
    // A Markdown page larger than this fails its site's build (a problem on the entity; the last good build stays served).
    maxPageBytes: z
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
  })
  .strict();

const incidentsSchema = z
  .object({
    // Regular expressions on channel names: a channel created or renamed to match gets a context card per entity it names.
    channelPatterns: z.array(z.string().min(1).refine(isValidRegex, 'a valid JavaScript regular expression')).default([]),
    // How far the blast radius (dependencies and dependents) reaches.
    blastRadiusDepth: z.number().int().min(1).max(5).default(2),
  })
  .strict();

const slackSchema = z
  .object({
    // Who may start a sync from Slack: user emails and group refs (`group:platform-team`); "*" is everyone.
    syncAllowed: z.array(z.string().min(1)).default([]),
    // Where Callboard's pages live; links under it unfurl as entity cards.
    callboardUrl: z.url({ protocol: /^https?$/ }).optional(),
    // The PagerDuty account's web address (https://<subdomain>.pagerduty.com): the On-call button opens the
    // service page of an entity's `pagerduty.com/service-id` there. Absent: no On-call button.
    pagerdutyUrl: z.url({ protocol: /^https$/ }).optional(),
    // Callboard admins: user emails and group refs, as in syncAllowed. They may list every team's problems
    // (`/callboard errors all`), those no team owns included. Absent or empty: nobody.
    admins: z.array(z.string().min(1)).optional(),
    // Link unfurls. A link to an entity's repository root, catalog file or docs shows its card; any other link
    // into a catalogued repository (pull request, commit, issue, file) shows one context line naming the entity
    // and its team ("context", the default), or nothing ("none") when the GitHub app's preview should stand alone.
    unfurl: z
      .object({ otherLinks: z.enum(['context', 'none']).default('context') })
      .strict()
      .optional(),
  })
  .strict();

const scaffolderSchema = z
  .object({
    // Load the golden paths shipped in templates/ as a built-in catalog source (`builtin:templates`).
    builtinTemplates: z.boolean().default(true),
    // Where runs get their workspace, and where the local Git host keeps bare repositories when GITHUB_TOKEN
    // is not set (data/repos/<owner>/<repo>.git). Relative to the database's folder.
    workspaceDir: z.string().min(1).default('workspaces'),
    localGitHost: z.string().min(1).default('repos'),
    // A failed run's workspace is kept this long for Retry, then removed.
    keepFailedWorkspacesHours: z.number().min(0).default(24),
    // Callboard's own messages (run progress, results, approvals) are handlebars files in templates/messages/;
    // an entry here replaces one by name with a file of your own (relative to this config file).
    messages: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a message name such as "run-progress"'), z.string().min(1)).default({}),
  })
  .strict();

const onCallSchema = z
  .object({
    // How long a Slack answer waits for who is on call (PagerDuty, rotations, the Slack ids of the people) before
    // saying "on-call unavailable: no answer within N s". Cards, App Home and /oncall share it; the rest of a card
    // never waits longer. Slack replies go through response_url after the ack, so 2.5 s keeps answers prompt.
    timeoutMs: z.number().int().min(100).max(10_000).default(2500),
    pagerduty: z
      .object({
        // How long PagerDuty's answers (services, escalation policies, on-calls) are reused. The token comes from
        // PAGERDUTY_TOKEN and the API's address from PAGERDUTY_API_URL (default the public API), never from here.
        cacheSeconds: z.number().int().min(0).max(3600).default(60),
      })
      .strict()
      .default({ cacheSeconds: 60 }),
  })
  .strict();

export const configFileSchema = z
  .object({
    database: z
      .object({ path: z.string().min(1).default('data/callboard.db') })
      .strict()
      .default({ path: 'data/callboard.db' }),
    catalog: z
      .object({
        // When sync passes run (the `catalog-sync` job; `jobs.catalog-sync` may also set its time zone).
        schedule: cronExpression.default('*/10 * * * *'),
        sources: z.array(sourceConfigSchema).default([]),
        // Hosts that `$text`/`$json`/`$yaml` URLs may be fetched from. Catalog authors choose those URLs, so an
        // open default would let any catalog file make Callboard read internal addresses (like Backstage's reading.allow).
        allowedUrlHosts: z.array(z.string().min(1)).default(defaultAllowedUrlHosts),
        // Plain YAML is read by a fast scanner and checked against the full parser's rules (docs/decisions/);
        // false reads every file with the full parser only.
        yamlFastPath: z.boolean().default(true),
      })
      .strict(),
    slack: slackSchema.default({ syncAllowed: [] }),
    http: httpSchema.default({ host: '127.0.0.1', port: 3000 }),
    scaffolder: scaffolderSchema.default({
      builtinTemplates: true,
      workspaceDir: 'workspaces',
      localGitHost: 'repos',
      keepFailedWorkspacesHours: 24,
      messages: {},
    }),
    jobs: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a job name such as "catalog-sync"'), jobSettingsSchema).default({}),
    // Who is on call: `/oncall`, the on-call line of /owner cards and App Home, `callboard oncall`.
    oncall: onCallSchema.default({ timeoutMs: 2500, pagerduty: { cacheSeconds: 60 } }),
    // Posts made on a schedule, once per slot (src/config/schedules-schema.ts), and replacements for their messages.
    schedules: schedulesSchema.default([]),
    postMessages: postMessagesSchema.default({}),
    // TechDocs rendering (docs next to the code, served at /docs).
    docs: docsSchema.default({ maxPageBytes: 5 * 1024 * 1024 }),
    // Incident channels: context cards with owner, on-call, docs and blast radius.
    incidents: incidentsSchema.default({ channelPatterns: [], blastRadiusDepth: 2 }),
  })
  .strict();

export type ConfigFile = z.output<typeof configFileSchema>;
export type SourceConfigInput = z.output<typeof sourceConfigSchema>;
export type JobSettings = z.output<typeof jobSettingsSchema>;
