import { SlashCommands } from '../ids.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

/** How each command is used, shared by the help view and the usage hints for bad input. Raw text: `<name>` is escaped when rendered. */
export interface CommandUsage {
  command: string;
  summary: string;
  usage: string[];
  examples: string[];
}

export const commandUsages: readonly CommandUsage[] = [
  {
    command: SlashCommands.owner,
    summary: 'Who owns an entity, how to reach them, and its links; for a team or a person, their card.',
    usage: ['/owner <name, title, ref or repository URL>'],
    examples: ['/owner checkout-service', '/owner Checkout Service', '/owner https://github.com/acme/checkout-service', '/owner checkout-team'],
  },
  {
    command: SlashCommands.deps,
    summary: 'What an entity depends on; with `--reverse`, what depends on it (its blast radius).',
    usage: ['/deps <name or ref> [--reverse] [--depth N]   (N from 1 to 20)'],
    examples: ['/deps storefront-web --depth 3', '/deps orders-db --reverse'],
  },
  {
    command: SlashCommands.find,
    summary: 'Search the catalog by name, title, description, tags and owner.',
    usage: ['/find <words>'],
    examples: ['/find payments', '/find kotlin checkout'],
  },
  {
    command: SlashCommands.oncall,
    summary:
      'Who is on call for a service or a team, now and next at every escalation level, with shift ends in your time zone, from PagerDuty or a built-in rotation; `at` asks about another time.',
    usage: ['/oncall <name, title or ref> [at <ISO 8601 time>]   (UTC unless the time carries an offset)'],
    examples: ['/oncall payments-api', '/oncall payments-team at 2026-12-07T09:00Z', '/oncall checkout-service at 2026-12-24 18:00+01:00'],
  },
  {
    command: SlashCommands.scorecard,
    summary:
      'Scorecard levels: for a service its rules by level, what the next level needs and how to fix each; for a team its services ranked; for a scorecard how many services sit at each level.',
    usage: ['/scorecard <name, team or scorecard>'],
    examples: ['/scorecard payments-api', '/scorecard payments-team', '/scorecard production-readiness'],
  },
  {
    command: SlashCommands.docs,
    summary:
      "An entity's docs, rendered by Callboard: the site's home and, with words, the best matching sections with a snippet each, linked to the heading. Alone, your teams' documented services.",
    usage: ['/docs <name, title or ref> [words]', '/docs   (your teams)'],
    examples: ['/docs payments-api', '/docs payments-api provider outage', '/docs'],
  },
  {
    command: SlashCommands.create,
    summary: 'A new repository from a software template: pick one, fill in its form, check the review, and follow the run; it is in the catalog when done.',
    usage: ['/create [words]   (templates you may run, filtered by the words)'],
    examples: ['/create', '/create typescript service'],
  },
  {
    command: SlashCommands.callboard,
    summary:
      "Every question above as a subcommand (for workspaces where /owner, /deps or /find belong to another app), on-call and docs, and catalog housekeeping: your teams' catalog problems (every team's, for Callboard admins, with `all`).",
    usage: [
      '/callboard owner|deps|find <…>   (as /owner, /deps, /find)',
      '/callboard oncall <name> [at <time>]   (as /oncall)',
      '/callboard docs [<name> [words]]   (as /docs)',
      '/callboard scorecard <name>   (as /scorecard)',
      '/callboard help',
      '/callboard errors [team | all]',
      '/callboard sync',
      '/callboard whoami',
      '/callboard create [words]   (as /create)',
      '/callboard runs',
      '/callboard register <repository or catalog file URL>   (Callboard admins)',
    ],
    examples: ['/callboard owner checkout-service', '/callboard oncall payments api', '/callboard errors checkout-team', '/callboard whoami'],
  },
];

/** Ways to ask that are not slash commands. */
export const otherWays: readonly string[] = [
  '*Mention the app*: `@callboard who owns checkout-service?` or `@callboard what depends on orders-db?`',
  '*Message shortcut*: on any message choose *More actions → Find owner* to look up the services it names.',
  '*App Home*: your teams, what they own and their catalog problems.',
];

export const usageFor = (command: string): CommandUsage | undefined => commandUsages.find((usage) => usage.command === command.trim().toLowerCase());

/** `/deps <name> …` lines and examples as mrkdwn, for help and usage replies. */
export const usageText = (usage: CommandUsage): string =>
  [
    `*${usage.command}*  ${usage.summary}`,
    ...usage.usage.map((line) => `\`${escapeMrkdwn(line)}\``),
    `Examples: ${usage.examples.map((example) => `\`${escapeMrkdwn(example)}\``).join('  ·  ')}`,
  ].join('\n');
