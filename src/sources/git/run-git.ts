import { spawn } from 'node:child_process';

/** Credentials for one remote, handed to git through the environment so they never show in argv or on disk. */
export interface GitAuth {
  /** Origin the header is scoped to, e.g. `https://github.com`. */
  origin: string;
  token: string;
}

export interface RunGitOptions {
  timeoutMs: number;
  auth?: GitAuth;
}

/** A git command that exited non-zero or ran out of time; `stderr` may hold secrets until redacted. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly timedOut: boolean,
  ) {
    super(timedOut ? `git ${args[0] ?? ''} timed out` : `git ${args[0] ?? ''} failed`);
  }
}

/** Runs the real git binary without a shell and resolves with its stdout. */
export function runGit(args: readonly string[], options: RunGitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout also ends the helpers git starts (git-remote-https, ssh).
    const child = spawn('git', args, { env: createGitEnv(options.auth), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      killProcessGroup(child.pid);
      child.stdout.destroy();
      child.stderr.destroy();
      settle(() => reject(new GitCommandError(args, '', true)));
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => settle(() => reject(new GitCommandError(args, `cannot run git: ${error.message}`, false))));
    child.on('close', (code) =>
      settle(() => {
        if (code === 0) resolve(Buffer.concat(stdout));
        else reject(new GitCommandError(args, Buffer.concat(stderr).toString('utf8'), false));
      }),
    );
  });
}

function killProcessGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone, or no process groups on this platform: kill git itself.
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * The environment for every git child: never prompt (a sync has nobody to answer), refuse `ext::` and other
 * command-running transports, and pass the token as config through GIT_CONFIG_* variables.
 */
export function createGitEnv(auth?: GitAuth): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    // ssh must not prompt either; a GIT_SSH_COMMAND of the operator (with its key) still wins.
    GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'file:git:http:https:ssh',
  };
  if (auth === undefined) return env;
  // Append to config the parent may already pass this way (CI systems do) instead of replacing it.
  const index = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  return {
    ...env,
    GIT_CONFIG_COUNT: String(index + 1),
    [`GIT_CONFIG_KEY_${index}`]: `http.${auth.origin}/.extraHeader`,
    [`GIT_CONFIG_VALUE_${index}`]: `Authorization: Basic ${encodeBasicToken(auth.token)}`,
  };
}

/** GitHub, GitLab and Gitea all accept a token as the password of HTTP basic auth. */
export function encodeBasicToken(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString('base64');
}
