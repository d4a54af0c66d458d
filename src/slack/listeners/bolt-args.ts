import type {
  AllMiddlewareArgs,
  BlockAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';

/**
 * What each listener reads of Bolt's arguments, picked from Bolt's own types: Bolt's full arguments
 * fit every one of these, so registration needs no cast, and a listener that reaches for a field
 * Bolt does not give fails to compile. Tests pass just the picked fields.
 */
type WebClient = AllMiddlewareArgs['client'];
type ActionMiddlewareArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export interface CommandArgs extends Pick<SlackCommandMiddlewareArgs, 'ack' | 'respond'> {
  command: Pick<SlackCommandMiddlewareArgs['command'], 'command' | 'text' | 'user_id'>;
}

export interface ActionArgs extends Pick<ActionMiddlewareArgs, 'ack' | 'action'> {
  /** Slack sends a response_url only when the element sits in a message; Home tab and modal clicks have none. */
  body: {
    user: Pick<BlockAction['user'], 'id'>;
    response_url?: BlockAction['response_url'];
    /** For views.open / views.push: answers to Home tab and modal clicks open or stack a modal. */
    trigger_id?: BlockAction['trigger_id'];
    /** The Home tab or modal the element sits in (absent for message elements). */
    view?: Pick<NonNullable<BlockAction['view']>, 'id' | 'type' | 'root_view_id' | 'previous_view_id'>;
  };
  /** Bolt always passes respond(), but it can only answer where there is a response_url. */
  respond?: ActionMiddlewareArgs['respond'];
  client: { chat: Pick<WebClient['chat'], 'postMessage'>; views: Pick<WebClient['views'], 'open' | 'push' | 'update' | 'publish'> };
}

/** Home tab buttons use the same arguments: their answers open modals or republish the tab. */
export type HomeActionArgs = ActionArgs;

export interface MessageShortcutArgs extends Pick<SlackShortcutMiddlewareArgs<MessageShortcut>, 'ack' | 'respond'> {
  shortcut: { user: Pick<MessageShortcut['user'], 'id'>; message: Pick<MessageShortcut['message'], 'text'> };
}

type EventOf<Type extends string> = SlackEventMiddlewareArgs<Type>['event'];

export interface MentionArgs {
  event: Pick<EventOf<'app_mention'>, 'user' | 'text' | 'channel' | 'ts' | 'thread_ts'>;
  context: Pick<AllMiddlewareArgs['context'], 'botUserId'>;
  /** conversations.*: `@Callboard context` reads (and joins) the channel it is asked in. */
  client: { chat: Pick<WebClient['chat'], 'postMessage' | 'postEphemeral'>; conversations: Pick<WebClient['conversations'], 'info' | 'join'> };
}

export interface HomeOpenedArgs {
  event: Pick<EventOf<'app_home_opened'>, 'user' | 'tab'>;
  client: { views: Pick<WebClient['views'], 'publish'> };
}

export interface LinkSharedArgs {
  event: Pick<EventOf<'link_shared'>, 'channel' | 'message_ts' | 'unfurl_id' | 'source'> & {
    links: Array<Pick<EventOf<'link_shared'>['links'][number], 'url'>>;
  };
  client: { chat: Pick<WebClient['chat'], 'unfurl'> };
}
