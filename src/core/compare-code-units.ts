/**
 * Orders strings by UTF-16 code unit, as `<` does: deterministic, the order SQLite's BINARY collation gives
 * ASCII keys such as entity refs, and far cheaper than localeCompare on hot paths.
 */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
