/**
 * The expression engine: nunjitsu configured the way Backstage's scaffolder 4.3 configures it. The workflow runner
 * (step inputs, `if`, `each`, outputs) renders each string with `renderValue` in JSON coercion mode, regex execution
 * allowed, Backstage's four filters and the `always()` / `failure()` status functions; fetch:template renders skeleton
 * text and paths with the same filters, no globals, and its cookiecutterCompat / trimBlocks / lstripBlocks inputs.
 * nunjitsu is a closed interpreter: no generated JavaScript, reserved names (`constructor`, `__proto__`, …) refused at
 * parse time, no template loading, and render limits. Where Backstage leaves a failing string unrendered, Callboard
 * throws, so the step fails and says why (see README.md).
 */
import {
  createTemplateRenderer,
  TemplateLimitError,
  TemplateRenderError as NunjitsuRenderError,
  type PreparedTemplateContext,
  type TemplateFilter,
  type TemplateRenderLimits,
  type TemplateRenderer,
  type TemplateValue,
} from 'nunjitsu';
import { formatPath, isPlainObject } from '../catalog/issue-text.ts';
import { DEFAULT_REPO_HOSTS, parseEntityRefFilter, parseRepoUrl, pick, projectSlug, type RepoHostType } from './filters.ts';
import { TemplateRenderError, type ExpressionIssue, type RenderValueOptions, type SkeletonRenderOptions, type TemplateEngine } from './template-engine.ts';

export interface TemplateEngineOptions {
  /** Hosts that parseRepoUrl and projectSlug accept, with their type; default Backstage's (github.com, gitlab.com, …). */
  repoHosts?: Readonly<Record<string, RepoHostType>>;
}

// Values in template YAML are small: tighter than nunjitsu's defaults (16M output, 1M work units), so that a hostile
// value fails fast. Skeleton files may be big (lock files), so they keep more room for output.
const VALUE_LIMITS: Partial<TemplateRenderLimits> = { outputCodeUnits: 1024 * 1024, workUnits: 250_000 };
const TEXT_LIMITS: Partial<TemplateRenderLimits> = { outputCodeUnits: 8 * 1024 * 1024 };
// Parsing happens before any evaluation; no work unit is allowed, so checking syntax never runs the template.
const SYNTAX_LIMITS: Partial<TemplateRenderLimits> = { workUnits: 0 };

type Path = (string | number)[];

const quote = (source: string): string => JSON.stringify(source.length > 120 ? `${source.slice(0, 117)}...` : source);

const isEngineError = (error: unknown): error is Error => error instanceof NunjitsuRenderError || error instanceof TemplateLimitError;

const renderFailure = (source: string, path: Path, error: Error): TemplateRenderError => {
  const where = path.length > 0 ? ` (at ${formatPath(path)})` : '';
  if (error instanceof TemplateLimitError) {
    return new TemplateRenderError(
      `${quote(source)}${where} hit a render limit: ${error.message}. A template may not loop without bound or build huge values; make it smaller.`,
    );
  }
  const hint = error instanceof NunjitsuRenderError && error.phase === 'parse' ? ' Fix the expression: Nunjucks syntax with ${{ }} delimiters.' : '';
  return new TemplateRenderError(`${quote(source)}${where} failed: ${error.message}.${hint}`);
};

/** Template data is JSON (Backstage's task spec is): undefined dropped, dates as strings, nothing callable. */
const toTemplateData = (scope: Readonly<Record<string, unknown>>): Record<string, TemplateValue> => {
  try {
    return JSON.parse(JSON.stringify(scope ?? {})) as Record<string, TemplateValue>;
  } catch (error) {
    throw new TemplateRenderError(`the values given to the template are not plain data: ${String(error)}`);
  }
};

// Results come back frozen; callers (actions, outputs) get ordinary values they may extend.
const thaw = (value: unknown): unknown => (value !== null && typeof value === 'object' ? structuredClone(value) : value);

const filtersFor = (hosts: Readonly<Record<string, RepoHostType>>): Record<string, TemplateFilter> => ({
  parseRepoUrl: (input) => parseRepoUrl(input, hosts) as unknown as TemplateValue,
  parseEntityRef: (input, options) => parseEntityRefFilter(input, options),
  pick: (input, path, fallback) => pick(input, path, fallback) as TemplateValue | undefined,
  projectSlug: (input) => projectSlug(input, hosts),
});

/** Creates the engine; one per process is enough (renderers are immutable, contexts are per call). */
export function createTemplateEngine(options: TemplateEngineOptions = {}): TemplateEngine {
  const filters = filtersFor(options.repoHosts ?? DEFAULT_REPO_HOSTS);
  // The status functions read the state of the render in progress (rendering is synchronous).
  const status: RenderValueOptions = {};
  const checkStatus = (): void => status.onStatusCheck?.();
  const valueRenderer = createTemplateRenderer({
    allowRegexExecution: true,
    filters,
    globals: {
      always: () => (checkStatus(), true),
      failure: () => (checkStatus(), status.taskFailed === true),
    },
  });
  const textRenderers = new Map<string, TemplateRenderer>();
  const textRenderer = ({ cookiecutterCompat = false, trimBlocks = false, lstripBlocks = false }: SkeletonRenderOptions): TemplateRenderer => {
    const key = `${cookiecutterCompat}/${trimBlocks}/${lstripBlocks}`;
    let renderer = textRenderers.get(key);
    if (!renderer) {
      renderer = createTemplateRenderer({ allowRegexExecution: true, filters, cookiecutterCompat, trimBlocks, lstripBlocks });
      textRenderers.set(key, renderer);
    }
    return renderer;
  };

  const prepare = (renderer: TemplateRenderer, scope: Readonly<Record<string, unknown>>): PreparedTemplateContext => {
    try {
      return renderer.prepareContext(toTemplateData(scope));
    } catch (error) {
      if (error instanceof TemplateRenderError) throw error;
      throw new TemplateRenderError(`the values given to the template cannot be used: ${(error as Error).message}`);
    }
  };

  const renderString = (source: string, context: PreparedTemplateContext, path: Path): unknown => {
    try {
      return thaw(valueRenderer.renderValue(source, context, { coercion: 'json', limits: VALUE_LIMITS }));
    } catch (error) {
      if (isEngineError(error)) throw renderFailure(source, path, error);
      // nunjitsu 0.7's JSON coercion crashes on a lone block that renders nothing ('{% if x %}true{% endif %}', x false);
      // its rule for empty output is undefined, so render the text and apply that rule.
      const text = renderAsText(source, context, path);
      return text === '' ? undefined : text;
    }
  };

  const renderAsText = (source: string, context: PreparedTemplateContext, path: Path): string => {
    try {
      return valueRenderer.render(source, context, { limits: VALUE_LIMITS });
    } catch (error) {
      throw isEngineError(error) ? renderFailure(source, path, error) : error;
    }
  };

  const walk = (value: unknown, context: PreparedTemplateContext, path: Path): unknown => {
    if (typeof value === 'string') return renderString(value, context, path);
    if (Array.isArray(value)) return value.map((item, index) => walk(item, context, [...path, index]));
    if (!isPlainObject(value)) return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const rendered = walk(item, context, [...path, key]);
      // As in Backstage (a JSON reviver): a key whose value renders to undefined is dropped.
      if (rendered !== undefined) Object.defineProperty(result, key, { value: rendered, enumerable: true, writable: true, configurable: true });
    }
    return result;
  };

  const syntaxContext = valueRenderer.prepareContext({});
  const findSyntaxIssues = (value: unknown, path: Path, issues: ExpressionIssue[]): void => {
    if (typeof value === 'string') {
      try {
        valueRenderer.render(value, syntaxContext, { limits: SYNTAX_LIMITS });
      } catch (error) {
        if (error instanceof NunjitsuRenderError && error.phase === 'parse') issues.push({ path, message: `${quote(value)} does not parse: ${error.message}` });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => findSyntaxIssues(item, [...path, index], issues));
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) findSyntaxIssues(item, [...path, key], issues);
    }
  };

  return {
    renderValue(value, scope, renderOptions = {}) {
      const context = prepare(valueRenderer, scope);
      status.taskFailed = renderOptions.taskFailed;
      status.onStatusCheck = renderOptions.onStatusCheck;
      try {
        return walk(value, context, []);
      } finally {
        status.taskFailed = undefined;
        status.onStatusCheck = undefined;
      }
    },
    renderText(source, scope, skeletonOptions = {}) {
      const renderer = textRenderer(skeletonOptions);
      const context = prepare(renderer, scope);
      try {
        return renderer.render(source, context, { limits: TEXT_LIMITS });
      } catch (error) {
        throw isEngineError(error) ? renderFailure(source, [], error) : error;
      }
    },
    checkSyntax(value, path) {
      const issues: ExpressionIssue[] = [];
      findSyntaxIssues(value, path, issues);
      return issues;
    },
  };
}
