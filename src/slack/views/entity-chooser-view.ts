import type { KnownBlock, MrkdwnOption } from '@slack/types';
import type { EntitySummary } from '../../core/catalog-reader/catalog-queries.ts';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { encodeChoiceValue, type ChooserIntent } from './action-values.ts';
import { actionsBlock, contextBlock, Limits, mrkdwnText, plainText, plural, sectionBlock, staticSelect } from './blocks.ts';
import { askerOnlyMessage, type SlackMessage } from './slack-message.ts';

/** Radio buttons hold at most 10 options; more candidates go into a select menu (≤100). */
const MAX_RADIO = 10;

const QUESTION: Record<ChooserIntent, string> = {
  owner: 'whose owner you want',
  deps: 'whose dependencies you want',
  dependents: 'whose dependents (blast radius) you want',
  oncall: 'whose on-call you want',
  docs: 'whose docs you want',
};

const radioOption = (candidate: EntitySummary, intent: ChooserIntent): MrkdwnOption => ({
  text: mrkdwnText(`*${escapeMrkdwn(candidate.title ?? candidate.name)}*  ${escapeMrkdwn(candidate.kind.toLowerCase())}`, Limits.optionText),
  description: plainText(candidate.ref, Limits.optionText),
  value: encodeChoiceValue(intent, candidate.ref),
});

const radioButtons = (candidates: readonly EntitySummary[], intent: ChooserIntent): KnownBlock[] => {
  const options = candidates
    .filter((candidate) => encodeChoiceValue(intent, candidate.ref).length <= Limits.optionValue)
    .map((candidate) => radioOption(candidate, intent));
  return [actionsBlock([{ type: 'radio_buttons', action_id: ActionIds.chooseEntity, options }], 'chooser.choices')];
};

const selectMenu = (candidates: readonly EntitySummary[], intent: ChooserIntent): KnownBlock[] => {
  // Select options are plain text of at most 75 characters: the ref says which one it is.
  const options = candidates.map((candidate) => ({ text: candidate.ref, value: encodeChoiceValue(intent, candidate.ref) }));
  const select = staticSelect(ActionIds.chooseEntity, 'Choose an entity', options);
  const blocks: KnownBlock[] = [actionsBlock([select], 'chooser.choices')];
  const hidden = candidates.length - (select.options?.length ?? 0);
  if (hidden > 0)
    blocks.push(
      contextBlock([`${plural(hidden, 'more match', 'more matches')} not listed: type the full ref, e.g. \`component:default/name\`.`], 'chooser.more'),
    );
  return blocks;
};

/**
 * "Which one did you mean?" when a name matches several entities: radio buttons for up to ten,
 * a select menu beyond. Either way one element, action id `entity.choose`, and the chosen
 * option's value is `encodeChoiceValue(intent, ref)`.
 */
export const entityChooserView = (candidates: EntitySummary[], intent: ChooserIntent): SlackMessage => {
  const intro = `${plural(candidates.length, 'entity', 'entities')} match that name. Choose the one ${QUESTION[intent]}:`;
  if (candidates.length === 0)
    return askerOnlyMessage('No entity matches that name.', [
      sectionBlock('No entity matches that name. `/find &lt;words&gt;` searches the catalog.', 'chooser.intro'),
    ]);
  const choices = candidates.length <= MAX_RADIO ? radioButtons(candidates, intent) : selectMenu(candidates, intent);
  return askerOnlyMessage(intro, [sectionBlock(intro, 'chooser.intro'), ...choices]);
};
