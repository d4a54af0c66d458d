import { describe, expect, it } from 'vitest';
import { Readiness } from '../../src/http/readiness.ts';
import { healthRoutes } from '../../src/http/routes/health.ts';
import { createRouter } from '../../src/http/router.ts';
import { httpRequest } from './http-request.ts';

const get = (router: ReturnType<typeof createRouter>, path: string) => router.request(httpRequest('GET', path));

describe('/healthz and /readyz', () => {
  it('/healthz answers ok from the start', async () => {
    const router = createRouter(healthRoutes({ readiness: new Readiness(true) }));
    expect(await get(router, '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('/readyz is 503 with the reasons until every step is done, then 200', async () => {
    const readiness = new Readiness(true);
    const router = createRouter(healthRoutes({ readiness }));
    expect(await get(router, '/readyz')).toMatchObject({
      status: 503,
      body: {
        status: 'not ready',
        reasons: [
          'the catalog database is not open yet',
          'the database migrations have not been applied yet',
          'the first catalog sync pass has not finished yet',
          'Slack is not connected',
        ],
      },
    });
    for (const step of ['database', 'migrations', 'firstSync'] as const) readiness.complete(step);
    expect(await get(router, '/readyz')).toMatchObject({ status: 503, body: { reasons: ['Slack is not connected'] } });
    readiness.complete('slack');
    expect(await get(router, '/readyz')).toMatchObject({ status: 200, body: { status: 'ready', failingJobs: [] } });
    readiness.fail('slack', 'the Socket Mode connection dropped');
    expect(await get(router, '/readyz')).toMatchObject({ status: 503, body: { reasons: ['the Socket Mode connection dropped'] } });
  });

  it('without Slack configured, Slack does not hold readiness back', async () => {
    const readiness = new Readiness(false);
    for (const step of ['database', 'migrations', 'firstSync'] as const) readiness.complete(step);
    const answer = await get(createRouter(healthRoutes({ readiness })), '/readyz');
    expect(answer).toMatchObject({ status: 200, body: { checks: { slack: { ok: true, detail: 'Slack is not configured (local mode)' } } } });
  });

  it('failing jobs are listed in the details without making the process unready', async () => {
    const readiness = new Readiness(false);
    for (const step of ['database', 'migrations', 'firstSync'] as const) readiness.complete(step);
    const jobs = () => [
      { name: 'catalog-sync', failing: false },
      { name: 'oncall-digest', failing: true, error: 'chat.postMessage: channel_not_found' },
    ];
    const answer = await get(createRouter(healthRoutes({ readiness, jobs })), '/readyz');
    expect(answer).toMatchObject({
      status: 200,
      body: { failingJobs: [{ name: 'oncall-digest', failing: true, error: 'chat.postMessage: channel_not_found' }] },
    });
  });
});
