import { buildDistIfStale } from '../test/helpers/build-dist.ts';

/**
 * A module of the compiled dist/, typed as its source: the benchmarks measure the JavaScript bin/ runs,
 * not the sources through tsx (whose loader would also start in the parse worker's thread). dist/ is
 * rebuilt first if the sources changed since it was built.
 */
export const importBuilt = async <Module>(path: string): Promise<Module> => {
  buildDistIfStale('bench');
  return (await import(new URL(`../dist/${path}`, import.meta.url).href)) as Module;
};
