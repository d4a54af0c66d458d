import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { loadBuildDocsSite } from '../../../src/docs/build-docs-site-port.ts';
import { createDocsBuilder } from '../../../src/docs/docs-runtime.ts';
import { openPublishedDocs } from '../../../src/published-docs-runtime.ts';
import { answerParsed } from '../../../src/slack/listeners/answers/answer-request.ts';
import { parseSlashCommand } from '../../../src/slack/parse/parse-slash-command.ts';
import type { SlackDeps } from '../../../src/slack/slack-deps.ts';
import { exampleConfig } from '../../helpers/run-cli.ts';
import { allMrkdwn, blockById, blockIds, expectMessageWithinLimits, expectNoInjectedControls } from '../views/view-helpers.ts';
import { People, slackDepsFor } from '../helpers/catalog-fixture.ts';

/** The example org synced and its docs built by the real renderer into the real store: the answers read SqliteDocsLibrary. */
let runtime: CatalogRuntime;
let deps: SlackDeps;
beforeAll(async () => {
  const config = loadConfig({ file: exampleConfig(), env: {} });
  runtime = openCatalogRuntime(config);
  await runtime.sync.syncAll();
  await createDocsBuilder(config, runtime, await loadBuildDocsSite()).run({});
  deps = { ...slackDepsFor(runtime), docs: openPublishedDocs({ ...config, http: { ...config.http, publicUrl: 'https://callboard.acme.example' } }, runtime) };
}, 60_000);
afterAll(() => runtime.close());

const ask = async (command: string, text: string) => {
  const message = await answerParsed(deps, parseSlashCommand(command, text), People.sofia.id);
  expectMessageWithinLimits(message);
  expectNoInjectedControls(message);
  return message;
};

describe('/docs and /find over the docs the example org builds', () => {
  it("deep-links payments-api's runbook section on a provider outage, its snippet marked", async () => {
    const message = await ask('/docs', 'payments-api provider outage');
    const hits = blockIds(message.blocks).filter((id) => id.startsWith('docs.hit.'));
    expect(hits.length).toBeGreaterThan(0);
    const texts = hits.map((id) => allMrkdwn([blockById(message.blocks, id)]));
    expect(
      texts.some((text) =>
        text.includes('https://callboard.acme.example/docs/default/component/payments-api/runbook/#provider-outage|Runbook › Provider outage>'),
      ),
    ).toBe(true);
    expect(texts.join('\n')).toMatch(/\*[Pp]rovider\*|\*[Oo]utage\*/);
  });

  it('/find puts the docs sections beside the entities', async () => {
    const message = await ask('/find', 'runbook');
    expect(blockIds(message.blocks)).toContain('search.docs.hit.0');
    expect(allMrkdwn([blockById(message.blocks, 'search.docs.hit.0')])).toContain('https://callboard.acme.example/docs/default/component/');
  });
});
