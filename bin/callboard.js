#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx callboard` works right after `npm install`
// with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { tuneHeapForSync } = await import('../src/heap-tuning.ts');
tuneHeapForSync();
await import('../src/cli/run.ts');
