// Worker bootstrap in plain JavaScript: Node 20 cannot start a worker from a .ts file even with a loader
// on its execArgv, so this registers tsx inside the worker and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
