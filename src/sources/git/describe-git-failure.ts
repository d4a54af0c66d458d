import { SourceUnavailableError } from '../../core/errors.ts';
import { GitCommandError, encodeBasicToken } from './run-git.ts';

export interface GitFailureContext {
  /** Who failed, e.g. `git source "catalog" (https://example.com/acme/catalog)`. */
  subject: string;
  /** What it was doing, e.g. `fetch branch "main"`. */
  action: string;
  token?: string;
  timeoutMs: number;
}

/** Turns a failed git command into a SourceUnavailableError that says what to check, with secrets removed. */
export function describeGitFailure(error: unknown, context: GitFailureContext): SourceUnavailableError {
  if (!(error instanceof GitCommandError)) {
    return new SourceUnavailableError(`${context.subject}: cannot ${context.action}: ${redactSecrets(String(error), context.token)}`);
  }
  if (error.timedOut) {
    return new SourceUnavailableError(
      `${context.subject}: cannot ${context.action}: git gave no answer within ${context.timeoutMs} ms; check the network or raise timeoutMs`,
    );
  }
  const summary = summariseStderr(redactSecrets(error.stderr, context.token));
  return new SourceUnavailableError(`${context.subject}: cannot ${context.action}: ${summary}. Check the URL, the branch and the token (repo read access)`);
}

/** Keeps git's own diagnosis (fatal:/error: lines) and drops the advice paragraphs it prints around it. */
export function summariseStderr(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const diagnosis = lines.filter((line) => /^(fatal|error|remote):/i.test(line));
  const chosen = (diagnosis.length > 0 ? diagnosis : lines).slice(0, 3);
  if (chosen.length === 0) return 'git exited without saying why';
  return chosen.map((line) => line.replace(/\.+$/, '')).join('; ');
}

/** Removes the token, its basic-auth encoding and URL credentials from text bound for logs and errors. */
export function redactSecrets(text: string, token?: string): string {
  let redacted = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1');
  if (token) {
    redacted = redacted.split(token).join('***').split(encodeBasicToken(token)).join('***');
  }
  return redacted;
}
