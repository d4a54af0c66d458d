import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { slashCommand } from '../../../src/slack/listeners/commands/slash-command.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
import { openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText, blockIds, recorder } from '../helpers/recorder.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const run = async (command: string, text: string, options: { user?: string; syncAllowed?: string[]; admins?: string[] } = {}) => {
  const io = recorder();
  const deps = slackDepsFor(runtime, { syncAllowed: options.syncAllowed ?? [], ...(options.admins ? { admins: options.admins } : {}) });
  await slashCommand(deps)({ ack: io.ack, respond: io.respond, command: { command, text, user_id: options.user ?? People.marcus.id } });
  return io;
};

describe('slash commands', () => {
  it('/owner acks first, then answers privately with the owner card and its members as mentions', async () => {
    const io = await run('/owner', 'checkout-service');
    expect(io.events).toEqual(['ack', 'respond']);
    expect(io.last().response_type).toBe('ephemeral');
    expect(blockIds(io.last())).toEqual(expect.arrayContaining(['owner.header', 'owner.team', 'owner.members', 'owner.actions']));
    expect(allText(io.last())).toContain(`<@${People.marcus.id}>`);
    expect(allText(io.last())).toContain('message.share');
  });

  it('/deps takes --reverse and --depth anywhere in the text', async () => {
    const io = await run('/deps', '--depth 1 orders-db --reverse');
    expect(blockIds(io.last())).toContain('deps.header');
    expect(allText(io.last())).toContain('What depends on orders-db');
    expect(allText(io.last())).toContain('within 1 hop');
  });

  it('/find ranks results; a name shared by several kinds gets a chooser', async () => {
    expect(blockIds((await run('/find', 'payments')).last())).toContain('search.header');
    expect(blockIds((await run('/owner', 'payments-api')).last())).toContain('chooser.choices');
  });

  it('an unknown name gets "did you mean" suggestions', async () => {
    const io = await run('/owner', 'checkout-servce');
    expect(blockIds(io.last())).toContain('notfound.summary');
    // Callboard's own routing flag (asker-only in a mention's thread) is not sent to Slack.
    expect(io.last()).not.toHaveProperty('forAskerOnly');
  });

  it.each([
    ['/owner', ''],
    ['/deps', 'orders-db --depth 99'],
    ['/deps', 'orders-db --sideways'],
    ['/find', '   '],
    ['/callboard', 'frobnicate'],
    ['/owner', 'x'.repeat(5000)],
  ])('%s %j answers with a usage hint, privately', async (command, text) => {
    const io = await run(command, text);
    expect(io.events).toEqual(['ack', 'respond']);
    expect(io.last().response_type).toBe('ephemeral');
    expect(blockIds(io.last())).toContain('usage.problem');
    expect(allText(io.last()).length).toBeLessThan(6000);
  });

  it('mrkdwn injection in the text is escaped, never a broadcast or a ping', async () => {
    for (const text of ['<!channel>', '<!here|here> *bold* <@U0SOMEONE>', '&<>', '<https://evil.example|checkout-service>']) {
      const io = await run('/owner', text);
      const json = allText(io.last());
      expect(json).not.toMatch(/<!channel>|<!here|<@U0SOMEONE>/);
      expect(io.last().response_type).toBe('ephemeral');
    }
  });

  it('emoji and right-to-left text get a helpful reply', async () => {
    for (const text of ['🚀🔥', 'خدمة-الدفع', '👩🏽‍💻 checkout']) {
      const io = await run('/find', text);
      expect(io.events).toEqual(['ack', 'respond']);
      expect(io.last().blocks.length).toBeGreaterThan(0);
    }
  });

  it('/callboard with nothing, or help, shows the three-line help with a More button', async () => {
    for (const text of ['', 'help']) {
      const io = await run('/callboard', text);
      expect(io.last().response_type).toBe('ephemeral');
      expect(blockIds(io.last())).toEqual(['help.short', 'help.short_actions']);
      expect(allText(io.last())).toContain(`"action_id":"${ActionIds.showHelp}"`);
    }
  });

  it('/callboard whoami maps the Slack user to the catalog User and groups', async () => {
    const io = await run('/callboard', 'whoami');
    expect(allText(io.last())).toContain('user:default/marcus.oyelaran');
    expect(allText(io.last())).toContain('group:default/checkout-team');
  });

  it('/callboard errors lists problems for my teams or for a named team', async () => {
    expect(blockIds((await run('/callboard', 'errors')).last())).toEqual(expect.arrayContaining([expect.stringMatching(/^problems\./)]));
    const all = await run('/callboard', 'errors', { user: People.stranger.id });
    expect(blockIds(all.last())).toContain('usage.problem');
    const named = await run('/callboard', 'errors checkout-team');
    expect(blockIds(named.last())).toEqual(expect.arrayContaining([expect.stringMatching(/^problems\./)]));
    expect(blockIds((await run('/callboard', 'errors checkout-service')).last())).toContain('usage.problem');
  });

  it('/callboard errors all: every problem for a Callboard admin, those no team owns first', async () => {
    for (const admins of [[People.marcus.email], ['group:checkout-team'], ['checkout-team']]) {
      const io = await run('/callboard', 'errors all', { admins });
      expect(io.last().response_type).toBe('ephemeral');
      expect(blockIds(io.last())).toEqual(expect.arrayContaining(['problems.header', 'problems.counts', 'problems.unowned']));
      // carrier-gateway's owner (group:legacy-team) is not in the catalog: no team owns that problem.
      expect(allText(io.last())).toContain('No team owns 1 of these');
      expect(allText(io.last())).toMatch(/carrier-gateway\/catalog-info\.yaml:4:1` relation ownedBy points at group:default\/legacy-team/);
    }
  });

  it('/callboard errors all from anyone else: a one-line refusal naming who can', async () => {
    const io = await run('/callboard', 'errors ALL', { admins: ['group:platform-team', 'ada@acme.example'] });
    expect(blockIds(io.last())).toEqual(['problems.refused']);
    const line = (io.last().blocks[0] as { text: { text: string } }).text.text;
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('`group:platform-team`, `ada@acme.example`');
    expect(line).not.toMatch(/try again/i);
    const nobody = await run('/callboard', 'errors all');
    expect((nobody.last().blocks[0] as { text: { text: string } }).text.text).toContain('none are set yet (`slack.admins` in callboard.yaml)');
  });

  it('/callboard sync is refused unless slack.syncAllowed names the asker or their group', async () => {
    const denied = await run('/callboard', 'sync');
    expect(blockIds(denied.last())).toEqual(['sync.denied']);
    const allowed = await run('/callboard', 'sync', { syncAllowed: ['group:checkout-team'] });
    expect(allowed.events).toEqual(['ack', 'respond', 'respond']);
    expect(blockIds(allowed.replies[0]!)).toEqual(['sync.started']);
    expect(allowed.last().replace_original).toBe(true);
    expect(blockIds(allowed.last())).toContain('sync.summary');
  });
});
