import { loadMessageTemplates } from '../../messages/message-templates.ts';
import { MESSAGE_NAMES, type MessageName } from './message-names.ts';

export { defaultMessagesDir } from '../../messages/message-templates.ts';

export interface MessageRenderer {
  /** A mrkdwn fragment for a Slack block. Every string in `data` is escaped first (`&`, `<`, `>`). */
  renderMessage(name: MessageName, data: Record<string, unknown>): string;
}

/**
 * Loads Callboard's run messages: the shipped ones in templates/messages/, each replaceable by a file named
 * in `scaffolder.messages.<name>` (absolute paths, as load-config resolves them). A missing, unreadable or broken
 * file, or a name Callboard does not send, fails here, at start-up, naming the config key.
 */
export const createMessageRenderer = (overrides: Readonly<Record<string, string>> = {}, options: { defaultsDir?: string } = {}): MessageRenderer => {
  const templates = loadMessageTemplates({ names: MESSAGE_NAMES, overrides, configKey: 'scaffolder.messages', ...options });
  return { renderMessage: (name, data) => templates.render(name, data) };
};
