import type { SlackDeps } from '../../slack-deps.ts';
import type { ScaffolderActionArgs } from './action-args.ts';
import { previousPage } from './form-navigation.ts';
import { expiredModal, loadSession } from './load-session.ts';
import { pageModalFor } from './open-form.ts';

type ModalClick = ScaffolderActionArgs & { body: { view: NonNullable<ScaffolderActionArgs['body']['view']> } };

const inModal = (args: ScaffolderActionArgs): args is ModalClick => args.body.view !== undefined;

/** What is typed on the page on screen, kept without validating it: moving around the form never blocks. */
const keepTyped = (deps: SlackDeps, args: ModalClick, loaded: Extract<ReturnType<typeof loadSession>, { ok: true }>) => {
  const { session, definition } = loaded;
  if (session.page >= definition.pages.length) return session.values;
  return deps.scaffolding.views.readPage(definition, session.page, args.body.view.state.values, session.values).values;
};

/** Back on a page or the review: the page before it (skipping those whose `when` is false), every value kept. */
export const backAction = (deps: SlackDeps) => async (args: ScaffolderActionArgs) => {
  await args.ack();
  if (!inModal(args)) return;
  const loaded = loadSession(deps, args.body.view.private_metadata);
  if (!loaded.ok) return void (await args.client.views.update({ view_id: args.body.view.id, view: expiredModal(loaded.reason) }));
  const values = keepTyped(deps, args, loaded);
  const page = previousPage(loaded.definition, values, loaded.session.page);
  if (page === undefined) return;
  const moved = { ...loaded.session, values, page };
  deps.scaffolding.forms.save(moved);
  await args.client.views.update({ view_id: args.body.view.id, hash: args.body.view.hash, view: pageModalFor(deps.scaffolding, moved, loaded.definition) });
};

/** A field other fields depend on changed: the page is drawn again for the new value (fields appear or go). */
export const redrawAction = (deps: SlackDeps) => async (args: ScaffolderActionArgs) => {
  await args.ack();
  if (!inModal(args)) return;
  const loaded = loadSession(deps, args.body.view.private_metadata);
  if (!loaded.ok || loaded.session.page >= loaded.definition.pages.length) return;
  const redrawn = { ...loaded.session, values: keepTyped(deps, args, loaded) };
  deps.scaffolding.forms.save(redrawn);
  await args.client.views.update({ view_id: args.body.view.id, hash: args.body.view.hash, view: pageModalFor(deps.scaffolding, redrawn, loaded.definition) });
};
