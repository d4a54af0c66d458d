import { CallboardError } from '../../core/errors.ts';

/** What the person who asked should read when answering failed: the cause in their terms, and what to do. */
const PLATFORM_ERRORS: Record<string, string> = {
  channel_not_found: 'Callboard cannot see this conversation. In a private channel, invite it first with `/invite @Callboard`.',
  not_in_channel: 'Callboard is not a member of this channel. Invite it with `/invite @Callboard`, or ask with a slash command.',
  is_archived: 'This channel is archived, so Callboard cannot post in it.',
  ratelimited: 'Slack is rate limiting Callboard right now. Try again in a minute.',
  rate_limited: 'Slack is rate limiting Callboard right now. Try again in a minute.',
  msg_too_long: 'The answer was too long for Slack. Ask a narrower question (e.g. fewer `--depth` hops).',
  invalid_blocks: 'Slack refused the answer as malformed. This is a Callboard bug; the details are in its logs.',
  missing_scope: 'The Callboard app lacks a permission for this. Reinstall it from manifest.yml.',
};

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

const platformErrorOf = (error: unknown): string | undefined => {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
};

/** A listener failure in words for the asker; the full error goes to the log. */
export const describeFailure = (error: unknown): string => {
  const originals = (error as { originals?: unknown[] } | undefined)?.originals;
  if (Array.isArray(originals) && originals.length > 0) return describeFailure(originals[0]);
  if (error instanceof CallboardError) return error.message;
  switch (codeOf(error)) {
    case 'slack_webapi_platform_error':
      return PLATFORM_ERRORS[platformErrorOf(error) ?? ''] ?? `Slack answered "${platformErrorOf(error) ?? 'an error'}".`;
    case 'slack_webapi_rate_limited_error':
      return PLATFORM_ERRORS.ratelimited!;
    case 'slack_webapi_request_error':
    case 'slack_webapi_http_error':
      return 'Slack could not be reached or had a problem of its own. Try again in a moment.';
    case 'slack_bolt_respond_error':
      return 'Slack no longer accepts answers to that request (they expire after 30 minutes). Ask again.';
    default:
      return 'Something unexpected went wrong while answering.';
  }
};
