import type { ModalView } from '@slack/types';
import type { TemplateDefinition } from '../../../core/scaffolder/template-definition.ts';
import type { Requester } from '../../../scaffolder/scaffolder.ts';
import { firstPage, nextPage, pagePosition } from './form-navigation.ts';
import { sessionMetadata, type FormSession } from './form-sessions.ts';
import type { ScaffolderSlack } from './scaffolder-slack.ts';

/** The listeners' shared state: sessions, progress messages, the form's views. */
export type FormContext = ScaffolderSlack;

/** The modal for the session's page, errors drawn on it when given. */
export const pageModalFor = (context: FormContext, session: FormSession, definition: TemplateDefinition, errors?: Record<string, string>): ModalView =>
  context.views.pageModal({
    definition,
    page: session.page,
    values: session.values,
    privateMetadata: sessionMetadata(session),
    position: pagePosition(definition, session.values, session.page),
    isLast: nextPage(definition, session.values, session.page) === undefined,
    ...(errors ? { errors } : {}),
  });

export interface NewForm {
  definition: TemplateDefinition;
  requester: Requester;
  channel?: string;
  values?: Record<string, unknown>;
  editOf?: string;
}

/**
 * A new form session on the template's first shown page. A template without any page (no parameters) goes
 * straight to its review, which the caller opens.
 */
export const startForm = (context: FormContext, form: NewForm): FormSession => {
  const values = form.values ?? {};
  const page = firstPage(form.definition, values) ?? form.definition.pages.length;
  return context.forms.start({
    templateRef: form.definition.ref,
    requester: form.requester,
    values,
    page,
    ...(form.channel ? { channel: form.channel } : {}),
    ...(form.editOf ? { editOf: form.editOf } : {}),
  });
};
