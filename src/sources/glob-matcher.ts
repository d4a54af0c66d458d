import picomatch from 'picomatch';

/** A matcher with Backstage's glob defaults (wildcards do not match dotfiles or dot-folders). */
export const createGlobMatcher = (pattern: string): ((path: string) => boolean) => picomatch(pattern);

/** The folder a glob can only match under (`services` for `services/*\/catalog-info.yaml`), '' for the root. */
export const staticBaseOf = (pattern: string): string => picomatch.scan(pattern).base;
