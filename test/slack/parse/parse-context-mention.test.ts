import { describe, expect, it } from 'vitest';
import { parseContextMention } from '../../../src/slack/parse/parse-context-mention.ts';

describe('parseContextMention', () => {
  it('reads `@Callboard context [<entity>]`, with or without words, in any case', () => {
    expect(parseContextMention('<@U0BOT> context checkout-service', 'U0BOT')).toEqual({ words: 'checkout-service' });
    expect(parseContextMention('<@U0BOT>   Context:  Payments API ', 'U0BOT')).toEqual({ words: 'Payments API' });
    expect(parseContextMention('<@U0BOT> context', 'U0BOT')).toEqual({ words: '' });
  });

  it('leaves every other mention to the question parser', () => {
    expect(parseContextMention('<@U0BOT> who owns context-service?', 'U0BOT')).toBeUndefined();
    expect(parseContextMention('<@U0BOT> contextual help', 'U0BOT')).toBeUndefined();
    expect(parseContextMention('<@U0BOT> what is the context of orders-db', 'U0BOT')).toBeUndefined();
  });
});
