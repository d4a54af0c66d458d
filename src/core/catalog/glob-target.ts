/**
 * Whether a Location target is a glob. Backstage's URL reader treats a target whose path holds `*` or
 * `?` as a search, and its file reader globs every target; `*` and `?` are what people write.
 */
export const isGlobTarget = (target: string): boolean => /[*?]/.test(target);
