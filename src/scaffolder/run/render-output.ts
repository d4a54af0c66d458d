import type { RunLink, RunOutput } from '../../core/scaffolder/run-record.ts';
import type { TemplateOutput } from '../../core/scaffolder/template-definition.ts';
import { isConditionMet, type TemplateEngine } from '../../core/scaffolder/template-engine.ts';
import { renderAt } from './render-at.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined => (value === undefined || value === null || value === '' ? undefined : String(value));

/** Items whose rendered `if` is false are dropped, as Backstage's filterConditionalItems does; `if` itself is removed. */
const keptItems = (items: unknown): Record<string, unknown>[] =>
  (Array.isArray(items) ? items : []).filter(isRecord).filter((item) => !('if' in item) || isConditionMet(item['if']));

const toLink = (item: Record<string, unknown>): RunLink => {
  const url = text(item['url']);
  const entityRef = text(item['entityRef']);
  return { title: text(item['title']) ?? url ?? entityRef ?? 'link', ...(url ? { url } : {}), ...(entityRef ? { entityRef } : {}) };
};

/** The run's output, rendered once every step is done: links (url or entityRef), text, and every other key. */
export const renderOutput = (engine: TemplateEngine, output: TemplateOutput, scope: Readonly<Record<string, unknown>>): RunOutput => {
  const links = keptItems(renderAt(engine, output.links, scope, 'output.links')).map(toLink);
  const texts = keptItems(renderAt(engine, output.text, scope, 'output.text')).map((item) => ({
    title: text(item['title']) ?? '',
    content: text(item['content']) ?? '',
  }));
  const other = renderAt(engine, output.other, scope, 'output');
  return { ...(isRecord(other) ? other : {}), links, text: texts };
};
