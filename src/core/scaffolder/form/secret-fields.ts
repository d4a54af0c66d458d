import type { ParameterPage } from '../template-definition.ts';
import { isSecretSchema } from './field-settings.ts';
import { pagePropertiesOf } from './page-properties.ts';

/**
 * Fields whose values are secrets (the password widget, `ui:field: Secret`), on every page and in every
 * conditional branch: these values are never stored, logged or shown.
 */
export const secretFieldNames = (pages: ParameterPage[]): string[] => [
  ...new Set(
    pages.flatMap((page) =>
      pagePropertiesOf(page)
        .filter(([, schema]) => isSecretSchema(schema))
        .map(([name]) => name),
    ),
  ),
];
