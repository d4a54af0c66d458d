import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';

const program = fileURLToPath(new URL('./parse-thread.ts', import.meta.url));

let script: Promise<string> | undefined;

/**
 * The parse worker's program and everything it imports, as one CommonJS script. The app runs from its
 * TypeScript source, and in Node 20 a worker does not inherit the main thread's loader: loading tsx again
 * in the thread costs ~15 MB more and half a second. esbuild (the compiler tsx itself uses) bundles the
 * graph in ~0.2 s in its own process, once per process, so the thread always runs the current source.
 */
export const parseThreadScript = (): Promise<string> => {
  script ??= build({ entryPoints: [program], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent' }).then(
    async (result) => {
      // esbuild keeps a helper process for further builds; this process has none to ask for.
      await stop();
      return result.outputFiles[0]!.text;
    },
  );
  // A failed build is tried again by the next worker rather than remembered.
  script.catch(() => (script = undefined));
  return script;
};
