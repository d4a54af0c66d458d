import type { HandOff, Route } from '../http-types.ts';
import { jsonResponse } from '../http-types.ts';
import { checkSlackRequest } from './check-slack-request.ts';
import { ReplayGuard } from './replay-guard.ts';

/** Bolt's receiver entry point (HTTPReceiver's `requestListener`); it reads the pre-read `rawBody`. */
export type SlackRequestListener = HandOff['handOff'];

export interface SlackEventsRoute {
  route: Route;
  /** Starts passing checked requests to Bolt; until then they are answered 503 so that Slack retries. */
  attach(listener: SlackRequestListener): void;
}

/** Where Slack sends events, commands and interactions in HTTP mode (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * `POST /slack/events`: the checks of `checkSlackRequest`, then the replay guard, then Bolt's HTTPReceiver,
 * which verifies the signature once more and acknowledges as Bolt does.
 */
export const createSlackEventsRoute = (options: { signingSecret: string; now?: () => number }): SlackEventsRoute => {
  const now = options.now ?? Date.now;
  const replays = new ReplayGuard(now);
  let listener: SlackRequestListener | undefined;
  const route: Route = {
    method: 'POST',
    path: SLACK_EVENTS_PATH,
    handler: async (request) => {
      const checked = checkSlackRequest(request, options.signingSecret, now());
      if (!checked.ok) return checked.answer;
      if (!listener)
        return jsonResponse(503, { error: 'Callboard is starting; Slack requests are answered after the first sync pass' }, { 'retry-after': '5' });
      if (checked.request.kind === 'signed' && !replays.admit(checked.request)) return jsonResponse(401, { error: 'This signed request was already received' });
      return { handOff: listener };
    },
  };
  return { route, attach: (next) => void (listener = next) };
};
