import type { StepLogger } from '../actions/action.ts';
import type { Masker } from './mask-secrets.ts';

/** A StepRecord keeps at most this many lines: the tail shown when a step fails. */
export const LOG_LINES_KEPT = 50;
/** Lines and errors are cut to this many characters: a run record stays small even when a value is huge. */
export const MAX_LINE_CHARS = 2000;

/** Cuts text to MAX_LINE_CHARS, saying how much was left out. */
export const clip = (text: string): string =>
  text.length <= MAX_LINE_CHARS ? text : `${text.slice(0, MAX_LINE_CHARS)}… (${text.length - MAX_LINE_CHARS} more characters)`;

/** A step's log: lines masked as they are written, each clipped, only the last ones kept. */
export const createStepLog = (mask: Masker) => {
  const lines: string[] = [];
  const write = (prefix: string, message: string) => {
    for (const line of mask(message).split('\n').slice(-LOG_LINES_KEPT)) lines.push(clip(prefix + line));
    if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
  };
  const logger: StepLogger = { info: (message) => write('', message), warn: (message) => write('warning: ', message) };
  return { logger, lines };
};
