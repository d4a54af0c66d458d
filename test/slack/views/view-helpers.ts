import { join } from 'node:path';
import { expect } from 'vitest';
import { checkMessageLimits, checkViewLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import { DirSource } from '../../../src/sources/dir-source.ts';
import type { OwnerAnswer } from '../../../src/core/catalog-reader/catalog-answers.ts';
import { findOwner } from '../../../src/usecases/find-owner.ts';
import { SyncHarness } from '../../helpers/sync-harness.ts';

/** Strings that would ping, link or break formatting if a view forgot to escape them. */
export const HOSTILE = '<!channel> <@U123|x> & <https://evil.example|click> >_<';
export const HOSTILE_ESCAPED = '&lt;!channel&gt; &lt;@U123|x&gt; &amp; &lt;https://evil.example|click&gt; &gt;_&lt;';
export const EMOJI_RTL = '🚀 Zahlungsdienst ✨ خدمة الدفع שירות';
export const FIVE_KB = 'x'.repeat(5 * 1024);

export const user = (name: string, email?: string, extra: Partial<Entity['metadata']> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, ...extra },
  spec: { profile: { displayName: name.replace('.', ' '), ...(email ? { email } : {}) }, memberOf: [] },
});

export const group = (name: string, metadata: Partial<Entity['metadata']> = {}, profile: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, ...metadata },
  spec: { type: 'team', children: [], profile },
});

export const component = (name: string, metadata: Partial<Entity['metadata']> = {}, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, ...metadata },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...spec },
  relations: [],
});

/** Walks a payload and returns every text object's text, split by type (message `text` counts as mrkdwn). */
export const textsOf = (payload: unknown): { mrkdwn: string[]; plain: string[] } => {
  const found = { mrkdwn: [] as string[], plain: [] as string[] };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.type === 'mrkdwn' && typeof record.text === 'string') found.mrkdwn.push(record.text);
    if (record.type === 'plain_text' && typeof record.text === 'string') found.plain.push(record.text);
    Object.values(record).forEach(visit);
  };
  visit(payload);
  const text = (payload as { text?: unknown }).text;
  if (typeof text === 'string') found.mrkdwn.push(text);
  return found;
};

export const allMrkdwn = (payload: unknown): string => textsOf(payload).mrkdwn.join('\n');
export const allText = (payload: unknown): string => [...textsOf(payload).mrkdwn, ...textsOf(payload).plain].join('\n');

/**
 * The control sequences a view may write itself: links, the Slack ids it was given, channel ids
 * and dates. A broadcast (`<!channel>`) or a mention of someone else means escaping failed.
 */
export const expectNoInjectedControls = (payload: unknown, allowedUserIds: readonly string[] = []): void => {
  for (const text of textsOf(payload).mrkdwn) {
    for (const [sequence] of text.matchAll(/<[^>]*>/g)) {
      const ok =
        /^<(https?:|mailto:)[^<>|\s]+(\|[^<>]+)?>$/.test(sequence) ||
        /^<#[CG][A-Z0-9]+>$/.test(sequence) ||
        /^<!date\^\d+\^/.test(sequence) ||
        allowedUserIds.some((id) => sequence === `<@${id}>`);
      expect(ok, `unexpected control sequence ${sequence} in: ${text.slice(0, 200)}`).toBe(true);
    }
  }
};

export const expectMessageWithinLimits = (message: { text?: string; blocks?: unknown[] }, surface: 'message' | 'unfurl' = 'message'): void => {
  expect(checkMessageLimits(message, surface)).toEqual([]);
  expect(message.text === undefined || message.text.length > 0).toBe(true);
};

export const expectViewWithinLimits = (view: unknown): void => {
  expect(checkViewLimits(view)).toEqual([]);
};

/** Characters across all text objects: Slack refuses messages past ~12k (msg_blocks_too_long). */
export const blockTextLength = (blocks: unknown[]): number =>
  textsOf(blocks)
    .mrkdwn.concat(textsOf(blocks).plain)
    .reduce((sum, text) => sum + text.length, 0);

export const blockIds = (blocks: ReadonlyArray<{ block_id?: string }>): string[] => blocks.map((block) => block.block_id ?? '');

export const blockById = <T extends { block_id?: string }>(blocks: readonly T[], id: string): T => {
  const block = blocks.find((candidate) => candidate.block_id === id);
  if (!block) throw new Error(`no block ${id} in ${blocks.map((candidate) => candidate.block_id).join(', ')}`);
  return block;
};

const repoRoot = join(import.meta.dirname, '../../..');

/** Syncs the bundled example org into an in-memory catalog and asks who owns `ref`. */
export const exampleOrgOwnerAnswer = async (ref: string): Promise<OwnerAnswer> => {
  const harness = new SyncHarness([new DirSource({ id: 'dir:examples/acme', root: join(repoRoot, 'examples/acme') })]);
  try {
    await harness.sync();
    return findOwner(harness.store, ref);
  } finally {
    harness.close();
  }
};
