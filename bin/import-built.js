import { fileURLToPath, URL } from 'node:url';

// The bin scripts run dist/, which `npm install` compiles (the `prepare` script). A checkout where it is
// missing (cloned, never installed; or dist/ deleted) gets one line saying what to run, not a stack trace.
const distUrl = new URL('../dist/', import.meta.url);

/** Imports a module of the compiled program by its path under dist/. */
export const importBuilt = async (path) => {
  const url = new URL(path, distUrl);
  try {
    return await import(url.href);
  } catch (error) {
    const file = fileURLToPath(url);
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(file)) throw error;
    process.stderr.write(`callboard is not built (${file} is missing): run \`npm install\` or \`npm run build\` in ${fileURLToPath(new URL('..', distUrl))}\n`);
    process.exit(2);
  }
};
