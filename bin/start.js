#!/usr/bin/env node
// `npm start`: runs the TypeScript composition root through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { tuneHeapForSync } = await import('../src/heap-tuning.ts');
tuneHeapForSync();
const { main } = await import('../src/main.ts');
await main().catch((error) => {
  process.stderr.write(`callboard failed to start: ${error.message}\n`);
  process.exit(1);
});
