import { describe, expect, it } from 'vitest';
import type { ScheduleStatus } from '../../../src/schedule/schedule-status.ts';
import { schedulesView } from '../../../src/slack/views/schedules-view.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';

const status = (i: number, extra: Partial<ScheduleStatus> = {}): ScheduleStatus => ({
  id: `health-${i}`,
  post: 'catalog-health',
  origin: 'subscription',
  team: 'group:default/payments-team',
  channel: 'C0PAYMENTS',
  cron: '0 9 * * MON',
  timezone: 'Europe/Berlin',
  missed: 'once',
  next: { slot: '2026-12-14T08:00:00.000Z', postAt: '2026-12-14T08:00:00.000Z' },
  ...extra,
});

describe('schedulesView', () => {
  it('shows where, when, the last post and a failing reason, escaped', () => {
    const message = schedulesView([
      status(1, { failing: 'not_in_channel: invite <@Callboard>', lastPost: { slot: 's', channel: 'C0PAYMENTS', ts: '1.2', at: '2026-12-07T08:00:02.000Z' } }),
    ]);
    const text = JSON.stringify(message.blocks);
    expect(message.text).toBe('1 scheduled post, 1 failing');
    expect(text).toContain('<#C0PAYMENTS>');
    expect(text).toContain('<!date^1796630402^{date_short_pretty} {time}|2026-12-07T08:00:02.000Z>');
    expect(text).toContain(':warning: Failing: not_in_channel: invite &lt;@Callboard&gt;');
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it('stays within Block Kit limits with hundreds of schedules, pointing to the CLI for the rest', () => {
    const message = schedulesView(Array.from({ length: 300 }, (_, i) => status(i)));
    expect(checkMessageLimits(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('…and 275 more: `callboard schedules` lists them all.');
    expect(JSON.stringify(message.blocks).length).toBeLessThan(12_000);
  });

  it('cuts long failure reasons and keeps the blocks text inside what Slack takes, counting the schedules left out', () => {
    const reason = `channel_not_found: ${'the channel was archived or renamed, invite Callboard again & retry; '.repeat(8)}`.slice(0, 500);
    const message = schedulesView(Array.from({ length: 40 }, (_, i) => status(i, { failing: reason })));
    const sections = message.blocks.filter((block) => block.type === 'section');
    const texts = JSON.stringify(message.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
    const blocksText = texts.reduce((sum, field) => sum + field.length - '"text":""'.length, 0);
    expect(checkMessageLimits(message)).toEqual([]);
    expect(blocksText).toBeLessThan(12_000);
    for (const section of sections) {
      const failing = (section as { text: { text: string } }).text.text.split('\n').at(-1) ?? '';
      expect(failing.startsWith(':warning: Failing: channel_not_found')).toBe(true);
      expect(failing.endsWith('…')).toBe(true);
      expect(failing.replace(/&amp;/g, '&').length).toBeLessThanOrEqual(':warning: Failing: '.length + 200);
    }
    expect(JSON.stringify(message.blocks)).toContain(`…and ${40 - sections.length} more: \`callboard schedules\` lists them all.`);
  });

  it('leaves a short failure reason whole', () => {
    expect(JSON.stringify(schedulesView([status(1, { failing: 'not_in_channel: invite @Callboard to the channel' })]).blocks)).toContain(
      ':warning: Failing: not_in_channel: invite @Callboard to the channel"',
    );
  });

  it('says how to start when there is nothing scheduled', () => {
    expect(JSON.stringify(schedulesView([]).blocks)).toContain('/callboard subscribe health [team]');
  });
});
