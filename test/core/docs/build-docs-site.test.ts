import { describe, expect, it } from 'vitest';
import { buildDocsSite } from '../../../src/core/docs/build-docs-site.ts';
import type { BuiltDocsSite, DocsPage } from '../../../src/core/docs/docs-site.ts';
import { buildSite, fixtureRoot, readDocsFolder, textFiles } from './read-docs-folder.ts';

const pageAt = (site: BuiltDocsSite, path: string): DocsPage => {
  const page = site.pages.find((candidate) => candidate.path === path);
  if (!page) throw new Error(`no page at ${path}; pages: ${site.pages.map((p) => p.path).join(', ')}`);
  return page;
};

describe('buildDocsSite: a full mkdocs site (test/fixtures/docs/full-site)', () => {
  const site = buildSite(readDocsFolder(fixtureRoot('full-site')), { rootInSource: 'services/payments' });

  it('takes site_name and repo_url from mkdocs.yml, tolerating !!python/name and !ENV tags', () => {
    expect(site.siteName).toBe('Payments Platform');
    expect(site.repoUrl).toBe('https://github.com/acme/payments');
  });

  it('builds the nav as written: nested sections, an untitled entry titled by its page, an external link, a missing page left out', () => {
    expect(site.nav).toEqual([
      { title: 'Home', path: '' },
      {
        title: 'Guides',
        children: [
          { title: 'Guides', path: 'guides/' },
          { title: 'Setting up', path: 'guides/setup/' },
          { title: 'Deep', children: [{ title: 'Tabs and code', path: 'guides/tabs/' }] },
        ],
      },
      { title: 'Status page', url: 'https://status.acme.example' },
    ]);
  });

  it('builds every page, in the nav or not, skipping hidden files, at mkdocs directory URLs', () => {
    expect(site.pages.map((page) => [page.path, page.sourcePath])).toEqual([
      ['', 'index.md'],
      ['guides/', 'guides/index.md'],
      ['guides/setup/', 'guides/setup.md'],
      ['guides/tabs/', 'guides/tabs.md'],
      ['reference/api/', 'reference/api.md'],
      ['reference/runbook/', 'reference/runbook.md'],
    ]);
  });

  it('titles pages by nav title, then front matter, then first # heading, then file name', () => {
    expect(site.pages.map((page) => page.title)).toEqual(['Home', 'Guides', 'Setting up', 'Tabs and code', 'API reference', 'Runbook']);
  });

  it('keeps non-Markdown files as assets with a content type', () => {
    expect(site.assets.map((asset) => [asset.path, asset.contentType])).toEqual([['images/flow.png', 'image/png']]);
  });

  it('warns, with file (relative to the source root) and line, about an unknown extension, broken links, a missing image, an escaping link and a missing nav page', () => {
    expect(site.warnings).toEqual([
      { file: 'services/payments/mkdocs.yml', line: 33, message: 'markdown_extensions: pymdownx.emoji is not supported; pages are rendered without it' },
      { file: 'services/payments/docs/index.md', line: 45, message: 'link nowhere.md: no page nowhere.md in the docs' },
      { file: 'services/payments/docs/index.md', line: 47, message: 'image images/absent.png: no file images/absent.png in the docs' },
      { file: 'services/payments/docs/guides/setup.md', line: 21, message: 'link ../nope.md: no page nope.md in the docs' },
      { file: 'services/payments/docs/guides/setup.md', line: 22, message: 'link ../../../etc/passwd.md points outside the docs folder' },
      { file: 'services/payments/mkdocs.yml', line: 15, message: 'nav: missing.md is not a page in the docs folder; the entry is left out' },
    ]);
  });

  it('rewrites relative links and images to the served site, anchors kept, external links untouched', () => {
    const home = pageAt(site, '').html;
    expect(home).toContain('<a href="guides/setup/">setting up</a>');
    expect(home).toContain('<a href="guides/tabs/#second-tab-set">tab guide</a>');
    expect(home).toContain('<a href="guides/">guides section</a>');
    expect(home).toContain('<a href="reference/api/">reference</a>');
    expect(home).toContain('<a href="reference/runbook/">the runbook</a>');
    expect(home).toContain('<a href="https://example.com/x.md">external link</a>');
    expect(home).toContain('<a href="#table">an anchor</a>');
    const setup = pageAt(site, 'guides/setup/').html;
    expect(setup).toContain('<img src="../../images/flow.png" alt="Diagram" />');
    expect(setup).toContain('<a href="../../#table">the home page</a>');
    expect(setup).toContain('<a href="../tabs/">the tabs</a>');
    expect(pageAt(site, 'guides/').html).toContain('<a href="../">home page</a>');
    expect(pageAt(site, 'guides/').html).toContain('<a href="setup/#install-the-cli">setup</a>');
    expect(pageAt(site, 'reference/api/').html).toContain('<a href="../../">home</a>');
  });

  it('keeps only safe attr_list attributes on images', () => {
    expect(pageAt(site, '').html).toContain('<img src="images/flow.png" alt="Flow" width="300" loading="lazy" />');
  });

  it('renders admonitions as mkdocs does, ??? as closed <details> and ???+ as open', () => {
    const home = pageAt(site, '').html;
    expect(home).toContain(
      '<div class="admonition note">\n<p class="admonition-title">Read this first</p>\n<p>Admonition body with <strong>bold</strong> text.</p>\n</div>',
    );
    expect(home).toContain('<div class="admonition warning">\n<p class="admonition-title">Warning</p>');
    expect(home).toContain('<div class="admonition tip">\n<p>No title bar at all.</p>');
    expect(home).toContain('<details class="danger"><summary>Collapsed by default</summary>\n<p>Hidden until opened.</p>\n</details>');
    expect(home).toContain('<details class="info" open><summary>Open by default</summary>');
  });

  it('renders task lists as disabled checkboxes, tables with alignment, and footnotes', () => {
    const home = pageAt(site, '').html;
    expect(home).toContain('<li><input type="checkbox" disabled checked /> Write the docs</li>');
    expect(home).toContain('<li><input type="checkbox" disabled /> Review them</li>');
    expect(home).toContain('<th align="center">Owner</th>');
    expect(home).toContain('<a id="footnote-ref-settle" href="#footnote-settle" data-footnote-ref aria-describedby="footnote-label">1</a>');
    expect(home).toContain('<li id="footnote-settle">');
  });

  it('highlights fenced code in known languages and escapes the rest as plain text', () => {
    const tabs = pageAt(site, 'guides/tabs/').html;
    expect(tabs).toContain('<code class="hljs language-python"><span class="hljs-keyword">def</span>');
    expect(pageAt(site, 'guides/setup/').html).toContain('<code class="hljs language-unknown-language">&lt;not&gt; &amp; highlighted\n</code>');
  });

  it('renders tab sets as radio inputs and labels (tabs without JavaScript), numbered per page, ===+ selected', () => {
    const tabs = pageAt(site, 'guides/tabs/').html;
    expect(tabs).toContain(
      '<input type="radio" name="__tabbed_1" id="__tabbed_1_1" checked /><label for="__tabbed_1_1">Python</label>\n<div class="tabbed-content">',
    );
    expect(tabs).toContain('<input type="radio" name="__tabbed_1" id="__tabbed_1_2" /><label for="__tabbed_1_2">TypeScript</label>');
    expect(tabs).toContain('<input type="radio" name="__tabbed_2" id="__tabbed_2_1" checked /><label for="__tabbed_2_1">One</label>');
    expect(tabs.match(/class="tabbed-set"/g)).toHaveLength(2);
  });

  it('gives headings mkdocs anchors (duplicates _1) and lists them in the toc', () => {
    const setup = pageAt(site, 'guides/setup/');
    expect(setup.toc).toEqual([
      { level: 1, text: 'Setting things up', anchor: 'setting-things-up' },
      { level: 2, text: 'Install the CLI', anchor: 'install-the-cli' },
      { level: 2, text: 'Install the CLI', anchor: 'install-the-cli_1' },
    ]);
    expect(setup.html).toContain('<h2 id="install-the-cli_1">Install the CLI</h2>');
  });

  it('splits each page into search sections of plain text, with an empty anchor for text before any heading', () => {
    expect(pageAt(site, 'guides/setup/').sections).toEqual([
      { anchor: 'setting-things-up', heading: 'Setting things up', text: 'Diagram' },
      { anchor: 'install-the-cli', heading: 'Install the CLI', text: 'curl -sSf https://example.com/install.sh | sh <not> & highlighted' },
      { anchor: 'install-the-cli_1', heading: 'Install the CLI', text: 'See the home page and the tabs, or a broken one. Too far: outside.' },
    ]);
    expect(pageAt(site, 'reference/runbook/').sections).toEqual([{ anchor: '', heading: '', text: 'Runbook without a heading.' }]);
    expect(pageAt(site, 'guides/tabs/').sections[1]).toEqual({ anchor: 'second-tab-set', heading: 'Second tab set', text: 'One First. Two Second.' });
  });

  it('joins edit_uri onto repo_url for edit links', () => {
    expect(pageAt(site, 'guides/setup/').editUrl).toBe('https://github.com/acme/payments/edit/main/docs/guides/setup.md');
  });
});

describe('buildDocsSite: without mkdocs.yml', () => {
  it('uses docs/, the entity name as site name, and a nav by folder: index first, then pages, then subfolders, alphabetically', () => {
    const site = buildSite(readDocsFolder(fixtureRoot('no-mkdocs')), { editBase: 'https://github.com/acme/svc/edit/main/svc/' });
    expect(site.siteName).toBe('payments');
    expect(site.nav).toEqual([
      { title: 'Home', path: '' },
      { title: 'Alpha', path: 'alpha/' },
      { title: 'Zeta', path: 'zeta/' },
      {
        title: 'Team',
        children: [
          { title: 'The team', path: 'team/' },
          { title: 'On call rota', path: 'team/on-call_rota/' },
        ],
      },
    ]);
    expect(site.warnings).toEqual([]);
    expect(site.pages.find((page) => page.path === 'alpha/')?.editUrl).toBe('https://github.com/acme/svc/edit/main/svc/docs/alpha.md');
  });

  it('falls back to README.md at the root as the home page, edited where it really is', () => {
    const site = buildSite(readDocsFolder(fixtureRoot('readme-only')), { rootInSource: 'svc', editBase: 'https://github.com/acme/mono/edit/main/svc/' });
    expect(site.pages.map((page) => [page.path, page.sourcePath, page.title, page.editUrl])).toEqual([
      ['', 'index.md', 'Readme Service', 'https://github.com/acme/mono/edit/main/svc/README.md'],
    ]);
    expect(site.nav).toEqual([{ title: 'Readme Service', path: '' }]);
    expect(site.assets).toEqual([]);
    expect(site.warnings).toEqual([{ file: 'svc/README.md', line: 3, message: 'link docs/extra.md: no page docs/extra.md in the docs' }]);
  });

  it('uses docs/README.md as the home page when docs/index.md is missing', () => {
    const site = buildSite(textFiles({ 'docs/README.md': '# From the readme\n', 'docs/more.md': '# More\n', 'README.md': '# Root readme\n' }));
    expect(site.pages.map((page) => [page.path, page.sourcePath, page.title])).toEqual([
      ['', 'README.md', 'From the readme'],
      ['more/', 'more.md', 'More'],
    ]);
  });

  it('fails with a clear error when there is no Markdown at all', () => {
    const result = buildDocsSite({
      entityRef: 'component:default/x',
      entityName: 'x',
      files: textFiles({ 'build.gradle': '' }),
      rootInSource: 'x',
      maxPageBytes: 1000,
    });
    expect(result).toEqual({ ok: false, error: 'x/docs/ has no Markdown pages; add x/docs/index.md or x/README.md' });
  });
});

describe('buildDocsSite: mkdocs.yml variants', () => {
  it('reads mkdocs.yaml before mkdocs.yml', () => {
    const site = buildSite(textFiles({ 'mkdocs.yaml': 'site_name: From yaml\n', 'mkdocs.yml': 'site_name: From yml\n', 'docs/index.md': '# Hi\n' }));
    expect(site.siteName).toBe('From yaml');
  });

  it('honours docs_dir', () => {
    const site = buildSite(
      textFiles({ 'mkdocs.yml': 'site_name: S\ndocs_dir: site-docs/src\n', 'site-docs/src/index.md': '# In src\n', 'docs/index.md': '# Ignored\n' }),
    );
    expect(site.pages.map((page) => page.title)).toEqual(['In src']);
  });

  it.each([
    ['../elsewhere', 'points outside the docs root'],
    ['docs/../../x', 'points outside the docs root'],
    ['/etc', 'is an absolute path'],
    ['C:\\docs', 'is an absolute path'],
    ['.', 'is the folder mkdocs.yml is in, which mkdocs refuses'],
  ])('fails when docs_dir is %j', (docsDir, why) => {
    const result = buildDocsSite({
      entityRef: 'component:default/x',
      entityName: 'x',
      files: textFiles({ 'mkdocs.yml': `docs_dir: '${docsDir}'\n`, 'docs/index.md': '# x\n' }),
      rootInSource: 'svc',
      maxPageBytes: 1000,
    });
    expect(result).toEqual({ ok: false, error: `svc/mkdocs.yml: docs_dir "${docsDir}" ${why}; use a folder inside the docs root such as docs` });
  });

  it('fails on bad YAML, naming the file and line', () => {
    const result = buildDocsSite({
      entityRef: 'component:default/x',
      entityName: 'x',
      files: textFiles({ 'mkdocs.yml': 'site_name: ok\nnav:\n  - Home: index.md\n   - Broken: [x\n', 'docs/index.md': '# x\n' }),
      rootInSource: '',
      maxPageBytes: 1000,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^mkdocs\.yml line 4: .+; fix the YAML so mkdocs could read it$/);
  });

  it('warns about a site_name that is not text and an unsupported extension, and still builds', () => {
    const site = buildSite(
      textFiles({
        'mkdocs.yml': 'site_name: {{cookiecutter.name}}\nmarkdown_extensions:\n  - toc\n  - smarty\n  - markdown.extensions.tables\n',
        'docs/index.md': '# x\n',
      }),
    );
    expect(site.siteName).toBe('payments');
    expect(site.warnings).toEqual([
      { file: 'mkdocs.yml', line: 1, message: 'site_name is not text; it is ignored' },
      { file: 'mkdocs.yml', line: 4, message: 'markdown_extensions: smarty is not supported; pages are rendered without it' },
    ]);
  });

  it('turns edit links off with edit_uri: "" and uses the GitHub default edit_uri without one', () => {
    const files = { 'docs/index.md': '# x\n' };
    const off = buildSite(textFiles({ ...files, 'mkdocs.yml': 'repo_url: https://github.com/a/b\nedit_uri: ""\n' }), { editBase: 'https://x.example/' });
    expect(off.pages[0]!.editUrl).toBeUndefined();
    const github = buildSite(textFiles({ ...files, 'mkdocs.yml': 'repo_url: https://github.com/a/b\n' }));
    expect(github.pages[0]!.editUrl).toBe('https://github.com/a/b/edit/master/docs/index.md');
    const query = buildSite(textFiles({ ...files, 'mkdocs.yml': 'repo_url: https://git.example/a/b\nedit_uri: ?path=/docs/\n' }));
    expect(query.pages[0]!.editUrl).toBe('https://git.example/a/b?path=/docs/index.md');
  });
});

describe('buildDocsSite: page limits and encodings', () => {
  it('fails when a page is larger than maxPageBytes, naming the page and both sizes', () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const files = new Map([...textFiles({ 'docs/index.md': '# x\n' }), ['docs/huge.md', huge]]);
    const result = buildDocsSite({ entityRef: 'component:default/x', entityName: 'x', files, rootInSource: 'svc', maxPageBytes: 5 * 1024 * 1024 });
    expect(result).toEqual({
      ok: false,
      error: 'svc/docs/huge.md is 50 MB, larger than the 5 MB limit (docs.maxPageBytes); split the page or raise docs.maxPageBytes',
    });
  });

  it('skips a page that is not UTF-8 with a warning, and strips a byte-order mark', () => {
    const latin1 = new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# With BOM\n')]);
    const files = new Map<string, Uint8Array>([
      ['docs/index.md', bom],
      ['docs/latin1.md', latin1],
    ]);
    const site = buildSite(files);
    expect(site.pages.map((page) => page.title)).toEqual(['With BOM']);
    expect(site.warnings).toEqual([{ file: 'docs/latin1.md', message: 'docs/latin1.md is not UTF-8 text; the page is left out (save it as UTF-8)' }]);
  });

  it('serves index.md over a README.md in the same folder, with a warning', () => {
    const site = buildSite(textFiles({ 'docs/index.md': '# Index\n', 'docs/README.md': '# Readme\n' }));
    expect(site.pages.map((page) => page.title)).toEqual(['Index']);
    expect(site.warnings).toEqual([{ file: 'docs/README.md', message: "docs/README.md is not served: docs/index.md is that folder's page" }]);
  });
});

describe('buildDocsSite: code highlighting', () => {
  it('highlights languages outside highlight.js common set that service docs use (Dockerfile, protobuf)', () => {
    const site = buildSite(textFiles({ 'docs/index.md': '```dockerfile\nFROM node:22\n```\n\n```protobuf\nmessage Ping {}\n```\n' }));
    expect(site.pages[0]!.html).toContain('<code class="hljs language-dockerfile"><span class="hljs-keyword">FROM</span>');
    expect(site.pages[0]!.html).toContain(
      '<code class="hljs language-protobuf"><span class="hljs-keyword">message </span><span class="hljs-title">Ping</span>',
    );
  });
});
