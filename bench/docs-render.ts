// `node --import tsx bench/docs-render.ts [--pages N]`: a cold TechDocs render (buildDocsSite) of a synthetic site of
// ~4 KB pages with headings, code, tables, lists, admonitions, links between pages and images. Without --pages it
// measures 1,000 and 3,400 pages, each in a fresh Node process (module loading, highlight.js and the sanitizer's
// first use included), and prints one line per size. Targets: 1,000 pages < 3 s, 3,400 pages < 10 s.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SIZES = [1_000, 3_400];
const encoder = new TextEncoder();

const CODE = [
  [
    'ts',
    'export const handler = async (event: OrderEvent): Promise<Result> => {\n  const order = await store.find(event.orderId);\n  if (!order) return { ok: false, reason: "missing" };\n  return { ok: true, total: order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0) };\n};',
  ],
  [
    'python',
    'def settle(batch, ledger):\n    """Settle one batch against the ledger."""\n    for entry in batch.entries:\n        if entry.amount <= 0:\n            continue\n        ledger.post(entry.account, entry.amount, reference=batch.id)\n    return ledger.balance()',
  ],
  [
    'bash',
    'kubectl -n payments rollout status deploy/payments-api --timeout=120s\ncurl -sf https://payments.internal/healthz | jq .status\nfor pod in $(kubectl get pods -l app=payments -o name); do kubectl logs "$pod" --since=10m | grep -c ERROR; done',
  ],
  [
    'yaml',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments-api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/payments-api:1.42.0',
  ],
];

/** Page `index` of `count`, in a folder of 20 pages, linking to its neighbours, the home page and an image. */
export const docsPage = (index: number, count: number): string => {
  const [language, code] = CODE[index % CODE.length]!;
  const next = `../${folderOf((index + 1) % count)}/page-${(index + 1) % count}.md`;
  const rows = Array.from(
    { length: 6 },
    (_, row) => `| svc-${index}-${row} | team-${row % 4} | ${(row * 37 + index) % 100} ms | ${row % 2 ? 'yes' : 'no'} |`,
  ).join('\n');
  return `# Page ${index}: operating service ${index}

This page describes how service ${index} is built and run. See [the next page](${next}), the [home page](../index.md)
and the [section below](#failure-modes). It is part of the synthetic benchmark site.

![Architecture of service ${index}](../images/diagram-${index % 10}.png){ width="600" }

## Overview

Service ${index} accepts requests from the storefront, validates them, and writes an event to the queue. The
consumer applies the event to the ledger within **two seconds** at p99. Requests carry an \`Idempotency-Key\` so
a retried request never charges twice. Latency budgets are listed below; breaching one pages the owning team.

| Dependency | Owner | p99 budget | Critical |
|------------|-------|-----------:|:--------:|
${rows}

## Running it

\`\`\`${language}
${code}
\`\`\`

!!! warning "Before you deploy"
    Check the dashboard for open incidents and make sure the previous rollout finished. A deploy during a
    settlement window delays the batch by up to ten minutes.

## Failure modes

- [x] Queue backlog above 10,000 events: scale the consumer, then check the ledger lock.
- [ ] Upstream timeouts: the circuit breaker opens after 20 failures in 30 seconds; see the runbook.
- Database failover: writes pause for up to 30 seconds; requests are retried by the client library.

1. Confirm the alert on the dashboard.
2. Find the last deploy in the change log and roll it back if it is less than an hour old.
3. Page the database on-call if replication lag is above one minute.

## Capacity

Each replica handles about 400 requests per second before p99 latency passes the budget. Autoscaling adds a
replica when CPU stays above 70% for three minutes and removes one after fifteen quiet minutes. During the
monthly settlement run the minimum is raised to six replicas by a scheduled job; see [page ${(index + 7) % count}](../${folderOf((index + 7) % count)}/page-${(index + 7) % count}.md).

> Load tests run every Tuesday against the staging cluster. Results older than a month are not a reliable guide,
> because the ledger schema and the queue client both changed this quarter.

| Replicas | Requests/s | p50 | p99 |
|---------:|-----------:|----:|----:|
| 2 | 800 | 12 ms | 80 ms |
| 4 | 1,600 | 13 ms | 95 ms |
| 6 | 2,400 | 15 ms | 120 ms |

\`\`\`${CODE[(index + 1) % CODE.length]![0]}
${CODE[(index + 1) % CODE.length]![1]}
\`\`\`

## Ownership

The owning team reviews this page every quarter. Questions go to the team channel; incidents go through the
pager. When the service changes hands, the new owner updates the catalog entry, this page and the alert
routing in the same change, so that nobody is paged for a service they no longer run. Runbooks link here, and
the dashboards link to the runbooks, so a responder can get from an alert to a fix in three clicks. Keep the
examples on this page runnable: the weekly docs check runs every command in a sandbox and files an issue when
one fails. Older revisions of this page are in the repository history.

## Settings

Settings come from the environment. \`PAYMENTS_TIMEOUT_MS\` bounds each upstream call, \`PAYMENTS_RETRIES\` the
number of retries, and \`PAYMENTS_QUEUE\` names the queue. Changing any of them needs a restart.
`;
};

const folderOf = (index: number): string => `area-${Math.floor(index / 20)}`;

/** The files of a synthetic docs root with `count` pages, ten images and a mkdocs.yml without nav. */
export const docsSiteFiles = (count: number): Map<string, Uint8Array> => {
  const files = new Map<string, Uint8Array>([
    ['mkdocs.yml', encoder.encode('site_name: Benchmark\nrepo_url: https://github.com/acme/bench\nplugins:\n  - techdocs-core\n')],
    ['docs/index.md', encoder.encode('# Benchmark site\n\nStart at [page 0](area-0/page-0.md).\n')],
  ]);
  for (let image = 0; image < 10; image += 1) files.set(`docs/images/diagram-${image}.png`, new Uint8Array(2048));
  for (let index = 0; index < count; index += 1) files.set(`docs/${folderOf(index)}/page-${index}.md`, encoder.encode(docsPage(index, count)));
  return files;
};

const measure = async (count: number): Promise<void> => {
  const files = docsSiteFiles(count);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { buildDocsSite } = await import('../src/core/docs/build-docs-site.ts');
  const result = buildDocsSite({ entityRef: 'component:default/bench', entityName: 'bench', files, rootInSource: '', maxPageBytes: 5 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.error);
  const cpu = process.cpuUsage(cpuBefore);
  const bytes = [...files].filter(([path]) => path.endsWith('.md')).reduce((sum, [, data]) => sum + data.byteLength, 0);
  console.log(
    `docs render, cold: ${count} pages (${(bytes / count / 1024).toFixed(1)} KB each) in ${Math.round(ms)} ms ` +
      `(${Math.round((cpu.user + cpu.system) / 1000)} ms CPU), ${result.site.warnings.length} warnings`,
  );
};

const pagesArg = process.argv.indexOf('--pages');
const runDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (!runDirectly) {
  // Imported (by bench/run.ts): nothing runs.
} else if (pagesArg > 0) await measure(Number(process.argv[pagesArg + 1]));
else {
  for (const size of SIZES) {
    const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--pages', String(size)], { encoding: 'utf8' });
    process.stdout.write(output);
  }
}
