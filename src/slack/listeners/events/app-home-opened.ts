import type { SlackDeps } from '../../slack-deps.ts';
import { answerHome } from '../answers/answer-home.ts';
import type { HomeOpenedArgs } from '../bolt-args.ts';

/** Each time someone opens the Home tab, it is rebuilt from the catalog as it is now. */
export const appHomeOpened =
  (deps: SlackDeps) =>
  async ({ event, client }: HomeOpenedArgs): Promise<void> => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: await answerHome(deps, event.user) });
  };
