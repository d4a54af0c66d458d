/** Reading and replacing values inside submitted form values by their path, without touching the original. */

/** A path step that stands for every item of an array field (the schema's `items`). */
export const EVERY_ITEM = Symbol('every item');

/** Where a value sits: property names, and EVERY_ITEM for the items of an array (`['services', EVERY_ITEM, 'token']`). */
export type ValuePath = readonly (string | typeof EVERY_ITEM)[];

/** One value a path led to, with its concrete place (array items by index): `['services', 1, 'token']`. */
export interface PathValue {
  at: readonly (string | number)[];
  value: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every value `path` leads to (one per array item for EVERY_ITEM); none when a step on the way is missing. */
export const valuesAtPath = (values: unknown, path: ValuePath, at: readonly (string | number)[] = []): PathValue[] => {
  const [step, ...rest] = path;
  if (step === undefined) return [{ at, value: values }];
  if (step === EVERY_ITEM) return Array.isArray(values) ? values.flatMap((item, index) => valuesAtPath(item, rest, [...at, index])) : [];
  return isRecord(values) && Object.hasOwn(values, step) ? valuesAtPath(values[step], rest, [...at, step]) : [];
};

/**
 * A copy with each value at `path` replaced by what `change` returns (the key or item removed when it returns
 * undefined); only the objects and arrays on the way are copied. The values as given when the path leads nowhere.
 */
export const changeAtPath = <T>(values: T, path: ValuePath, change: (value: unknown) => unknown): T => {
  const [step, ...rest] = path;
  if (step === undefined) return values;
  const changeOne = (value: unknown): unknown => (rest.length === 0 ? change(value) : changeAtPath(value, rest, change));
  if (step === EVERY_ITEM) {
    if (!Array.isArray(values)) return values;
    return values.map(changeOne).filter((item) => item !== undefined) as T;
  }
  if (!isRecord(values) || !Object.hasOwn(values, step)) return values;
  const copy: Record<string, unknown> = { ...values };
  const changed = changeOne(values[step]);
  if (changed === undefined) delete copy[step];
  else copy[step] = changed;
  return copy as T;
};
