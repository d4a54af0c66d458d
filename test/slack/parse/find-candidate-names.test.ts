import { describe, expect, it } from 'vitest';
import { findCandidateNames, findUrls } from '../../../src/slack/parse/find-candidate-names.ts';

describe('findCandidateNames', () => {
  it('finds name-shaped words and refs, skipping links, mentions of people and short words', () => {
    const text = 'Is `checkout-service` down? <@U123> says component:default/cart-service and orders-db are slow, see <https://github.com/acme/x|repo> ok';
    expect(findCandidateNames(text)).toEqual(['checkout-service', 'down', 'says', 'component:default/cart-service', 'orders-db', 'slow', 'see']);
  });

  it('bounds the work on a huge paste', () => {
    expect(findCandidateNames(Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ')).length).toBe(200);
  });

  it('finds links as Slack sends them and typed bare', () => {
    expect(findUrls('see <https://github.com/acme/a|a> and https://github.com/acme/b, <https://github.com/acme/a>')).toEqual([
      'https://github.com/acme/a',
      'https://github.com/acme/b',
    ]);
  });
});
