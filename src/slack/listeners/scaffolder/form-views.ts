import type { ModalView, PlainTextOption } from '@slack/types';
import type { CatalogReader } from '../../../core/ports.ts';
import type { TemplateDefinition } from '../../../core/scaffolder/template-definition.ts';
import type { Requester, RunPreview } from '../../../scaffolder/scaffolder.ts';

/**
 * What the listeners need from the template form's views and value parser (src/slack/views/scaffolder/ and
 * src/slack/parse/template-form-values.ts): the listeners decide which page comes next and what runs; these
 * build the modals and read them back. Bound to the real ones in template-form-views.ts.
 */

export interface FormPageInput {
  definition: TemplateDefinition;
  /** Index of the page in the template's pages. */
  page: number;
  values: Readonly<Record<string, unknown>>;
  privateMetadata: string;
  /** 1-based position of the page among the pages shown, and how many are shown (the review page not counted). */
  position: { step: number; of: number };
  /** No page follows: the submit button leads to the review. */
  isLast: boolean;
  /** Field name → message, drawn on the page (a review that found a problem on an earlier page sends it back here). */
  errors?: Readonly<Record<string, string>>;
}

export interface ReviewInput {
  definition: TemplateDefinition;
  values: Readonly<Record<string, unknown>>;
  preview: RunPreview;
  privateMetadata: string;
}

export interface PickerQuery {
  catalog: CatalogReader;
  definition: TemplateDefinition;
  page: number;
  values: Readonly<Record<string, unknown>>;
  actionId: string;
  blockId: string;
  /** What the person typed. */
  text: string;
  requester: Requester;
}

export interface TemplateFormViews {
  pageModal(input: FormPageInput): ModalView;
  reviewModal(input: ReviewInput): ModalView;
  /**
   * Every value so far with the page's answers (as typed in `stateValues`) in place of its fields' old ones, and the
   * fields whose input could not be read.
   */
  readPage(
    definition: TemplateDefinition,
    page: number,
    stateValues: unknown,
    previous: Readonly<Record<string, unknown>>,
  ): { values: Record<string, unknown>; errors: Record<string, string> };
  /** Field errors (keyed by parameter name, '' for the page) → `response_action: errors`, keyed by the page's input block ids. */
  errorBlocks(
    definition: TemplateDefinition,
    page: number,
    values: Readonly<Record<string, unknown>>,
    fieldErrors: Readonly<Record<string, string>>,
  ): Record<string, string>;
  /** Options for an external select the person is typing into (catalog pickers, long enums). */
  pickerOptions(query: PickerQuery): PlainTextOption[];
}
