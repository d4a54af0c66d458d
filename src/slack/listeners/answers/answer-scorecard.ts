import { resolveEntity } from '../../../usecases/resolve-entity.ts';
import { answerScorecard } from '../../../scorecards/scorecard-answer.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { SlashCommands } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { sectionBlock } from '../../views/blocks.ts';
import { notFoundView, usageView } from '../../views/not-found-view.ts';
import { distributionView, entityScorecardView, teamScorecardView } from '../../views/scorecard-view.ts';
import { askerOnlyMessage, ephemeralMessage, type SlackMessage } from '../../views/slack-message.ts';

/**
 * `/scorecard <entity|team|scorecard>`: stored results only (they are scored after every sync pass), so the answer
 * never waits for a repository or an on-call provider.
 */
export const answerScorecardRequest = (deps: SlackDeps, text: string): SlackMessage => {
  const options = deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {};
  const resolution = resolveEntity(deps.store, text, options);
  switch (resolution.status) {
    case 'invalid':
      return usageView(SlashCommands.scorecard, resolution.message);
    case 'not_found':
      return notFoundView(resolution);
    case 'ambiguous': {
      const refs = resolution.candidates.slice(0, 10).map((candidate) => `\`${escapeMrkdwn(candidate.ref)}\``);
      const body = `Several entities are called that; ask again with one of them, e.g. \`/scorecard ${escapeMrkdwn(resolution.candidates[0]!.ref)}\`:\n${refs.join('\n')}`;
      return askerOnlyMessage(body, [sectionBlock(body, 'scorecard.ambiguous')]);
    }
    case 'found':
      break;
  }
  if (!deps.scorecards) {
    const body = 'Scorecard results are not kept by this process.';
    return ephemeralMessage(body, [sectionBlock(body, 'scorecard.none')]);
  }
  const answer = answerScorecard({ catalog: deps.store, results: deps.scorecards }, resolution.ref);
  switch (answer.kind) {
    case 'entity':
      return entityScorecardView(answer);
    case 'team':
      return teamScorecardView(answer);
    case 'scorecard':
      return distributionView(answer);
  }
};
