/**
 * `ui:order` as react-jsonschema-form applies it: listed names first in that order, `*` standing for every
 * unlisted field in schema order. Names that are not properties are ignored. Without `*`, RJSF refuses the form;
 * Callboard puts the unlisted fields last instead, so no field is ever lost.
 */
export const orderFieldNames = (names: readonly string[], order: unknown): string[] => {
  if (!Array.isArray(order)) return [...names];
  const listed = order.filter((entry): entry is string => typeof entry === 'string');
  const known = new Set(names);
  const named = listed.filter((entry) => entry !== '*' && known.has(entry));
  const namedSet = new Set(named);
  const rest = names.filter((name) => !namedSet.has(name));
  const wildcard = listed.indexOf('*');
  if (wildcard < 0) return [...new Set([...named, ...rest])];
  const before = listed.slice(0, wildcard).filter((entry) => namedSet.has(entry));
  const after = listed.slice(wildcard + 1).filter((entry) => namedSet.has(entry));
  return [...new Set([...before, ...rest, ...after])];
};
