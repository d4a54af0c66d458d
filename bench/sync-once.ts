// One sync pass of the compiled program in its own process, so peak RSS is the pass's own. Prints one JSON line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBuilt } from './import-built.ts';

const { openCatalogRuntime } = await importBuilt<typeof import('../src/catalog-runtime.ts')>('catalog-runtime.js');
const { loadConfig } = await importBuilt<typeof import('../src/config/load-config.ts')>('config/load-config.js');
const { tuneHeapForSync } = await importBuilt<typeof import('../src/heap-tuning.ts')>('heap-tuning.js');

// As bin/start.js and bin/callboard.js do, so the figures are the product's.
tuneHeapForSync();
const [configFile] = process.argv.slice(2);
const config = loadConfig({ file: configFile! });
const started = performance.now();
const runtime = openCatalogRuntime(config);
const syncStarted = performance.now();
const summary = await runtime.sync.syncAll();
// The pass as a caller sees it: fetch, reads, writes and the commit (the summary's own duration stops before COMMIT).
const syncMs = performance.now() - syncStarted;
const wallMs = performance.now() - started;
const counts = runtime.store.countsByKind();
runtime.close();
const memory = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)]));
const result = { wallMs, syncMs, summary, counts, peakRssMb: process.resourceUsage().maxRSS / 1024, memoryMbAtEnd: memory };
if (process.env.BENCH_OUT) writeFileSync(join(process.env.BENCH_OUT), JSON.stringify(result));
process.stdout.write(`${JSON.stringify(result)}\n`);
