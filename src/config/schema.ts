import cron from 'node-cron';
import { z } from 'zod';

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

const slackSchema = z
  .object({
    // Who may start a sync from Slack: user emails and group refs (`group:platform-team`); "*" is everyone.
    syncAllowed: z.array(z.string().min(1)).default([]),
    // Where Callboard's pages live; links under it unfurl as entity cards.
    callboardUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export const configFileSchema = z
  .object({
    database: z.object({ path: z.string().min(1).default('data/callboard.db') }).strict().default({ path: 'data/callboard.db' }),
    catalog: z
      .object({
        schedule: z
          .string()
          .refine((expr) => cron.validate(expr), 'a cron expression such as "*/10 * * * *"')
          .default('*/10 * * * *'),
        sources: z.array(sourceConfigSchema).default([]),
        // Hosts that `$text`/`$json`/`$yaml` URLs may be fetched from. Catalog authors choose those URLs, so an
        // open default would let any catalog file make Callboard read internal addresses (like Backstage's reading.allow).
        allowedUrlHosts: z.array(z.string().min(1)).default(defaultAllowedUrlHosts),
      })
      .strict(),
    slack: slackSchema.default({ syncAllowed: [] }),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;
export type SourceConfigInput = z.infer<typeof sourceConfigSchema>;
