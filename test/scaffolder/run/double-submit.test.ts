import { afterEach, describe, expect, it } from 'vitest';
import { alice, closeHarnesses, scaffolderHarness } from './helpers/scaffolder-harness.ts';
import { templateEntity } from './helpers/fake-catalog.ts';

afterEach(closeHarnesses);

const once = templateEntity('once', { steps: [{ id: 'publish', action: 'publish:fake', input: { repoUrl: 'github.com?owner=acme&repo=svc' } }] });
const request = { templateRef: 'template:default/once', values: {}, requester: alice, requestKey: 'view-V123:submit' };

describe('a double submit', () => {
  it('returns the first run for the same request key and starts nothing more', async () => {
    const harness = scaffolderHarness({ entities: [once] });
    const first = await harness.scaffolder.start(request);
    await harness.scaffolder.settled(first.id);
    const again = await harness.scaffolder.start(request);
    expect(again.id).toBe(first.id);
    expect(again.status).toBe('succeeded');
    expect(harness.journal.calls).toEqual(['publish github.com?owner=acme&repo=svc']);
    expect(harness.scaffolder.runs()).toHaveLength(1);
  });

  it('starts one run for two concurrent submits with the same key', async () => {
    const harness = scaffolderHarness({ entities: [once] });
    const [a, b] = await Promise.all([harness.scaffolder.start(request), harness.scaffolder.start(request)]);
    expect(a.id).toBe(b.id);
    await harness.scaffolder.settled(a.id);
    expect(harness.journal.calls).toHaveLength(1);
    expect(harness.scaffolder.runs()).toHaveLength(1);
  });

  it('starts one run when two processes on the same database get the same key', async () => {
    const here = scaffolderHarness({ entities: [once] });
    const there = scaffolderHarness({ entities: [once], dbPath: here.dbPath, journal: here.journal });
    const [a, b] = await Promise.all([here.scaffolder.start(request), there.scaffolder.start(request)]);
    expect(a.id).toBe(b.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(here.journal.calls).toHaveLength(1);
    expect(here.scaffolder.runs()).toHaveLength(1);
  });

  it('starts two runs for two different keys', async () => {
    const harness = scaffolderHarness({ entities: [once] });
    const a = await harness.scaffolder.start(request);
    const b = await harness.scaffolder.start({ ...request, requestKey: 'view-V456:submit' });
    expect(a.id).not.toBe(b.id);
    await Promise.all([harness.scaffolder.settled(a.id), harness.scaffolder.settled(b.id)]);
    expect(harness.journal.calls).toHaveLength(2);
  });
});
