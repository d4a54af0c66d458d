import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseThreadProgram } from '../../../src/usecases/sync/parse-worker/parse-thread-program.ts';
import { repoRoot } from '../../helpers/run-cli.ts';

describe('parseThreadProgram', () => {
  it('runs the compiled parse-thread.js as it is when the app runs from dist/', () => {
    const moduleUrl = pathToFileURL(`${repoRoot}/dist/usecases/sync/parse-worker/plain-parse-worker.js`).href;
    const program = parseThreadProgram(moduleUrl);
    expect(program).toEqual({ filename: `${repoRoot}/dist/usecases/sync/parse-worker/parse-thread.js`, eval: false });
    // The test run's globalSetup has just built dist/: the file the app would load is there.
    expect(existsSync(program.filename)).toBe(true);
  });

  it('loads the TypeScript source through tsx when it is itself TypeScript', () => {
    const program = parseThreadProgram();
    expect(program.eval).toBe(true);
    expect(program.filename).toContain('tsx');
    expect(program.filename).toContain(pathToFileURL(`${repoRoot}/src/usecases/sync/parse-worker/parse-thread.ts`).href);
  });
});
