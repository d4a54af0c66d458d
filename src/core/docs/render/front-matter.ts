import { parse } from 'yaml';

/**
 * mkdocs' page meta-data: a `---` YAML mapping at the very top. Its `title` names the page (after the nav title);
 * the block itself is not rendered. It is replaced by as many blank lines so warnings keep their line numbers.
 * A block that is not a YAML mapping is left as Markdown (a rule and text), as mkdocs does.
 */
export interface FrontMatter {
  title?: string;
  markdown: string;
}

const BLOCK = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export const readFrontMatter = (markdown: string): FrontMatter => {
  const block = BLOCK.exec(markdown);
  const meta = block ? readMapping(block[1] ?? '') : undefined;
  if (!block || !meta) return { markdown };
  const title = typeof meta.title === 'string' && meta.title.trim() ? meta.title.trim() : undefined;
  return { title, markdown: '\n'.repeat(block[0].split('\n').length - 1) + markdown.slice(block[0].length) };
};

const readMapping = (yaml: string): Record<string, unknown> | undefined => {
  try {
    const meta: unknown = parse(yaml, { logLevel: 'silent' });
    return typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? (meta as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};
