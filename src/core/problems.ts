/** How bad a catalog problem is: errors reject an entity or a file, warnings only inform. */
export type Severity = 'error' | 'warning';

/**
 * One thing wrong with catalog input. Problems are data, never exceptions: a bad file
 * yields problems and the pass goes on.
 */
export interface Problem {
  severity: Severity;
  message: string;
  /** Path of the file as the source names it (relative to the source root), or a URL. */
  file?: string;
  /** 1-based line and column, when the problem can be pinned to a place in the file. */
  line?: number;
  column?: number;
  /** Canonical ref (`kind:namespace/name`) of the entity concerned, when known. */
  entityRef?: string;
}

export const errorProblem = (message: string, where: Omit<Problem, 'severity' | 'message'> = {}): Problem => ({
  severity: 'error',
  message,
  ...where,
});

export const warningProblem = (message: string, where: Omit<Problem, 'severity' | 'message'> = {}): Problem => ({
  severity: 'warning',
  message,
  ...where,
});
