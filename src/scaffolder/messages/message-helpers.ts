import type { HelperDelegate } from 'handlebars';

/**
 * Helpers a message template may use. Data reaches templates already escaped for mrkdwn (message-data.ts), so
 * helpers only add the few control sequences Callboard itself vouches for: a user mention and a link.
 */

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const WEB_URL = /^https?:\/\/[^\s|<>]+$/;

/** `850 ms`, `4.2 s`, `3 min 5 s`. */
export const formatDuration = (ms: unknown): string => {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
};

const STATUS_WORDS: Record<string, string> = {
  'awaiting-approval': 'waiting for approval',
  denied: 'denied',
  running: 'running',
  succeeded: 'done',
  failed: 'failed',
  pending: 'pending',
  done: 'done',
  skipped: 'skipped',
};

/** Handlebars passes its options object last; these helpers never use it. */
const args = (values: unknown[]): unknown[] => values.slice(0, -1);

export const messageHelpers: Record<string, HelperDelegate> = {
  duration: (ms: unknown) => formatDuration(ms),
  status: (status: unknown) => STATUS_WORDS[String(status)] ?? String(status),
  eq: (...values: unknown[]) => {
    const [a, b] = args(values);
    return a === b;
  },
  join: (...values: unknown[]) => {
    const [list, separator] = args(values);
    return Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : '';
  },
  /** `<@U123>` for a Slack user id; anything else is shown as the (escaped) text it is. */
  mention: (...values: unknown[]) => {
    const [id] = args(values);
    return typeof id === 'string' && SLACK_USER_ID.test(id) ? `<@${id}>` : String(id ?? '');
  },
  /** `<url|title>` for an http(s) URL; other URLs are shown as text, never as a link Slack would follow. */
  link: (...values: unknown[]) => {
    const [url, title] = args(values);
    const label = typeof title === 'string' && title !== '' ? title.replace(/\|/g, '¦') : undefined;
    if (typeof url !== 'string' || !WEB_URL.test(url)) return label ?? String(url ?? '');
    return label ? `<${url}|${label}>` : `<${url}>`;
  },
  /** Inline code; a backtick inside would end it early, so it becomes a similar-looking quote. */
  code: (...values: unknown[]) => {
    const [text] = args(values);
    return `\`${String(text ?? '').replace(/`/g, 'ˋ')}\``;
  },
};
