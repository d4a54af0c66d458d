import { stat } from 'node:fs/promises';
import { InvalidInputError } from '../../core/errors.ts';
import type { TemplateLocation } from '../template-location.ts';

/** A `url` input as a local path in the template's location, checked to be a folder or a file as the action needs. */
export async function resolveTemplateUrl(location: TemplateLocation, url: string, want: 'folder' | 'file'): Promise<string> {
  const path = await location.resolve(url);
  const stats = await stat(path).catch(() => undefined);
  const found = stats?.isDirectory() ? 'folder' : stats?.isFile() ? 'file' : undefined;
  if (found === want) return path;
  const what = found === undefined ? 'does not exist' : `is a ${found}, not a ${want}`;
  throw new InvalidInputError(`url "${url}" ${what} in the template's location: check the path relative to the template file`, {
    fieldErrors: { url: `${url} ${what}` },
  });
}
