/**
 * Slack text as people type it, made plain: `<url|label>` links become their label (or URL),
 * `<@U…|name>`/`<#C…|name>` become `@U…`/`#name`, special mentions and emoji codes are dropped, `&amp;`-style escapes are decoded, and smart quotes
 * and non-breaking spaces are normalised. Nothing here is ever sent back unescaped.
 */
export const cleanSlackText = (text: string): string =>
  text
    // Special mentions (`<!here>`, `<!channel>`, `<!subteam^S…|@team>`, `<!date…>`) and emoji codes (`:fire:`)
    // decorate a question; they never name what it is about.
    .replace(/<![^<>]*>/g, ' ')
    .replace(/(^|\s):[a-z0-9_+'-]+:(?=\s|[?!.,]|$)/gi, '$1')
    // A channel by its name (`#team-checkout`); a user by their id (`@U0123ABCD`), which names them for sure.
    .replace(/<([^<>|]*)\|([^<>]*)>/g, (_match, target: string, label: string) =>
      target.startsWith('#') ? `#${label}` : target.startsWith('@') ? target : label,
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

/** Links as Slack sends them in a question: `<https://…>` or `<https://…|label>` (ssh and git URLs too). */
const SLACK_LINK = /<((?:https?|ssh|git):\/\/[^<>|\s]+)(?:\|([^<>]*))?>/g;

/**
 * Like {@link cleanSlackText}, but a pasted link stays a link, `<url>` or `<url|label>` (its escapes
 * decoded): in a question (`/owner <https://github.com/acme/x|x>`) the URL names the entity most surely,
 * and the resolver falls back on the label when the URL names nothing.
 */
export const cleanSlackQuery = (text: string): string => {
  // Each stretch between links is cleaned on its own, keeping whether it started or ended with a space.
  const plain = (stretch: string): string => {
    const cleaned = cleanSlackText(stretch);
    return cleaned === '' ? (stretch === '' ? '' : ' ') : `${/^\s/.test(stretch) ? ' ' : ''}${cleaned}${/\s$/.test(stretch) ? ' ' : ''}`;
  };
  let result = '';
  let rest = 0;
  for (const match of text.matchAll(SLACK_LINK)) {
    const label = match[2] === undefined ? '' : `|${cleanSlackText(match[2])}`;
    result += `${plain(text.slice(rest, match.index))}<${cleanSlackText(match[1]!)}${label}>`;
    rest = match.index + match[0].length;
  }
  return (result + plain(text.slice(rest))).trim();
};

/** Words of a command's text; quotes group words ("a b"), as in a shell. */
export const splitWords = (text: string): string[] =>
  [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '').filter((word) => word.length > 0);

/** Strips what people wrap names in: backticks, bold/italic markers, quotes, a trailing "?" or ".". */
export const unwrapName = (word: string): string => word.replace(/^[`*_"'(]+/, '').replace(/[`*_"')?!.,;:]+$/, '');
