/** Reading and replacing one value inside submitted form values by its path, without touching the original. */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `path`, or undefined when a step on the way is missing or not an object. */
export const valueAtPath = (values: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((current, key) => (isRecord(current) && Object.hasOwn(current, key) ? current[key] : undefined), values);

/**
 * A copy with the value at `path` replaced by what `change` returns (the key removed when it returns undefined);
 * only the objects on the way are copied. The values as given when the path does not lead to a value.
 */
export const changeAtPath = <T>(values: T, path: readonly string[], change: (value: unknown) => unknown): T => {
  const [key, ...rest] = path;
  if (key === undefined || !isRecord(values) || !Object.hasOwn(values, key)) return values;
  const copy: Record<string, unknown> = { ...values };
  const changed = rest.length === 0 ? change(values[key]) : changeAtPath(values[key], rest, change);
  if (changed === undefined) delete copy[key];
  else copy[key] = changed;
  return copy as T;
};
