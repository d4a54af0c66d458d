/**
 * The form state a page modal carries in `private_metadata` (≤3,000 characters), so every page submission knows
 * the template, the page and the values so far without a database. Values that do not fit are kept by the
 * listener under a draft id (in memory: values may hold secrets, which are never stored), and the metadata then
 * carries only that id.
 */

export interface FormState {
  templateRef: string;
  /** Index of the page shown, in the template's pages; -1 for the review page. */
  page: number;
  values: Record<string, unknown>;
  /** Where the command came from, so progress is posted there. */
  channel?: string;
  /** Set by Edit and retry: the run whose values filled the form. */
  fromRun?: string;
}

export type DecodedMetadata = { state: FormState } | { draftId: string; page: number; templateRef: string };

export const METADATA_LIMIT = 3000;

interface Compact {
  r: string;
  p: number;
  v?: Record<string, unknown>;
  c?: string;
  f?: string;
  d?: string;
}

/** The metadata text, or undefined when the state is too long for Slack (then use {@link draftMetadata}). */
export const encodeFormMetadata = (state: FormState): string | undefined => {
  const compact: Compact = {
    r: state.templateRef,
    p: state.page,
    v: state.values,
    ...(state.channel ? { c: state.channel } : {}),
    ...(state.fromRun ? { f: state.fromRun } : {}),
  };
  const text = JSON.stringify(compact);
  return text.length <= METADATA_LIMIT ? text : undefined;
};

/** Metadata pointing at values the listener kept aside; the template ref and page stay readable. */
export const draftMetadata = (draftId: string, templateRef: string, page: number): string =>
  JSON.stringify({ r: templateRef, p: page, d: draftId } satisfies Compact);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Undefined for metadata this module did not write (another view, a tampered payload). */
export const decodeFormMetadata = (text: string | undefined): DecodedMetadata | undefined => {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || typeof parsed.r !== 'string' || typeof parsed.p !== 'number' || !Number.isInteger(parsed.p)) return undefined;
  if (typeof parsed.d === 'string') return { draftId: parsed.d, page: parsed.p, templateRef: parsed.r };
  if (parsed.v !== undefined && !isRecord(parsed.v)) return undefined;
  return {
    state: {
      templateRef: parsed.r,
      page: parsed.p,
      values: isRecord(parsed.v) ? parsed.v : {},
      ...(typeof parsed.c === 'string' ? { channel: parsed.c } : {}),
      ...(typeof parsed.f === 'string' ? { fromRun: parsed.f } : {}),
    },
  };
};
