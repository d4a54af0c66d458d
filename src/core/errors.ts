/** Unexpected or unrecoverable conditions. Expected input problems are `Problem` data instead. */
export abstract class CallboardError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends CallboardError {
  readonly code = 'not_found';
}

export class InvalidInputError extends CallboardError {
  readonly code = 'invalid_input';

  /** Per-field messages when the input is a form (`{ name: 'must match ^[a-z0-9-]+$' }`), keyed by field name. */
  readonly fieldErrors: Readonly<Record<string, string>>;

  constructor(message: string, options: ErrorOptions & { fieldErrors?: Readonly<Record<string, string>> } = {}) {
    super(message, options);
    this.fieldErrors = options.fieldErrors ?? {};
  }
}

/** The person may not do this (run a template outside its allowed groups, approve without being an approver). */
export class PermissionError extends CallboardError {
  readonly code = 'permission_denied';
}

export class ConflictError extends CallboardError {
  readonly code = 'conflict';
}

export class SourceUnavailableError extends CallboardError {
  readonly code = 'source_unavailable';
}

/**
 * The catalog database refused a write (disk full, I/O error, a constraint): not a problem of any source,
 * so a sync pass that meets one rolls back whole instead of recording the source as unreadable.
 */
export class CatalogWriteError extends CallboardError {
  readonly code = 'catalog_write_failed';
}
