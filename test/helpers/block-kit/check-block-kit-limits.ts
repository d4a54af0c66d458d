import {
  checkBoolean,
  checkKnownKeys,
  checkString,
  createLimitsContext,
  isRecord,
  report,
  type BlockKitViolation,
  type JsonObject,
  type LimitsContext,
  type Surface,
} from './limits-context.ts';
import { checkBlock } from './check-block-types.ts';
import { checkTextField } from './check-text-objects.ts';

/**
 * The Block Kit limits checker (figures from shared/reference/slack-platform.md §4). Pure: used by the pure view
 * tests and by the strict Slack fake, so a green test means Slack would accept the payload. An empty result means
 * no limit is broken; every violation names its path and the rule.
 */

export type { BlockKitViolation, Surface } from './limits-context.ts';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, unfurl: 50, modal: 100, home: 100 };

/** Longest message `text` accepted (Slack truncates beyond it; the fake refuses with msg_too_long). */
export const MESSAGE_TEXT_LIMIT = 40_000;

/** Largest view JSON in bytes (`view_too_large`). */
export const VIEW_SIZE_LIMIT = 250_000;

const VIEW_KEYS = ['type', 'blocks', 'private_metadata', 'callback_id', 'external_id'];
const MODAL_KEYS = [...VIEW_KEYS, 'title', 'submit', 'close', 'notify_on_close', 'clear_on_close', 'submit_disabled'];

/** Checks a list of blocks on one surface: block count, then every block (ids unique across the list). */
export function checkBlocks(blocks: unknown[], surface: Surface): BlockKitViolation[] {
  const ctx = createLimitsContext(surface);
  checkBlockList(ctx, blocks, 'blocks');
  return ctx.violations;
}

/** Checks a message body (chat.*, response_url, ack, or one unfurl): text ≤40,000 and ≤50 valid blocks. */
export function checkMessageLimits(message: { text?: string; blocks?: unknown[] }, surface: 'message' | 'unfurl' = 'message'): BlockKitViolation[] {
  const ctx = createLimitsContext(surface);
  const text: unknown = message.text;
  if (text !== undefined && typeof text !== 'string') report(ctx, 'text', 'text must be a string');
  if (typeof text === 'string' && text.length > MESSAGE_TEXT_LIMIT) {
    report(ctx, 'text', `message text must be at most ${MESSAGE_TEXT_LIMIT} characters (got ${text.length})`);
  }
  if (message.blocks !== undefined) checkBlockList(ctx, message.blocks, 'blocks');
  return ctx.violations;
}

/** Checks a modal or Home tab view, chosen by `view.type`. */
export function checkViewLimits(view: unknown): BlockKitViolation[] {
  if (!isRecord(view)) return [{ path: '', rule: 'a view must be an object' }];
  if (view.type !== 'modal' && view.type !== 'home') return [{ path: 'type', rule: 'view type must be modal or home' }];
  const ctx = createLimitsContext(view.type);
  const size = new TextEncoder().encode(JSON.stringify(view)).length;
  if (size > VIEW_SIZE_LIMIT) report(ctx, '', `a view must be at most ${VIEW_SIZE_LIMIT} bytes of JSON (got ${size})`);
  checkKnownKeys(ctx, view, '', view.type === 'modal' ? MODAL_KEYS : VIEW_KEYS, `a ${view.type} view`);
  if (view.blocks === undefined) report(ctx, 'blocks', 'blocks is required');
  if (Array.isArray(view.blocks) && view.blocks.length === 0) report(ctx, 'blocks', 'a view needs at least 1 block');
  checkBlockList(ctx, view.blocks, 'blocks');
  checkString(ctx, view, 'private_metadata', '', { min: 0, max: 3000 });
  checkString(ctx, view, 'callback_id', '', { min: 0, max: 255 });
  checkString(ctx, view, 'external_id', '', { max: 255 });
  if (view.type === 'modal') checkModalChrome(ctx, view);
  return ctx.violations;
}

function checkBlockList(ctx: LimitsContext, blocks: unknown, path: string): void {
  if (!Array.isArray(blocks)) {
    if (blocks !== undefined) report(ctx, path, 'blocks must be an array');
    return;
  }
  const max = MAX_BLOCKS[ctx.surface];
  if (blocks.length > max) report(ctx, path, `at most ${max} blocks are allowed in a ${ctx.surface} (got ${blocks.length})`);
  blocks.forEach((block, i) => checkBlock(ctx, block, `${path}[${i}]`));
}

/** Modal title 1..24 (required), submit/close ≤24, submit required as soon as an input block is present. */
function checkModalChrome(ctx: LimitsContext, view: JsonObject): void {
  checkTextField(ctx, view, 'title', '', { max: 24, plainOnly: true, required: true });
  checkTextField(ctx, view, 'submit', '', { max: 24, plainOnly: true });
  checkTextField(ctx, view, 'close', '', { max: 24, plainOnly: true });
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((block) => isRecord(block) && block.type === 'input');
  if (hasInput && view.submit === undefined) report(ctx, 'submit', 'a modal with input blocks needs a submit button');
  for (const key of ['notify_on_close', 'clear_on_close', 'submit_disabled']) checkBoolean(ctx, view, key, '');
}
