import type { KnownBlock } from '@slack/types';
import type { TemplateSummary } from '../../../scaffolder/scaffolder.ts';
import { ScaffolderActionIds } from '../../ids.ts';
import { escapeMrkdwn, truncate } from '../../mrkdwn.ts';
import { button, contextBlock, fitLines, Limits, plural, sectionBlock } from '../blocks.ts';
import { askerOnlyMessage, ephemeralMessage, type SlackMessage } from '../slack-message.ts';

/** Each template is a section and, when it can run, a Choose button: 20 fit a message with room to spare. */
const MAX_LISTED = 20;

const templateText = (template: TemplateSummary): string => {
  const title = `*${escapeMrkdwn(truncate(template.title, 150))}*  \`${escapeMrkdwn(template.ref)}\``;
  const description = template.description ? escapeMrkdwn(truncate(template.description, 600)) : undefined;
  const facts = [
    template.owner ? `owner \`${escapeMrkdwn(template.owner)}\`` : undefined,
    template.type ? `type ${escapeMrkdwn(template.type)}` : undefined,
    template.tags.length > 0
      ? `tags ${template.tags
          .slice(0, 10)
          .map((tag) => `\`${escapeMrkdwn(tag)}\``)
          .join(' ')}`
      : undefined,
    template.needsApproval ? ':lock: needs approval' : undefined,
  ].filter(Boolean);
  const problems = template.canRun
    ? []
    : [
        `:no_entry: Cannot run: ${escapeMrkdwn(truncate(template.problems[0]?.message ?? 'the template has problems', 300))} (\`/callboard errors\` lists them).`,
      ];
  return [title, ...(description ? [description] : []), ...(facts.length > 0 ? [facts.join(' · ')] : []), ...problems].join('\n');
};

const templateBlocks = (template: TemplateSummary, index: number): KnownBlock[] => {
  // Slack wants action ids unique in a message: the index tells the buttons apart, the value carries the ref.
  const choose = button({ text: 'Choose', actionId: `${ScaffolderActionIds.chooseTemplate}.${index}`, value: template.ref, style: 'primary' });
  return [sectionBlock(templateText(template), `scaffolder.template.${index}`, template.canRun ? choose : undefined)];
};

/** `/create [words]` with more than one template (or none that can run): each one, with Choose where it can run. */
export const templateListView = (templates: readonly TemplateSummary[], words: string): SlackMessage => {
  const asked = words ? ` matching “${escapeMrkdwn(truncate(words, 100))}”` : '';
  if (templates.length === 0) {
    const hint = words ? 'Try fewer words, or `/create` alone for every template you may run.' : 'Ask whoever runs Callboard which templates you may use.';
    return askerOnlyMessage(`No template${asked} that you may run.`, [
      sectionBlock(`:mag: No template${asked} that you may run. ${hint}`, 'scaffolder.templates.none'),
    ]);
  }
  const listed = templates.slice(0, MAX_LISTED);
  const blocks: KnownBlock[] = [
    sectionBlock(`*${plural(templates.length, 'template')}${asked}.* Choose one to fill in its form.`, 'scaffolder.templates.intro'),
  ];
  const budget = fitLines(listed.map(templateText), Limits.messageChars - 500).shown.length;
  listed.slice(0, Math.max(1, budget)).forEach((template, index) => blocks.push(...templateBlocks(template, index)));
  const hidden = templates.length - Math.max(1, budget);
  if (hidden > 0)
    blocks.push(contextBlock([`…and ${plural(hidden, 'more template')}: add words to narrow the list, e.g. \`/create docs\`.`], 'scaffolder.templates.more'));
  return ephemeralMessage(`${plural(templates.length, 'template')}${asked}`, blocks);
};
