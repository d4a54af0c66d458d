import { posix } from 'node:path';
import { TemplateRenderError, type SkeletonRenderOptions, type TemplateEngine } from '../template-engine.ts';
import { createCopyPatternMatcher } from './copy-patterns.ts';
import { checkSymlinkTarget, placeRenderedPath } from './render-skeleton-path.ts';
import type { RenderedEntry, SkeletonEntry, SkeletonInput, SkeletonResult } from './skeleton-entry.ts';
import { readSkeletonSettings } from './skeleton-options.ts';

export interface RenderSkeletonOptions {
  /** Whether a path (relative to the target folder) already exists there; existing paths are kept unless `replace`. */
  exists?: (path: string) => boolean;
}

/**
 * Renders a skeleton as Backstage's fetch:template does (compat §7.8): every path is rendered whole with the same
 * `values` scope as the contents, and an entry whose path renders with an empty segment is skipped; file contents
 * are rendered unless binary, matched by `copyWithoutTemplating`, or (with `templateFileExtension`) lacking the
 * extension; symlinks are copied as links. Pure: the entries come in as data and go out as data.
 * @throws InvalidInputError for refused option combinations and paths outside the target folder.
 * @throws TemplateRenderError naming the skeleton entry whose name or contents failed to render.
 */
export function renderSkeleton(
  entries: readonly SkeletonEntry[],
  input: SkeletonInput,
  engine: TemplateEngine,
  options: RenderSkeletonOptions = {},
): SkeletonResult {
  const settings = readSkeletonSettings(input);
  const isCopyOnly = settings.copyWithoutTemplating ? createCopyPatternMatcher(settings.copyWithoutTemplating, entries) : () => false;
  const scope = { [input.cookiecutterCompat ? 'cookiecutter' : 'values']: input.values ?? {} };
  const renderOptions: SkeletonRenderOptions = { cookiecutterCompat: input.cookiecutterCompat, trimBlocks: input.trimBlocks, lstripBlocks: input.lstripBlocks };
  const render = (source: string, entryPath: string, what: string): string => {
    // Text without a tag opener renders to itself; skipping the engine spares a copy of the values per entry.
    if (!/\{[{%#]/.test(source)) return source;
    try {
      return engine.renderText(source, scope, renderOptions);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new TemplateRenderError(`skeleton ${what} "${entryPath}": ${message}`, { cause: error });
    }
  };

  const output = new Map<string, RenderedEntry>();
  for (const entry of entries) {
    let renderContents = entry.type === 'file' && !entry.binary;
    let pathSource = entry.type === 'directory' ? `${entry.path}/` : entry.path;
    if (settings.extension !== undefined) {
      const matches = entry.type === 'file' && posix.extname(entry.path) === settings.extension;
      renderContents &&= matches;
      if (matches) pathSource = pathSource.slice(0, -settings.extension.length);
    } else if (isCopyOnly(entry.path)) {
      renderContents = false;
    }
    const rendered = render(pathSource, entry.path, 'path of');
    const place = placeRenderedPath(entry.type === 'directory' ? rendered.replace(/\/$/, '') : rendered, entry.path);
    if (place.skip) continue;
    const { path } = place;
    if ((output.has(path) || options.exists?.(path)) && !input.replace) continue;

    if (entry.type === 'directory') {
      output.set(path, { type: 'directory', path, sourcePath: entry.path });
    } else if (entry.type === 'symlink') {
      checkSymlinkTarget(path, entry.target, entry.path);
      output.set(path, { type: 'symlink', path, target: entry.target, sourcePath: entry.path });
    } else {
      const content = renderContents ? Buffer.from(render(entry.content.toString('utf8'), entry.path, 'file'), 'utf8') : entry.content;
      output.set(path, {
        type: 'file',
        path,
        content,
        sourcePath: entry.path,
        rendered: renderContents,
        ...(entry.mode !== undefined ? { mode: entry.mode } : {}),
      });
    }
  }
  return { entries: [...output.values()], warnings: settings.warnings };
}
