import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createGitEnv } from './run-git.ts';
import { BatchOutputParser, type GitObject } from './parse-batch-output.ts';

interface PendingRead {
  resolve(object: GitObject | undefined): void;
  reject(error: Error): void;
}

/** One `git cat-file --batch` child with the reads it owes and the names not yet written to it. */
interface BatchSession {
  child: ChildProcessWithoutNullStreams;
  pending: PendingRead[];
  /** Names asked for since the last write to git: a batch of reads costs one write, not one each. */
  unsent: string;
  /** Set once the child ended or failed: its reads are all answered or rejected, nothing more is written. */
  over: boolean;
}

/**
 * Reads objects through one long-lived `git cat-file --batch`: spawning git per file would cost milliseconds
 * each, and 100k files would take minutes. Requests are pipelined; git answers in order. Each child keeps its
 * own queue, so a child that dies (its reads fail) never takes the reads of the one started after it along.
 */
export class GitObjectReader {
  private session: BatchSession | undefined;
  private closed = false;

  constructor(private readonly gitDir: string) {}

  /** Reads `name` (a blob id or `<commit>:<path>`); undefined when git has no such object. */
  read(name: string): Promise<GitObject | undefined> {
    if (this.closed) return Promise.reject(new Error(`git object reader for ${this.gitDir} is closed`));
    // The batch protocol is line based: a name with a newline would desynchronise every later answer.
    if (name.includes('\n')) return Promise.resolve(undefined);
    const session = this.session ?? this.start();
    if (session.pending.length === 0) setReferenced(session.child, true);
    return new Promise((resolve, reject) => {
      session.pending.push({ resolve, reject });
      if (session.unsent === '') setImmediate(() => send(session));
      session.unsent += `${name}\n`;
    });
  }

  /** Ends the git process; reads asked for before still get their answers, reads asked for after fail. */
  async close(): Promise<void> {
    this.closed = true;
    const session = this.session;
    this.session = undefined;
    if (!session || session.over) return;
    send(session);
    // Referenced again while closing: an unreferenced child would let the process exit mid-await.
    setReferenced(session.child, true);
    await new Promise<void>((resolve) => {
      session.child.once('close', () => resolve());
      session.child.stdin.end();
    });
  }

  private start(): BatchSession {
    const child = spawn('git', [`--git-dir=${this.gitDir}`, 'cat-file', '--batch'], { env: createGitEnv() });
    const session: BatchSession = { child, pending: [], unsent: '', over: false };
    const parser = new BatchOutputParser((object) => {
      session.pending.shift()?.resolve(object);
      // An idle reader must not keep the process alive (a CLI run that forgot close() still exits).
      if (session.pending.length === 0) setReferenced(child, false);
    });
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => parser.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {}); // surfaced by 'close' below with git's own message
    child.on('error', (error) => this.fail(session, `cannot run git cat-file: ${error.message}`));
    child.on('close', (code) => this.fail(session, `git cat-file exited (${code}): ${Buffer.concat(stderr).toString('utf8').trim()}`));
    this.session = session;
    return session;
  }

  private fail(session: BatchSession, message: string): void {
    session.over = true;
    session.unsent = '';
    if (this.session === session) this.session = undefined;
    for (const read of session.pending.splice(0)) read.reject(new Error(message));
  }
}

function send(session: BatchSession): void {
  const names = session.unsent;
  session.unsent = '';
  if (!session.over && names !== '') session.child.stdin.write(names);
}

function setReferenced(child: ChildProcessWithoutNullStreams, referenced: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as { ref?(): void; unref?(): void }[]) {
    if (referenced) handle.ref?.();
    else handle.unref?.();
  }
}
