/**
 * The expression engine's contract (implemented in expressions.ts with nunjitsu, configured as Backstage's
 * scaffolder configures it). Everything a template author writes is rendered through this and nothing else.
 */

/** Where a render failed: the path of the value inside the template (`spec.steps[2].input.url`) and why. */
export interface ExpressionIssue {
  path: (string | number)[];
  message: string;
}

export interface SkeletonRenderOptions {
  /** `{{ cookiecutter.x }}` syntax and the `jsonify` filter instead of `${{ values.x }}`. */
  cookiecutterCompat?: boolean;
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
}

/** Backstage's step status functions: `if: ${{ failure() }}` / `${{ always() }}` on a step after a failed one. */
export interface RenderValueOptions {
  /** Whether an earlier step failed: what `failure()` returns. Default false. */
  taskFailed?: boolean;
  /** Called when the value calls `always()` or `failure()`; after a failure, Backstage runs only steps whose `if` did. */
  onStatusCheck?: () => void;
}

export interface TemplateEngine {
  /**
   * Renders every string inside `value`, deeply (objects and arrays keep their shape). A string that is exactly
   * one `${{ … }}` keeps its result's type (boolean, number, array, object); any other string becomes a string.
   * @throws TemplateRenderError when an expression fails or hits a render limit.
   */
  renderValue(value: unknown, scope: Readonly<Record<string, unknown>>, options?: RenderValueOptions): unknown;
  /** Renders a skeleton file's text or one path segment; the scope is `{ values }` (or `{ cookiecutter }`). */
  renderText(source: string, scope: Readonly<Record<string, unknown>>, options?: SkeletonRenderOptions): string;
  /** Parses every string inside `value` without rendering; one issue per string that does not parse. */
  checkSyntax(value: unknown, path: (string | number)[]): ExpressionIssue[];
}

/** An expression failed to render, or a render limit was hit (output size, loop iterations, recursion). */
export class TemplateRenderError extends Error {
  readonly code = 'template_render_failed';
}

/**
 * Backstage's rule for `if` on steps, links and text (compat §7.3): skipped when the rendered value is
 * false, undefined, null, "", 0 or [].
 */
export const isConditionMet = (value: unknown): boolean =>
  !(value === false || value === undefined || value === null || value === '' || value === 0 || (Array.isArray(value) && value.length === 0));
