import { CallboardError } from '../../core/errors.ts';

/** A failure in the asker's words, and whether asking again can help (only then does the reply say "try again"). */
export interface FailureDescription {
  message: string;
  /** True for transient failures only: Slack unreachable, rate limits, timeouts, a busy database. */
  retryable: boolean;
}

const fixed = (message: string): FailureDescription => ({ message, retryable: false });
const transient = (message: string): FailureDescription => ({ message, retryable: true });

/** What the person who asked should read when answering failed: the cause in their terms, and what to do. */
const PLATFORM_ERRORS: Record<string, FailureDescription> = {
  channel_not_found: fixed('Callboard cannot see this conversation. In a private channel, invite it first with `/invite @Callboard`.'),
  not_in_channel: fixed('Callboard is not a member of this channel. Invite it with `/invite @Callboard`, or ask with a slash command.'),
  is_archived: fixed('This channel is archived, so Callboard cannot post in it.'),
  ratelimited: transient('Slack is rate limiting Callboard right now.'),
  rate_limited: transient('Slack is rate limiting Callboard right now.'),
  msg_too_long: fixed('The answer was too long for Slack. Ask a narrower question (e.g. fewer `--depth` hops).'),
  invalid_blocks: fixed('Slack refused the answer as malformed. This is a Callboard bug: tell whoever runs Callboard; the details are in its logs.'),
  missing_scope: fixed('The Callboard app lacks a permission for this. Whoever runs Callboard should reinstall it from manifest.yml.'),
};

/** Callboard's own errors that pass with time: a catalog source that could not be reached. */
const TRANSIENT_CODES = new Set(['source_unavailable']);

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

const platformErrorOf = (error: unknown): string | undefined => {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
};

/** A listener failure in words for the asker; the full error goes to the log. */
export const describeFailure = (error: unknown): FailureDescription => {
  const originals = (error as { originals?: unknown[] } | undefined)?.originals;
  if (Array.isArray(originals) && originals.length > 0) return describeFailure(originals[0]);
  if (error instanceof CallboardError) return { message: error.message, retryable: TRANSIENT_CODES.has(error.code) };
  switch (codeOf(error)) {
    case 'slack_webapi_platform_error':
      return PLATFORM_ERRORS[platformErrorOf(error) ?? ''] ?? fixed(`Slack answered "${platformErrorOf(error) ?? 'an error'}".`);
    case 'slack_webapi_rate_limited_error':
      return PLATFORM_ERRORS.ratelimited!;
    case 'slack_webapi_request_error':
    case 'slack_webapi_http_error':
      return transient('Slack could not be reached or had a problem of its own.');
    case 'slack_bolt_respond_error':
      return fixed('Slack no longer accepts answers to that request (they expire after 30 minutes). Ask again.');
    default:
      return fixed('Something unexpected went wrong while answering. Tell whoever runs Callboard; the details are in its logs.');
  }
};
