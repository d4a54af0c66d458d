// A worker thread of the docs render pool (docs-render-pool.ts): renders one docs root per message with the pure
// renderer and posts the result back. Loaded with the renderer, so marked, highlight.js and the sanitizer are ready
// before the first site arrives.
import { parentPort } from 'node:worker_threads';
import { buildDocsSite, type DocsBuildInput, type DocsBuildResult } from '../core/docs/build-docs-site.ts';

const render = (input: DocsBuildInput): DocsBuildResult => {
  try {
    return buildDocsSite(input);
  } catch (error) {
    // The renderer returns its problems as data; anything thrown is that site's failed build, not the worker's end.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};

parentPort?.on('message', (input: DocsBuildInput) => parentPort?.postMessage(render(input)));
