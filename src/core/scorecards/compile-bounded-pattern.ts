/**
 * Regular expressions from scorecard YAML run against entity fields and repository files that other teams write,
 * on every evaluation. JavaScript's engine backtracks, so a careless pattern such as `(a+)+$` can take exponential
 * time on one unlucky input and stall the whole pass. Patterns are therefore bounded before they are accepted:
 * - at most {@link MAX_PATTERN_LENGTH} characters;
 * - no backreferences (`\1`, `\k<name>`): matching with them is not bounded by any polynomial;
 * - no repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1) holding another quantifier (`?` too) or a `|`: star height 1
 *   rules out the classic exponential cases (`(a+)+`, `(a|a)*`, `(\w+\s?)*`). A character class (`[ab]+`) or a
 *   single repetition says the same in almost every real check.
 * - at most {@link MAX_QUANTIFIERS} quantifiers, which bounds chains such as `a?a?a?aaa` (2^n ways) without groups.
 * Polynomial cases (`\s*\s*x` on a long run of spaces) remain possible, of degree at most the quantifier count; files
 * searched are capped at 1 MiB (evaluate-check.ts). A linear-time engine (RE2) would lift all of this.
 */

export const MAX_PATTERN_LENGTH = 200;
/** `a?a?…a?aa…a` backtracks 2^n ways without any group: the count of quantifiers bounds n. */
export const MAX_QUANTIFIERS = 10;

export type CompilePatternResult = { ok: true; regex: RegExp } | { ok: false; reason: string };

interface GroupFrame {
  /** A repetition or an alternation somewhere inside this group. */
  risky: boolean;
}

const QUANTIFIER_BRACES = /^\{(\d+)(,(\d*))?\}/;

/** Whether a quantifier at the start of `rest` can repeat more than once, and how many characters it spans. */
const readQuantifier = (rest: string): { repeats: boolean; length: number } | undefined => {
  const first = rest[0];
  if (first === '*' || first === '+') return { repeats: true, length: 1 };
  if (first === '?') return { repeats: false, length: 1 };
  const braces = QUANTIFIER_BRACES.exec(rest);
  if (!braces) return undefined;
  const unbounded = braces[2] !== undefined && braces[3] === '';
  const max = Number(braces[3] ?? braces[1]);
  return { repeats: unbounded || max > 1, length: braces[0].length };
};

const NESTED = 'a repeated group holds a quantifier or a "|", which can take exponential time; write a character class such as [ab]+ or repeat once';
const BACKREFERENCE = 'backreferences (\\1, \\k<name>) are not allowed, because they can take exponential time';

/** Returns why the pattern could backtrack without bound, or undefined when it is star height 1 without backreferences. */
const findUnboundedShape = (pattern: string): string | undefined => {
  const stack: GroupFrame[] = [{ risky: false }];
  let quantifiers = 0;
  let closed: GroupFrame | undefined; // the group that ended right before the current position
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    const top = stack[stack.length - 1]!;
    const quantifier = readQuantifier(pattern.slice(i));
    if (quantifier) {
      if (quantifier.repeats && closed?.risky) return NESTED;
      if (++quantifiers > MAX_QUANTIFIERS)
        return `at most ${MAX_QUANTIFIERS} quantifiers (?, *, +, {n,m}) per pattern, because each multiplies the ways to backtrack`;
      top.risky = true; // even `?`: `(a?){30}a{30}` backtracks 2^30 ways
      i += quantifier.length;
      if (pattern[i] === '?') i++; // lazy marker
      closed = undefined;
      continue;
    }
    closed = undefined;
    if (char === '\\') {
      if (/^[1-9]|^k</.test(pattern.slice(i + 1))) return BACKREFERENCE;
      i += 2;
    } else if (char === '[') {
      i = skipClass(pattern, i);
    } else if (char === '(') {
      stack.push({ risky: false });
      i += pattern.startsWith('(?', i) ? 2 : 1; // (?: (?= (?! (?<name> (?<= (?<! : the ? is not a quantifier
    } else if (char === ')') {
      const group = stack.length > 1 ? stack.pop()! : top;
      if (group.risky) stack[stack.length - 1]!.risky = true;
      closed = group;
      i++;
    } else {
      if (char === '|') top.risky = true;
      i++;
    }
  }
  return undefined;
};

/** Index just past the character class starting at `start` (escapes inside are skipped). */
const skipClass = (pattern: string, start: number): number => {
  // In JavaScript `[]` is an empty class and `[^]` any character: a leading `]` closes the class (unlike PCRE), so
  // skipping it as a literal would hide what follows, such as `[](a+)+`.
  let i = start + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
};

/**
 * Compiles a scorecard pattern (an unanchored search) after checking it is bounded. `lines`: `^` and `$` match at
 * each line (the `m` flag), as in grep, for searching files; field values are matched as a whole.
 */
export function compileBoundedPattern(pattern: string, options: { lines?: boolean } = {}): CompilePatternResult {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return { ok: false, reason: `a pattern is at most ${MAX_PATTERN_LENGTH} characters; this one has ${pattern.length}` };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, options.lines ? 'm' : '');
  } catch (error) {
    return { ok: false, reason: `it does not compile (${(error as Error).message})` };
  }
  const unbounded = findUnboundedShape(pattern);
  return unbounded ? { ok: false, reason: unbounded } : { ok: true, regex };
}
