/**
 * Safe mrkdwn from untrusted text. Slack parses `<…>` as links, mentions and broadcasts
 * (`<!channel>`, `<@U123>`), so every catalog or user string goes through {@link escapeMrkdwn}
 * before it reaches a mrkdwn text object; only this module writes raw control sequences.
 */

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Escapes exactly the three characters Slack asks for; nothing else is HTML-encoded. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Shortens text to at most `max` UTF-16 units (how the limits are counted), ending in "…".
 * Cuts between graphemes, so emoji, combining marks and RTL text survive, and never leaves half
 * an `&amp;`-style escape behind.
 */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const budget = max - ELLIPSIS.length;
  let kept = '';
  // Only the head can survive, so segmenting a little more than the budget is enough.
  for (const { segment } of segmenter.segment(text.slice(0, budget + 16))) {
    if (kept.length + segment.length > budget) break;
    kept += segment;
  }
  return `${kept.replace(/&(?:a|am|amp|l|lt|g|gt)?$/, '')}${ELLIPSIS}`;
};

/**
 * {@link truncate} for text that already holds control sequences: a cut inside `<url|label>`
 * would leave an unclosed `<`, so the partial sequence goes too.
 */
export const truncateMrkdwn = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = truncate(text, max).slice(0, -ELLIPSIS.length);
  const open = cut.lastIndexOf('<');
  const safe = open > cut.lastIndexOf('>') ? cut.slice(0, open) : cut;
  return `${safe}${ELLIPSIS}`;
};

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Longer URLs are almost surely junk and would eat a text object's 3,000 characters. */
const MAX_URL_LENGTH = 2000;

/**
 * The normalised URL, or undefined when it is not an http(s) or mailto URL. `|`, `<` and `>` are
 * percent-encoded because inside `<…>` they would end the URL early.
 */
export const safeUrl = (url: string): string | undefined => {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (!LINK_PROTOCOLS.has(parsed.protocol)) return undefined;
  const href = parsed.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return href.length <= MAX_URL_LENGTH ? href : undefined;
};

/** A mrkdwn link with an escaped label; an unsafe URL leaves just the label (never a raw URL). */
export const link = (url: string, label: string): string => {
  // `&` in a link target is escaped like anywhere else in mrkdwn, as Slack itself sends links.
  const href = safeUrl(url)?.replace(/&/g, '&amp;');
  const text = escapeMrkdwn(label.trim());
  if (!href) return text.length > 0 ? text : escapeMrkdwn(url);
  return text.length > 0 ? `<${href}|${text}>` : `<${href}>`;
};

/** Slack user ids (U…, W… on Enterprise Grid); anything else is not a mention we write. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** `<@U123>` for a real Slack user id; any other string is shown escaped, never as a ping. */
export const mention = (slackUserId: string): string => (SLACK_USER_ID.test(slackUserId) ? `<@${slackUserId}>` : escapeMrkdwn(slackUserId));

/** Slack channel ids (C… public, G… private). */
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/** `<#C123>` for a channel id; anything else is shown escaped, as `#text`. */
export const channelMention = (channelId: string): string => {
  const trimmed = channelId.trim().replace(/^#/, '');
  return SLACK_CHANNEL_ID.test(trimmed) ? `<#${trimmed}>` : `#${escapeMrkdwn(trimmed)}`;
};

/** Slack user group ids (S…). */
const SLACK_USERGROUP_ID = /^S[A-Z0-9]{2,}$/;

/** `<!subteam^S123>` for a real user group id; undefined for anything else, which is never written as a mention. */
export const usergroupMention = (usergroupId: string): string | undefined => {
  const trimmed = usergroupId.trim();
  return SLACK_USERGROUP_ID.test(trimmed) ? `<!subteam^${trimmed}>` : undefined;
};

/** Slack's `<!date>` token: shown in each reader's time zone, with the ISO text as fallback. */
export const slackDate = (iso: string): string => {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) return escapeMrkdwn(iso);
  return `<!date^${Math.floor(millis / 1000)}^{date_short_pretty} at {time}|${escapeMrkdwn(iso)}>`;
};
