import { fileURLToPath } from 'node:url';

/** What `new Worker(filename, { eval })` is given to start the parse thread. */
export interface ParseThreadProgram {
  filename: string;
  /** `filename` is the program's source text, not its path. */
  eval: boolean;
}

/**
 * The parse thread's program sits next to this module: `parse-thread.js` in the compiled dist/ the app
 * runs from, loaded as it is. Only where this module is itself TypeScript (tests, benchmarks run through
 * tsx) is it `parse-thread.ts`, which a thread cannot load alone: it registers tsx's loader first (in
 * Node 20 a thread does not inherit the main thread's loader, nor honour `--import` in `execArgv`).
 */
export const parseThreadProgram = (moduleUrl: string = import.meta.url): ParseThreadProgram => {
  const extension = moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  const program = new URL(`./parse-thread${extension}`, moduleUrl);
  if (extension === '.js') return { filename: fileURLToPath(program), eval: false };
  // The ESM entry: tsx's CommonJS API cannot register its loader from a thread started by eval.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(program.href)}); });`;
  return { filename: boot, eval: true };
};
