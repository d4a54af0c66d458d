/**
 * A partial fake that throws on anything the test did not provide, so a handler reaching for an
 * unexpected method fails loudly instead of getting `undefined`.
 */
export const strictFake = <T extends object>(partial: Record<string, unknown>, name = 'fake'): T =>
  new Proxy(partial, {
    get(target, key) {
      if (typeof key === 'symbol' || key === 'then') return Reflect.get(target, key);
      if (!(key in target)) throw new Error(`${name}.${key} was not provided by the test`);
      const value = Reflect.get(target, key);
      return value !== null && typeof value === 'object' ? strictFake(value as Record<string, unknown>, `${name}.${key}`) : value;
    },
  }) as T;
