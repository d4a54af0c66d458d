import { SUBSCRIPTION_WORDS, type PostTypeName } from '../../schedule/posts/post-type-names.ts';
import { parseQuietHours, type QuietHours } from '../../schedule/quiet-hours.ts';

/** `/callboard subscribe | unsubscribe | schedules`, parsed; undefined for every other command. */
export type ScheduleCommand =
  | { kind: 'subscribe'; post: PostTypeName; word: string; team?: string; quiet?: QuietHours }
  | { kind: 'unsubscribe'; post: PostTypeName; word: string; team?: string }
  | { kind: 'schedules' }
  | { kind: 'usage'; message: string };

const WORDS = Object.keys(SUBSCRIPTION_WORDS).join('|');
const SUBSCRIBE_USAGE = `Usage: \`/callboard subscribe ${WORDS} [team] [quiet 20:00-08:00]\` in the channel to post to.`;
const UNSUBSCRIBE_USAGE = `Usage: \`/callboard unsubscribe ${WORDS} [team]\` in the channel that subscribed.`;

const usage = (message: string): ScheduleCommand => ({ kind: 'usage', message });

export const parseScheduleCommand = (command: string, text: string): ScheduleCommand | undefined => {
  if (command !== '/callboard') return undefined;
  const [sub, ...words] = text.trim().split(/\s+/).filter(Boolean);
  const verb = sub?.toLowerCase();
  if (verb === 'schedules') return words.length === 0 ? { kind: 'schedules' } : usage('Usage: `/callboard schedules` lists every scheduled post.');
  if (verb !== 'subscribe' && verb !== 'unsubscribe') return undefined;
  const help = verb === 'subscribe' ? SUBSCRIBE_USAGE : UNSUBSCRIBE_USAGE;
  const [word, ...rest] = words;
  const post = word ? SUBSCRIPTION_WORDS[word.toLowerCase()] : undefined;
  if (!word || !post) return usage(word ? `\`${word}\` is not something to subscribe to. ${help}` : help);
  const quietAt = rest.findIndex((part) => part.toLowerCase() === 'quiet');
  const teamWords = quietAt === -1 ? rest : rest.slice(0, quietAt);
  if (teamWords.length > 1) return usage(`Name one team. ${help}`);
  const team = teamWords[0];
  if (verb === 'unsubscribe') return quietAt === -1 ? { kind: 'unsubscribe', post, word, ...(team ? { team } : {}) } : usage(help);
  if (quietAt === -1) return { kind: 'subscribe', post, word, ...(team ? { team } : {}) };
  const window = rest.slice(quietAt + 1);
  const quiet = window.length === 1 ? parseQuietHours(window[0]!) : undefined;
  if (!quiet) return usage(`Quiet hours are two times such as \`quiet 20:00-08:00\` (24-hour clock, in your time zone). ${help}`);
  return { kind: 'subscribe', post, word, ...(team ? { team } : {}), quiet };
};
