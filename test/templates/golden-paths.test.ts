import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ScaffolderRuntime } from '../../src/cli/scaffolder-runtime.ts';
import { loadGoldenPath, openGoldenScaffolder, parseAsCatalog, renderGoldenPath, templatesRoot } from './render-golden-path.ts';

const run = promisify(execFile);

/** Runs a command of the generated project; a failure shows the command and everything it printed. */
const runIn = async (cwd: string, command: string, args: string[]): Promise<void> => {
  try {
    await run(command, args, {
      cwd,
      timeout: 150_000,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
    });
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}: ${message}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`);
  }
};

const filesUnder = (root: string, folder = root): string[] =>
  readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(root, join(folder, entry.name)) : [relative(root, join(folder, entry.name))]))
    .sort();

/** Every page listed in mkdocs.yml's nav (nested sections included). */
const navPages = (nav: unknown): string[] =>
  Array.isArray(nav) ? nav.flatMap(navPages) : typeof nav === 'string' ? [nav] : nav && typeof nav === 'object' ? Object.values(nav).flatMap(navPages) : [];

const folders: string[] = [];
const freshFolder = (name: string): string => {
  const folder = mkdtempSync(join(tmpdir(), `callboard-golden-${name}-`));
  folders.push(folder);
  return folder;
};
let runtime: ScaffolderRuntime & { errors: string[]; dir: string };
beforeAll(async () => {
  runtime = await openGoldenScaffolder();
  folders.push(runtime.dir);
});
afterAll(() => {
  runtime?.close();
  folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
});

const owner = 'group:default/payments-team';
const repoUrl = (repo: string) => `github.com?owner=acme&repo=${repo}`;

interface GoldenCase {
  template: string;
  parameters: Record<string, unknown>;
  type: string;
  files: string[];
  absent?: string[];
  /** The generated project's own commands, run after `npm install`. */
  npm: boolean;
}

const cases: GoldenCase[] = [
  {
    template: 'typescript-service',
    parameters: { name: 'billing-api', description: 'Bills "customers" for orders', owner, system: 'system:default/payments', repoUrl: repoUrl('billing-api') },
    type: 'service',
    files: [
      'Dockerfile',
      '.dockerignore',
      '.github/CODEOWNERS',
      '.github/workflows/ci.yml',
      'README.md',
      'catalog-info.yaml',
      'docs/index.md',
      'docs/runbook.md',
      'mkdocs.yml',
      'package.json',
      'src/main.ts',
      'src/server.test.ts',
      'src/server.ts',
      'tsconfig.json',
    ],
    npm: true,
  },
  {
    template: 'typescript-library',
    parameters: { name: 'text-kit', owner, repoUrl: repoUrl('text-kit') },
    type: 'library',
    files: [
      '.github/CODEOWNERS',
      '.github/workflows/ci.yml',
      'README.md',
      'catalog-info.yaml',
      'docs/index.md',
      'mkdocs.yml',
      'package.json',
      'src/index.test.ts',
      'src/index.ts',
      'tsconfig.json',
    ],
    npm: true,
  },
  {
    template: 'docs-site',
    parameters: { name: 'payments-handbook', description: 'How the payments team works', owner, ciCheck: false, repoUrl: repoUrl('payments-handbook') },
    type: 'documentation',
    files: ['.github/CODEOWNERS', 'README.md', 'catalog-info.yaml', 'docs/contributing.md', 'docs/getting-started.md', 'docs/index.md', 'mkdocs.yml'],
    absent: ['.github/workflows/docs.yml'],
    npm: false,
  },
];

describe.each(cases)('golden path $template', ({ template, parameters, type, files, absent = [], npm }) => {
  it('is a valid Template Callboard can run, with the Backstage pickers in its form', async () => {
    const { parsed, definition, templateIssues } = await loadGoldenPath(template);
    expect(parsed.problems).toEqual([]);
    expect(templateIssues).toEqual([]);
    expect(definition.steps.map((step) => step.action)).toEqual(['fetch:template', 'publish:github', 'catalog:register']);
    const fields = Object.assign({}, ...definition.pages.map((page) => page.properties ?? {})) as Record<string, Record<string, unknown>>;
    expect(fields.name?.['ui:field']).toBe('EntityNamePicker');
    expect(fields.owner).toMatchObject({ 'ui:field': 'OwnerPicker', 'ui:options': { catalogFilter: { kind: 'Group' } } });
    expect(fields.system).toMatchObject({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'System' } } });
    expect(fields.repoUrl).toMatchObject({ 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedHosts: ['github.com'] } });
    expect(definition.output.links.map((link) => link.title)).toEqual(['Repository', 'Open in catalog']);
  });

  it(
    'renders with sample values into a project whose catalog file validates' + (npm ? ' and whose own npm install and npm test pass' : ''),
    async () => {
      const outDir = freshFolder(template);
      const preview = await renderGoldenPath(runtime, template, parameters, outDir);
      expect(preview.steps.map(({ id, willRun, ranInDryRun }) => ({ id, willRun, ranInDryRun }))).toEqual([
        { id: 'fetch', willRun: true, ranInDryRun: true },
        { id: 'publish', willRun: true, ranInDryRun: false },
        { id: 'register', willRun: true, ranInDryRun: false },
      ]);
      expect(preview.repository).toContain(`acme/${String(parameters.name)}`);
      const produced = filesUnder(outDir);
      expect(preview.files).toEqual(produced);
      expect(produced).toEqual(expect.arrayContaining(files));
      absent.forEach((file) => expect(produced).not.toContain(file));
      expect(produced.filter((file) => file.includes('${{') || file.includes('{%'))).toEqual([]);

      const catalogFile = await parseAsCatalog(join(outDir, 'catalog-info.yaml'));
      expect(catalogFile.problems).toEqual([]);
      const [component] = catalogFile.entities;
      expect(component?.ref).toBe(`component:default/${String(parameters.name)}`);
      expect(component?.entity.spec).toMatchObject({ type, owner, lifecycle: 'experimental', ...(parameters.system ? { system: parameters.system } : {}) });
      expect(component?.entity.metadata.annotations).toMatchObject({
        'backstage.io/techdocs-ref': 'dir:.',
        'github.com/project-slug': `acme/${String(parameters.name)}`,
      });
      if (parameters.description) expect(component?.entity.metadata.description).toBe(parameters.description);

      const mkdocs = parseYaml(readFileSync(join(outDir, 'mkdocs.yml'), 'utf8')) as { site_name: string; nav: unknown };
      expect(mkdocs.site_name).toBe(parameters.name);
      navPages(mkdocs.nav).forEach((page) => expect(existsSync(join(outDir, 'docs', page)), `docs/${page} (in mkdocs.yml nav)`).toBe(true));
      expect(readFileSync(join(outDir, '.github/CODEOWNERS'), 'utf8')).toContain('* @acme/payments-team');

      if (!npm) return;
      const manifest = JSON.parse(readFileSync(join(outDir, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string> };
      expect(manifest.name).toBe(parameters.name);
      expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(['build', 'test']));
      await runIn(outDir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
      await runIn(outDir, 'npm', ['test']);
    },
    180_000,
  );
});

describe('golden path typescript-service without a Dockerfile, owner typed as a bare name', () => {
  it('leaves the Dockerfile, .dockerignore and the CI docker build out; CODEOWNERS still names the team', async () => {
    const outDir = freshFolder('no-docker');
    await renderGoldenPath(runtime, 'typescript-service', { name: 'quiet-api', owner: 'payments-team', docker: false, repoUrl: repoUrl('quiet-api') }, outDir);
    expect(readFileSync(join(outDir, '.github/CODEOWNERS'), 'utf8')).toContain('* @acme/payments-team');
    const produced = filesUnder(outDir);
    expect(produced).not.toContain('Dockerfile');
    expect(produced).not.toContain('.dockerignore');
    expect(readFileSync(join(outDir, '.github/workflows/ci.yml'), 'utf8')).not.toContain('docker build');
    const catalogFile = await parseAsCatalog(join(outDir, 'catalog-info.yaml'));
    expect(catalogFile.problems).toEqual([]);
    expect(catalogFile.entities[0]?.entity.spec).not.toHaveProperty('system');
  });
});

it('the catalog lists every golden path as runnable, with no problem on any of them', () => {
  const summaries = runtime.scaffolder
    .listTemplates(undefined)
    .filter((summary) => cases.some((golden) => summary.ref === `template:default/${golden.template}`));
  expect(summaries.map(({ ref, canRun, problems }) => ({ ref, canRun, problems })).sort((a, b) => a.ref.localeCompare(b.ref))).toEqual(
    cases.map((golden) => ({ ref: `template:default/${golden.template}`, canRun: true, problems: [] })).sort((a, b) => a.ref.localeCompare(b.ref)),
  );
  expect(runtime.errors.filter((line) => !line.startsWith('The catalog database is empty'))).toEqual([]);
});

it('every folder in templates/ (but messages/ and pages/, Callboard’s own) is a golden path this test renders', () => {
  const shipped = readdirSync(templatesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['messages', 'pages'].includes(entry.name))
    .map((entry) => entry.name)
    .sort();
  expect(shipped).toEqual(cases.map((golden) => golden.template).sort());
});
