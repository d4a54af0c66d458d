import { createTemplateRenderer, type TemplateRenderer } from 'nunjitsu';
import type { ParameterPage } from '../template-definition.ts';
import { pagePropertiesOf } from './page-properties.ts';

/**
 * Which pages the form shows, given the values so far. Backstage (scaffolder-common `evaluateCondition`) renders a
 * page's `when` with its own plain nunjitsu renderer, not the workflow runner's: no filters, no regex execution, no
 * JSON coercion, and the expression sees only `parameters`. A bare expression (no `${{`) is wrapped in `${{ … }}`, an
 * empty one holds, an array holds when not empty, anything else by its truthiness.
 */

// Built on first use, not at import; the renderer is immutable, so one serves every call.
let conditionRenderer: TemplateRenderer | undefined;
const renderer = (): TemplateRenderer => (conditionRenderer ??= createTemplateRenderer());

/** A `when` that fails to render keeps its page, as in Backstage: showing a page too many beats dropping questions. */
export const isPageShown = (when: unknown, values: Record<string, unknown>): boolean => {
  if (typeof when === 'boolean') return when;
  if (typeof when !== 'string') return true;
  const expression = when.trim();
  if (expression === '') return true;
  const source = expression.startsWith('${{') ? expression : `\${{ ${expression} }}`;
  try {
    const result = renderer().renderValue(source, { parameters: JSON.parse(JSON.stringify(values)) as never });
    return Array.isArray(result) ? result.length > 0 : Boolean(result);
  } catch {
    return true;
  }
};

/** The pages the form shows, and the values that belong to the template once hidden pages' answers are dropped. */
export interface ResolvedPages {
  visible: number[];
  values: Record<string, unknown>;
}

/**
 * Backstage's `resolveParameterSteps`, at the level of top-level fields: pages are decided in order, each `when`
 * seeing the values without the fields only hidden pages so far ask for; what is left is what the run gets (a field
 * no page names is kept). So an answer on a page the user went back and hid does not reach the steps.
 */
export const resolvePages = (pages: readonly ParameterPage[], values: Record<string, unknown>): ResolvedPages => {
  const hidden = new Set<string>();
  const shown = new Set<string>();
  const kept = (): Record<string, unknown> => Object.fromEntries(Object.entries(values).filter(([name]) => !hidden.has(name) || shown.has(name)));
  const visible: number[] = [];
  pages.forEach((page, index) => {
    const isShown = isPageShown(page.when, kept());
    for (const [name] of pagePropertiesOf(page)) (isShown ? shown : hidden).add(name);
    if (isShown) visible.push(index);
  });
  return { visible, values: kept() };
};

/** Indexes of the pages whose `when` holds (see resolvePages). */
export const visiblePages = (pages: readonly ParameterPage[], values: Record<string, unknown>): number[] => resolvePages(pages, values).visible;
