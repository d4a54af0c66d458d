import { cleanSlackText } from './clean-slack-text.ts';

/**
 * `@Callboard context [<entity>]`: the words after `context` (empty: the channel's own name, topic and purpose
 * say what the incident is about), or undefined when the mention asks something else.
 */
export const parseContextMention = (rawText: string, botUserId?: string): { words: string } | undefined => {
  const withoutBot = botUserId ? rawText.split(`<@${botUserId}>`).join(' ') : rawText.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  const match = /^[\s,:]*context\b[\s,:]*([\s\S]*)$/i.exec(cleanSlackText(withoutBot));
  return match ? { words: (match[1] ?? '').trim().slice(0, 300) } : undefined;
};
