import type { PostedMessage } from './job-ledger.ts';
import type { ScheduledMessage } from './posts/post-type.ts';

/** The Slack message metadata a scheduled post carries: which schedule and which slot it is. */
export interface ScheduledPostMetadata {
  event_type: string;
  event_payload: { schedule: string; slot: string };
}

/**
 * What scheduled posts need from Slack. A port: the scheduler is tested against the strict Slack fake through the
 * real adapter (src/slack/slack-schedule-api.ts), and its logic without any Slack at all.
 */
export interface SchedulePostApi {
  /** A channel id for a channel id or a name (`#payments`); undefined when Slack knows no such channel. */
  resolveChannel(nameOrId: string): Promise<string | undefined>;
  /** chat.postMessage with the metadata; throws Slack's error (its `data.error` is the code) when refused. */
  post(channel: string, message: ScheduledMessage, metadata: ScheduledPostMetadata): Promise<PostedMessage>;
  /** The channel's message between `oldest` and `latest` whose metadata is this one, if Slack has it. */
  findPosted(channel: string, window: { oldest: Date; latest: Date }, metadata: ScheduledPostMetadata): Promise<PostedMessage | undefined>;
}

/** The code of a Slack Web API error (`not_in_channel`), if the error is one. */
export const slackErrorCode = (error: unknown): string | undefined => {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
};

/**
 * A post whose answer never came back (a timeout, a dropped connection, a 5xx): Slack may or may not have posted it,
 * so it is looked for by its metadata before it is posted again.
 */
export class PostAnswerLost extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Slack's answer to the post was lost (${reason})`, options);
    this.name = 'PostAnswerLost';
  }
}
