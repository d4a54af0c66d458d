/** Replaces every secret value in logs, errors and outputs; longest first, so a secret inside another is not half-shown. */
export type Masker = <T>(value: T) => T;

const MASK = '***';

export const createMasker = (secrets: Readonly<Record<string, string>>): Masker => {
  const values = [...new Set(Object.values(secrets).filter((value) => value.length > 0))].sort((a, b) => b.length - a.length);
  const maskText = (text: string): string => values.reduce((masked, secret) => masked.split(secret).join(MASK), text);
  const maskDeep = (value: unknown): unknown => {
    if (typeof value === 'string') return maskText(value);
    if (Array.isArray(value)) return value.map(maskDeep);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskDeep(inner)]));
    return value;
  };
  return <T>(value: T): T => (values.length === 0 ? value : (maskDeep(value) as T));
};
