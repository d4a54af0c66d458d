/**
 * The plain-English questions Callboard understands, each a pattern whose one group is the thing asked
 * about (a whole noun phrase: "the payments api", a link). Tried in order; the first that matches wins.
 */
export type QuestionIntent = 'owner' | 'dependencies' | 'dependents' | 'oncall' | 'docs' | 'search';

/** The thing asked about: as many words as it takes, the shortest that lets the rest of the pattern match. */
const X = '(.+?)';
/** An optional possessive after the thing: "payments-api's owner". */
const POSSESSIVE = "(?:'s|')?";
const ONCALL = 'on[\\s-]?call';
const DOCS = '(?:docs|documentation|runbooks?|readme|techdocs)';
const DOWN = '(?:goes|went|is|was|were|are)\\s+(?:down|offline|unavailable|broken)|(?:fails|failed|breaks|broke|dies|died|crashes|crashed)';

const question = (intent: QuestionIntent, source: string) => ({ intent, pattern: new RegExp(`^${source}$`, 'i') });

export const QUESTIONS: ReadonlyArray<{ intent: QuestionIntent; pattern: RegExp }> = [
  question('oncall', `who(?:'s|\\s+is|\\s+are)\\s+(?:the\\s+)?${ONCALL}\\s+(?:for|on|at|of)\\s+${X}(?:\\s+(?:right\\s+)?now|\\s+today|\\s+tonight)?`),
  question('oncall', `who\\s+(?:do|should|can)\\s+(?:i|we)\\s+page\\s+(?:for|about)\\s+${X}`),
  question('oncall', `${ONCALL}\\s+(?:for\\s+|of\\s+)?${X}`),
  question('oncall', `(?!who(?:'s|\\s+is|\\s+are)\\s)${X}${POSSESSIVE}\\s+${ONCALL}(?:\\s+person)?`),
  question('docs', `where\\s+(?:are|is|can\\s+i\\s+find|do\\s+i\\s+find)\\s+(?:the\\s+)?${DOCS}\\s+(?:for|of|on|about)\\s+${X}`),
  question('docs', `(?:the\\s+)?${DOCS}\\s+(?:for|of|on|about)\\s+${X}`),
  // Not "docs payments-api runbook": that is the docs command with words to search (`@Callboard docs …`).
  question('docs', `(?!${DOCS}\\s)${X}${POSSESSIVE}\\s+${DOCS}`),
  question(
    'owner',
    `(?:who|which\\s+team|what\\s+team|which\\s+group)\\s+(?:owns|maintains|looks\\s+after|runs|is\\s+responsible\\s+for|is\\s+in\\s+charge\\s+of)\\s+${X}`,
  ),
  question('owner', `(?:who(?:'s|\\s+is|\\s+are)\\s+(?:the\\s+)?|what(?:'s|\\s+is)\\s+the\\s+)?owners?\\s+(?:of|for)\\s+${X}`),
  question('owner', `whose\\s+(?:is|are)\\s+${X}`),
  question('owner', `who\\s+(?:do|should|can)\\s+(?:i|we)\\s+(?:talk|speak)\\s+to\\s+about\\s+${X}`),
  question('owner', `${X}${POSSESSIVE}\\s+owners?`),
  // About a team or a person: their card lists what they own, their members and lead, their teams.
  question('owner', `what\\s+(?:does|do)\\s+${X}\\s+own`),
  question('owner', `what(?:'s|\\s+is|\\s+are)\\s+owned\\s+by\\s+${X}`),
  question('owner', `(?:which|what)\\s+teams?\\s+(?:is|are)\\s+${X}\\s+(?:on|in|part\\s+of)`),
  question('owner', `who(?:'s|\\s+is|\\s+are)\\s+(?:in|on)\\s+(?!call\\b)${X}`),
  question('owner', `who(?:'s|\\s+is|\\s+are)\\s+(?:the\\s+)?(?:members?|leads?|leaders?|managers?|people)\\s+(?:of|in|on)\\s+${X}`),
  question('owner', `who\\s+(?:leads|manages|works\\s+on|is\\s+working\\s+on|builds|built|wrote)\\s+${X}`),
  question(
    'dependents',
    `what\\s+(?:breaks|would\\s+break|will\\s+break|fails|would\\s+fail|is\\s+affected|goes\\s+down)\\s+(?:if|when)\\s+${X}\\s+(?:${DOWN})`,
  ),
  question('dependents', `(?:what(?:'s|\\s+is)\\s+)?(?:the\\s+)?impact\\s+of\\s+${X}\\s+(?:going|being)\\s+(?:down|offline|unavailable)`),
  question('dependents', `(?:what(?:'s|\\s+is)\\s+)?(?:the\\s+)?blast\\s+radius\\s+(?:of|for)\\s+${X}`),
  question('dependents', `(?:what|who)\\s+(?:depends|relies)\\s+on\\s+${X}`),
  question('dependents', `(?:what|who|which\\s+services?)\\s+(?:uses|use|consumes|calls|needs)\\s+${X}`),
  question('dependents', `(?:dependents|consumers|users)\\s+of\\s+${X}`),
  question('dependencies', `what\\s+does\\s+${X}\\s+(?:depend|rely)\\s+on`),
  question('dependencies', `what\\s+(?:are\\s+)?(?:the\\s+)?(?:dependencies|deps)\\s+(?:of|for)\\s+${X}`),
  question('dependencies', `(?:dependencies|deps)\\s+(?:of|for)\\s+${X}`),
  question('dependencies', `${X}${POSSESSIVE}\\s+(?:dependencies|deps)`),
  question('search', `(?:find|search(?:\\s+for)?|look\\s+for|look\\s+up|show\\s+me)\\s+${X}`),
  question('search', `(?:is\\s+there\\s+|do\\s+we\\s+have\\s+)?anything\\s+(?:about|on|for|related\\s+to)\\s+${X}`),
  // Last, so "who is on call for", "who is responsible for" and "who's the owner of" are read first: "who is
  // marcus oyelaran?", "who's the payments team?" ask for that person's or team's card, as /owner answers it.
  question('owner', `who(?:'s|\\s+is|\\s+are)\\s+(?!(?:the\\s+)?(?:${ONCALL}|owners?|responsible|in\\s+charge|you|this|that|it)\\b)${X}`),
];

/**
 * Questions asked without saying about what ("who owns?", "who is on call?"): understood, so the answer is
 * the one missing piece, asked for with an example, not "I did not understand" and the help.
 */
export const UNFINISHED_QUESTIONS: ReadonlyArray<{ pattern: RegExp; example: string; intent: QuestionIntent }> = [
  {
    pattern: new RegExp(`^who(?:'s|\\s+is|\\s+are)\\s+(?:the\\s+)?${ONCALL}(?:\\s+(?:right\\s+)?now|\\s+today|\\s+tonight)?$`, 'i'),
    example: 'who is on call for checkout-service?',
    intent: 'oncall',
  },
  {
    pattern: /^(?:who|which\s+team)\s+(?:owns|maintains|runs)(?:\s+(?:it|this|that))?$|^(?:who(?:'s|\s+is)\s+the\s+)?owner$/i,
    example: 'who owns checkout-service?',
    intent: 'owner',
  },
  { pattern: new RegExp(`^(?:where\\s+are\\s+)?(?:the\\s+)?${DOCS}$`, 'i'), example: 'where are the docs for checkout-service?', intent: 'docs' },
  { pattern: /^what\s+(?:breaks|would\s+break|depends\s+on\s+it)$|^blast\s+radius$/i, example: 'what breaks if orders-db goes down?', intent: 'dependents' },
];
