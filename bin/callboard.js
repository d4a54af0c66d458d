#!/usr/bin/env node
// `callboard`: runs the JavaScript that `npm install` compiled into dist/ (the `prepare` script), so no
// TypeScript is transpiled at run time.
import { importBuilt } from './import-built.js';

const { tuneHeapForSync } = await importBuilt('heap-tuning.js');
tuneHeapForSync();
await importBuilt('cli/run.js');
