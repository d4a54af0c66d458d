import type { DependencyDirection } from '../../core/graph/dependency-edges.ts';

/**
 * Button and option `value`s that carry more than a ref. Ephemeral messages do not come back in
 * `block_actions` payloads, so a listener must be able to rebuild the answer from the value alone.
 */

export type ChooserIntent = 'owner' | 'deps' | 'dependents';

/** What "Share in channel" re-renders: the same question, asked again for everyone to see. */
export type ShareRequest = { view: 'owner'; ref: string } | { view: 'deps'; ref: string; direction: DependencyDirection; depth: number };

export const encodeShareValue = (request: ShareRequest): string => JSON.stringify(request);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The share request in a button value, or undefined for anything malformed (values are user-visible JSON). */
export const parseShareValue = (value: string): ShareRequest | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || typeof parsed.ref !== 'string' || parsed.ref.length === 0) return undefined;
  if (parsed.view === 'owner') return { view: 'owner', ref: parsed.ref };
  const { direction, depth } = parsed;
  if (parsed.view !== 'deps' || (direction !== 'forward' && direction !== 'reverse')) return undefined;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1) return undefined;
  return { view: 'deps', ref: parsed.ref, direction, depth };
};

const INTENTS: readonly ChooserIntent[] = ['owner', 'deps', 'dependents'];

/** `owner component:default/x`: short, because select option values stop at 150 characters. */
export const encodeChoiceValue = (intent: ChooserIntent, ref: string): string => `${intent} ${ref}`;

export const parseChoiceValue = (value: string): { intent: ChooserIntent; ref: string } | undefined => {
  const [intent, ref, ...rest] = value.split(' ');
  if (!intent || !ref || rest.length > 0 || !INTENTS.includes(intent as ChooserIntent)) return undefined;
  return { intent: intent as ChooserIntent, ref };
};
