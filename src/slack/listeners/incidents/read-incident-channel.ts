import type { AllMiddlewareArgs } from '@slack/bolt';

type WebClient = AllMiddlewareArgs['client'];

/** What the incident flow reads of a channel (conversations.info). */
export interface IncidentChannel {
  id: string;
  name: string;
  topic: string;
  purpose: string;
  isPrivate: boolean;
  isArchived: boolean;
  isMember: boolean;
}

export type ChannelRead = { ok: true; channel: IncidentChannel } | { ok: false; error: string };

/** The Web API error code of a failed call (`channel_not_found`, `missing_scope`), else the error's message. */
export const slackErrorCode = (error: unknown): string => {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : error instanceof Error ? error.message : String(error);
};

/** conversations.info: the name, topic and purpose, and whether Callboard is in it and may join it. */
export const readIncidentChannel = async (
  client: { conversations: Pick<WebClient['conversations'], 'info' | 'join'> },
  channelId: string,
): Promise<ChannelRead> => {
  try {
    const answer = await client.conversations.info({ channel: channelId });
    const channel = answer.channel ?? {};
    return {
      ok: true,
      channel: {
        id: channelId,
        name: channel.name ?? '',
        topic: channel.topic?.value ?? '',
        purpose: channel.purpose?.value ?? '',
        isPrivate: channel.is_private ?? false,
        isArchived: channel.is_archived ?? false,
        isMember: channel.is_member ?? false,
      },
    };
  } catch (error) {
    return { ok: false, error: slackErrorCode(error) };
  }
};

/** conversations.join (public channels only); undefined when Callboard is in, else Slack's error code. */
export const joinIncidentChannel = async (
  client: { conversations: Pick<WebClient['conversations'], 'info' | 'join'> },
  channelId: string,
): Promise<string | undefined> => {
  try {
    await client.conversations.join({ channel: channelId });
    return undefined;
  } catch (error) {
    return slackErrorCode(error);
  }
};
