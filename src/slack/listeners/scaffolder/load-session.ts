import type { ModalView } from '@slack/types';
import { noticeModal } from '../../views/runs/notice-modal.ts';
import { NotFoundError, PermissionError } from '../../../core/errors.ts';
import type { TemplateDefinition } from '../../../core/scaffolder/template-definition.ts';
import type { Scaffolder } from '../../../scaffolder/scaffolder.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import type { FormSession } from './form-sessions.ts';

export type LoadedSession = { ok: true; session: FormSession; definition: TemplateDefinition; scaffolder: Scaffolder } | { ok: false; reason: string };

export const NOT_SET_UP = 'Software templates are not set up in this Callboard.';
const EXPIRED = 'Callboard no longer holds this form (it restarted, or the form was left open for a day). Run /create again.';

/**
 * The form a modal belongs to, and its template as the person may still run it: the template may have been
 * removed, or the person's groups changed, since the form opened.
 */
export const loadSession = (deps: Pick<SlackDeps, 'scaffolder' | 'scaffolding'>, privateMetadata: string | undefined): LoadedSession => {
  const scaffolder = deps.scaffolder;
  if (!scaffolder) return { ok: false, reason: NOT_SET_UP };
  const session = deps.scaffolding.forms.fromMetadata(privateMetadata);
  if (!session) return { ok: false, reason: EXPIRED };
  try {
    const definition = scaffolder.template(session.templateRef, session.requester);
    // The template may have lost pages since the form opened (it was edited and synced): start again.
    if (session.page > definition.pages.length) return { ok: false, reason: EXPIRED };
    return { ok: true, session, definition, scaffolder };
  } catch (error) {
    if (error instanceof PermissionError || error instanceof NotFoundError) return { ok: false, reason: error.message };
    throw error;
  }
};

/** The modal that replaces a form Callboard cannot continue, saying why. */
export const expiredModal = (reason: string): ModalView => noticeModal('Callboard', escapeMrkdwn(reason));
