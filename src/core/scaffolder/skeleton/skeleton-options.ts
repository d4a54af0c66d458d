import { InvalidInputError } from '../../errors.ts';
import type { SkeletonInput } from './skeleton-entry.ts';

export interface SkeletonSettings {
  /** `.njk` style: only files ending in it are rendered, and lose it. Undefined: every file is rendered. */
  extension?: string;
  copyWithoutTemplating?: readonly string[];
  warnings: string[];
}

/**
 * Checks the option combinations Backstage's fetch:template refuses, with its wording, and works out the
 * template file extension (`true` means `.njk`; a missing dot is added).
 */
export function readSkeletonSettings(input: SkeletonInput): SkeletonSettings {
  const warnings: string[] = [];
  const { copyWithoutTemplating, templateFileExtension, cookiecutterCompat } = input;
  if (copyWithoutTemplating !== undefined && !Array.isArray(copyWithoutTemplating)) {
    throw new InvalidInputError('Fetch action input copyWithoutTemplating must be an Array', {
      fieldErrors: { copyWithoutTemplating: 'must be a list of globs' },
    });
  }
  if (templateFileExtension && (copyWithoutTemplating || cookiecutterCompat)) {
    throw new InvalidInputError(
      'Fetch action input extension incompatible with copyWithoutTemplating and cookiecutterCompat: use templateFileExtension alone, or drop it',
      { fieldErrors: { templateFileExtension: 'cannot be combined with copyWithoutTemplating or cookiecutterCompat' } },
    );
  }
  if (input.copyWithoutRender !== undefined) {
    // Backstage 4.x still accepts the input but no longer reads it, so the matching files are rendered.
    warnings.push('copyWithoutRender was removed from Backstage fetch:template and has no effect: rename it to copyWithoutTemplating');
  }
  const settings: SkeletonSettings = { warnings };
  if (copyWithoutTemplating) settings.copyWithoutTemplating = copyWithoutTemplating;
  if (templateFileExtension) {
    const extension = templateFileExtension === true ? '.njk' : templateFileExtension;
    settings.extension = extension.startsWith('.') ? extension : `.${extension}`;
  }
  return settings;
}
