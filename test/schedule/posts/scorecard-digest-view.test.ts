import { describe, expect, it } from 'vitest';
import { fitLines, fitSections, scorecardDigestView } from '../../../src/schedule/posts/scorecard-digest-view.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';

const lines = (count: number, width: number) => Array.from({ length: count }, (_, i) => `${String(i).padStart(4, '0')} ${'x'.repeat(width)}`).join('\n');

describe('scorecard digest view', () => {
  it('keeps a part that fits as it is', () => {
    expect(fitLines('a\nb', 3000)).toBe('a\nb');
  });

  it('cuts a long part at a line end and counts the lines left out', () => {
    const fitted = fitLines(lines(100, 95), 3000);
    expect(fitted.length).toBeLessThanOrEqual(3000);
    const kept = fitted.split('\n').length - 1;
    expect(fitted.endsWith(`…and ${100 - kept} more lines`)).toBe(true);
  });

  it('cuts a single line longer than a section', () => {
    const fitted = fitLines('y'.repeat(5000), 3000);
    expect(fitted.length).toBeLessThanOrEqual(3000);
    expect(fitted.endsWith('…')).toBe(true);
  });

  it('stops at 48 sections and at the message budget, saying how many parts were left out', () => {
    const many = fitSections(Array.from({ length: 80 }, (_, i) => `part ${i}`).join('\n\n'));
    expect(many).toHaveLength(48);
    expect(many.at(-1)).toBe('…and 33 more parts, cut to fit one Slack message');
    const long = fitSections(Array.from({ length: 10 }, () => lines(40, 90)).join('\n\n'));
    expect(long.join('').length).toBeLessThanOrEqual(11_000);
    expect(long.at(-1)).toMatch(/more parts, cut to fit one Slack message$/);
  });

  it('builds a message within Block Kit limits with a header, sections and the context', () => {
    const message = scorecardDigestView({ title: `Scorecard digest: ${'t'.repeat(200)}`, body: lines(500, 60), context: 'Schedule x' });
    expect(message.blocks[0]).toMatchObject({ type: 'header' });
    expect(message.blocks.at(-1)).toMatchObject({ type: 'context' });
    expect(checkMessageLimits(message)).toEqual([]);
  });
  it('escapes the title in the notification text, which Slack reads as mrkdwn, and keeps it as written in the header', () => {
    const message = scorecardDigestView({ title: 'Scorecard digest: Ready <!channel> & co', body: 'part', context: 'Schedule x' });
    expect(message.text).toBe('Scorecard digest: Ready &lt;!channel&gt; &amp; co: part');
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Scorecard digest: Ready <!channel> & co' } });
  });
});
