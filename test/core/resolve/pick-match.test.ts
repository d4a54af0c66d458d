import { describe, expect, it } from 'vitest';
import { analysePhrase } from '../../../src/core/resolve/analyse-phrase.ts';
import type { LookupMatch } from '../../../src/core/resolve/lookup-key.ts';
import { pickPhraseMatch, pickUrlMatch } from '../../../src/core/resolve/pick-match.ts';

const match = (ref: string, key: string, source: LookupMatch['source'], type?: string): LookupMatch => {
  const [kind = '', name = ''] = ref.split(/[:/]/).filter((_, i) => i !== 1);
  return { ref, kind: kind.charAt(0).toUpperCase() + kind.slice(1), name, key, source, ...(type ? { type } : {}) };
};

describe('pickPhraseMatch', () => {
  it('one entity is found; several equally good are a choice, sorted by ref', () => {
    const query = analysePhrase('payments-api');
    expect(pickPhraseMatch(query, [match('component:default/payments-api', 'payments-api', 'name')])).toEqual({
      status: 'found',
      ref: 'component:default/payments-api',
    });
    const both = [match('component:default/payments-api', 'payments-api', 'name'), match('api:default/payments-api', 'payments-api', 'name')];
    expect(pickPhraseMatch(query, both)).toMatchObject({
      status: 'ambiguous',
      candidates: [{ ref: 'api:default/payments-api' }, { ref: 'component:default/payments-api' }],
    });
  });

  it('a kind word picks its kind among equal matches of the whole phrase', () => {
    const both = [match('component:default/payments-api', 'payments-api', 'name'), match('api:default/payments-api', 'payments-api', 'name')];
    expect(pickPhraseMatch(analysePhrase('payments api'), both)).toEqual({ status: 'found', ref: 'api:default/payments-api' });
  });

  it('a name beats a title; a title beats a match without the kind word', () => {
    const query = analysePhrase('payments');
    const matches = [
      match('system:default/payments', 'payments', 'name'),
      match('group:default/payments-team', 'payments', 'title'),
      match('system:default/payments', 'payments', 'title'),
    ];
    expect(pickPhraseMatch(query, matches)).toEqual({ status: 'found', ref: 'system:default/payments' });
  });

  it('without the kind word, only entities of its kind count', () => {
    const query = analysePhrase('payments squad');
    const matches = [match('system:default/payments', 'payments', 'name'), match('group:default/payments-team', 'payments', 'title', 'team')];
    expect(pickPhraseMatch(query, matches)).toEqual({ status: 'found', ref: 'group:default/payments-team' });
    expect(pickPhraseMatch(analysePhrase('payments service'), matches)).toEqual({ status: 'none' });
  });

  it("the kind word's preferred type breaks a tie between entities of its kind", () => {
    const matches = [match('resource:default/orders', 'orders', 'title', 'queue'), match('resource:default/orders-db', 'orders', 'title', 'database')];
    expect(pickPhraseMatch(analysePhrase('orders db'), matches)).toEqual({ status: 'found', ref: 'resource:default/orders-db' });
    expect(pickPhraseMatch(analysePhrase('orders resource'), matches)).toMatchObject({ status: 'ambiguous' });
  });

  it('never picks a Location', () => {
    expect(pickPhraseMatch(analysePhrase('acme-org'), [match('location:default/acme-org', 'acme-org', 'name')])).toEqual({ status: 'none' });
  });
});

describe('pickUrlMatch', () => {
  it("the entity whose repository it is wins over one that links to it, and the repository's Component over its API", () => {
    expect(pickUrlMatch([match('component:default/a', 'k', 'link'), match('component:default/b', 'k', 'repo')])).toEqual({
      status: 'found',
      ref: 'component:default/b',
    });
    expect(pickUrlMatch([match('api:default/x', 'k', 'repo'), match('component:default/x', 'k', 'repo')])).toEqual({
      status: 'found',
      ref: 'component:default/x',
    });
  });

  it('two Resources of one repository, or two Components, are a choice', () => {
    expect(pickUrlMatch([match('resource:default/a', 'k', 'repo'), match('resource:default/b', 'k', 'repo')])).toMatchObject({ status: 'ambiguous' });
    expect(pickUrlMatch([match('component:default/a', 'k', 'repo'), match('component:default/b', 'k', 'repo')])).toMatchObject({ status: 'ambiguous' });
  });
});
