/**
 * One streamed chat request to a local model server. Two wire formats: OpenAI-compatible
 * `POST {url}/v1/chat/completions` with `stream: true` (server-sent events, `data: {...}` lines
 * ending with `data: [DONE]`; llama.cpp server, LM Studio, Ollama's /v1) and Ollama's
 * `POST {url}/api/chat` (one JSON object per line, the last with `done: true`).
 *
 * Failures are `LlmRequestError`s that say in our own words what went wrong — refused connection,
 * timeout, HTTP status, a connection that dropped, an answer that is not a model's — and never
 * repeat what the server sent: a server's body (or its error text) can hold anything, including
 * the content of an address the server was made to fetch. A failure is either `fatal` (the model
 * cannot be used at all: nothing listens at the address, it is not allowed, the server does not
 * know the model) or confined to the request, which the engine answers by revising that section
 * with the rules.
 *
 * `timeout_seconds` is an idle timeout: the time the server may stay silent (before its first
 * byte, or between two pieces of the stream).
 */
import { STATUS_CODES } from 'node:http';
import { InkproofError, type ErrorCode } from '../../src-shared/errors';
import type { Settings } from '../../src-shared/models';
import { assertAllowedLlmEndpoint } from './endpoint';

export type LlmSettings = Settings['llm'];

export interface ChatRequest {
  llm: LlmSettings;
  /** Addresses allowed beyond loopback (`assertAllowedLlmEndpoint`). */
  allowList: readonly string[];
  system: string;
  user: string;
  signal?: AbortSignal;
  /** Called with the number of characters of answer received so far. */
  onText?: (chars: number) => void;
  /** An answer longer than this is cut off and refused (a server that never stops). */
  maxAnswerChars: number;
}

/** A request that failed, with what happened as a clause a hunk's note can carry. */
export class LlmRequestError extends InkproofError {
  constructor(
    code: ErrorCode,
    /** "The local model sent nothing for 5 s" — no full stop, no server text. */
    readonly what: string,
    /** The model cannot be used at all, so the whole revision fails. */
    readonly fatal: boolean,
    message = `${what}.`,
    retryable = false,
  ) {
    super(code, message, { retryable });
  }
}

function baseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function endpointFor(llm: LlmSettings): string {
  const base = baseUrl(llm.url);
  if (llm.kind === 'ollama') return `${base}/api/chat`;
  return base.endsWith('/v1') ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

function statusText(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `HTTP ${status} (${text})` : `HTTP ${status}`;
}

/** What a server that cannot be used at all gets: the revision fails with this sentence. */
function unusable(llm: LlmSettings, detail: string, retryable: boolean): LlmRequestError {
  const what = `The local model at ${baseUrl(llm.url)} could not be used: ${detail}`;
  return new LlmRequestError('llm_unavailable', what, true, `${what}`, retryable);
}

function notAnAnswer(detail: string): LlmRequestError {
  return new LlmRequestError('llm_bad_response', `The local model's answer ${detail}`, false);
}

function errorInsteadOfAnswer(llm: LlmSettings, reported: unknown): LlmRequestError {
  // Read only to recognise a model the server does not have; never shown.
  const text = typeof reported === 'string' ? reported : JSON.stringify(reported ?? '');
  if (/model\b[^\n]{0,200}\bnot found|no such model|try pulling|pull the model/i.test(text)) {
    return unusable(llm, `the server does not have the model “${llm.model}”. Check the model name in Settings.`, false);
  }
  return new LlmRequestError('llm_bad_response', 'The local model reported an error instead of an answer', false);
}

function connectionFailure(llm: LlmSettings, err: unknown): LlmRequestError {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (code === 'ECONNREFUSED') return unusable(llm, 'the connection was refused. Is the server running?', true);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return unusable(llm, 'the host name could not be found.', true);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE')
    return new LlmRequestError('llm_unavailable', 'The local model closed the connection without answering', false);
  if (code === 'UND_ERR_CONNECT_TIMEOUT')
    return unusable(llm, 'connecting to it took too long. Is the address right?', true);
  return unusable(llm, `the connection failed${/^[A-Z_]+$/.test(code) ? ` (${code})` : ''}.`, true);
}

function requestBody(req: ChatRequest): string {
  const { llm } = req;
  const messages = [
    { role: 'system', content: req.system },
    { role: 'user', content: req.user },
  ];
  return JSON.stringify(
    llm.kind === 'ollama'
      ? { model: llm.model, stream: true, messages, options: { temperature: 0.3, num_ctx: llm.context_tokens } }
      : { model: llm.model, stream: true, temperature: 0.3, messages },
  );
}

/** Longest line of a stream (one event) that is buffered before the answer is refused. */
const MAX_LINE_CHARS = 1_000_000;

/** Reads the pieces of an answer, one line (an SSE line or an NDJSON object) at a time. */
class AnswerParser {
  text = '';
  finished = false;
  finishReason: string | null = null;

  constructor(private readonly req: ChatRequest) {}

  line(raw: string): void {
    if (this.finished) return;
    if (this.req.llm.kind === 'ollama') this.ndjson(raw.trim());
    else this.sse(raw);
    if (this.text.length > this.req.maxAnswerChars)
      throw notAnAnswer('went on far longer than the text it was asked to revise');
  }

  private ndjson(line: string): void {
    if (!line) return;
    const j = parseJson(line, 'was not in the format of an Ollama server (a line that is not JSON)') as {
      message?: { content?: unknown };
      done?: unknown;
      done_reason?: unknown;
      error?: unknown;
    };
    if (j === null || typeof j !== 'object') throw notAnAnswer('was not in the format of an Ollama server');
    if (j.error !== undefined) throw errorInsteadOfAnswer(this.req.llm, j.error);
    const c = j.message?.content;
    if (c !== undefined && typeof c !== 'string') throw notAnAnswer('had a message without text');
    if (j.message === undefined && j.done !== true) throw notAnAnswer('was not in the format of an Ollama server');
    if (c) this.text += c;
    if (j.done === true) {
      this.finished = true;
      if (j.done_reason === 'length') this.finishReason = 'length';
    }
  }

  private sse(line: string): void {
    if (line === '' || line.startsWith(':') || /^(event|id|retry):/.test(line)) return;
    if (!line.startsWith('data:'))
      throw notAnAnswer('was not in the format of an OpenAI-compatible server (no server-sent events)');
    const data = line.slice(5).trim();
    if (data === '[DONE]') {
      this.finished = true;
      return;
    }
    const j = parseJson(data, 'was not in the format of an OpenAI-compatible server (an event that is not JSON)') as {
      choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[];
      error?: unknown;
    };
    if (j === null || typeof j !== 'object') throw notAnAnswer('was not in the format of an OpenAI-compatible server');
    if (j.error !== undefined) throw errorInsteadOfAnswer(this.req.llm, j.error);
    if (!Array.isArray(j.choices))
      throw notAnAnswer('was not in the format of an OpenAI-compatible server (an event without choices)');
    for (const ch of j.choices) {
      const c = ch?.delta?.content;
      if (c !== undefined && c !== null && typeof c !== 'string') throw notAnAnswer('had a piece without text');
      if (c) this.text += c;
      if (typeof ch?.finish_reason === 'string') this.finishReason = ch.finish_reason;
    }
  }

  /** A server that ignored `stream: true` and sent one JSON document. */
  whole(body: string): void {
    const j = parseJson(body, 'was not in the format of an OpenAI-compatible server') as {
      choices?: { message?: { content?: unknown }; finish_reason?: unknown }[];
      error?: unknown;
    };
    if (j !== null && typeof j === 'object' && j.error !== undefined) throw errorInsteadOfAnswer(this.req.llm, j.error);
    const c = j?.choices?.[0]?.message?.content;
    if (typeof c !== 'string') throw notAnAnswer('was not in the format of an OpenAI-compatible server');
    this.text = c;
    this.finished = true;
    const reason = j?.choices?.[0]?.finish_reason;
    this.finishReason = typeof reason === 'string' ? reason : null;
    if (this.text.length > this.req.maxAnswerChars)
      throw notAnAnswer('went on far longer than the text it was asked to revise');
  }
}

function parseJson(s: string, detail: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    throw notAnAnswer(detail);
  }
}

/** One streamed chat request; resolves with the whole answer text. */
export async function streamChat(req: ChatRequest): Promise<string> {
  const { llm, signal } = req;
  if (!llm.url.trim()) {
    throw new LlmRequestError(
      'llm_unavailable',
      'No local model address is set',
      true,
      'No local model address is set. Set it in Settings (for example http://127.0.0.1:8080), or use the built-in rules.',
    );
  }
  assertAllowedLlmEndpoint(llm.url, req.allowList);
  if (signal?.aborted) throw new InkproofError('cancelled', 'The revision was cancelled.');

  const ctl = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ctl.abort(new Error('idle timeout'));
    }, llm.timeout_seconds * 1000);
  };
  const onAbort = () => ctl.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const fail = (e: unknown, stage: 'connect' | 'stream'): never => {
    if (signal?.aborted) throw new InkproofError('cancelled', 'The revision was cancelled.');
    if (timedOut)
      throw new LlmRequestError('timeout', `The local model sent nothing for ${llm.timeout_seconds} s`, false);
    if (e instanceof InkproofError) throw e;
    if (stage === 'stream')
      throw new LlmRequestError('llm_bad_response', 'The local model stopped before its answer was complete', false);
    throw connectionFailure(llm, e);
  };

  arm();
  try {
    let res: Response;
    try {
      res = await fetch(endpointFor(llm), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: llm.kind === 'ollama' ? 'application/x-ndjson' : 'text/event-stream',
        },
        body: requestBody(req),
        // A redirect could lead anywhere; the address was checked, its redirects would not be.
        redirect: 'manual',
        signal: ctl.signal,
      });
    } catch (e) {
      return fail(e, 'connect');
    }
    arm();
    if (!res.ok) {
      // The body is not read: what a server says is never passed on.
      void res.body?.cancel().catch(() => {});
      const status = statusText(res.status);
      if (res.status >= 300 && res.status < 400)
        throw unusable(llm, `it answered with a redirect (${status}), which is not followed.`, false);
      if (res.status === 401 || res.status === 403) throw unusable(llm, `it refused the request (${status}).`, false);
      if (res.status === 404)
        throw unusable(
          llm,
          `it answered ${status} to ${new URL(endpointFor(llm)).pathname}. Check the address, the server kind and the model name in Settings.`,
          false,
        );
      throw new LlmRequestError('llm_unavailable', `The local model's server answered ${status}`, false);
    }
    if (!res.body) throw notAnAnswer('was empty');
    const wholeJson = llm.kind !== 'ollama' && (res.headers.get('content-type') ?? '').includes('application/json');
    const parser = new AnswerParser(req);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (e) {
        return fail(e, 'stream');
      }
      if (chunk.done) break;
      arm();
      buf += decoder.decode(chunk.value, { stream: true });
      if (wholeJson) {
        if (buf.length > req.maxAnswerChars * 2 + MAX_LINE_CHARS)
          throw notAnAnswer('went on far longer than the text it was asked to revise');
        continue;
      }
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        parser.line(buf.slice(0, nl).replace(/\r$/, ''));
        buf = buf.slice(nl + 1);
      }
      if (buf.length > MAX_LINE_CHARS)
        throw notAnAnswer('was not in the format of a model server (a line without end)');
      req.onText?.(parser.text.length);
      if (parser.finished) break;
    }
    buf += decoder.decode();
    if (wholeJson) parser.whole(buf);
    else if (!parser.finished && buf.trim()) parser.line(buf.replace(/\r$/, ''));
    // An OpenAI-compatible stream may end after a finish_reason without [DONE].
    if (!parser.finished && !(llm.kind !== 'ollama' && parser.finishReason))
      throw new LlmRequestError('llm_bad_response', 'The local model stopped before its answer was complete', false);
    if (parser.finishReason === 'length')
      throw new LlmRequestError(
        'llm_bad_response',
        'The local model ran out of room before finishing (its context size in Settings is too small for this section)',
        false,
      );
    if (!parser.text.trim()) throw notAnAnswer('was empty');
    return parser.text;
  } catch (e) {
    return fail(e, 'stream');
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    ctl.abort();
  }
}
