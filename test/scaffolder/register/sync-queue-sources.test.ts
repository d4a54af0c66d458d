import { describe, expect, it } from 'vitest';
import type { CatalogSource } from '../../../src/core/ports.ts';
import { SyncPassQueue } from '../../../src/usecases/sync/sync-pass-queue.ts';
import type { SyncDeps } from '../../../src/usecases/sync/sync-pass.ts';

const source = (id: string): CatalogSource => ({ id, type: 'dir', open: () => Promise.reject(new Error(`${id} is not read in this test`)) });

describe('SyncPassQueue sources added at run time', () => {
  it('go after the configured and earlier registered ones, but before the built-in ones, so user refs win conflicts', () => {
    const queue = new SyncPassQueue([source('configured'), source('builtin:templates')], {} as SyncDeps);
    queue.addSource(source('registered:a'));
    queue.addSource(source('registered:b'));
    expect(queue.sourceIds()).toEqual(['configured', 'registered:a', 'registered:b', 'builtin:templates']);
    // Adding an id again moves it to the end of the registered ones; it is never listed twice.
    queue.addSource(source('registered:a'));
    expect(queue.sourceIds()).toEqual(['configured', 'registered:b', 'registered:a', 'builtin:templates']);
  });

  it('without built-in sources, go last', () => {
    const queue = new SyncPassQueue([source('configured')], {} as SyncDeps);
    queue.addSource(source('registered:a'));
    expect(queue.sourceIds()).toEqual(['configured', 'registered:a']);
  });
});
