/**
 * Whether two plain JSON values would be stored as the same text: what `JSON.stringify(a) === JSON.stringify(b)`
 * answers (keys in order, keys holding undefined left out), without building two texts. A full scoring run compares
 * every result with its stored one and rewrites only those that differ, and the two texts per result were most of
 * that comparison's cost.
 */
export function sameAsStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameItems(a, b);
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>);
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean => {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!sameAsStored(a[index] ?? null, b[index] ?? null)) return false;
  return true;
};

/** Keys compared in order, those holding undefined skipped (JSON leaves them out), without filtered copies. */
const sameFields = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
  const keysOfA = Object.keys(a);
  const keysOfB = Object.keys(b);
  let inB = 0;
  for (const key of keysOfA) {
    if (a[key] === undefined) continue;
    while (inB < keysOfB.length && b[keysOfB[inB]!] === undefined) inB++;
    if (keysOfB[inB] !== key || !sameAsStored(a[key], b[key])) return false;
    inB++;
  }
  while (inB < keysOfB.length && b[keysOfB[inB]!] === undefined) inB++;
  return inB === keysOfB.length;
};
