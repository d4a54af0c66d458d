import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { parseAsk } from '../../../src/cli/commands/ask-command.ts';
import { answerParsed } from '../../../src/slack/listeners/answers/answer-request.ts';
import { memoryUsers, openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText, blockIds } from '../helpers/recorder.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const ask = (text: string, users = memoryUsers()) => answerParsed(slackDepsFor(runtime, {}, users.api), parseAsk(text), People.marcus.id);

describe('asking about a Slack user by mentioning them', () => {
  it.each(['who is <@U0SOFIA>?', '/owner <@U0SOFIA|sofia>', "who's <@U0SOFIA>"])(
    '%j answers their person card, found by the email on their Slack profile (was "Nothing is called @U0SOFIA")',
    async (text) => {
      const users = memoryUsers();
      const message = await ask(text, users);
      expect(blockIds(message)[0]).toBe('person.header');
      expect(allText(message)).toContain('user:default/sofia.marquez');
      expect(users.calls).toContain('users.info U0SOFIA');
    },
  );

  it('someone whose Slack email is on no catalog User: one line saying so, to the asker only', async () => {
    const message = await ask('who is <@U0STRANGER>?');
    expect(message.text).toBe(':mag: <@U0STRANGER> is not in the catalog: no User has the email *stranger@elsewhere.example* (`spec.profile.email`).');
    expect(message.forAskerOnly).toBe(true);
  });

  it('someone whose email Callboard cannot see: says so', async () => {
    expect(allText(await ask('/owner <@U0NOBODY>'))).toContain("Callboard cannot see the email on <@U0NOBODY>'s Slack profile");
  });
});
