/** Unexpected or unrecoverable conditions. Expected input problems are `Problem` data instead. */
export abstract class CallboardError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends CallboardError {
  readonly code = 'not_found';
}

export class InvalidInputError extends CallboardError {
  readonly code = 'invalid_input';
}

export class ConflictError extends CallboardError {
  readonly code = 'conflict';
}

export class SourceUnavailableError extends CallboardError {
  readonly code = 'source_unavailable';
}
