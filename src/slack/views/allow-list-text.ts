import { escapeMrkdwn, truncate } from '../mrkdwn.ts';

const MAX_NAMED = 5;

/**
 * Who a callboard.yaml list of people names, for a refusal that says who can: "`group:platform-team`,
 * `ada@acme.example` (`slack.admins`)", or that nobody is set yet under that key. Escaped mrkdwn.
 */
export const allowListText = (entries: readonly string[], key: string): string => {
  if (entries.length === 0) return `none are set yet (\`${key}\` in callboard.yaml)`;
  if (entries.includes('*')) return `everyone may (\`${key}\`)`;
  const named = entries.slice(0, MAX_NAMED).map((entry) => `\`${escapeMrkdwn(truncate(entry, 100))}\``);
  const more = entries.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''} (\`${key}\`)`;
};
