import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonBody } from '../../fakes/slack/answers.ts';
import type { Harness } from '../helpers/slack-harness.ts';
import { ask, buttonNamed, click, settle, startE2e, textOf, type Button } from './e2e-harness.ts';

/**
 * Issue 10, "No dead ends": blast radius is never silently cut, long answers page with Next / Previous (the same
 * message updated) and offer the full list as a file through files.uploadV2; /find reports the true count.
 */

let h: Harness;
beforeAll(async () => {
  h = await startE2e();
});
afterAll(() => h.close());

/** Items of a list answer: numbered search results or bulleted dependencies. */
const itemsOf = (message: JsonBody): string[] =>
  textOf(message)
    .split('\n')
    .filter((line) => /^\s*(\d+\.|•)\s/.test(line));

/** The catalog name of each item: in backticks after its title, or the bold text when the title is the name. */
const namesOf = (items: string[]): string[] => items.map((item) => (/`([^`]+)`/.exec(item) ?? /\*([^*]+)\*/.exec(item))?.[1] ?? item);

const NEXT = /^next/i;
const PREVIOUS = /previous|^←|prev/i;

/** Clicks a paging button of the private answer and returns the message that replaced it. */
const turnPage = async (message: JsonBody, button: Button): Promise<JsonBody> => {
  h.fake.clearCalls();
  expect((await h.send(click(h, message, button))).status).toBe(200);
  const reply = await h.fake.waitForCall('response_url', undefined, 5000);
  expect(reply.body.replace_original).toBe(true);
  return reply.body;
};

/** Every page of an answer, following Next to the end. */
const allPages = async (first: JsonBody): Promise<JsonBody[]> => {
  const pages = [first];
  for (let next = buttonNamed(first, NEXT); next; next = buttonNamed(pages.at(-1)!, NEXT)) {
    pages.push(await turnPage(pages.at(-1)!, next));
    if (pages.length > 20) throw new Error('more than 20 pages: Next never ends');
  }
  return pages;
};

const NEVER_IN_SLACK = /run `?callboard|--depth/i;

describe('/deps: the whole graph, in pages', () => {
  it('/deps orders-db --reverse names all 13 dependents, cart-service 4 hops away included, and cuts nothing', async () => {
    const pages = await allPages(await ask(h, '/deps', 'orders-db --reverse'));
    const all = pages.map(textOf).join('\n');
    for (const name of ['orders-service', 'checkout-service', 'storefront-web', 'cart-service']) expect(all).toContain(name);
    expect(pages.flatMap(itemsOf)).toHaveLength(13);
    expect(all).not.toMatch(NEVER_IN_SLACK);
    expect(all).not.toMatch(/more beyond/i);
  });

  it('/deps storefront-web --depth 10 (21 entities) pages with Next and Previous, updating the same message, and offers all 21 as a file', async () => {
    const first = await ask(h, '/deps', 'storefront-web --depth 10');
    const pages = await allPages(first);
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(pages.flatMap(itemsOf)).size).toBe(21);
    const file = await downloadFrom(first);
    for (const name of namesOf(pages.flatMap(itemsOf))) expect(file.content).toContain(name);
    const back = buttonNamed(pages[1]!, PREVIOUS);
    expect(back).toBeDefined();
    expect(itemsOf(await turnPage(pages[1]!, back!))).toEqual(itemsOf(first));
  });
});

/** Clicks the file button of an answer and returns the one file shared through files.uploadV2. */
const downloadFrom = async (answer: JsonBody) => {
  const download = buttonNamed(answer, /csv|download|export|file/i);
  expect(download).toBeDefined();
  h.fake.clearCalls();
  await h.send(click(h, answer, download!));
  await h.fake.waitForCall('files.completeUploadExternal', undefined, 5000);
  await settle();
  expect(h.fake.calls('file_upload').map((call) => call.status)).toEqual([200]);
  const files = h.fake.sharedFiles();
  expect(files.at(-1)?.channels).toHaveLength(1);
  return files.at(-1)!;
};

describe('/find: the true count, pages and the full list as a file', () => {
  it('/find acme states how many match, and its pages list exactly that many', async () => {
    const first = await ask(h, '/find', 'acme');
    const stated = Number(/(\d+) (?:results|matches|entities)/.exec(textOf(first))?.[1]);
    const pages = await allPages(first);
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(pages.flatMap(itemsOf)).size).toBe(stated);
    expect(pages.map(textOf).join('\n')).not.toMatch(NEVER_IN_SLACK);
  });

  it('Previous on page 2 of /find shows page 1 again', async () => {
    const first = await ask(h, '/find', 'acme');
    const second = await turnPage(first, buttonNamed(first, NEXT)!);
    expect(itemsOf(second)).not.toEqual(itemsOf(first));
    expect(itemsOf(await turnPage(second, buttonNamed(second, PREVIOUS)!))).toEqual(itemsOf(first));
  });

  it('the file button uploads every match as a file (files.uploadV2) shared where the asker can open it', async () => {
    const first = await ask(h, '/find', 'acme');
    const names = namesOf((await allPages(first)).flatMap(itemsOf));
    expect(names.length).toBeGreaterThan(15);
    const file = await downloadFrom(first);
    for (const name of names) expect(file.content).toContain(name);
  });
});
