/**
 * What people type, reduced to the form names are compared in: lower case, accents dropped, and every run of
 * spaces and separators (`-`, `_`, `.`, `/`, punctuation) made one `-`. So "Checkout Service",
 * "checkout_service", "CHECKOUT-SERVICE" and "checkout  service" are all `checkout-service`.
 */
export const normaliseText = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The words of a text in normalised form, e.g. "Payments API" → ["payments", "api"]. */
export const normalisedWords = (text: string): string[] => {
  const key = normaliseText(text);
  return key === '' ? [] : key.split('-');
};
