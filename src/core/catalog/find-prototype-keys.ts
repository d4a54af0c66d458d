import type { IssuePath } from './issue-text.ts';

/**
 * `__proto__` is the one key JavaScript does not treat as data: assigning it (`copy[key] = value`,
 * `Object.assign`, a naive merge) replaces the object's prototype instead, so whatever it holds
 * is then read *through* the prototype by every later lookup, unchecked by validation. Both YAML
 * readers keep it as an own data property, but every copy after them would have to be careful
 * forever, so an entity that has one is rejected instead. `constructor` and `prototype` are only
 * dangerous when read through (an absent key answering `Object`); as own keys they are ordinary
 * data, and the catalog code only reads own keys (`Object.keys`, `Object.entries`, `Object.hasOwn`).
 */
export const PROTOTYPE_KEY = '__proto__';

/** Paths of every own `__proto__` key anywhere in `value`, in document order. */
export function findPrototypeKeys(value: unknown): IssuePath[] {
  const found: IssuePath[] = [];
  // One shared path stack, copied only where something is found: this walk runs on every document.
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        visit(node[index]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(node)) {
      path.push(key);
      if (key === PROTOTYPE_KEY) found.push([...path]);
      visit((node as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(value);
  return found;
}
