import { cleanSlackText } from './clean-slack-text.ts';

/** At most this many words are looked up: a long message is scanned, not every token of a log paste. */
const MAX_CANDIDATES = 200;
const MAX_URLS = 10;

/** Entity names (`checkout-service`), partial and full refs (`component:default/x`); short common words are skipped. */
const NAME_TOKEN = /(?:[a-z][a-z0-9-]*:)?(?:[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*[a-z0-9]/gi;

const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'that',
  'this',
  'what',
  'who',
  'owns',
  'does',
  'from',
  'into',
  'have',
  'has',
  'are',
  'was',
  'not',
  'but',
  'you',
  'can',
  'our',
  'its',
  'out',
  'http',
  'https',
  'www',
  'com',
]);

/** Links in a message, as Slack sends them (`<https://…|label>`) or typed bare. */
export const findUrls = (rawText: string): string[] => {
  const urls = [...rawText.matchAll(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>|(?<![<|])\b(https?:\/\/[^\s<>|]+)/g)].map(
    (match) => match[1] ?? match[2]!.replace(/[.,;:!?)]+$/, ''),
  );
  return [...new Set(urls)].slice(0, MAX_URLS);
};

/**
 * Words in a message that could name catalog entities, lower-cased, de-duplicated, in order of
 * appearance. Which of them really are entities is for the catalog to say.
 */
export const findCandidateNames = (rawText: string): string[] => {
  // Links are looked up by findUrls; mentions of people, channels and broadcasts name no entity.
  const withoutLinks = rawText.replace(/<(?:https?:\/\/|[@#!])[^>]*>/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  const text = cleanSlackText(withoutLinks);
  const names = new Set<string>();
  for (const [token] of text.matchAll(NAME_TOKEN)) {
    const name = token.toLowerCase();
    if (name.length < 3 || STOP_WORDS.has(name) || /^\d+$/.test(name)) continue;
    names.add(name);
    if (names.size >= MAX_CANDIDATES) break;
  }
  return [...names];
};
