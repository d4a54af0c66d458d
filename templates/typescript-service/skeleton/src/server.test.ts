import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApp, SERVICE_NAME } from './server.js';

describe('HTTP server', () => {
  const server = createApp();
  let base = '';

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = 'http://127.0.0.1:' + (server.address() as AddressInfo).port;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers /healthz with 200 and the service name', async () => {
    const response = await fetch(base + '/healthz');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', service: SERVICE_NAME });
  });

  it('answers other paths with 404', async () => {
    const response = await fetch(base + '/nothing-here');
    assert.equal(response.status, 404);
  });
});
