import type { BuildDocsSite, DocsBuildInput, DocsBuildResult } from '../../../src/docs/build-docs-site-port.ts';
import type { DocsPage, DocsWarning } from '../../../src/core/docs/docs-site.ts';

const text = (data: Uint8Array | undefined): string | undefined => (data ? Buffer.from(data).toString('utf8') : undefined);

const inRoot = (root: string, path: string) => (root === '' ? path : `${root}/${path}`);

/**
 * A stand-in renderer: every `docs/*.md` is a page titled by its first line; `BROKEN` in mkdocs.yml fails the
 * build; a page over maxPageBytes fails it; a link to `missing.md` is a warning with its line. Counts its calls.
 */
export const createFakeDocsBuild = (): BuildDocsSite & { calls: DocsBuildInput[] } => {
  const calls: DocsBuildInput[] = [];
  const build = (input: DocsBuildInput): DocsBuildResult => {
    calls.push(input);
    const mkdocs = text(input.files.get('mkdocs.yml'));
    if (mkdocs?.includes('BROKEN')) return { ok: false, error: `${inRoot(input.rootInSource, 'mkdocs.yml')}: bad YAML on line 1` };
    const pages: DocsPage[] = [];
    const warnings: DocsWarning[] = [];
    for (const [path, data] of input.files) {
      if (!path.startsWith('docs/') || !path.endsWith('.md')) continue;
      if (data.byteLength > input.maxPageBytes) return { ok: false, error: `${inRoot(input.rootInSource, path)} is larger than docs.maxPageBytes` };
      const body = text(data)!;
      const lines = body.split('\n');
      lines.forEach((line, index) => {
        if (line.includes('(missing.md)'))
          warnings.push({ file: inRoot(input.rootInSource, path), line: index + 1, message: 'link to missing.md: no such page' });
      });
      const name = path.slice('docs/'.length, -'.md'.length);
      const title = lines[0]!.replace(/^#\s*/, '');
      pages.push({
        path: name === 'index' ? '' : `${name}/`,
        sourcePath: path.slice(5),
        title,
        html: `<p>${body}</p>`,
        toc: [],
        sections: [{ anchor: '', heading: title, text: lines.slice(1).join(' ') }],
      });
    }
    const site = {
      entityRef: input.entityRef,
      siteName: input.entityName,
      nav: [],
      pages,
      assets: [],
      warnings,
      ...(input.repoUrl ? { repoUrl: input.repoUrl } : {}),
    };
    return { ok: true, site };
  };
  return Object.assign(build, { calls });
};
