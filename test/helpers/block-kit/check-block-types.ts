import {
  checkArray,
  checkBlockId,
  checkBoolean,
  checkInteger,
  checkKnownKeys,
  checkString,
  childPath,
  isRecord,
  report,
  type JsonObject,
  type LimitsContext,
} from './limits-context.ts';
import { checkTextField, checkTextObject } from './check-text-objects.ts';
import { checkElement, checkImage } from './check-elements.ts';

/** Layout blocks (reference §4.3). Each entry lists the block's fields and checks their limits. */

interface BlockSpec {
  keys: readonly string[];
  check: (ctx: LimitsContext, block: JsonObject, path: string) => void;
}

/** Cumulative budget of all markdown blocks in one message. */
const MARKDOWN_BUDGET = 12_000;

const BLOCK_SPECS: Record<string, BlockSpec> = {
  section: { keys: ['type', 'block_id', 'text', 'fields', 'accessory', 'expand'], check: checkSection },
  header: {
    keys: ['type', 'block_id', 'text', 'level'],
    check: (ctx, block, path) => {
      checkTextField(ctx, block, 'text', path, { max: 150, plainOnly: true, required: true });
      checkInteger(ctx, block, 'level', path, { min: 1, max: 4 });
    },
  },
  context: { keys: ['type', 'block_id', 'elements'], check: checkContext },
  actions: {
    keys: ['type', 'block_id', 'elements'],
    check: (ctx, block, path) => {
      const elements = checkArray(ctx, block, 'elements', path, { min: 1, max: 25, required: true }) ?? [];
      elements.forEach((element, i) => checkElement(ctx, element, childPath(childPath(path, 'elements'), i), 'actions'));
    },
  },
  divider: { keys: ['type', 'block_id'], check: () => undefined },
  image: {
    keys: ['type', 'block_id', 'image_url', 'slack_file', 'alt_text', 'title'],
    check: (ctx, block, path) => {
      checkImage(ctx, block, path);
      checkTextField(ctx, block, 'title', path, { max: 2000, plainOnly: true });
    },
  },
  input: { keys: ['type', 'block_id', 'label', 'element', 'hint', 'optional', 'dispatch_action'], check: checkInput },
  markdown: { keys: ['type', 'block_id', 'text'], check: checkMarkdown },
  // rich_text is accepted loosely: its element tree is rendered by Slack as given and carries no documented limits.
  rich_text: {
    keys: ['type', 'block_id', 'elements'],
    check: (ctx, block, path) => void checkArray(ctx, block, 'elements', path, { min: 0, max: Number.MAX_SAFE_INTEGER, required: true }),
  },
};

/** Checks one block: known type, known fields, unique block_id, then the type's own limits. */
export function checkBlock(ctx: LimitsContext, block: unknown, path: string): void {
  if (!isRecord(block)) {
    report(ctx, path, 'must be a block object with a type');
    return;
  }
  const type = String(block.type);
  const spec = BLOCK_SPECS[type];
  if (!spec) {
    report(ctx, childPath(path, 'type'), `unknown or unsupported block type "${type}"`);
    return;
  }
  checkKnownKeys(ctx, block, path, spec.keys, `a ${type} block`);
  checkBlockId(ctx, block, path);
  spec.check(ctx, block, path);
}

/** section: text (≤3000) and/or fields (1..10, each ≤2000), one optional accessory. */
function checkSection(ctx: LimitsContext, block: JsonObject, path: string): void {
  if (block.text === undefined && block.fields === undefined) report(ctx, path, 'a section needs text or fields');
  checkTextField(ctx, block, 'text', path, { max: 3000 });
  const fields = checkArray(ctx, block, 'fields', path, { min: 1, max: 10 }) ?? [];
  fields.forEach((field, i) => checkTextObject(ctx, field, childPath(childPath(path, 'fields'), i), { max: 2000 }));
  checkBoolean(ctx, block, 'expand', path);
  const accessory = block.accessory;
  if (accessory === undefined) return;
  const at = childPath(path, 'accessory');
  if (isRecord(accessory) && accessory.type === 'image') {
    checkKnownKeys(ctx, accessory, at, ['type', 'image_url', 'slack_file', 'alt_text'], 'an image element');
    checkImage(ctx, accessory, at);
    return;
  }
  checkElement(ctx, accessory, at, 'accessory');
}

/** context: 1..10 image elements or text objects. */
function checkContext(ctx: LimitsContext, block: JsonObject, path: string): void {
  const elements = checkArray(ctx, block, 'elements', path, { min: 1, max: 10, required: true }) ?? [];
  elements.forEach((element, i) => {
    const at = childPath(childPath(path, 'elements'), i);
    if (isRecord(element) && element.type === 'image') {
      checkKnownKeys(ctx, element, at, ['type', 'image_url', 'slack_file', 'alt_text'], 'an image element');
      checkImage(ctx, element, at);
      return;
    }
    checkTextObject(ctx, element, at, { max: 3000 });
  });
}

/** input: label plain_text ≤2000 (required), one input element, hint ≤2000, no dispatch_action with file_input. */
function checkInput(ctx: LimitsContext, block: JsonObject, path: string): void {
  checkTextField(ctx, block, 'label', path, { max: 2000, plainOnly: true, required: true });
  checkTextField(ctx, block, 'hint', path, { max: 2000, plainOnly: true });
  checkBoolean(ctx, block, 'optional', path);
  checkBoolean(ctx, block, 'dispatch_action', path);
  if (block.element === undefined) {
    report(ctx, childPath(path, 'element'), 'element is required');
    return;
  }
  checkElement(ctx, block.element, childPath(path, 'element'), 'input');
  if (block.dispatch_action === true && isRecord(block.element) && block.element.type === 'file_input') {
    report(ctx, childPath(path, 'dispatch_action'), 'dispatch_action is not allowed with file_input');
  }
}

/** markdown: messages only, text ≤12,000, and ≤12,000 across all markdown blocks of the message. */
function checkMarkdown(ctx: LimitsContext, block: JsonObject, path: string): void {
  if (ctx.surface === 'modal' || ctx.surface === 'home') report(ctx, path, 'markdown blocks are only allowed in messages');
  const text = checkString(ctx, block, 'text', path, { max: MARKDOWN_BUDGET, required: true });
  if (text === undefined) return;
  const before = ctx.markdownChars;
  ctx.markdownChars += text.length;
  if (before <= MARKDOWN_BUDGET && ctx.markdownChars > MARKDOWN_BUDGET && text.length <= MARKDOWN_BUDGET) {
    report(ctx, childPath(path, 'text'), `markdown blocks may hold at most ${MARKDOWN_BUDGET} characters in total per message`);
  }
}
