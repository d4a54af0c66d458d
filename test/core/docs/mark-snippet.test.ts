import { describe, expect, it } from 'vitest';
import { snippetMark } from '../../../src/core/docs/docs-library.ts';
import { markSnippet } from '../../../src/core/docs/mark-snippet.ts';

const shown = (snippet: string) => snippet.split(snippetMark.start).join('[').split(snippetMark.end).join(']');

describe('markSnippet', () => {
  it('marks every word a term starts, in any case or accent', () => {
    expect(shown(markSnippet('Switch the Provider; providers fail. Café open.', ['provider', 'cafe']))).toBe(
      'Switch the [Provider]; [providers] fail. [Café] open.',
    );
  });

  it('cuts a long text to a window around the first hit, with ellipses', () => {
    const text = Array.from({ length: 40 }, (_, index) => `w${index}`).join(' ');
    expect(shown(markSnippet(text, ['w20'], 8))).toBe('…w18 w19 [w20] w21 w22 w23 w24 w25…');
    expect(shown(markSnippet(text, ['w0'], 4))).toBe('[w0] w1 w2 w3…');
    expect(shown(markSnippet(text, ['w39'], 4))).toBe('…w36 w37 w38 [w39]');
  });

  it('starts at the top when nothing matches, and keeps a short text whole', () => {
    expect(markSnippet('a b c', ['zzz'])).toBe('a b c');
    expect(markSnippet('', ['x'])).toBe('');
  });
});
