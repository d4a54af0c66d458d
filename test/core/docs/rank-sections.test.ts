import { describe, expect, it } from 'vitest';
import { foldWords, rankSections } from '../../../src/core/docs/rank-sections.ts';

const section = (name: string, pageTitle: string, heading: string, text: string) => ({ name, pageTitle, heading, text });
const order = (sections: ReturnType<typeof section>[], terms: string[], prefixes = false) =>
  rankSections(sections, terms, { prefixes }).map((ranked) => ranked.name);

describe('rankSections', () => {
  it('weighs a page title over a heading over text', () => {
    const sections = [
      section('text', 'Alpha', 'Beta', 'The ledger is in this text.'),
      section('heading', 'Gamma', 'Ledger rules', 'Nothing here.'),
      section('title', 'Ledger', 'Delta', 'Nothing either.'),
    ];
    expect(order(sections, ['ledger'])).toEqual(['title', 'heading', 'text']);
  });

  it('ranks more mentions and shorter text higher, and keeps the given order on ties', () => {
    const filler = 'words that say nothing at all about it '.repeat(6);
    const sections = [
      section('once, long', 'A', 'B', `ledger ${filler}`),
      section('once, short', 'A', 'B', 'ledger here'),
      section('twice, long', 'A', 'B', `ledger ledger ${filler}`),
      section('same as first', 'A', 'B', `ledger ${filler}`),
    ];
    expect(order(sections, ['ledger'])).toEqual(['once, short', 'twice, long', 'once, long', 'same as first']);
  });

  it('counts whole words, or words a term starts when the terms are prefixes', () => {
    const sections = [section('rollback', 'A', 'Rollback', 'x'), section('roll', 'A', 'B', 'roll it')];
    expect(order(sections, ['roll'])).toEqual(['roll', 'rollback']);
    expect(order(sections, ['roll'], true)).toEqual(['rollback', 'roll']);
  });

  it('reads words as the search index does: any case, accents folded, Unicode letters', () => {
    expect(foldWords('Café ÜBER straße, x_y 42')).toEqual(['cafe', 'uber', 'straße', 'x', 'y', '42']);
    const sections = [section('plain', 'A', 'B', 'nothing'), section('accented', 'A', 'Café', 'ouvert')];
    expect(order(sections, ['cafe'])).toEqual(['accented', 'plain']);
    expect(order([section('ascii', 'A', 'B', 'CAFE open'), section('none', 'A', 'B', 'x')], ['cafe'])).toEqual(['ascii', 'none']);
  });
});
