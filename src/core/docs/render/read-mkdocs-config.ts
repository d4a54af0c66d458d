import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { readMkdocsNav, type MkdocsNavEntry } from './read-mkdocs-nav.ts';

/** The mkdocs.yml keys that shape a rendered site; everything else (theme, plugins, extra) is ignored. */
export interface MkdocsConfig {
  siteName?: string;
  /** Relative to the docs root, normalised, never escaping it (default `docs`). */
  docsDir: string;
  nav?: MkdocsNavEntry[];
  repoUrl?: string;
  /** `undefined` when absent; `''` turns edit links off, as in mkdocs. */
  editUri?: string;
  extensions: { name: string; line: number }[];
}

/** Something wrong in mkdocs.yml that the build survives. */
export interface MkdocsConfigWarning {
  line: number;
  message: string;
}

export type MkdocsConfigResult = { ok: true; config: MkdocsConfig; warnings: MkdocsConfigWarning[] } | { ok: false; error: string };

/**
 * Reads mkdocs.yml. Unknown tags (`!!python/name:…`, `!ENV`) are tolerated as mkdocs' own loader does; a YAML
 * syntax error or a `docs_dir` outside the root fails the build, naming the file (`file`) and line.
 */
export const readMkdocsConfig = (text: string, file: string): MkdocsConfigResult => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const offset = node && 'range' in node && node.range ? node.range[0] : isPairWithKey(node) ? (node.key.range?.[0] ?? 0) : 0;
    return lineCounter.linePos(offset).line;
  };
  const [syntaxError] = doc.errors;
  if (syntaxError) {
    const line = syntaxError.linePos?.[0].line ?? lineCounter.linePos(syntaxError.pos[0]).line;
    return { ok: false, error: `${file} line ${line}: ${firstLine(syntaxError.message)}; fix the YAML so mkdocs could read it` };
  }
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, error: `${file} line 1: expected a mapping of mkdocs settings (site_name, nav, …)` };
  const warnings: MkdocsConfigWarning[] = [];
  const text_ = (key: string): string | undefined => {
    const node = doc.get(key, true) as Node | undefined;
    if (node === undefined || node === null) return undefined;
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    warnings.push({ line: lineOf(node), message: `${key} is not text; it is ignored` });
    return undefined;
  };
  const docsDir = checkDocsDir(text_('docs_dir') ?? 'docs', file);
  if (!docsDir.ok) return docsDir;
  const navNode = doc.get('nav', true) as Node | undefined;
  const nav = navNode ? readMkdocsNav(navNode, lineOf, warnings) : undefined;
  const config: MkdocsConfig = {
    siteName: text_('site_name'),
    docsDir: docsDir.value,
    nav,
    repoUrl: text_('repo_url'),
    editUri: text_('edit_uri'),
    extensions: readExtensions(doc.get('markdown_extensions', true) as Node | undefined, lineOf),
  };
  return { ok: true, config, warnings };
};

const isPairWithKey = (node: unknown): node is Pair<Node> => typeof node === 'object' && node !== null && 'key' in node;

const firstLine = (message: string): string => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

/** `docs_dir` must name a folder inside the root: mkdocs refuses the root itself, absolute paths and `../`. */
const checkDocsDir = (raw: string, file: string): { ok: true; value: string } | { ok: false; error: string } => {
  const refuse = (why: string) => ({ ok: false as const, error: `${file}: docs_dir "${raw}" ${why}; use a folder inside the docs root such as docs` });
  if (/^([a-zA-Z]:)?[\\/]/.test(raw)) return refuse('is an absolute path');
  const parts: string[] = [];
  for (const part of raw.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return refuse('points outside the docs root');
      parts.pop();
    } else parts.push(part);
  }
  if (parts.length === 0) return refuse('is the folder mkdocs.yml is in, which mkdocs refuses');
  return { ok: true, value: parts.join('/') };
};

/** `markdown_extensions` entries are names or `{ name: options }` maps; names only, with their lines. */
const readExtensions = (node: Node | undefined, lineOf: (node: Node | Pair) => number): { name: string; line: number }[] => {
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => {
    if (isScalar(item) && typeof item.value === 'string') return [{ name: item.value, line: lineOf(item) }];
    if (isMap(item)) return item.items.flatMap((pair) => (isScalar(pair.key) ? [{ name: String(pair.key.value), line: lineOf(pair.key) }] : []));
    return [];
  });
};
