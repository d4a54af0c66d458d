import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { FakeSlack } from '../../fakes/slack-api-server.ts';

const childScript = resolve(import.meta.dirname, 'post-slots-child.ts');

/** What each child posts: a message naming the schedule and slot, or real scorecard digests (digest-world.ts). */
export type ChildPost = 'plain' | 'digest';

/** Runs one child to its end; resolves with the outcomes it printed last, one per slot. */
const runChild = (args: string[]): Promise<string[]> =>
  new Promise((resolveOutcomes, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolveOutcomes(
            JSON.parse(
              output
                .trim()
                .split('\n')
                .at(-1)!
                .replace(/^outcomes /, ''),
            ) as string[],
          )
        : reject(new Error(`child exited with ${code}:\n${output}`)),
    );
  });

export interface TwoProcessRun {
  /** The database both open; migrate it (or sync a catalog into it) first, so neither child migrates it alongside the other. */
  path: string;
  fake: FakeSlack;
  channel: string;
  slotCount: number;
  post: ChildPost;
}

/**
 * Two Callboard processes (`first:1` and `second:2`) on one database and one fake Slack, both ticking through the same
 * 10-minute slots from the same moment (a few seconds ahead, once both have loaded). Resolves with each one's outcomes.
 */
export const postFromTwoProcesses = (run: TwoProcessRun): Promise<string[][]> => {
  const startAt = String(Date.now() + 3_000);
  const args = (name: string) => [run.path, run.fake.apiUrl, run.fake.botToken, startAt, String(run.slotCount), name, run.post, run.channel];
  return Promise.all([runChild(args('first:1')), runChild(args('second:2'))]);
};

/** The slot in the metadata of each message in the channel, oldest first. */
export const postedSlots = (fake: FakeSlack, channel: string): string[] =>
  fake.messages(channel).map((message) => (message.metadata as { event_payload: { slot: string } }).event_payload.slot);
