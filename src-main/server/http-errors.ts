/** Maps every error to a typed JSON answer with the right status; nothing leaks a stack trace. */
import type { FastifyError, FastifyReply } from 'fastify';
import { ERROR_STATUS, InkproofError, type ErrorBody, type ErrorCode } from '../../src-shared/errors';
import { storageError } from '../core/storage';

/**
 * A typed error about the request itself rather than its meaning, with the HTTP status that says
 * so: 400 for a body that cannot be read (malformed JSON or multipart, nesting too deep), where a
 * well-formed request that fails validation is 422.
 */
export class RequestError extends InkproofError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof RequestError) return { status: err.status, body: err.toJSON() };
  if (InkproofError.is(err)) return { status: ERROR_STATUS[err.code], body: err.toJSON() };
  const storage = storageError(err);
  if (storage) return { status: ERROR_STATUS[storage.code], body: storage.toJSON() };
  const fe = err as FastifyError & { code?: string };
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { code: 'invalid_input', message: 'The request body is not valid JSON.' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, body: { code: 'too_large', message: 'The upload is larger than the import limit.' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: {
          code: 'invalid_input',
          message: 'Send JSON (application/json) or a file upload (multipart/form-data).',
        },
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return { status: 400, body: { code: 'invalid_input', message: fe.message } };
  }
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { code: 'invalid_input', message: fe.message } };
  }
  return {
    status: 500,
    body: { code: 'internal', message: 'Something went wrong on the server; the details are in its log.' },
  };
}

export function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const { status, body } = toErrorBody(err);
  return reply.code(status).send({ error: body });
}
