import { snippetMark } from '../../core/docs/docs-library.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';

const MARKED = new RegExp(`${snippetMark.start}([^${snippetMark.start}${snippetMark.end}]*)${snippetMark.end}`, 'g');
const ANY_MARK = new RegExp(`[${snippetMark.start}${snippetMark.end}]`, 'g');

/** One line: the snippet's newlines and runs of spaces as single spaces, cut at `max`, a mark left open by the cut closed. */
const oneLine = (snippet: string, max: number): string => {
  const cut = truncate(snippet.replace(/\s+/g, ' ').trim(), max);
  const opened = cut.lastIndexOf(snippetMark.start) > cut.lastIndexOf(snippetMark.end);
  return opened ? `${cut}${snippetMark.end}` : cut;
};

/**
 * A search snippet as mrkdwn: the text escaped, each matched span in bold. Spaces inside a mark move outside it,
 * since Slack shows `* word*` literally; an empty mark is dropped.
 */
export const snippetMrkdwn = (snippet: string, max: number): string =>
  escapeMrkdwn(oneLine(snippet, max))
    .replace(MARKED, (_, inner: string) => {
      const word = inner.trim();
      if (!word) return inner;
      const before = inner.slice(0, inner.length - inner.trimStart().length);
      const after = inner.slice(inner.trimEnd().length);
      return `${before}*${word}*${after}`;
    })
    .replace(ANY_MARK, '');
