/**
 * A skeleton as fetch:template sees it: the folder's entries, read by an adapter (src/scaffolder/actions), and
 * what rendering them produces. Paths are relative, with forward slashes, and never start with `/`.
 */

export type SkeletonEntry =
  | { type: 'directory'; path: string }
  /** `binary` is decided by the reader (isbinaryfile, as Backstage does); binary contents are never rendered. */
  | { type: 'file'; path: string; content: Buffer; binary: boolean; mode?: number }
  /** A symbolic link, copied as a link (Backstage does not follow them); `target` is what readlink says. */
  | { type: 'symlink'; path: string; target: string };

/** An entry to write, at its rendered path (relative to the step's target folder), with where it came from. */
export type RenderedEntry =
  | { type: 'directory'; path: string; sourcePath: string }
  | { type: 'file'; path: string; content: Buffer; mode?: number; sourcePath: string; rendered: boolean }
  | { type: 'symlink'; path: string; target: string; sourcePath: string };

/** The fetch:template inputs that change how a skeleton renders (compat §7.7, §7.8). */
export interface SkeletonInput {
  values?: Readonly<Record<string, unknown>>;
  /** Globs: the contents of matching files are copied as they are; their paths are still rendered. */
  copyWithoutTemplating?: readonly string[];
  /** Removed in Backstage's scaffolder 4.x and ignored there; accepted here too, with a warning. */
  copyWithoutRender?: readonly string[];
  cookiecutterCompat?: boolean;
  /** Only files with this extension (`true` = `.njk`) have their contents rendered; the extension is dropped. */
  templateFileExtension?: string | boolean;
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
  /** Overwrite what already exists (in the target or earlier in this skeleton); default: keep the first. */
  replace?: boolean;
}

export interface SkeletonResult {
  entries: RenderedEntry[];
  /** Things the step log should say (an ignored option); never secrets. */
  warnings: string[];
}
