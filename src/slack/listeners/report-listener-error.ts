import type { KnownBlock, ModalView } from '@slack/types';
import type { Logger } from 'pino';
import { messageModal } from '../views/message-modal.ts';
import { errorView } from '../views/not-found-view.ts';
import { describeFailure } from './describe-failure.ts';

export interface ListenerFailure {
  error: unknown;
  body: unknown;
  context?: { retryNum?: number; retryReason?: string };
}

interface ErrorClient {
  chat: { postEphemeral: (args: { channel: string; user: string; thread_ts?: string; text: string; blocks: KnownBlock[] }) => Promise<unknown> };
  views: { open: (args: { trigger_id: string; view: ModalView }) => Promise<unknown> };
}

type Body = Record<string, unknown> & {
  event?: Record<string, unknown>;
  user?: { id?: string };
  actions?: Array<{ action_id?: string }>;
  view?: { type?: string };
};

/** The request in one log line's worth of fields: enough to find it, no message text. */
const requestFields = (body: Body, context: ListenerFailure['context']) => ({
  type: body.type ?? (body.command ? 'slash_command' : undefined),
  command: body.command,
  actionId: body.actions?.[0]?.action_id,
  callbackId: body.callback_id,
  eventType: body.event?.type,
  eventId: body.event_id,
  user: body.user_id ?? body.user?.id ?? body.event?.user,
  channel: body.channel_id ?? body.event?.channel,
  team: body.team_id,
  retryNum: context?.retryNum,
});

const postJson = async (url: string, payload: unknown): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
};

/**
 * The Slack adapter's one error handler (Bolt's `app.error`): logs with context, then tells the
 * asker in words — through the response_url when there is one, in a modal for a Home tab or modal
 * click, else ephemerally where they mentioned the app. It never throws, so a failed answer cannot
 * take the process down.
 */
export const reportListenerError =
  (log: Logger, client: ErrorClient) =>
  async ({ error, body, context }: ListenerFailure): Promise<void> => {
    const request = body && typeof body === 'object' ? (body as Body) : {};
    const fields = requestFields(request, context);
    log.error({ err: error, ...fields }, 'Slack listener failed');
    const failure = describeFailure(error);
    const message = errorView(failure.message, { retryable: failure.retryable });
    try {
      if (typeof request.response_url === 'string') {
        await postJson(request.response_url, { ...message, replace_original: false });
      } else if (typeof request.trigger_id === 'string' && request.view !== undefined) {
        // A Home tab or modal click has no response_url: the failure opens a modal, if the trigger (3 s) still lives.
        await client.views.open({ trigger_id: request.trigger_id, view: messageModal(message) });
      } else if (request.event?.type === 'app_mention' && typeof fields.channel === 'string' && typeof fields.user === 'string') {
        const thread = (request.event.thread_ts ?? request.event.ts) as string | undefined;
        await client.chat.postEphemeral({
          channel: fields.channel,
          user: fields.user,
          ...(thread ? { thread_ts: thread } : {}),
          text: message.text,
          blocks: message.blocks,
        });
      }
    } catch (notified) {
      log.warn({ err: notified, ...fields }, 'could not tell the asker about the failure');
    }
  };
