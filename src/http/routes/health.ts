import { jsonResponse, type Route } from '../http-types.ts';
import type { Readiness } from '../readiness.ts';

/** A scheduled job as `/readyz` shows it; main.ts maps the job registry's status onto this. */
export interface JobHealth {
  name: string;
  /** The last run failed; the job keeps its schedule. */
  failing: boolean;
  error?: string;
  lastRunAt?: string;
}

export interface HealthDeps {
  readiness: Readiness;
  /** The scheduled jobs now; a failing job is shown in the details but does not make the process unready. */
  jobs?: () => readonly JobHealth[];
}

const noStore = { 'cache-control': 'no-store' };

/** `/healthz`: the process answers. Nothing else is checked, so a restart is only asked for when it hangs. */
export const healthzRoute: Route = { method: 'GET', path: '/healthz', handler: async () => jsonResponse(200, { status: 'ok' }, noStore) };

/**
 * `/readyz`: 200 once the database is open and migrated, the first sync pass is done and Slack is connected
 * (when configured); 503 with the reasons until then. Failing jobs are listed either way.
 */
export const readyzRoute = ({ readiness, jobs }: HealthDeps): Route => ({
  method: 'GET',
  path: '/readyz',
  handler: async () => {
    const checks = readiness.checks();
    const reasons = Object.values(checks).flatMap((check) => (check.ok || !check.detail ? [] : [check.detail]));
    const failingJobs = (jobs?.() ?? []).filter((job) => job.failing);
    const body = { status: reasons.length === 0 ? 'ready' : 'not ready', ...(reasons.length > 0 ? { reasons } : {}), checks, failingJobs };
    return jsonResponse(reasons.length === 0 ? 200 : 503, body, noStore);
  },
});

export const healthRoutes = (deps: HealthDeps): Route[] => [healthzRoute, readyzRoute(deps)];
