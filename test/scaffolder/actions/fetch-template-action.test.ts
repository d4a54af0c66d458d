import { lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchTemplateAction } from '../../../src/scaffolder/actions/fetch-template-action.ts';
import { fetchTemplateFileAction } from '../../../src/scaffolder/actions/fetch-template-file-action.ts';
import { createActionHarness, type ActionHarness } from './action-context.ts';

let h: ActionHarness;
let skeleton: string;

beforeEach(async () => {
  h = await createActionHarness();
  skeleton = join(h.source, 'templates/demo/skeleton');
  await mkdir(join(skeleton, 'docs'), { recursive: true });
  await writeFile(join(skeleton, 'catalog-info.yaml'), 'name: ${{ values.name }}\n');
  await writeFile(join(skeleton, 'docs/index.md'), '# ${{ values.name }}\n');
  await writeFile(join(skeleton, "${{ 'Dockerfile' if values.docker else '' }}"), 'FROM node\n');
  await writeFile(join(skeleton, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0x24, 0x7b, 0x7b]));
  await writeFile(join(skeleton, 'run.sh'), '#!/bin/sh\necho ${{ values.name }}\n');
  await chmod(join(skeleton, 'run.sh'), 0o755);
});
afterEach(() => h.dispose());

const read = (path: string) => readFile(join(h.workspace, path), 'utf8');

describe('fetch:template', () => {
  it('renders the skeleton into the workspace: contents, names, skipped files, binaries as they are, modes kept', async () => {
    await h.run(fetchTemplateAction, { url: './skeleton', values: { name: 'svc', docker: false } });
    expect(await read('catalog-info.yaml')).toBe('name: svc\n');
    expect(await read('docs/index.md')).toBe('# svc\n');
    await expect(lstat(join(h.workspace, 'Dockerfile'))).rejects.toThrow();
    expect((await readFile(join(h.workspace, 'logo.png'))).equals(await readFile(join(skeleton, 'logo.png')))).toBe(true);
    expect((await stat(join(h.workspace, 'run.sh'))).mode & 0o777).toBe(0o755);
  });

  it('writes under targetPath, keeps existing files unless replace', async () => {
    await mkdir(join(h.workspace, 'out'));
    await writeFile(join(h.workspace, 'out/catalog-info.yaml'), 'mine');
    await h.run(fetchTemplateAction, { url: './skeleton', targetPath: 'out', values: { name: 'svc' } });
    expect(await read('out/catalog-info.yaml')).toBe('mine');
    expect(await read('out/docs/index.md')).toBe('# svc\n');
    await h.run(fetchTemplateAction, { url: './skeleton', targetPath: 'out', values: { name: 'svc' }, replace: true });
    expect(await read('out/catalog-info.yaml')).toBe('name: svc\n');
  });

  it('logs a warning for copyWithoutRender and renders the files anyway, as Backstage 4.x does', async () => {
    await h.run(fetchTemplateAction, { url: './skeleton', values: { name: 'svc' }, copyWithoutRender: ['docs/*'] });
    expect(await read('docs/index.md')).toBe('# svc\n');
    expect(h.logs.join('\n')).toMatch(/warn: copyWithoutRender was removed/);
  });

  it('refuses a targetPath outside the workspace, naming it, before writing anything', async () => {
    await expect(h.run(fetchTemplateAction, { url: './skeleton', targetPath: '../../x', values: {} })).rejects.toThrow(
      'targetPath "../../x" is outside the workspace',
    );
    await expect(h.run(fetchTemplateAction, { url: './skeleton', targetPath: '/tmp/x', values: {} })).rejects.toThrow(
      /targetPath "\/tmp\/x" is an absolute path/,
    );
  });

  it('refuses a value with ../ in a file name', async () => {
    await mkdir(join(skeleton, '${{ values.name }}'));
    await writeFile(join(skeleton, '${{ values.name }}/x.txt'), 'x');
    await expect(h.run(fetchTemplateAction, { url: './skeleton', values: { name: '../../x' } })).rejects.toThrow(
      /renders to the path "..\/..\/x", which is outside the target folder/,
    );
    await expect(lstat(join(h.base, 'x'))).rejects.toThrow();
  });

  it('refuses a skeleton symlink that points outside, naming it, and copies one that stays inside as a link', async () => {
    await symlink('../catalog-info.yaml', join(skeleton, 'docs/catalog.yaml'));
    await h.run(fetchTemplateAction, { url: './skeleton', values: { name: 'svc' } });
    expect(await readlink(join(h.workspace, 'docs/catalog.yaml'))).toBe('../catalog-info.yaml');
    await symlink('/etc/passwd', join(skeleton, 'passwd'));
    await expect(h.run(fetchTemplateAction, { url: './skeleton', values: {} })).rejects.toThrow(
      'skeleton symlink "passwd" points to "/etc/passwd", outside the skeleton',
    );
  });

  it('refuses to write through a symlink in the workspace that leads outside', async () => {
    await mkdir(join(h.base, 'elsewhere'));
    await symlink(join(h.base, 'elsewhere'), join(h.workspace, 'docs'));
    await expect(h.run(fetchTemplateAction, { url: './skeleton', values: { name: 'svc' } })).rejects.toThrow(/goes through a symlink .* outside the workspace/);
    await expect(lstat(join(h.base, 'elsewhere/index.md'))).rejects.toThrow();
  });

  it('fails on a 10 MB value that a skeleton file renders, naming the file, before writing anything', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    await expect(h.run(fetchTemplateAction, { url: './skeleton', values: { name: big } })).rejects.toThrow(/skeleton (file|path of) ".*": .*render limit/);
    expect(await readdir(h.workspace)).toEqual([]);
  });

  it('refuses a url outside the template source and one that is not a folder', async () => {
    await expect(h.run(fetchTemplateAction, { url: '../../../../etc' })).rejects.toThrow(/outside the template's source/);
    await expect(h.run(fetchTemplateAction, { url: './skeleton/catalog-info.yaml' })).rejects.toThrow(
      'url "./skeleton/catalog-info.yaml" is a file, not a folder',
    );
    await expect(h.run(fetchTemplateAction, { url: './missing' })).rejects.toThrow(/url ".\/missing" does not exist/);
  });

  it('names the input that fails the schema', async () => {
    await expect(h.run(fetchTemplateAction, { targetPath: 'x' })).rejects.toThrow(/input\.url: /);
    await expect(h.run(fetchTemplateAction, { url: './skeleton', replace: 'yes' })).rejects.toThrow(/input\.replace: /);
  });
});

describe('fetch:template:file', () => {
  it('renders one file to targetPath, keeping an existing one unless replace', async () => {
    await h.run(fetchTemplateFileAction, { url: './skeleton/docs/index.md', targetPath: 'docs/README.md', values: { name: 'svc' } });
    expect(await read('docs/README.md')).toBe('# svc\n');
    await h.run(fetchTemplateFileAction, { url: './skeleton/catalog-info.yaml', targetPath: 'docs/README.md', values: { name: 'other' } });
    expect(await read('docs/README.md')).toBe('# svc\n');
    await h.run(fetchTemplateFileAction, { url: './skeleton/catalog-info.yaml', targetPath: 'docs/README.md', values: { name: 'other' }, replace: true });
    expect(await read('docs/README.md')).toBe('name: other\n');
  });

  it('supports cookiecutterCompat and refuses a targetPath outside the workspace', async () => {
    await writeFile(join(skeleton, 'cc.txt'), '{{ cookiecutter.name }}');
    await h.run(fetchTemplateFileAction, { url: './skeleton/cc.txt', targetPath: 'cc.txt', values: { name: 'x' }, cookiecutterCompat: true });
    expect(await read('cc.txt')).toBe('x');
    await expect(h.run(fetchTemplateFileAction, { url: './skeleton/cc.txt', targetPath: '../escape.txt' })).rejects.toThrow(
      /targetPath "..\/escape.txt" is outside/,
    );
    await expect(h.run(fetchTemplateFileAction, { url: './skeleton/cc.txt' })).rejects.toThrow(/input\.targetPath/);
  });
});
