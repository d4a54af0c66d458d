import { describe, expect, it } from 'vitest';
import { ScaffolderActionIds, ViewCallbackIds } from '../../../../src/slack/ids.ts';
import { fileTreeLines } from '../../../../src/slack/views/scaffolder/file-tree-text.ts';
import { templateReviewModal } from '../../../../src/slack/views/scaffolder/template-review-modal.ts';
import type { RunPreview } from '../../../../src/scaffolder/scaffolder.ts';
import { allMrkdwn, blockById, blockIds, expectNoInjectedControls, expectViewWithinLimits, HOSTILE, HOSTILE_ESCAPED } from '../view-helpers.ts';

const preview: RunPreview = {
  files: ['catalog-info.yaml', 'docs/index.md', 'src/index.ts', 'src/lib/util.ts', 'README.md'],
  catalogInfo: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments\nspec:\n  owner: group:default/payments-team\n',
  steps: [
    { id: 'fetch', name: 'Fetch skeleton', action: 'fetch:template', willRun: true, ranInDryRun: true },
    { id: 'publish', name: 'Publish', action: 'publish:github', willRun: true, ranInDryRun: false },
    { id: 'docs', name: 'Docs only', action: 'fetch:plain', willRun: false, ranInDryRun: false },
  ],
  repository: 'github.com/acme/payments',
};

describe('fileTreeLines', () => {
  it('draws folders before files, each folder once', () => {
    expect(fileTreeLines(preview.files)).toEqual(['docs/', '  index.md', 'src/', '  lib/', '    util.ts', '  index.ts', 'README.md', 'catalog-info.yaml']);
  });
});

describe('templateReviewModal', () => {
  const modal = templateReviewModal({
    templateTitle: 'TypeScript service',
    entries: [
      { name: 'name', label: 'Name', text: 'payments' },
      { name: 'pw', label: 'Password', text: '******' },
    ],
    preview,
    privateMetadata: '{"r":"template:default/ts","p":-1}',
    approvers: ['group:default/platform-team'],
  });

  it('lists values, repository, steps in order, the file tree and catalog-info.yaml, with Create and Back', () => {
    expectViewWithinLimits(modal);
    expect(modal).toMatchObject({
      callback_id: ViewCallbackIds.templateReview,
      submit: { text: 'Create' },
      private_metadata: '{"r":"template:default/ts","p":-1}',
    });
    expect(blockIds(modal.blocks)).toEqual([
      'scaffolder.review.heading',
      'scaffolder.review.values',
      'scaffolder.review.divider',
      'scaffolder.review.repository',
      'scaffolder.review.steps',
      'scaffolder.review.files',
      'scaffolder.review.catalog_info',
      'scaffolder.review.approval',
      'scaffolder.review.nav',
    ]);
    expect(allMrkdwn(blockById(modal.blocks, 'scaffolder.review.values'))).toBe('*Name:* payments\n*Password:* ******');
    expect(allMrkdwn(blockById(modal.blocks, 'scaffolder.review.repository'))).toContain('github.com/acme/payments');
    const steps = allMrkdwn(blockById(modal.blocks, 'scaffolder.review.steps'));
    expect(steps.indexOf('1. Fetch skeleton')).toBeLessThan(steps.indexOf('2. Publish'));
    expect(steps).toContain('3. Docs only  `fetch:plain` _(skipped');
    expect(allMrkdwn(blockById(modal.blocks, 'scaffolder.review.files'))).toContain('src/\n  lib/\n    util.ts');
    expect(allMrkdwn(blockById(modal.blocks, 'scaffolder.review.catalog_info'))).toContain('owner: group:default/payments-team');
    expect(JSON.stringify(blockById(modal.blocks, 'scaffolder.review.nav'))).toContain(ScaffolderActionIds.reviewBack);
  });

  it('escapes values and file contents, and fits thousands of files', () => {
    const hostile = templateReviewModal({
      templateTitle: HOSTILE,
      entries: [{ name: 'x', label: HOSTILE, text: HOSTILE }],
      preview: { ...preview, files: Array.from({ length: 5000 }, (_, i) => `src/module-${i}/index.ts`), catalogInfo: `description: ${HOSTILE}\n\`\`\`x` },
      privateMetadata: '{}',
    });
    expectViewWithinLimits(hostile);
    expectNoInjectedControls(hostile);
    expect(allMrkdwn(hostile)).toContain(HOSTILE_ESCAPED);
    expect(blockIds(hostile.blocks)).toContain('scaffolder.review.files.more');
    expect(allMrkdwn(blockById(hostile.blocks, 'scaffolder.review.catalog_info')).match(/```/g)).toHaveLength(2);
  });
});
