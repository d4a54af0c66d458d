#!/usr/bin/env node
// `npm start`: runs the composition root compiled into dist/ by `npm install` (the `prepare` script).
import { importBuilt } from './import-built.js';

const { tuneHeapForSync } = await importBuilt('heap-tuning.js');
tuneHeapForSync();
const { main } = await importBuilt('main.js');
await main().catch((error) => {
  // A person's mistake (bad config, a database path that cannot be used) is one line and exit 2, as in the CLI;
  // anything else is unexpected and keeps its stack.
  if (error?.code === 'invalid_input') {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`callboard failed to start: ${error?.stack ?? error}\n`);
  process.exit(1);
});
