import type { ParsedRequest, SlackRequest } from '../../parse/slack-request.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { helpView } from '../../views/help-view.ts';
import { usageView } from '../../views/not-found-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import type { Audience } from '../../views/owner-text.ts';
import { whoamiView } from '../../views/whoami-view.ts';
import { answerDependencies, answerOwner } from './answer-entity.ts';
import { answerErrors, answerSync } from './answer-housekeeping.ts';
import { answerOnCall } from './answer-oncall.ts';
import { answerBuiltDocs, answerTeamDocs } from './answer-docs.ts';
import { answerDocs } from './answer-oncall-docs.ts';
import { answerScorecardRequest } from './answer-scorecard.ts';
import { answerSearch } from './answer-search.ts';

export interface AnswerOptions {
  /** Shown before slow work (a sync pass) while the final answer is computed. */
  onProgress?: (message: SlackMessage) => Promise<unknown>;
  /** Who will see the answer (default 'private'). 'shared' (mention replies, Share): members are named, never mentioned. */
  audience?: Audience;
}

/**
 * The one place a request becomes an answer, whichever way it arrived: slash command, mention,
 * button, shortcut or `callboard ask`. Use cases in, a view out.
 */
export const answerRequest = async (deps: SlackDeps, request: SlackRequest, askerId: string, options: AnswerOptions = {}): Promise<SlackMessage> => {
  switch (request.kind) {
    case 'owner':
      return answerOwner(deps, request.entity, { askerId, ...(options.audience ? { audience: options.audience } : {}) });
    case 'deps':
      return answerDependencies(deps, request.entity, request.direction, request.depth);
    case 'find':
      return answerSearch(deps, request.query);
    case 'oncall':
      return answerOnCall(deps, request, askerId, options.audience);
    case 'docs':
      // Without built docs (no docs library wired), the links and TechDocs annotation the catalog file declares.
      return deps.docs ? answerBuiltDocs(deps, deps.docs, request.entity) : answerDocs(deps, request.entity);
    case 'team-docs':
      return answerTeamDocs(deps, askerId);
    case 'scorecard':
      return answerScorecardRequest(deps, request.entity);
    case 'help':
      return helpView();
    case 'errors':
      return answerErrors(deps, request.team, askerId);
    case 'sync':
      return answerSync(deps, askerId, options.onProgress);
    case 'whoami':
      return whoamiView(await deps.identity.identify(askerId));
  }
};

/** A parsed request's answer, or the usage hint for text that was not one. */
export const answerParsed = (deps: SlackDeps, parsed: ParsedRequest, askerId: string, options: AnswerOptions = {}): Promise<SlackMessage> =>
  parsed.ok ? answerRequest(deps, parsed.request, askerId, options) : Promise.resolve(usageView(parsed.command, parsed.problem));
