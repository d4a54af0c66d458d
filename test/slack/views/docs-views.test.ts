import { describe, expect, it } from 'vitest';
import { snippetMark } from '../../../src/core/docs/docs-library.ts';
import type { DocsHome, LinkedDocsHit } from '../../../src/usecases/docs/docs-ports.ts';
import type { DocsAnswer } from '../../../src/usecases/docs/find-docs.ts';
import { docsAnswerView, type DocsAnswerFacts } from '../../../src/slack/views/docs-answer-view.ts';
import { snippetMrkdwn } from '../../../src/slack/views/docs-snippet.ts';
import { searchResultsView } from '../../../src/slack/views/search-results-view.ts';
import { teamDocsView } from '../../../src/slack/views/team-docs-view.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  blockTextLength,
  EMOJI_RTL,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  FIVE_KB,
  group,
  HOSTILE,
  HOSTILE_ESCAPED,
} from './view-helpers.ts';

const { start: S, end: E } = snippetMark;
const BASE = 'https://callboard.acme.example/docs/default/component/payments-api/';

const home = (extra: Partial<DocsHome> = {}): DocsHome => ({
  entityRef: 'component:default/payments-api',
  siteName: 'Payments API',
  url: BASE,
  pageCount: 3,
  builtAt: '2026-12-01T09:30:00.000Z',
  commit: '4f1c2a9e0b7d11aa',
  pages: [],
  ...extra,
});

const hit = (extra: Partial<LinkedDocsHit> = {}): LinkedDocsHit => ({
  entityRef: 'component:default/payments-api',
  pagePath: 'runbook/',
  pageTitle: 'Runbook',
  anchor: 'provider-outage',
  heading: 'Provider outage',
  snippet: `Symptoms: ${S}provider${E} errors and ${S}outage${E} alerts.`,
  url: `${BASE}runbook/#provider-outage`,
  ...extra,
});

const facts = (answer: DocsAnswer, extra: Partial<DocsAnswerFacts> = {}): DocsAnswerFacts => ({
  entityName: 'payments-api',
  ownerName: 'Payments',
  ownerChannel: '<#C0PAYMENTS>',
  answer,
  links: [],
  command: '/callboard docs',
  ...extra,
});

describe('snippetMrkdwn', () => {
  it.each([
    ['marks become bold', `a ${S}b${E} c`, 'a *b* c'],
    ['escaped, marks kept', `<!channel> & ${S}<b>${E}`, '&lt;!channel&gt; &amp; *&lt;b&gt;*'],
    ['spaces move outside the mark', `a${S} b ${E}c`, 'a *b* c'],
    ['an empty mark is dropped', `a ${S}${E}b`, 'a b'],
    ['newlines become spaces', `one\n\n${S}two${E}\tthree`, 'one *two* three'],
    ['a mark the cut leaves open is closed', `${'x'.repeat(20)} ${S}${'y'.repeat(40)}${E}`, `${'x'.repeat(20)} *${'y'.repeat(7)}…*`],
  ])('%s', (_, snippet, expected) => {
    expect(snippetMrkdwn(snippet, 30)).toBe(expected);
  });
});

describe('docsAnswerView', () => {
  it('links the site home and each matching section, with its snippet in bold where it matched', () => {
    const message = docsAnswerView(
      facts({
        status: 'site',
        entityRef: home().entityRef,
        words: 'provider outage',
        home: home(),
        hits: [hit(), hit({ anchor: '', heading: '', pagePath: '', pageTitle: 'Overview', url: BASE, snippet: 'No marks here.' })],
      }),
    );
    expect(blockIds(message.blocks)).toEqual(['docs.header', 'docs.home', 'docs.built', 'docs.summary', 'docs.hit.0', 'docs.hit.1']);
    expect(allMrkdwn([blockById(message.blocks, 'docs.home')])).toBe(`*<${BASE}|Payments API>*\npayments-api is owned by Payments (<#C0PAYMENTS>).`);
    expect(allMrkdwn([blockById(message.blocks, 'docs.built')])).toContain('3 pages  ·  built <!date^');
    expect(allMrkdwn([blockById(message.blocks, 'docs.built')])).toContain('from `4f1c2a9e0b7d`');
    expect(allMrkdwn([blockById(message.blocks, 'docs.summary')])).toBe('Best 2 sections for *provider outage*:');
    expect(allMrkdwn([blockById(message.blocks, 'docs.hit.0')])).toBe(
      `*<${BASE}runbook/#provider-outage|Runbook › Provider outage>*\nSymptoms: *provider* errors and *outage* alerts.`,
    );
    expect(allMrkdwn([blockById(message.blocks, 'docs.hit.1')])).toBe(`*<${BASE}|Overview>*\nNo marks here.`);
    expect(message.text).toBe(`Docs for payments-api: <${BASE}|Payments API> (2 matching sections)`);
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
  });

  it("without words, links the site's pages as its nav lists them", () => {
    const pages = [
      { title: 'Overview', url: BASE },
      { title: `Runbook ${HOSTILE}`, url: `${BASE}runbook/` },
    ];
    const message = docsAnswerView(facts({ status: 'site', entityRef: home().entityRef, words: '', home: home({ pages }), hits: [] }));
    expect(blockIds(message.blocks)).toEqual(['docs.header', 'docs.home', 'docs.pages', 'docs.built']);
    expect(allMrkdwn([blockById(message.blocks, 'docs.pages')])).toBe(`Pages: <${BASE}|Overview>  ·  <${BASE}runbook/|Runbook ${HOSTILE_ESCAPED}>`);
    expectNoInjectedControls(message);
  });

  it('says when no section matches, naming the search to try, and when the latest build failed', () => {
    const message = docsAnswerView(
      facts({ status: 'site', entityRef: home().entityRef, words: 'kafka', home: home({ lastError: 'mkdocs.yml: nav is not a list' }), hits: [] }),
    );
    expect(allMrkdwn([blockById(message.blocks, 'docs.summary')])).toBe(
      'No section matches *kafka*. Try fewer words, or search everything with `/callboard find kafka`.',
    );
    expect(allMrkdwn([blockById(message.blocks, 'docs.built')])).toContain(
      ':warning: The latest build failed: mkdocs.yml: nav is not a list. This is the last good build.',
    );
  });

  it('without a site: what to add, or the build failure, or that the declared docs are still to be built', () => {
    const none = (extra: Partial<Extract<DocsAnswer, { status: 'none' }>>): DocsAnswer => ({
      status: 'none',
      entityRef: 'component:default/x',
      words: '',
      parts: [],
      hits: [],
      ...extra,
    });
    const text = (answer: DocsAnswer) => allMrkdwn([blockById(docsAnswerView(facts(answer, { entityName: 'x' })).blocks, 'docs.none')]);
    expect(text(none({}))).toContain(
      '*x* has no docs in Callboard. To publish them, put an `mkdocs.yml` and a `docs/` folder next to its catalog file and add the annotation `backstage.io/techdocs-ref: dir:.`',
    );
    expect(text(none({ techdocsRef: 'dir:.', buildError: 'docs/big.md is larger than 5 MB' }))).toContain(
      "*x*'s docs failed to build: docs/big.md is larger than 5 MB",
    );
    expect(text(none({ techdocsRef: 'dir:.' }))).toContain('*x* declares `backstage.io/techdocs-ref: dir:.` but no site has been built from it yet');
    expect(text(none({}))).toContain('x is owned by Payments (<#C0PAYMENTS>).');
  });

  it("lists a system's documented parts, and their sections with the entity each is in", () => {
    const answer: DocsAnswer = { status: 'none', entityRef: 'system:default/payments', words: 'outage', parts: [home()], hits: [hit()] };
    const message = docsAnswerView(facts(answer, { entityName: 'payments', links: [{ title: 'Runbook (wiki)', url: 'https://wiki.acme.example/payments' }] }));
    expect(blockIds(message.blocks)).toEqual(['docs.none', 'docs.parts', 'docs.summary', 'docs.hit.0', 'docs.links']);
    expect(allMrkdwn([blockById(message.blocks, 'docs.parts')])).toBe(`*Docs of its parts (1)*\n• <${BASE}|Payments API>  \`payments-api\``);
    expect(allMrkdwn([blockById(message.blocks, 'docs.hit.0')])).toContain('*  ·  payments-api\n');
    expect(allMrkdwn([blockById(message.blocks, 'docs.links')])).toBe('Also linked: <https://wiki.acme.example/payments|Runbook (wiki)>');
  });

  it('escapes catalog and page text, keeps emoji and RTL, and stays within the limits however long things are', () => {
    const long = hit({ pageTitle: `${HOSTILE} ${FIVE_KB}`, heading: FIVE_KB, snippet: `${HOSTILE} ${S}${FIVE_KB}${E} ${FIVE_KB}` });
    const parts = Array.from({ length: 300 }, (_, index) => home({ entityRef: `component:default/svc-${index}`, siteName: `${HOSTILE} ${index}` }));
    const hits = [hit({ pageTitle: HOSTILE, heading: EMOJI_RTL }), ...Array.from({ length: 4 }, () => long)];
    const answer: DocsAnswer = { status: 'none', entityRef: 'system:default/big', words: `${HOSTILE} ${FIVE_KB}`, parts, hits };
    const message = docsAnswerView(
      facts(answer, { entityName: HOSTILE, links: Array.from({ length: 30 }, (_, i) => ({ title: HOSTILE, url: `https://x.example/${i}` })) }),
    );
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(message)).toContain(EMOJI_RTL);
    expect(allMrkdwn([blockById(message.blocks, 'docs.parts')])).toMatch(/…and \d+ more sites$/);
    expect(blockTextLength(message.blocks)).toBeLessThan(11_000);
  });
});

describe('teamDocsView', () => {
  const payments = group('payments-team', { title: 'Payments' }, { displayName: 'Payments' });
  const identity = { slackUserId: 'U0SOFIA', groups: [payments] };

  it("lists each team's documented entities and counts the undocumented ones", () => {
    const message = teamDocsView(identity, [{ group: payments, documented: [home()], undocumented: 2 }], { command: '/callboard docs' });
    expect(blockIds(message.blocks)).toEqual(['docs.teams.header', 'docs.team.0', 'docs.teams.hint']);
    expect(allMrkdwn([blockById(message.blocks, 'docs.team.0')])).toBe(
      `*Payments*\n• <${BASE}|Payments API>  \`payments-api\`\n_2 entities it owns have no docs; \`/callboard docs &lt;name&gt;\` says what to add._`,
    );
    expectMessageWithinLimits(message);
  });

  it('says why it cannot list your teams', () => {
    const unknown = teamDocsView({ slackUserId: 'U0X', groups: [] }, [], { command: '/callboard docs' });
    expect(allMrkdwn(unknown)).toContain('could not match you to a User in the catalog');
    expect(unknown.forAskerOnly).toBe(true);
    const loner = teamDocsView({ slackUserId: 'U0X', groups: [], user: group('x') }, [], { command: '/callboard docs' });
    expect(allMrkdwn(loner)).toContain('You are not a member of any team');
  });

  it('stays within the limits for many teams with many sites', () => {
    const teams = Array.from({ length: 25 }, (_, t) => ({
      group: group(`team-${t}`, { title: HOSTILE }),
      documented: Array.from({ length: 80 }, (_, i) => home({ entityRef: `component:default/s-${t}-${i}`, siteName: `${HOSTILE} ${i}` })),
      undocumented: 3,
    }));
    const message = teamDocsView(identity, teams, { command: '/callboard docs' });
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    expect(allMrkdwn([blockById(message.blocks, 'docs.teams.hint')])).toContain('…and 15 more teams.');
    expect(blockTextLength(message.blocks)).toBeLessThan(11_000);
  });
});

describe('searchResultsView with docs hits', () => {
  const entityHit = { ref: 'component:default/payments-api', kind: 'Component', name: 'payments-api', score: -1 };

  it('shows the docs sections as their own group after the entities, linked to their sections', () => {
    const message = searchResultsView({ query: 'outage', hits: [entityHit], total: 1 }, { docs: [hit()] });
    expect(blockIds(message.blocks)).toEqual(['search.header', 'search.summary', 'search.hit.0', 'search.actions', 'search.docs', 'search.docs.hit.0']);
    expect(allMrkdwn([blockById(message.blocks, 'search.docs.hit.0')])).toBe(
      `*<${BASE}runbook/#provider-outage|Runbook › Provider outage>*  ·  payments-api\nSymptoms: *provider* errors and *outage* alerts.`,
    );
    expectMessageWithinLimits(message);
  });

  it('shows docs sections alone when no entity matches', () => {
    const message = searchResultsView({ query: 'outage', hits: [], total: 0 }, { docs: [hit()] });
    expect(blockIds(message.blocks)).toEqual(['search.header', 'search.summary', 'search.docs', 'search.docs.hit.0']);
    expect(allMrkdwn([blockById(message.blocks, 'search.summary')])).toBe('No catalog entity matches *outage*; 1 docs section does.');
  });

  it('a full page of entities and five long docs hits stay within the limits', () => {
    const entities = Array.from({ length: 15 }, (_, i) => ({
      ...entityHit,
      ref: `component:default/s-${i}`,
      name: `s-${i}`,
      title: FIVE_KB,
      description: FIVE_KB,
    }));
    const docs = Array.from({ length: 8 }, () => hit({ pageTitle: FIVE_KB, snippet: `${HOSTILE} ${S}${FIVE_KB}${E}` }));
    const message = searchResultsView({ query: 'svc', hits: entities, total: 40 }, { docs });
    expect(blockIds(message.blocks).filter((id) => id.startsWith('search.docs.hit.'))).toHaveLength(5);
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    expect(blockTextLength(message.blocks)).toBeLessThan(11_000);
  });
});
