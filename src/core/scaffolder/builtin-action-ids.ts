/**
 * The actions Callboard ships (src/scaffolder/actions/), by id. The catalog checks templates against this list
 * (core cannot see the runtime registry); an action outside it makes the template a problem, not runnable.
 */
export const BUILTIN_ACTION_IDS = [
  'fetch:template',
  'fetch:template:file',
  'fetch:plain',
  'fetch:plain:file',
  'fs:rename',
  'fs:delete',
  'publish:github',
  'publish:git',
  'catalog:register',
  'catalog:write',
  'catalog:fetch',
  'debug:log',
  'debug:wait',
] as const;
