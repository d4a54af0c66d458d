import { describe, expect, it } from 'vitest';
import { problemsView } from '../../../src/slack/views/problems-view.ts';
import type { StoredProblem } from '../../../src/core/catalog-reader/catalog-queries.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  blockTextLength,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  FIVE_KB,
  HOSTILE,
  HOSTILE_ESCAPED,
} from './view-helpers.ts';

const problem = (extra: Partial<StoredProblem> = {}): StoredProblem => ({
  severity: 'error',
  message: 'spec.owner is required',
  sourceId: 'dir:acme',
  origin: 'sync',
  ...extra,
});

describe('problemsView', () => {
  it('lists a problem no team owns once, under its own heading, while the counts stay the totals', () => {
    const dangling = problem({ file: 'carrier/catalog-info.yaml', severity: 'warning', message: 'owner group:default/gone is not in the catalog' });
    const owned = problem({ file: 'a/catalog-info.yaml' });
    const message = problemsView([dangling, owned], 'every team', { unowned: [dangling] });
    expect(blockIds(message.blocks)).toEqual(['problems.header', 'problems.counts', 'problems.unowned', 'problems.group.0']);
    expect(allMrkdwn(message.blocks).split('group:default/gone')).toHaveLength(2);
    expect(allMrkdwn([blockById(message.blocks, 'problems.counts')!])).toContain('in 2 files');
  });

  it('groups by file with severity icons and counts, errors first', () => {
    const message = problemsView(
      [
        problem({
          file: 'b/catalog-info.yaml',
          severity: 'warning',
          message: 'owner group:default/x is not in the catalog',
          line: 9,
          entityRef: 'component:default/b',
        }),
        problem({ file: 'a/catalog-info.yaml', line: 3, column: 5 }),
        problem({ file: 'a/catalog-info.yaml', severity: 'warning', message: 'unknown field', line: 1 }),
      ],
      'checkout-team',
    );
    expect(blockIds(message.blocks)).toEqual(['problems.header', 'problems.counts', 'problems.group.0', 'problems.group.1']);
    expect(allMrkdwn([blockById(message.blocks, 'problems.counts')])).toBe(':x: 1 error and 2 warnings in 2 files');
    expect(allMrkdwn([blockById(message.blocks, 'problems.group.0')])).toBe(
      '*a/catalog-info.yaml*  _dir:acme_\n:x: line 3:5: spec.owner is required\n:warning: line 1: unknown field',
    );
    expect(allMrkdwn([blockById(message.blocks, 'problems.group.1')])).toContain('*b/catalog-info.yaml*  `component:default/b`');
    expectMessageWithinLimits(message);
  });

  it('says when there is nothing wrong', () => {
    const message = problemsView([], 'the catalog');
    expect(blockIds(message.blocks)).toEqual(['problems.none']);
    expect(message.text).toBe('No catalog problems in the catalog.');
  });

  it('summarises thousands of problems within the limits', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      problem({ file: `services/svc-${i % 150}/catalog-info.yaml`, line: i, message: `problem ${i} ${FIVE_KB}`, severity: i % 3 === 0 ? 'error' : 'warning' }),
    );
    const message = problemsView(many, 'the catalog');
    expectMessageWithinLimits(message);
    expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(12_000);
    const more = allMrkdwn([blockById(message.blocks, 'problems.more')]);
    const listedGroups = message.blocks.filter((block) => block.block_id?.startsWith('problems.group.')).length;
    expect(more).toContain(`in ${(150 - listedGroups).toLocaleString('en-US')} more files not shown`);
    expect(allMrkdwn([blockById(message.blocks, 'problems.group.0')])).toContain('…and 12 more problems here');
  });

  it('escapes messages, files and scope', () => {
    const message = problemsView([problem({ file: HOSTILE, message: HOSTILE, entityRef: HOSTILE, sourceId: HOSTILE })], HOSTILE);
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expectMessageWithinLimits(message);
  });
});
