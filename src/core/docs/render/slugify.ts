/**
 * Heading anchors exactly as mkdocs' toc extension makes them (python-markdown's `slugify` and `unique`), so
 * links written for a Backstage/mkdocs site (`page.md#some-heading`) keep working here. Written by hand because
 * no JavaScript slugger follows python-markdown's rule (github-slugger keeps non-ASCII letters, for one).
 */

/** `slugify(value, '-')`: NFKD, drop non-ASCII, keep word characters, spaces and hyphens, lower-case, runs of `-`/space → `-`. */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[^\p{ASCII}]/gu, '')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');

/** python-markdown's `unique`: a taken (or empty) id gets `_1`, and an id already ending in `_N` counts on. */
export const uniqueId = (id: string, taken: Set<string>): string => {
  let candidate = id;
  while (candidate === '' || taken.has(candidate)) {
    const numbered = /^(.*)_([0-9]+)$/.exec(candidate);
    candidate = numbered ? `${numbered[1]}_${Number(numbered[2]) + 1}` : `${candidate}_1`;
  }
  taken.add(candidate);
  return candidate;
};
