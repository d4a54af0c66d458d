import type { KnownBlock, ModalView } from '@slack/types';
import { buildFormPage } from '../../../core/scaffolder/form/build-form-model.ts';
import type { FormPage } from '../../../core/scaffolder/form/form-model.ts';
import { reviewEntries, type ReviewEntry } from '../../../core/scaffolder/form/review-entries.ts';
import { resolvePages } from '../../../core/scaffolder/form/visible-pages.ts';
import type { TemplateDefinition } from '../../../core/scaffolder/template-definition.ts';
import { escapeMrkdwn, truncate } from '../../mrkdwn.ts';
import { mergePageValues, parseTemplateFormValues, type SlackStateValues } from '../../parse/template-form-values.ts';
import { contextBlock, Limits, plainText } from '../../views/blocks.ts';
import { ScaffolderActionIds } from '../../ids.ts';
import { pickerOptions } from '../../../usecases/scaffold/picker-options.ts';
import { pageErrors } from '../../views/scaffolder/page-errors.ts';
import { templatePageModal } from '../../views/scaffolder/template-page-modal.ts';
import { templateReviewModal } from '../../views/scaffolder/template-review-modal.ts';
import type { FormPageInput, TemplateFormViews } from './form-views.ts';

/** The template form's views and value parser (src/slack/views/scaffolder/, src/slack/parse/template-form-values.ts) behind the listeners' port. */

const formPage = (definition: TemplateDefinition, page: number): FormPage => {
  const parameters = definition.pages[page];
  if (!parameters) throw new Error(`${definition.ref} has no form page ${page + 1}`);
  return buildFormPage(parameters, page);
};

/**
 * Errors found after the page was left (the dry run refused a value) cannot use `response_action: errors`, which
 * only marks the view just submitted: they are listed at the top of the page instead.
 */
const withErrors = (modal: ModalView, errors: Readonly<Record<string, string>> | undefined, page: FormPage): ModalView => {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return modal;
  const label = (name: string) => page.fields.find((field) => field.name === name)?.label ?? name;
  const lines = entries.map(([name, message]) => `:warning: ${name ? `*${escapeMrkdwn(label(name))}:* ` : ''}${escapeMrkdwn(truncate(message, 500))}`);
  const notice: KnownBlock = contextBlock([lines.join('\n')], 'scaffolder.page.errors');
  const [heading, ...rest] = modal.blocks;
  return { ...modal, blocks: heading ? [heading, notice, ...rest].slice(0, 100) : [notice] };
};

const pageModal = (input: FormPageInput): ModalView => {
  const page = formPage(input.definition, input.page);
  const modal = templatePageModal({
    templateTitle: input.definition.title,
    page,
    position: { number: input.position.step, of: input.position.of },
    values: input.values,
    privateMetadata: input.privateMetadata,
    isLast: input.isLast,
  });
  return withErrors(modal, input.errors, page);
};

/** The answers the run will get: pages whose `when` is false, and their answers, are left out as the scaffolder drops them. */
const reviewedEntries = (definition: TemplateDefinition, values: Record<string, unknown>): ReviewEntry[] => {
  const { visible, values: kept } = resolvePages(definition.pages, values);
  return reviewEntries(
    visible.map((index) => formPage(definition, index)),
    kept,
  );
};

export const templateFormViews: TemplateFormViews = {
  pageModal,
  reviewModal: ({ definition, values, preview, privateMetadata }) =>
    templateReviewModal({
      templateTitle: definition.title,
      entries: reviewedEntries(definition, values),
      preview,
      privateMetadata,
      approvers: definition.approvers,
    }),
  readPage: (definition, page, stateValues, previous) => {
    const form = formPage(definition, page);
    const parsed = parseTemplateFormValues(form, (stateValues ?? {}) as SlackStateValues, previous);
    return { values: mergePageValues(previous, form, parsed.values), errors: parsed.errors };
  },
  errorBlocks: (definition, page, values, fieldErrors) => pageErrors(formPage(definition, page), values, fieldErrors),
  pickerOptions: ({ catalog, definition, page, actionId, text, requester }) => {
    const name = actionId.startsWith(ScaffolderActionIds.pickerPrefix) ? actionId.slice(ScaffolderActionIds.pickerPrefix.length) : undefined;
    const field = formPage(definition, page).fields.find((candidate) => candidate.name === name);
    if (!field) return [];
    return pickerOptions(catalog, { field, typed: text, ...(requester.userRef ? { userRef: requester.userRef } : {}) }).map((option) => ({
      text: plainText(option.text, Limits.optionText),
      value: option.value,
    }));
  },
};
