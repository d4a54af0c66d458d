import { resolveEntity } from '../../usecases/resolve-entity.ts';
import { CliExit, describeUnresolved, loadCliConfig, openCatalogRuntimeForQuery, type CliIo } from '../cli-context.ts';
import { loadOnCallProviders } from '../oncall-providers.ts';
import { scorecardAnswerJson, formatScorecardAnswer } from './scorecard-format.ts';

interface ScorecardOptions {
  config?: string;
  json?: boolean;
}

/** One on-call lookup's limit when the CLI scores something `npm start` has not (a first run without the server). */
const CLI_ONCALL_TIMEOUT_MS = 2000;

/**
 * `callboard scorecard <entity|team|scorecard> [--json]`: what `/scorecard` shows. Entities that changed since they
 * were last scored (or were never scored: no server running) are scored first, so the answer is never stale; with
 * `npm start` running that is nothing. Exit 2 when the ref names nothing.
 */
export const scorecardCommand = (io: CliIo) => async (input: string, options: ScorecardOptions) => {
  const config = loadCliConfig(io, options.config);
  const runtime = await openCatalogRuntimeForQuery(io, config);
  try {
    const resolution = resolveEntity(runtime.store, input);
    if (resolution.status !== 'found') throw new CliExit(2, describeUnresolved(resolution));
    const ref = resolution.ref;
    const kind = ref.slice(0, ref.indexOf(':'));
    const { createScorecardRunner, hasOnCallNowFrom } = await import('../../scorecards/scorecard-runtime.ts');
    const { answerScorecard } = await import('../../scorecards/scorecard-answer.ts');
    const providers = await loadOnCallProviders(CLI_ONCALL_TIMEOUT_MS)(config, runtime.store);
    const clock = { now: () => new Date() };
    const runner = createScorecardRunner(config, runtime, {
      hasOnCallNow: hasOnCallNowFrom({ catalog: runtime.store, providers, timeoutMs: CLI_ONCALL_TIMEOUT_MS }, clock),
      onCallTimeoutMs: CLI_ONCALL_TIMEOUT_MS,
      clock,
    });
    const only =
      kind === 'scorecard'
        ? undefined
        : new Set(kind === 'group' ? [ref, ...runtime.store.ownedBy(ref, { includeChildGroups: true }).map((entity) => entity.ref)] : [ref]);
    await runner.refresh(only ? { only } : {});
    const answer = answerScorecard({ catalog: runtime.store, results: runtime.scorecardResults }, ref);
    io.out(options.json ? JSON.stringify(scorecardAnswerJson(answer), null, 2) : formatScorecardAnswer(answer));
  } finally {
    runtime.close();
  }
};
