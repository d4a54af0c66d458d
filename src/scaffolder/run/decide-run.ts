import { ConflictError, NotFoundError, PermissionError } from '../../core/errors.ts';
import type { RunRecord } from '../../core/scaffolder/run-record.ts';
import { OwnRunApprovalError, type Requester, type RunListener } from '../scaffolder.ts';
import { decisionClaim } from './active-runs.ts';
import { failRun } from './execute-run.ts';
import { isMemberOfAny } from './group-membership.ts';
import { valuesToGoOn } from './retry-run.ts';
import { launchRun, trackerFor, type ScaffolderContext } from './scaffolder-context.ts';
import { requesterId } from './start-run.ts';
import { templateEtag } from './template-catalog.ts';

/**
 * An approver's decision on a run awaiting approval: recorded in `approvals`; approved starts the steps, denied
 * ends the run. The requester may deny their own run but not approve it (four eyes).
 * @throws NotFoundError, ConflictError (already decided), PermissionError (not in an approver group, or approving one's own run)
 */
export const decideRun = async (
  context: ScaffolderContext,
  runId: string,
  approver: Requester,
  decision: 'approved' | 'denied',
  listener?: RunListener,
): Promise<RunRecord> => {
  const { deps } = context;
  const run = deps.runStore.get(runId);
  if (!run) throw new NotFoundError(`no scaffolder run ${runId}; \`callboard runs\` lists them`);
  if (run.status !== 'awaiting-approval') throw new ConflictError(`run ${runId} is ${run.status}; it was decided already`);
  const loaded = context.templates.byRef(run.templateRef);
  const definition = loaded?.definition;
  if (!loaded || !definition) throw new NotFoundError(`template ${run.templateRef} of run ${runId} is no longer in the catalog`);
  if (!isMemberOfAny(deps.catalog, approver.userRef, definition.approvers)) {
    throw new PermissionError(`${requesterId(approver)} may not decide on run ${runId}: approvers are members of ${definition.approvers.join(', ')}`);
  }
  // Four eyes: whoever asked for the run may withdraw it (deny), never approve it themselves.
  if (decision === 'approved' && run.createdBy === requesterId(approver)) {
    throw new OwnRunApprovalError(
      `${requesterId(approver)} requested run ${runId} and may not approve it too: another member of ${definition.approvers.join(', ')} must decide (you may still deny it)`,
    );
  }
  // The approvers saw the steps of the version requested; another version's steps must not run on their word.
  if (decision === 'approved' && run.templateEtag !== undefined && templateEtag(loaded.entity) !== run.templateEtag) {
    throw new ConflictError(
      `template ${run.templateRef} changed after run ${runId} was requested, so this approval would run steps nobody reviewed: deny it and start a new run`,
    );
  }
  // Never released: a run is decided once, and the stored status answers every later click.
  if (!context.active.claim(decisionClaim(runId))) throw new ConflictError(`run ${runId} was decided already`);
  const tracker = trackerFor(context, run);
  context.active.listeners(runId, listener);
  const now = deps.clock.now().toISOString();
  const approvals = [...run.approvals, { by: requesterId(approver), decision, at: now }];
  if (decision === 'denied') return structuredClone(await tracker.update((current) => ({ ...current, approvals, status: 'denied', finishedAt: now })));
  const approved = await tracker.update((current) => ({ ...current, approvals, status: 'running' }));
  try {
    launchRun(context, tracker, { definition, values: valuesToGoOn(context, run, definition), finished: new Map() });
  } catch (error) {
    return structuredClone(await failRun(deps, tracker, (error as Error).message));
  }
  return structuredClone(approved);
};
