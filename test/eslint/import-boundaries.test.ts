import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { boundaryLayers } from '../../eslint/import-boundaries.js';
import { repoRoot } from '../helpers/run-cli.ts';

let eslint: ESLint;

/** The import-boundary messages ESLint gives `code` placed at `file` (the file need not exist). */
const boundaryErrors = async (file: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: join(repoRoot, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
};

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

describe('import boundaries (eslint.config.js)', () => {
  it.each([
    ['src/core/x.ts', "import { openDatabase } from '../store/open-database.ts';"],
    ['src/core/catalog/x.ts', "import type { Config } from '../../config/load-config.ts';"],
    ['src/core/catalog/kinds/x.ts', "import { SqliteCatalogStore } from '../../../store/sqlite-catalog-store.ts';"],
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/core/x.ts', "import { spawn } from 'node:child_process';"],
    ['src/core/x.ts', "import Database from 'better-sqlite3';"],
    ['src/core/x.ts', "import type { App } from '@slack/bolt';"],
    ['src/core/x.ts', "import { Octokit } from '@octokit/rest';"],
    ['src/core/x.ts', "import pino from 'pino';"],
    ['src/usecases/x.ts', "import type { SqliteCatalogStore } from '../store/sqlite-catalog-store.ts';"],
    ['src/usecases/x.ts', "import { DirSource } from '../sources/dir-source.ts';"],
    ['src/usecases/x.ts', "export { ownerView } from '../slack/views/owner-view.ts';"],
    ['src/usecases/sync/x.ts', "import type { SqliteCatalogWriter } from '../../store/sqlite-catalog-writer.ts';"],
    ['src/usecases/sync/parse-worker/x.ts', "import { runCli } from '../../../cli/main.ts';"],
    ['src/usecases/x.ts', "import { openCatalogRuntime } from '../catalog-runtime.ts';"],
    ['src/slack/views/x.ts', "import type { StoredProblem } from '../../store/sqlite-catalog-store.ts';"],
    ['src/slack/views/x.ts', "import { GitSource } from '../../sources/git-source.ts';"],
  ])('refuses, in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/core/x.ts', "import type { Entity } from './catalog/entity.ts';"],
    ['src/core/catalog/x.ts', "import type { CatalogReader } from '../ports.ts';"],
    ['src/core/x.ts', "import { z } from 'zod';"],
    ['src/usecases/x.ts', "import type { CatalogReader } from '../core/ports.ts';"],
    ['src/usecases/sync/x.ts', "import { createHash } from 'node:crypto';"],
    ['src/slack/views/x.ts', "import type { OwnerAnswer } from '../../core/catalog-reader/catalog-answers.ts';"],
    ['src/slack/views/x.ts', "import { SLACK_IDS } from '../ids.ts';"],
    ['src/cli/x.ts', "import { openDatabase } from '../store/open-database.ts';"],
  ])('allows, in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });

  it('covers every source file: none sits deeper than the generated blocks reach', () => {
    const depthOf = (folder: string, file: string) => relative(join(repoRoot, folder), file).split('/').length - 1;
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
    for (const folder of boundaryLayers.folders) {
      const deepest = Math.max(...files(join(repoRoot, folder)).map((file) => depthOf(folder, file)));
      expect(deepest, folder).toBeLessThanOrEqual(boundaryLayers.maxDepth);
    }
  });
});
