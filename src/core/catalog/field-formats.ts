/**
 * The field format rules Backstage applies to every entity envelope (compat §1.4), with the
 * expectation text each failure message uses. Regexes are Backstage's, verbatim.
 */

const OBJECT_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_LABEL = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KIND = /^[a-zA-Z][a-z0-9A-Z]*$/;
const API_VERSION_SUFFIX = /^[a-z0-9A-Z]+$/;
// Newer Backstage widened tags from DNS labels to also allow ':', '+' and '#'; still lowercase only.
const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

const withinLength = (value: string, max: number): boolean => value.length >= 1 && value.length <= max;

/** `metadata.name`, link icons, the name part of label and annotation keys. */
export const isValidObjectName = (value: string): boolean => withinLength(value, 63) && OBJECT_NAME.test(value);

/** `metadata.namespace`: a lowercase DNS label (the prose docs' `[a-zA-Z0-9]` is wrong). */
export const isValidDnsLabel = (value: string): boolean => withinLength(value, 63) && DNS_LABEL.test(value);

// DNS labels joined by dots; each label's length is checked apart, and only when it could exceed 63.
const DNS_SUBDOMAIN = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;

export const isValidDnsSubdomain = (value: string): boolean =>
  withinLength(value, 253) && DNS_SUBDOMAIN.test(value) && (value.length <= 63 || value.split('.').every((label) => label.length <= 63));

export const isValidKind = (value: string): boolean => withinLength(value, 63) && KIND.test(value);

/** Splits `prefix/suffix` (at most one `/`) and checks each part; no `/` means suffix only. */
const isValidPrefixed = (value: string, isValidSuffix: (suffix: string) => boolean): boolean => {
  const slash = value.indexOf('/');
  if (slash < 0) return isValidSuffix(value);
  return value.indexOf('/', slash + 1) < 0 && isValidDnsSubdomain(value.slice(0, slash)) && isValidSuffix(value.slice(slash + 1));
};

const isValidApiVersionSuffix = (suffix: string): boolean => withinLength(suffix, 63) && API_VERSION_SUFFIX.test(suffix);

export const isValidApiVersion = (value: string): boolean => isValidPrefixed(value, isValidApiVersionSuffix);

/** Label and annotation keys share one rule: `[<dns-subdomain>/]<object-name>`. */
export const isValidMetadataKey = (value: string): boolean => isValidPrefixed(value, isValidObjectName);

export const isValidLabelValue = (value: string): boolean => value === '' || isValidObjectName(value);

export const isValidTag = (value: string): boolean => withinLength(value, 63) && TAG.test(value);

/** Backstage accepts anything `new URL()` parses, which means absolute URLs only. */
export const isValidUrl = (value: string): boolean => URL.canParse(value);

/** Link titles: at least one non-whitespace character. */
export const isNonBlank = (value: string): boolean => value.trim().length >= 1;

/** Expectation texts, worded after Backstage's FieldFormatEntityPolicy messages. */
export const EXPECTED = {
  objectName: 'a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total',
  namespace: 'a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total (lowercase only)',
  kind: 'a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total',
  apiVersion: 'a value such as "backstage.io/v1alpha1": an optional DNS-subdomain prefix and "/", then [a-zA-Z0-9]+',
  metadataKey:
    'a key such as "example.com/my-key": an optional lowercase DNS-subdomain prefix and "/", then sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters',
  labelValue: 'an empty string or a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total',
  tag: 'a string that is sequences of [a-z0-9:+#] separated by [-], at most 63 characters in total (lowercase only)',
  url: 'an absolute URL such as "https://example.com/page"',
  nonBlank: 'a string with at least one non-whitespace character',
} as const;
