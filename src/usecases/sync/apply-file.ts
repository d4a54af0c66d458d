import { errorProblem } from '../../core/problems.ts';
import { planFileChange, planFileRemoval } from '../../core/sync/plan-file-change.ts';
import type { EntityHolder } from '../../core/sync/catalog-write-records.ts';
import type { ParsedFileResult } from './parsed-file-result.ts';
import type { PendingClaim, SyncPass } from './sync-pass.ts';

export interface FileIdentity {
  sourceId: string;
  fileId: number;
  displayPath: string;
}

/** Removes the entities a file held and then the file itself (deleted from its source, or no longer reached). */
export const removeFile = (pass: SyncPass, fileId: number): void => {
  const { writer } = pass.deps;
  for (const ref of planFileRemoval(writer.heldRefs(fileId)).remove) {
    if (writer.deleteEntity(ref)) pass.removed += 1;
  }
  writer.deleteFile(fileId);
};

export const conflictMessage = (ref: string, holder: EntityHolder, claimant: string): string =>
  `${ref} is already defined in ${holder.displayPath}; the definition in ${claimant} is ignored (the first source keeps an entity ref)`;

/**
 * Applies a freshly parsed file under the last-good-state rules: writes the valid entities, removes what
 * the file no longer yields, keeps what it yields broken, and defers claims on refs another file holds.
 * Returns whether some claim is waiting (the file is then re-read until it succeeds).
 */
export const applyParsedFile = (pass: SyncPass, file: FileIdentity & { isNew: boolean }, parsed: ParsedFileResult): boolean => {
  const { writer } = pass.deps;
  // A file new to the catalog holds nothing and has no recorded problems: skip the look-ups.
  if (!file.isNew) {
    const validRefs = parsed.claims.map((claim) => claim.record.ref);
    const plan = planFileChange(writer.heldRefs(file.fileId), { validRefs, unidentified: parsed.unidentified, rejectedRefs: parsed.rejectedRefs });
    for (const ref of plan.remove) {
      if (writer.deleteEntity(ref)) pass.removed += 1;
    }
    writer.clearFileProblems(file.fileId);
  }
  writer.addFileProblems(file.sourceId, file.fileId, file.displayPath, parsed.problems);
  let waiting = false;
  const now = pass.deps.clock.now().getTime();
  for (const claim of parsed.claims) {
    const outcome = writer.claimEntity(file.sourceId, file.fileId, claim.record, now);
    if (typeof outcome === 'string') {
      pass.count(outcome);
      continue;
    }
    pass.pendingClaims.push({ ...file, ...claim, transient: parsed.transient });
    waiting = true;
  }
  return waiting;
};

/**
 * Settles deferred claims once every file of the pass has released what it no longer yields: a ref that is
 * free now moves to its new file; one still held is a conflict, reported on the claimant.
 */
export const settlePendingClaims = (pass: SyncPass): void => {
  const { writer } = pass.deps;
  const stillWaiting = new Set<number>();
  const settled = new Set<number>();
  for (const claim of pass.pendingClaims) {
    const outcome = writer.claimEntity(claim.sourceId, claim.fileId, claim.record, pass.deps.clock.now().getTime());
    if (typeof outcome !== 'string') {
      reportConflict(pass, claim, outcome.heldBy);
      stillWaiting.add(claim.fileId);
      continue;
    }
    pass.count(outcome);
    if (!claim.transient) settled.add(claim.fileId);
  }
  for (const fileId of settled) if (!stillWaiting.has(fileId)) writer.setFileStatus(fileId, 'ok');
};

const reportConflict = (pass: SyncPass, claim: PendingClaim, holder: EntityHolder): void => {
  const message = conflictMessage(claim.record.ref, holder, claim.displayPath);
  const problem = errorProblem(message, { file: claim.displayPath, line: claim.line, column: claim.column, entityRef: claim.record.ref });
  pass.deps.writer.addProblem(claim.sourceId, claim.fileId, claim.displayPath, problem, 'conflict');
};
