import type { StepLogger } from '../actions/action.ts';
import type { Masker } from './mask-secrets.ts';

/** A StepRecord keeps at most this many lines: the tail shown when a step fails. */
export const LOG_LINES_KEPT = 50;

/** A step's log: lines masked as they are written, only the last ones kept. */
export const createStepLog = (mask: Masker, onLine: () => void = () => {}) => {
  const lines: string[] = [];
  const write = (prefix: string, message: string) => {
    for (const line of mask(message).split('\n')) lines.push(prefix + line);
    if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
    onLine();
  };
  const logger: StepLogger = { info: (message) => write('', message), warn: (message) => write('warning: ', message) };
  return { logger, lines };
};
