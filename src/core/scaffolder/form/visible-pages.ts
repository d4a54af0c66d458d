import type { ParameterPage } from '../template-definition.ts';
import { isConditionMet, TemplateRenderError, type TemplateEngine } from '../template-engine.ts';

/**
 * Which pages the form shows, given the values so far: a page whose `when` renders falsy is skipped. The
 * expression sees `parameters` (the values), as Backstage's form does.
 */

/** A `when` that fails to render keeps its page: showing a page too many beats silently dropping questions. */
const isPageShown = (page: ParameterPage, values: Record<string, unknown>, engine: TemplateEngine): boolean => {
  const { when } = page;
  if (when === undefined || when === null) return true;
  if (typeof when === 'boolean') return when;
  try {
    return isConditionMet(engine.renderValue(when, { parameters: values }));
  } catch (error) {
    if (error instanceof TemplateRenderError) return true;
    throw error;
  }
};

export const visiblePages = (pages: ParameterPage[], values: Record<string, unknown>, engine: TemplateEngine): number[] =>
  pages.flatMap((page, index) => (isPageShown(page, values, engine) ? [index] : []));
