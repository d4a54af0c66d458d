#!/usr/bin/env node
// `npm start`: runs the composition root compiled into dist/ by `npm install` (the `prepare` script).
import { importBuilt } from './import-built.js';

const { tuneHeapForSync } = await importBuilt('heap-tuning.js');
tuneHeapForSync();
const { main } = await importBuilt('main.js');
await main().catch((error) => {
  process.stderr.write(`callboard failed to start: ${error.message}\n`);
  process.exit(1);
});
