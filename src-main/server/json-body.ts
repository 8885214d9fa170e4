/**
 * JSON request bodies, bounded before they are parsed. The bytes are checked as they arrive: the
 * size against the route's limit (from Content-Length before anything is read, then while
 * counting), and the nesting depth and number of values by a scanner that looks at each byte once.
 * Only a body that passed goes to JSON.parse (with fastify's guard against `__proto__` and
 * `constructor.prototype` keys), so a hostile body — 26 MB of `[`, millions of tiny values — is
 * refused after its first bytes instead of holding the event loop for seconds.
 *
 * The scanner works on raw bytes: every structural character of JSON is ASCII, and the bytes of a
 * multi-byte UTF-8 character are all ≥ 0x80, so a character split between two chunks never
 * confuses it. Outside strings it looks at each byte once; over a string it jumps to the next quote
 * with the native search, so a long text costs next to nothing. It does not validate JSON
 * (JSON.parse does that); it only counts.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InkproofError } from '../../src-shared/errors';
import { formatSize } from '../../src-workers/extract/size';
import { RequestError } from './http-errors';

export interface JsonShapeLimits {
  /** Deepest nesting of arrays and objects. */
  maxDepth: number;
  /** Most values: strings (keys included), numbers, literals, arrays and objects. */
  maxValues: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Counts depth and values of a JSON text fed in pieces; throws as soon as a limit is passed. */
export class JsonShapeCheck {
  private depth = 0;
  private values = 0;
  private inString = false;
  private escaped = false;
  /** Whether a value has started since the last `,`, `:`, `[` or `{` (numbers and literals). */
  private inScalar = false;

  constructor(private readonly limits: JsonShapeLimits) {}

  feed(bytes: Uint8Array): void {
    const { maxDepth, maxValues } = this.limits;
    let { depth, values, inString, escaped, inScalar } = this;
    for (let i = 0; i < bytes.length; i++) {
      if (inString) {
        // Inside a string only its closing quote matters: jump to the next quote with the native
        // search, and count the backslashes right before it (an odd number escapes it).
        if (escaped) {
          escaped = false;
          continue;
        }
        const from = i;
        const quote = bytes.indexOf(QUOTE, from);
        if (quote < 0) {
          escaped = trailingBackslashes(bytes, from, bytes.length) % 2 === 1;
          break;
        }
        i = quote;
        if (trailingBackslashes(bytes, from, quote) % 2 === 0) inString = false;
        continue;
      }
      const c = bytes[i];
      if (c === QUOTE) {
        inString = true;
        inScalar = false;
        values++;
      } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
        inScalar = false;
        values++;
        if (++depth > maxDepth) throw tooDeep(maxDepth);
      } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === COMMA || c === COLON || c <= 0x20) {
        if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
        inScalar = false;
        continue;
      } else if (!inScalar) {
        // The first character of a number or of true/false/null.
        inScalar = true;
        values++;
      } else {
        continue;
      }
      if (values > maxValues) throw tooManyValues(maxValues);
    }
    Object.assign(this, { depth, values, inString, escaped, inScalar });
  }
}

/** How many backslashes end bytes[from, to) (contiguous, counting back from `to`). */
function trailingBackslashes(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  while (to - n - 1 >= from && bytes[to - n - 1] === BACKSLASH) n++;
  return n;
}

function tooDeep(max: number): InkproofError {
  return new RequestError(400, 'invalid_input', `The JSON body is nested more than ${max} levels deep.`);
}

function tooManyValues(max: number): InkproofError {
  return new RequestError(
    413,
    'too_large',
    `The JSON body holds more than ${max.toLocaleString('en')} values; send less at a time.`,
  );
}

function notJson(err: Error): InkproofError {
  return /prototype/i.test(err.message)
    ? new RequestError(
        400,
        'invalid_input',
        'The request body uses a forbidden key (__proto__ or constructor.prototype).',
      )
    : new RequestError(400, 'invalid_input', 'The request body is not valid JSON.');
}

export function bodyTooLarge(limit: number, hint = ''): InkproofError {
  return new RequestError(
    413,
    'too_large',
    `The request body is larger than the ${formatSize(limit)} this endpoint accepts.${hint ? ' ' + hint : ''}`,
  );
}

export interface JsonBodyOptions extends JsonShapeLimits {
  /** The body limit of a request (its route's, or one that depends on the request). */
  limitOf(req: FastifyRequest): JsonRouteLimit;
}

/** A route's own JSON limits: its bytes, and optionally more values than the default. */
export interface JsonRouteLimit {
  bytes: number;
  hint?: string;
  values?: number;
}

/**
 * Replaces fastify's JSON parser with the bounded one. Reads the body itself (stream mode) so it
 * can stop at the first byte over a limit; the caller's error handler answers, and a body left
 * unread closes its connection (see server.ts).
 */
export function registerJsonBody(app: FastifyInstance, opts: JsonBodyOptions): void {
  const parseChecked = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', (req: FastifyRequest, payload: Readable, done) => {
    const { bytes: limit, hint, values } = opts.limitOf(req);
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return done(bodyTooLarge(limit, hint), undefined);
    // Without depth or value limits there is nothing to count (a configuration for measurements).
    const shape = { maxDepth: opts.maxDepth, maxValues: values ?? opts.maxValues };
    const check =
      Number.isFinite(shape.maxDepth) || Number.isFinite(shape.maxValues) ? new JsonShapeCheck(shape) : null;
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (err: Error | null, value?: unknown) => {
      if (settled) return;
      settled = true;
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      // What is left of a refused body stays unread: the answer closes the connection.
      if (err) payload.pause();
      done(err, value);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) return settle(bodyTooLarge(limit, hint));
      try {
        check?.feed(chunk);
      } catch (err) {
        return settle(err as Error);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (received === 0)
        return settle(new RequestError(400, 'invalid_input', 'The request body is empty; send JSON.'));
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received)).toString('utf8');
      parseChecked(req, text, (err, value) => settle(err ? notJson(err) : null, value));
    };
    const onError = (err: Error) => settle(err);
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
  });
}
