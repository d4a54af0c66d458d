import { checkMessageLimits, checkViewLimits, type BlockKitViolation } from '../../helpers/block-kit/check-block-kit-limits.ts';
import type { SlackInbound } from './inbound.ts';

/**
 * What an ack body may carry (reference §1.3, §4.6), checked as strictly as the Web API: a slash command ack is a
 * message; a view_submission ack may carry a response_action; an options ack carries ≤100 options; other acks
 * carry nothing Slack would use, so a response_action there is a bug.
 */
export function checkAck(inbound: SlackInbound, ack: unknown): BlockKitViolation[] {
  if (ack === undefined || ack === null || ack === '') return [];
  if (inbound.kind === 'slash_commands') return checkCommandAck(ack);
  const type = inbound.payload.type;
  if (typeof ack !== 'object' || Array.isArray(ack)) return [{ path: '', rule: 'an ack body must be a JSON object' }];
  const body = ack as Record<string, unknown>;
  if (Object.keys(body).length === 0) return [];
  if (type === 'view_submission') return checkViewSubmissionAck(body, inbound.payload.view);
  if (type === 'block_suggestion') return checkOptionsAck(body);
  return [{ path: '', rule: `an ack of ${String(type ?? inbound.kind)} carries nothing; Slack ignores ${Object.keys(body).join(', ')}` }];
}

/** Ack of a slash command: a string (the reply text) or a message object, limited like any message. */
function checkCommandAck(ack: unknown): BlockKitViolation[] {
  if (typeof ack === 'string') return checkMessageLimits({ text: ack });
  if (typeof ack !== 'object' || ack === null) return [{ path: '', rule: 'a command ack is a string or a message object' }];
  const body = ack as { text?: string; blocks?: unknown[]; response_type?: unknown };
  const violations = checkMessageLimits({ text: body.text, blocks: body.blocks });
  if (body.response_type !== undefined && body.response_type !== 'ephemeral' && body.response_type !== 'in_channel') {
    violations.push({ path: 'response_type', rule: 'response_type must be ephemeral or in_channel' });
  }
  return violations;
}

function checkViewSubmissionAck(body: Record<string, unknown>, submitted: unknown): BlockKitViolation[] {
  switch (body.response_action) {
    case 'clear':
      return [];
    case 'update':
    case 'push':
      return checkViewLimits(body.view).map((violation) => ({ ...violation, path: violation.path ? `view.${violation.path}` : 'view' }));
    case 'errors':
      return checkErrorsAck(body.errors, submitted);
    default:
      return [{ path: 'response_action', rule: 'response_action must be errors, update, push or clear' }];
  }
}

/** `errors` maps block_ids of the submitted view's input blocks to messages; other keys are never shown. */
function checkErrorsAck(errors: unknown, submitted: unknown): BlockKitViolation[] {
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) return [{ path: 'errors', rule: 'errors must map block_id to a message' }];
  const blocks = (submitted as { blocks?: unknown } | undefined)?.blocks;
  const inputIds = Array.isArray(blocks) ? blocks.filter((block) => block?.type === 'input').map((block) => block.block_id) : undefined;
  const violations: BlockKitViolation[] = [];
  for (const [blockId, message] of Object.entries(errors)) {
    if (typeof message !== 'string' || message === '') violations.push({ path: `errors.${blockId}`, rule: 'each error is a non-empty string' });
    if (inputIds && !inputIds.includes(blockId))
      violations.push({ path: `errors.${blockId}`, rule: `${blockId} is not the block_id of an input block in the submitted view` });
  }
  return violations;
}

function checkOptionsAck(body: Record<string, unknown>): BlockKitViolation[] {
  const list = body.options ?? body.option_groups;
  if (!Array.isArray(list)) return [{ path: 'options', rule: 'an options ack carries options or option_groups' }];
  return list.length > 100 ? [{ path: body.options ? 'options' : 'option_groups', rule: `at most 100 entries (got ${list.length})` }] : [];
}
