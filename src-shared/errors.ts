/**
 * Typed errors that cross every boundary (IPC, HTTP, WebSocket, CLI). The code is for programs,
 * the message is a sentence a user understands.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unsupported_format',
  'unsupported_language',
  'too_large',
  'empty_document',
  'binary_content',
  'corrupt_file',
  'encrypted_file',
  'no_text_layer',
  'conflict',
  'cancelled',
  'timeout',
  'queue_full',
  'unauthorized',
  'forbidden',
  'protected_span_changed',
  'llm_unavailable',
  'llm_bad_response',
  'sync_unavailable',
  'storage_full',
  'storage_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each code, used by the server and by tests that check it. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  unsupported_format: 415,
  unsupported_language: 422,
  too_large: 413,
  empty_document: 422,
  binary_content: 415,
  corrupt_file: 422,
  encrypted_file: 422,
  no_text_layer: 422,
  conflict: 409,
  cancelled: 409,
  timeout: 504,
  queue_full: 503,
  unauthorized: 401,
  forbidden: 403,
  protected_span_changed: 422,
  llm_unavailable: 502,
  llm_bad_response: 502,
  sync_unavailable: 502,
  /** The disk of the data folder is full: 507 Insufficient Storage. */
  storage_full: 507,
  /** The data folder cannot be read or written (an I/O error). */
  storage_unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems for invalid_input, e.g. [{path: "strength", message: "..."}] */
  issues?: { path: string; message: string }[];
}

export class InkproofError extends Error {
  readonly code: ErrorCode;
  readonly issues?: ErrorBody['issues'];
  /** Transient errors are retried by the queue with backoff; the rest fail at once. */
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, opts: { issues?: ErrorBody['issues']; retryable?: boolean } = {}) {
    super(message);
    this.name = 'InkproofError';
    this.code = code;
    this.issues = opts.issues;
    this.retryable = opts.retryable ?? false;
  }

  toJSON(): ErrorBody {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  static is(value: unknown): value is InkproofError {
    return value instanceof InkproofError;
  }

  /** Rebuilds an error received as JSON (from a worker, HTTP or IPC). */
  static fromBody(body: ErrorBody): InkproofError {
    const code = (ERROR_CODES as readonly string[]).includes(body.code) ? body.code : 'internal';
    return new InkproofError(code, body.message, { issues: body.issues });
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}
