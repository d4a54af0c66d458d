import type { TemplateDefinition } from '../../../core/scaffolder/template-definition.ts';
import { visiblePages } from '../../../core/scaffolder/form/visible-pages.ts';

/**
 * Which page of a template's form comes next or before, given the values so far: a page whose `when` is false
 * is skipped either way. `undefined` from `nextPage` means the review comes next.
 */

export const firstPage = (definition: TemplateDefinition, values: Record<string, unknown>): number | undefined => visiblePages(definition.pages, values)[0];

export const nextPage = (definition: TemplateDefinition, values: Record<string, unknown>, current: number): number | undefined =>
  visiblePages(definition.pages, values).find((index) => index > current);

/** The page before `current` (the review is `pages.length`), or undefined on the first page. */
export const previousPage = (definition: TemplateDefinition, values: Record<string, unknown>, current: number): number | undefined =>
  visiblePages(definition.pages, values)
    .filter((index) => index < current)
    .at(-1);

/** The page's place among those shown: "page 2 of 3". */
export const pagePosition = (definition: TemplateDefinition, values: Record<string, unknown>, page: number): { step: number; of: number } => {
  const shown = visiblePages(definition.pages, values);
  const at = shown.indexOf(page);
  return { step: at >= 0 ? at + 1 : 1, of: Math.max(shown.length, 1) };
};

/** The first page (in page order) holding one of these fields, for errors found after the pages were left. */
export const pageOfFields = (definition: TemplateDefinition, fields: readonly string[]): number | undefined => {
  const index = definition.pages.findIndex((page) => fields.some((field) => Object.hasOwn(page.properties ?? {}, field)));
  return index >= 0 ? index : undefined;
};
