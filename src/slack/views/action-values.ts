import type { DependencyDirection } from '../../core/graph/dependency-edges.ts';

/**
 * Button and option `value`s that carry more than a ref. Ephemeral messages do not come back in
 * `block_actions` payloads, so a listener must be able to rebuild the answer from the value alone.
 */

export type ChooserIntent = 'owner' | 'deps' | 'dependents' | 'oncall' | 'docs';

/** What "Share in channel" re-renders: the same question, asked again for everyone to see. */
export type ShareRequest = { view: 'owner'; ref: string } | ({ view: 'deps' } & DependencyQuestionValue);

/** A dependency question as values carry it: no depth means the whole graph. */
export interface DependencyQuestionValue {
  ref: string;
  direction: DependencyDirection;
  depth?: number;
}

export const encodeShareValue = (request: ShareRequest): string => JSON.stringify(request);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const parseJsonRecord = (value: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/** The share request in a button value, or undefined for anything malformed (values are user-visible JSON). */
export const parseShareValue = (value: string): ShareRequest | undefined => {
  const parsed = parseJsonRecord(value);
  if (!parsed || typeof parsed.ref !== 'string' || parsed.ref.length === 0) return undefined;
  if (parsed.view === 'owner') return { view: 'owner', ref: parsed.ref };
  if (parsed.view !== 'deps') return undefined;
  const question = dependencyQuestionOf(parsed);
  return question ? { view: 'deps', ...question } : undefined;
};

const isWholeNumber = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min;

const dependencyQuestionOf = (parsed: Record<string, unknown>): DependencyQuestionValue | undefined => {
  const { ref, direction, depth } = parsed;
  if (typeof ref !== 'string' || ref.length === 0 || (direction !== 'forward' && direction !== 'reverse')) return undefined;
  if (depth === undefined) return { ref, direction };
  return isWholeNumber(depth, 1) ? { ref, direction, depth } : undefined;
};

const INTENTS: readonly ChooserIntent[] = ['owner', 'deps', 'dependents', 'oncall', 'docs'];

/** `owner component:default/x`: short, because select option values stop at 150 characters. */
export const encodeChoiceValue = (intent: ChooserIntent, ref: string): string => `${intent} ${ref}`;

export const parseChoiceValue = (value: string): { intent: ChooserIntent; ref: string } | undefined => {
  const [intent, ref, ...rest] = value.split(' ');
  if (!intent || !ref || rest.length > 0 || !INTENTS.includes(intent as ChooserIntent)) return undefined;
  return { intent: intent as ChooserIntent, ref };
};

/**
 * A page of a long answer (Next / Previous) or the whole of it (Download CSV): the question again,
 * since the answer is rebuilt on each click. Pages count from 1.
 */
export type PageRequest =
  | ({ view: 'deps' } & DependencyQuestionValue & { page: number })
  | { view: 'find'; query: string; page: number }
  /** What a team owns (`ref` is the Group), listed kind by kind. */
  | { view: 'owned'; ref: string; page: number };

export const encodePageValue = (request: PageRequest): string => JSON.stringify(request);

/** Longer than any query /find accepts; a longer one in a value was not written by Callboard. */
const MAX_QUERY_IN_VALUE = 500;

/** The page request in a button value, or undefined for anything malformed or forged. */
export const parsePageValue = (value: string): PageRequest | undefined => {
  const parsed = parseJsonRecord(value);
  if (!parsed || !isWholeNumber(parsed.page, 1)) return undefined;
  const page = parsed.page;
  if (parsed.view === 'find') {
    const { query } = parsed;
    return typeof query === 'string' && query.trim().length > 0 && query.length <= MAX_QUERY_IN_VALUE ? { view: 'find', query, page } : undefined;
  }
  if (parsed.view === 'owned') return typeof parsed.ref === 'string' && parsed.ref.length > 0 ? { view: 'owned', ref: parsed.ref, page } : undefined;
  if (parsed.view !== 'deps') return undefined;
  const question = dependencyQuestionOf(parsed);
  return question ? { view: 'deps', ...question, page } : undefined;
};
