/**
 * Shared state and field-level helpers for the Block Kit limits checker. One context covers one message or view,
 * because uniqueness (block_id, action_id, focus_on_load) and cumulative budgets (markdown) are per payload.
 */

export type Surface = 'message' | 'modal' | 'home' | 'unfurl';

/** One broken limit: `path` like `blocks[3].text.text` (empty for the payload as a whole), `rule` names the limit. */
export interface BlockKitViolation {
  path: string;
  rule: string;
}

export interface LimitsContext {
  readonly surface: Surface;
  readonly violations: BlockKitViolation[];
  readonly blockIds: Set<string>;
  readonly actionIds: Set<string>;
  focusOnLoad: number;
  markdownChars: number;
}

export type JsonObject = Record<string, unknown>;

export function createLimitsContext(surface: Surface): LimitsContext {
  return { surface, violations: [], blockIds: new Set(), actionIds: new Set(), focusOnLoad: 0, markdownChars: 0 };
}

export function report(ctx: LimitsContext, path: string, rule: string): void {
  ctx.violations.push({ path, rule });
}

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `childPath('blocks[0]', 'text')` → `blocks[0].text`; a number appends an index. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Slack rejects fields it does not know ("invalid additional property"), so typos must fail here too. */
export function checkKnownKeys(ctx: LimitsContext, value: JsonObject, path: string, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) report(ctx, childPath(path, key), `${key} is not a field of ${what}`);
  }
}

export interface StringRule {
  max: number;
  min?: number;
  required?: boolean;
}

/** Checks `value[key]` is a string of min..max characters (min defaults to 1: Slack rejects empty strings). */
export function checkString(ctx: LimitsContext, value: JsonObject, key: string, path: string, rule: StringRule): string | undefined {
  const field = value[key];
  const at = childPath(path, key);
  if (field === undefined) {
    if (rule.required) report(ctx, at, `${key} is required`);
    return undefined;
  }
  if (typeof field !== 'string') {
    report(ctx, at, `${key} must be a string`);
    return undefined;
  }
  const min = rule.min ?? 1;
  if (field.length < min) report(ctx, at, `${key} must be at least ${min} character${min === 1 ? '' : 's'}`);
  if (field.length > rule.max) report(ctx, at, `${key} must be at most ${rule.max} characters (got ${field.length})`);
  return field;
}

export function checkBoolean(ctx: LimitsContext, value: JsonObject, key: string, path: string): void {
  if (value[key] !== undefined && typeof value[key] !== 'boolean') report(ctx, childPath(path, key), `${key} must be a boolean`);
}

export function checkInteger(ctx: LimitsContext, value: JsonObject, key: string, path: string, range: { min: number; max?: number }): number | undefined {
  const field = value[key];
  if (field === undefined) return undefined;
  const at = childPath(path, key);
  if (typeof field !== 'number' || !Number.isInteger(field)) {
    report(ctx, at, `${key} must be an integer`);
    return undefined;
  }
  if (field < range.min || (range.max !== undefined && field > range.max)) {
    report(ctx, at, `${key} must be between ${range.min} and ${range.max ?? 'any'} (got ${field})`);
  }
  return field;
}

export function checkEnum(ctx: LimitsContext, value: JsonObject, key: string, path: string, allowed: readonly string[]): void {
  const field = value[key];
  if (field !== undefined && !allowed.includes(field as string)) {
    report(ctx, childPath(path, key), `${key} must be one of ${allowed.join(', ')}`);
  }
}

export interface ArrayRule {
  min: number;
  max: number;
  required?: boolean;
}

/** Checks `value[key]` is an array of min..max items and returns it (or undefined when absent or not an array). */
export function checkArray(ctx: LimitsContext, value: JsonObject, key: string, path: string, rule: ArrayRule): unknown[] | undefined {
  const field = value[key];
  const at = childPath(path, key);
  if (field === undefined) {
    if (rule.required) report(ctx, at, `${key} is required`);
    return undefined;
  }
  if (!Array.isArray(field)) {
    report(ctx, at, `${key} must be an array`);
    return undefined;
  }
  if (field.length < rule.min) report(ctx, at, `${key} must have at least ${rule.min} item${rule.min === 1 ? '' : 's'}`);
  if (field.length > rule.max) report(ctx, at, `${key} must have at most ${rule.max} items (got ${field.length})`);
  return field;
}

/** block_id: ≤255 and unique in the payload, because view state and Bolt routing are keyed by it. */
export function checkBlockId(ctx: LimitsContext, block: JsonObject, path: string): void {
  const id = checkString(ctx, block, 'block_id', path, { max: 255 });
  if (id === undefined) return;
  if (ctx.blockIds.has(id)) report(ctx, childPath(path, 'block_id'), `block_id "${id}" is used twice in one payload`);
  ctx.blockIds.add(id);
}

/** action_id: ≤255 and unique in the payload, because Bolt routes actions on it. */
export function checkActionId(ctx: LimitsContext, element: JsonObject, path: string, required = false): void {
  const id = checkString(ctx, element, 'action_id', path, { max: 255, required });
  if (id === undefined) return;
  if (ctx.actionIds.has(id)) report(ctx, childPath(path, 'action_id'), `action_id "${id}" is used twice in one payload`);
  ctx.actionIds.add(id);
}
