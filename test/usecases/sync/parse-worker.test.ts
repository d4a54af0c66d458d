import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { PlainParseWorker } from '../../../src/usecases/sync/parse-worker/plain-parse-worker.ts';
import { parseCatalogFileFully } from '../../../src/core/catalog/parse-catalog-file.ts';
import { toEntityRecord } from '../../../src/usecases/sync/entity-record.ts';
import { plainFileClaims } from '../../../src/usecases/sync/plain-file-claims.ts';

const registry = createBuiltinKindRegistry();
const ACME_DIR = path.resolve(import.meta.dirname, '../../../examples/acme');

const yamlFilesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });

const originOf = (file: string) => ({
  location: `url:https://github.com/acme/catalog/blob/main/${path.relative(ACME_DIR, file)}`,
  originLocation: 'url:https://github.com/acme/catalog/tree/main',
  viewUrl: `https://github.com/acme/catalog/blob/main/${path.relative(ACME_DIR, file)}`,
});

const files = [
  ...yamlFilesUnder(ACME_DIR).map((file) => ({ content: readFileSync(file), origin: originOf(file) })),
  { content: Buffer.from('kind: Component\nmetadata: {name: [unclosed\n'), origin: originOf(path.join(ACME_DIR, 'broken.yaml')) },
  { content: Buffer.from([0xff, 0xfe, 0x00, 0x41]), origin: originOf(path.join(ACME_DIR, 'binary.yaml')) },
  { content: Buffer.alloc(0), origin: originOf(path.join(ACME_DIR, 'empty.yaml')) },
];

describe('PlainParseWorker', () => {
  let worker: PlainParseWorker;
  const errors: Error[] = [];

  beforeAll(async () => {
    worker = new PlainParseWorker({ onError: (error) => errors.push(error) });
    expect(await worker.ready).toBe(true);
  }, 30_000);

  afterAll(() => worker.close());

  it('answers for each file what the main thread would: the same records for plain files, nothing for the rest', async () => {
    const fromWorker = await worker.parse(files);
    const here = files.map((file) => plainFileClaims(file.content, file.origin, registry));
    expect(fromWorker).toEqual(here);
    // Both kinds of file are in the set, or the comparison proves little.
    expect(here.filter(Boolean).length).toBeGreaterThan(10);
    expect(here.filter((claims) => !claims).length).toBeGreaterThan(3);
    expect(worker.filesParsed).toBe(here.filter(Boolean).length);
    expect(errors).toEqual([]);
  });

  it('gives plain files the records the full reader gives them', async () => {
    const fromWorker = await worker.parse(files);
    for (const [index, claims] of fromWorker.entries()) {
      if (!claims) continue;
      // The full reader, not parseCatalogFile: that one takes the same fast path and would agree with anything.
      const full = await parseCatalogFileFully(files[index]!.content, 'x.yaml', {
        registry,
        readTarget: async () => ({ ok: false, message: 'not in this test', transient: false }),
      });
      expect(full.problems).toEqual([]);
      const fullClaims = full.entities.map((parsed) => ({ record: toEntityRecord(parsed, files[index]!.origin), line: parsed.line, column: parsed.column }));
      expect(claims).toEqual(fullClaims);
    }
  });

  it('hands every file back once closed', async () => {
    const closing = new PlainParseWorker({ onError: (error) => errors.push(error) });
    await closing.ready;
    await closing.close();
    expect(await closing.parse(files.slice(0, 3))).toEqual([undefined, undefined, undefined]);
    expect(errors).toEqual([]);
  }, 30_000);
});

describe('PlainParseWorker that fails', () => {
  it('reports a thread that dies, and hands its files back to the caller', async () => {
    const errors: Error[] = [];
    const broken = new PlainParseWorker({ onError: (error) => errors.push(error), program: { filename: 'throw new Error("parse thread broke")', eval: true } });
    expect(await broken.ready).toBe(false);
    expect(errors.map((error) => error.message)).toEqual(['parse thread broke']);
    expect(await broken.parse(files.slice(0, 2))).toEqual([undefined, undefined]);
    await broken.close();
  });

  it('reports a program that is missing', async () => {
    const errors: Error[] = [];
    const missing = new PlainParseWorker({ onError: (error) => errors.push(error), program: { filename: '/nonexistent/parse-thread.js', eval: false } });
    expect(await missing.ready).toBe(false);
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('/nonexistent/parse-thread.js')]);
    await missing.close();
  });

  it('never turns a failure into an unhandled rejection, even when reporting it fails too', async () => {
    const unreported = new PlainParseWorker({
      onError: () => {
        throw new Error('the logger is down');
      },
      program: { filename: '/nonexistent/parse-thread.js', eval: false },
    });
    expect(await unreported.ready).toBe(false);
    await expect(unreported.close()).resolves.toBeUndefined();
  });

  it('answers nothing before the thread is up, so the caller never waits for it', async () => {
    const starting = new PlainParseWorker({ onError: () => undefined, program: { filename: 'setInterval(() => undefined, 60_000);', eval: true } });
    expect(await starting.parse(files.slice(0, 2))).toEqual([undefined, undefined]);
    await starting.close();
  });
});
