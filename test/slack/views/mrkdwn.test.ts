import { describe, expect, it } from 'vitest';
import { channelMention, escapeMrkdwn, link, mention, slackDate, truncate, truncateMrkdwn } from '../../../src/slack/mrkdwn.ts';
import { EMOJI_RTL, HOSTILE, HOSTILE_ESCAPED } from './view-helpers.ts';

describe('escapeMrkdwn', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn(HOSTILE)).toBe(HOSTILE_ESCAPED);
    expect(escapeMrkdwn('*bold* _it_ "q" \'s\' `c`')).toBe('*bold* _it_ "q" \'s\' `c`');
  });

  it('keeps emoji and RTL text', () => {
    expect(escapeMrkdwn(EMOJI_RTL)).toBe(EMOJI_RTL);
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('cuts to the limit and ends with an ellipsis', () => {
    const cut = truncate('x'.repeat(5120), 3000);
    expect(cut).toHaveLength(3000);
    expect(cut.endsWith('…')).toBe(true);
  });

  it.each([
    ['emoji', '🚀'.repeat(100), 51],
    ['family emoji (ZWJ)', '👨‍👩‍👧'.repeat(40), 30],
    ['RTL', 'خدمة الدفع '.repeat(50), 40],
  ])('never splits a grapheme (%s)', (_name, text, max) => {
    const cut = truncate(text, max);
    expect(cut.length).toBeLessThanOrEqual(max);
    const kept = cut.slice(0, -1);
    expect(text.startsWith(kept)).toBe(true);
    expect(kept.normalize()).toBe(kept);
    expect(/[\uD800-\uDBFF]$/.test(kept)).toBe(false);
  });

  it('never leaves half an escape', () => {
    expect(truncate('a&amp;b', 5)).toBe('a…');
    expect(truncate('&lt;&lt;&lt;', 6)).toBe('&lt;…');
  });
});

describe('truncateMrkdwn', () => {
  it('drops a link cut in half rather than leave an open <', () => {
    const text = `intro ${'<https://example.com/a|label>'.repeat(3)}`;
    const cut = truncateMrkdwn(text, 40);
    expect(cut).toBe('intro <https://example.com/a|label>…');
  });
});

describe('link', () => {
  it('writes a link with an escaped label', () => {
    expect(link('https://example.com/x?a=1&b=2', 'Docs & <more>')).toBe('<https://example.com/x?a=1&amp;b=2|Docs &amp; &lt;more&gt;>');
    expect(link('mailto:team@acme.example', 'team@acme.example')).toBe('<mailto:team@acme.example|team@acme.example>');
  });

  it.each(['javascript:alert(1)', 'ftp://files.example', 'not a url', 'slack://channel?id=C1'])('refuses %s and keeps only the label', (url) => {
    expect(link(url, 'Label <!here>')).toBe('Label &lt;!here&gt;');
  });

  it('encodes characters that would end the URL early', () => {
    expect(link('https://example.com/a|b>c', 'x')).toBe('<https://example.com/a%7Cb%3Ec|x>');
  });

  it('falls back to the URL text when the label is empty', () => {
    expect(link('https://example.com', ' ')).toBe('<https://example.com/>');
  });
});

describe('mention and channelMention', () => {
  it('mentions Slack user ids only', () => {
    expect(mention('U123ABC')).toBe('<@U123ABC>');
    expect(mention('W0123')).toBe('<@W0123>');
    expect(mention('<!channel>')).toBe('&lt;!channel&gt;');
  });

  it('links channel ids and shows anything else as text', () => {
    expect(channelMention('C04CHKOUT02')).toBe('<#C04CHKOUT02>');
    expect(channelMention('#team-<x>')).toBe('#team-&lt;x&gt;');
  });

  it('formats dates for each reader with an escaped fallback', () => {
    expect(slackDate('2025-03-01T10:00:00.000Z')).toBe('<!date^1740823200^{date_short_pretty} at {time}|2025-03-01T10:00:00.000Z>');
    expect(slackDate('<!here>')).toBe('&lt;!here&gt;');
  });
});
