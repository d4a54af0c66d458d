import type { KnownBlock, ModalView } from '@slack/types';
import type { ReviewEntry } from '../../../core/scaffolder/form/review-entries.ts';
import type { RunPreview } from '../../../scaffolder/scaffolder.ts';
import { ScaffolderActionIds, ViewCallbackIds } from '../../ids.ts';
import { escapeMrkdwn, truncate } from '../../mrkdwn.ts';
import { actionsBlock, button, contextBlock, dividerBlock, fitLines, packLines, sectionBlock } from '../blocks.ts';
import { plainText } from '../blocks.ts';
import { fileTreeLines } from './file-tree-text.ts';
import { MODAL_TITLE_CHARS } from './template-page-modal.ts';

/**
 * The last page before anything runs: the values (masked where the template says), the repository that will be
 * created, the steps in order, and what the skeleton produces (tree and the rendered catalog-info.yaml) from a dry
 * run. Create submits; Back returns to the last form page.
 */

export interface TemplateReviewModalInput {
  templateTitle: string;
  entries: readonly ReviewEntry[];
  preview: RunPreview;
  privateMetadata: string;
  /** Groups whose approval the run will wait for. */
  approvers?: readonly string[];
}

/** Code blocks: text is escaped like any mrkdwn, and ``` inside would end the block early. */
const codeBlock = (text: string): string => `\`\`\`${escapeMrkdwn(text).replace(/```/g, "'''")}\`\`\``;
const CODE_BUDGET = 2400;

const valueBlocks = (entries: readonly ReviewEntry[]): KnownBlock[] => {
  if (entries.length === 0) return [contextBlock(['No values to show.'], 'scaffolder.review.values')];
  const lines = entries.map((entry) => `*${escapeMrkdwn(truncate(entry.label, 100))}:* ${escapeMrkdwn(truncate(entry.text.replace(/\s*\n\s*/g, ' '), 400))}`);
  return packLines(lines)
    .slice(0, 10)
    .map((text, i) => sectionBlock(text, i === 0 ? 'scaffolder.review.values' : `scaffolder.review.values.${i}`));
};

const stepLines = (preview: RunPreview): string[] =>
  preview.steps.map((step, i) => {
    const name = escapeMrkdwn(truncate(step.name || step.id, 120));
    const skipped = step.willRun ? '' : ' _(skipped: its `if` is false)_';
    return `${i + 1}. ${name}  \`${escapeMrkdwn(step.action)}\`${skipped}`;
  });

const filesBlocks = (preview: RunPreview): KnownBlock[] => {
  if (preview.files.length === 0) return [contextBlock(['The template’s steps produce no files before publishing.'], 'scaffolder.review.files')];
  const { shown, hidden } = fitLines(fileTreeLines(preview.files), CODE_BUDGET);
  const blocks: KnownBlock[] = [sectionBlock(`*Files (${preview.files.length})*\n${codeBlock(shown.join('\n'))}`, 'scaffolder.review.files')];
  if (hidden > 0) blocks.push(contextBlock([`and ${hidden} more lines of the tree`], 'scaffolder.review.files.more'));
  return blocks;
};

const catalogInfoBlocks = (preview: RunPreview): KnownBlock[] => {
  if (!preview.catalogInfo) return [];
  const { shown, hidden } = fitLines(preview.catalogInfo.split('\n'), CODE_BUDGET);
  const more = hidden > 0 ? `\n_${hidden} more lines_` : '';
  return [sectionBlock(`*catalog-info.yaml*\n${codeBlock(shown.join('\n'))}${more}`, 'scaffolder.review.catalog_info')];
};

const reviewBlocks = (input: TemplateReviewModalInput): KnownBlock[] => {
  const { preview } = input;
  const repository = preview.repository
    ? `*Repository:* ${escapeMrkdwn(preview.repository)} will be created.`
    : '*Repository:* this template names no repository to create.';
  const approval =
    input.approvers && input.approvers.length > 0
      ? [
          contextBlock(
            [`:lock: Nothing runs until a member of ${input.approvers.map((ref) => `\`${escapeMrkdwn(ref)}\``).join(' or ')} approves.`],
            'scaffolder.review.approval',
          ),
        ]
      : [];
  return [
    sectionBlock('*Check before anything is created.* Create runs the steps below; Back changes the answers.', 'scaffolder.review.heading'),
    ...valueBlocks(input.entries),
    dividerBlock('scaffolder.review.divider'),
    sectionBlock(repository, 'scaffolder.review.repository'),
    ...packLines([`*Steps (${preview.steps.length})*`, ...stepLines(preview)])
      .slice(0, 5)
      .map((text, i) => sectionBlock(text, i === 0 ? 'scaffolder.review.steps' : `scaffolder.review.steps.${i}`)),
    ...filesBlocks(preview),
    ...catalogInfoBlocks(preview),
    ...approval,
    actionsBlock([button({ text: 'Back', actionId: ScaffolderActionIds.reviewBack, value: 'back' })], 'scaffolder.review.nav'),
  ];
};

export const templateReviewModal = (input: TemplateReviewModalInput): ModalView => ({
  type: 'modal',
  callback_id: ViewCallbackIds.templateReview,
  title: plainText(input.templateTitle, MODAL_TITLE_CHARS),
  submit: plainText('Create', MODAL_TITLE_CHARS),
  close: plainText('Cancel', MODAL_TITLE_CHARS),
  private_metadata: input.privateMetadata,
  blocks: reviewBlocks(input),
});
