/** The steps of start-up that `/readyz` reports, in the order main.ts completes them. */
export const readinessSteps = ['database', 'migrations', 'firstSync', 'slack'] as const;
export type ReadinessStep = (typeof readinessSteps)[number];

const waitingFor: Record<ReadinessStep, string> = {
  database: 'the catalog database is not open yet',
  migrations: 'the database migrations have not been applied yet',
  firstSync: 'the first catalog sync pass has not finished yet',
  slack: 'Slack is not connected',
};

export interface ReadinessCheck {
  ok: boolean;
  /** Why not, or that the step does not apply. */
  detail?: string;
}

/**
 * What main.ts has brought up so far. Slack counts only when it is configured; it may go down again
 * (a Socket Mode connection that drops), so its step can be undone.
 */
export class Readiness {
  private readonly done = new Set<ReadinessStep>();
  private readonly failures = new Map<ReadinessStep, string>();

  constructor(private readonly slackConfigured: boolean) {}

  complete(step: ReadinessStep): void {
    this.done.add(step);
    this.failures.delete(step);
  }

  /** A step that was done and is not any more, or failed with a reason worth showing. */
  fail(step: ReadinessStep, reason: string): void {
    this.done.delete(step);
    this.failures.set(step, reason);
  }

  checks(): Record<ReadinessStep, ReadinessCheck> {
    const check = (step: ReadinessStep): ReadinessCheck => {
      if (step === 'slack' && !this.slackConfigured) return { ok: true, detail: 'Slack is not configured (local mode)' };
      if (this.done.has(step)) return { ok: true };
      return { ok: false, detail: this.failures.get(step) ?? waitingFor[step] };
    };
    return Object.fromEntries(readinessSteps.map((step) => [step, check(step)])) as Record<ReadinessStep, ReadinessCheck>;
  }
}
