import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createGitEnv } from './run-git.ts';
import { BatchOutputParser, type GitObject } from './parse-batch-output.ts';

interface PendingRead {
  resolve(object: GitObject | undefined): void;
  reject(error: Error): void;
}

/**
 * Reads objects through one long-lived `git cat-file --batch`: spawning git per file would cost milliseconds
 * each, and 100k files would take minutes. Requests are pipelined; git answers in order.
 */
export class GitObjectReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly pending: PendingRead[] = [];
  /** Names asked for since the last write to git: a batch of reads costs one write, not one each. */
  private unsent = '';

  constructor(private readonly gitDir: string) {}

  /** Reads `name` (a blob id or `<commit>:<path>`); undefined when git has no such object. */
  read(name: string): Promise<GitObject | undefined> {
    // The batch protocol is line based: a name with a newline would desynchronise every later answer.
    if (name.includes('\n')) return Promise.resolve(undefined);
    const child = this.child ?? this.start();
    if (this.pending.length === 0) setReferenced(child, true);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      if (this.unsent === '') setImmediate(() => this.send(child));
      this.unsent += `${name}\n`;
    });
  }

  private send(child: ChildProcessWithoutNullStreams): void {
    const names = this.unsent;
    this.unsent = '';
    // A child that ended or was closed meanwhile has already answered or failed every pending read.
    if (this.child === child && names !== '') child.stdin.write(names);
  }

  /** Ends the git process; reads still pending fail. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    // Reads asked for just before closing still get their answers.
    if (this.unsent !== '') this.send(child);
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    // Referenced again while closing: an unreferenced child would let the process exit mid-await.
    setReferenced(child, true);
    await new Promise<void>((resolve) => {
      child.once('close', () => resolve());
      child.stdin.end();
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn('git', [`--git-dir=${this.gitDir}`, 'cat-file', '--batch'], { env: createGitEnv() });
    const parser = new BatchOutputParser((object) => {
      this.pending.shift()?.resolve(object);
      // An idle reader must not keep the process alive (a CLI run that forgot close() still exits).
      if (this.pending.length === 0) setReferenced(child, false);
    });
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => parser.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {}); // surfaced by 'close' below with git's own message
    child.on('error', (error) => this.fail(child, `cannot run git cat-file: ${error.message}`));
    child.on('close', (code) => this.fail(child, `git cat-file exited (${code}): ${Buffer.concat(stderr).toString('utf8').trim()}`));
    this.child = child;
    return child;
  }

  private fail(child: ChildProcessWithoutNullStreams, message: string): void {
    if (this.child === child) {
      this.child = undefined;
      this.unsent = '';
    }
    for (const read of this.pending.splice(0)) read.reject(new Error(message));
  }
}

function setReferenced(child: ChildProcessWithoutNullStreams, referenced: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as { ref?(): void; unref?(): void }[]) {
    if (referenced) handle.ref?.();
    else handle.unref?.();
  }
}
