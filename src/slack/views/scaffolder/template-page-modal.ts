import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { isFieldActive } from '../../../core/scaffolder/form/build-form-model.ts';
import type { FormPage } from '../../../core/scaffolder/form/form-model.ts';
import { ScaffolderActionIds, ViewCallbackIds } from '../../ids.ts';
import { escapeMrkdwn, truncate } from '../../mrkdwn.ts';
import { actionsBlock, button, contextBlock, Limits, plainText, sectionBlock } from '../blocks.ts';
import { fieldBlocks } from './field-blocks.ts';

/** Slack's limit on a modal's title, submit and close texts. */
export const MODAL_TITLE_CHARS = 24;

export interface TemplatePageModalInput {
  templateTitle: string;
  page: FormPage;
  /** This page's place among the pages shown (pages whose `when` is false are not counted). */
  position: { number: number; of: number };
  /** Values so far (defaults filled in where nothing was entered): inputs are pre-filled with them. */
  values: Readonly<Record<string, unknown>>;
  /** The form session's id and page (sessionMetadata); the values stay in memory, never in the view. */
  privateMetadata: string;
  /** The last page submits to the review page instead of the next page. */
  isLast: boolean;
}

/** A page's fields as inputs, with the page title, its notes and, after the first page, a Back button. */
const pageBlocks = (input: TemplatePageModalInput): KnownBlock[] => {
  const { page, position, values } = input;
  const heading = `*${escapeMrkdwn(truncate(page.title, 200))}*  ·  page ${position.number} of ${position.of}`;
  const blocks: KnownBlock[] = [
    sectionBlock(page.description ? `${heading}\n${escapeMrkdwn(truncate(page.description, 2500))}` : heading, 'scaffolder.page.heading'),
  ];
  page.notes.forEach((note, i) => blocks.push(contextBlock([`:warning: ${escapeMrkdwn(note)}`], `scaffolder.page.note.${i}`)));
  for (const field of page.fields) {
    if (!isFieldActive(field, values)) continue;
    blocks.push(...fieldBlocks(field, values[field.name] ?? field.default));
  }
  focusFirstAutofocus(blocks, page);
  if (!blocks.some((block) => block.type === 'input')) blocks.push(contextBlock(['Nothing to fill in on this page.'], 'scaffolder.page.empty'));
  const nav =
    position.number > 1
      ? [actionsBlock([button({ text: 'Back', actionId: ScaffolderActionIds.pageBack, value: String(page.index) })], 'scaffolder.page.nav')]
      : [];
  return fitBlocks(blocks, nav);
};

/** `ui:autofocus`: Slack focuses at most one element per view, so the first such field wins. */
const focusFirstAutofocus = (blocks: KnownBlock[], page: FormPage): void => {
  const names = new Set(page.fields.filter((field) => field.autofocus).map((field) => field.name));
  const target = blocks.find((block): block is InputBlock => block.type === 'input' && names.has(block.block_id ?? ''));
  if (target) target.element = { ...target.element, focus_on_load: true } as InputBlock['element'];
};

/** A modal holds 100 blocks: a page with more questions says so instead of being refused by Slack. */
const fitBlocks = (blocks: KnownBlock[], nav: KnownBlock[]): KnownBlock[] => {
  const room = Limits.viewBlocks - nav.length;
  if (blocks.length <= room) return [...blocks, ...nav];
  const kept = blocks.slice(0, room - 1);
  const dropped = blocks.slice(room - 1).filter((block) => block.type === 'input').length;
  const note = contextBlock(
    [`:warning: ${dropped} more questions do not fit in a Slack modal; run this template with \`callboard scaffold\` to answer them.`],
    'scaffolder.page.overflow',
  );
  return [...kept, note, ...nav];
};

/** One page of a template's form. Submit goes to the next page (Next) or to the review page (Review). */
export const templatePageModal = (input: TemplatePageModalInput): ModalView => ({
  type: 'modal',
  callback_id: ViewCallbackIds.templatePage,
  title: plainText(input.templateTitle, MODAL_TITLE_CHARS),
  submit: plainText(input.isLast ? 'Review' : 'Next', MODAL_TITLE_CHARS),
  close: plainText('Cancel', MODAL_TITLE_CHARS),
  private_metadata: input.privateMetadata,
  blocks: pageBlocks(input),
});
