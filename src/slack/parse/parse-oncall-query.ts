import { splitWords } from './clean-slack-text.ts';
import { entityRequest } from './parse-entity-query.ts';
import { INSTANT_FORMAT_HINT, parseInstant } from './parse-instant.ts';
import { problem, type ParsedRequest } from './slack-request.ts';

/** `at` or `--at` before the time; the last one wins, so a name containing "at" still reads. */
const AT_WORD = /^(?:at|--at|@)$/i;

/**
 * `/oncall <entity or team> [at <time>]`: the time is ISO 8601 (see parse-instant.ts); a time that is not one gets
 * a hint naming the format rather than being read as part of the name.
 */
export const parseOnCallQuery = (text: string, command = '/oncall'): ParsedRequest => {
  const words = splitWords(text);
  const atIndex = words.findLastIndex((word) => AT_WORD.test(word));
  const flag = /^--at=(.+)$/i.exec(words.at(-1) ?? '');
  const nameWords = flag ? words.slice(0, -1) : atIndex >= 0 ? words.slice(0, atIndex) : words;
  const timeText = flag ? flag[1]! : atIndex >= 0 ? words.slice(atIndex + 1).join(' ') : undefined;
  if (timeText === undefined) return entityRequest(command, nameWords.join(' '), (entity) => ({ kind: 'oncall', entity }));
  if (timeText === '') return problem(command, `Say when after "at": ${INSTANT_FORMAT_HINT}.`);
  const at = parseInstant(timeText);
  if (!at) return problem(command, `"${timeText.slice(0, 60)}" is not a time Callboard reads: use ${INSTANT_FORMAT_HINT}.`);
  return entityRequest(command, nameWords.join(' '), (entity) => ({ kind: 'oncall', entity, at: at.toISOString() }));
};
