import { describe, expect, it } from 'vitest';
import { analysePhrase, phraseKeys } from '../../../src/core/resolve/analyse-phrase.ts';
import { normaliseText } from '../../../src/core/resolve/normalise-text.ts';

describe('normaliseText', () => {
  it.each([
    ['Checkout Service', 'checkout-service'],
    ['checkout_service', 'checkout-service'],
    ['CHECKOUT-SERVICE', 'checkout-service'],
    ['  checkout   service ', 'checkout-service'],
    ['checkout.service', 'checkout-service'],
    ['Storefront (acme.example)', 'storefront-acme-example'],
    ['Search & Discovery', 'search-discovery'],
    ['Zürich Café', 'zurich-cafe'],
    ['--', ''],
  ])('%j → %j', (text, key) => expect(normaliseText(text)).toBe(key));
});

describe('analysePhrase', () => {
  it('keeps the whole phrase and names the kind word at its end', () => {
    const query = analysePhrase('the Payments API');
    expect(query).toMatchObject({ whole: 'payments-api', remainder: 'payments', searchText: 'payments' });
    expect(query.kindWord?.kinds).toEqual(['API']);
  });

  it('tries the kind word in its other spellings', () => {
    const query = analysePhrase('orders database');
    expect(query.wholeVariants).toEqual(expect.arrayContaining(['orders-db', 'orders-datastore']));
    expect(phraseKeys(query)).toEqual(['orders-database', 'orders-db', 'orders-datastore', 'orders']);
  });

  it('takes a kind word at the start when the end has none', () => {
    expect(analysePhrase('team payments')).toMatchObject({ whole: 'team-payments', remainder: 'payments' });
  });

  it('a name typed as one word is that name, whatever its last part says', () => {
    expect(analysePhrase('payments-api').kindWord).toBeUndefined();
    expect(analysePhrase('payments_api').kindWord).toBeUndefined();
  });

  it('a phrase that is only a kind word, or only filler, steers nothing', () => {
    expect(analysePhrase('api')).toMatchObject({ whole: 'api', wholeVariants: [] });
    expect(analysePhrase('the').whole).toBe('the');
    expect(phraseKeys(analysePhrase('?!'))).toEqual([]);
  });
});
