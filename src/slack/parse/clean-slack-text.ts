/**
 * Slack text as people type it, made plain: `<url|label>` links become their label (or URL),
 * `<@U…>`/`<#C…|name>` become `@U…`/`#name`, `&amp;`-style escapes are decoded, and smart quotes
 * and non-breaking spaces are normalised. Nothing here is ever sent back unescaped.
 */
export const cleanSlackText = (text: string): string =>
  text
    .replace(/<([^<>|]*)\|([^<>]*)>/g, (_match, target: string, label: string) =>
      target.startsWith('#') || target.startsWith('@') ? `${target[0]}${label}` : label,
    )
    .replace(/<([^<>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '--')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    .trim();

/** Words of a command's text; quotes group words ("a b"), as in a shell. */
export const splitWords = (text: string): string[] =>
  [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '').filter((word) => word.length > 0);

/** Strips what people wrap names in: backticks, bold/italic markers, quotes, a trailing "?" or ".". */
export const unwrapName = (word: string): string => word.replace(/^[`*_"'(]+/, '').replace(/[`*_"')?!.,;:]+$/, '');
