import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ScaffolderActionIds, ViewCallbackIds } from '../../../src/slack/ids.ts';
import { register } from '../../../src/slack/listeners/scaffolder/index.ts';
import type { SlackDeps } from '../../../src/slack/slack-deps.ts';

/** What the scaffolder listeners register, without a real Bolt app. */
const registrations = () => {
  const seen = { actions: [] as Array<string | RegExp>, views: [] as string[], options: [] as Array<string | RegExp> };
  const app = {
    action: (constraints: { action_id: string | RegExp }) => void seen.actions.push(constraints.action_id),
    view: (callbackId: string) => void seen.views.push(callbackId),
    options: (constraints: { action_id: string | RegExp }) => void seen.options.push(constraints.action_id),
  } as unknown as App;
  register(app, {} as SlackDeps);
  return seen;
};

const routes = (patterns: ReadonlyArray<string | RegExp>, actionId: string): number =>
  patterns.filter((pattern) => (typeof pattern === 'string' ? pattern === actionId : pattern.test(actionId))).length;

describe('scaffolder listener registration', () => {
  const seen = registrations();

  it('routes every button the scaffolder views render to exactly one listener', () => {
    for (const id of [
      ScaffolderActionIds.retryRun,
      ScaffolderActionIds.editAndRetry,
      ScaffolderActionIds.approveRun,
      ScaffolderActionIds.denyRun,
      ScaffolderActionIds.pageBack,
      ScaffolderActionIds.reviewBack,
      `${ScaffolderActionIds.chooseTemplate}.0`,
      `${ScaffolderActionIds.chooseTemplate}.19`,
      `${ScaffolderActionIds.fieldPrefix}kind`,
      `${ScaffolderActionIds.pickerPrefix}owner`,
    ])
      expect(routes(seen.actions, id), id).toBe(1);
    expect(routes(seen.actions, 'scaffolder.choose_template_x')).toBe(0);
  });

  it('handles both modals and the external selects of a form', () => {
    expect(seen.views.sort()).toEqual([ViewCallbackIds.templatePage, ViewCallbackIds.templateReview].sort());
    expect(routes(seen.options, `${ScaffolderActionIds.pickerPrefix}owner`)).toBe(1);
    expect(routes(seen.options, `${ScaffolderActionIds.fieldPrefix}owner`)).toBe(0);
  });
});
