import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { tempDatabase } from './helpers/job-harness.ts';

const childScript = resolve(import.meta.dirname, 'helpers/claim-slots-child.ts');

const runChild = (args: string[]): Promise<string[]> =>
  new Promise((resolveLines, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveLines(output.trim().split('\n')) : reject(new Error(`child exited with ${code}:\n${output}`))));
  });

describe('two processes on one database', () => {
  it('run each slot exactly once between them', async () => {
    const path = tempDatabase();
    openDatabase(path).$client.close(); // migrated once, before either child opens it
    const slotCount = 40;
    // Both children start asking at the same moment, well after both have loaded.
    const startAt = String(Date.now() + 3_000);
    const [first, second] = await Promise.all([runChild([path, startAt, String(slotCount), 'first']), runChild([path, startAt, String(slotCount), 'second'])]);

    const ranBy = (lines: string[]) => lines.filter((line) => line.startsWith('ran ')).map((line) => line.slice(4));
    const all = [...ranBy(first), ...ranBy(second)];
    expect(all).toHaveLength(slotCount);
    expect(new Set(all).size).toBe(slotCount);
    const outcomes = [first, second].flatMap((lines) => JSON.parse(lines.at(-1)!.replace(/^outcomes /, '')) as string[]);
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(slotCount);
    expect(outcomes.filter((outcome) => outcome === 'claimed-elsewhere')).toHaveLength(slotCount);

    const db = new Database(path, { readonly: true });
    const rows = db.prepare("SELECT slot, claimed_by AS claimedBy, outcome FROM job_runs WHERE job = 'test-job' ORDER BY slot").all() as {
      slot: string;
      claimedBy: string;
      outcome: string;
    }[];
    db.close();
    expect(rows).toHaveLength(slotCount);
    expect(rows.every((row) => row.outcome === 'ok')).toBe(true);
    // Who ran a slot is who claimed it.
    for (const row of rows) expect((row.claimedBy === 'first' ? ranBy(first) : ranBy(second)).includes(row.slot)).toBe(true);
  }, 30_000);
});
