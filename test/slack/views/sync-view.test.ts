import { describe, expect, it } from 'vitest';
import { syncNotAllowedView, syncStartedView, syncSummaryView } from '../../../src/slack/views/sync-view.ts';
import type { SyncSummary } from '../../../src/core/sync/sync-summary.ts';
import { allMrkdwn, blockById, blockIds, expectMessageWithinLimits, expectNoInjectedControls, FIVE_KB, HOSTILE, HOSTILE_ESCAPED } from './view-helpers.ts';

const summary = (extra: Partial<SyncSummary> = {}): SyncSummary => ({
  startedAt: '2025-03-01T10:00:00.000Z',
  durationMs: 1234,
  sources: [
    { id: 'dir:examples/acme', outcome: 'synced', filesRead: 12, filesRemoved: 1 },
    { id: 'github:acme', outcome: 'unavailable', filesRead: 0, filesRemoved: 0, message: 'GitHub answered 503' },
  ],
  added: 3,
  updated: 2,
  removed: 1,
  errors: 1,
  warnings: 4,
  ...extra,
});

describe('sync views', () => {
  it('announces a started sync', () => {
    const message = syncStartedView();
    expect(blockIds(message.blocks)).toEqual(['sync.started']);
    expectMessageWithinLimits(message);
  });

  it('summarises a pass', () => {
    const message = syncSummaryView(summary());
    expect(blockIds(message.blocks)).toEqual(['sync.summary', 'sync.sources', 'sync.timing']);
    expect(allMrkdwn([blockById(message.blocks, 'sync.summary')])).toBe(
      ":warning: Sync finished, but 1 source was unreachable (their last good state is kept).\n3 entities added, 2 updated, 1 removed.\n:x: 1 error and 4 warnings in the catalog: `/callboard errors` lists your teams'.",
    );
    expect(allMrkdwn([blockById(message.blocks, 'sync.sources')])).toBe(
      '*Sources (2)*\n:white_check_mark: `dir:examples/acme` synced (12 files read, 1 removed)\n:x: `github:acme` unavailable: GitHub answered 503',
    );
    expect(allMrkdwn([blockById(message.blocks, 'sync.timing')])).toBe(
      'Started <!date^1740823200^{date_short_pretty} at {time}|2025-03-01T10:00:00.000Z>, took 1.2 s',
    );
    expect(message.text).toBe('Sync finished: 3 entities added, 2 updated, 1 removed.');
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
  });

  it("points an admin at every team's problems, not only their own", () => {
    const line = allMrkdwn([blockById(syncSummaryView(summary(), { admin: true }).blocks, 'sync.summary')]);
    expect(line).toContain("`/callboard errors all` lists them all, `/callboard errors` your teams'.");
  });

  it('keeps many sources and hostile messages within limits', () => {
    const sources = Array.from({ length: 300 }, (_, i) => ({
      id: `git:${HOSTILE}/${i}`,
      outcome: 'unavailable' as const,
      filesRead: 0,
      filesRemoved: 0,
      message: `${HOSTILE}${FIVE_KB}`,
    }));
    const message = syncSummaryView(summary({ sources, errors: 0, warnings: 0 }));
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn([blockById(message.blocks, 'sync.sources')])).toMatch(/…and \d+ more sources$/);
  });

  it('refuses in one line that names who can start a sync', () => {
    const message = syncNotAllowedView(['group:platform-team', 'ada@acme.example', HOSTILE]);
    const text = allMrkdwn(message.blocks);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain('`group:platform-team`, `ada@acme.example`');
    expect(text).toContain('(`slack.syncAllowed`)');
    expect(text).not.toMatch(/try again/i);
    expectNoInjectedControls(message);
    expectMessageWithinLimits(message);
    expect(allMrkdwn(syncNotAllowedView([]).blocks)).toContain('none are set yet (`slack.syncAllowed` in callboard.yaml)');
  });
});
