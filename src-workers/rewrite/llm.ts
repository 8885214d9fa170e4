/**
 * Optional revision by a local language model, behind the same contract as the rules engine.
 * Two wire formats: OpenAI-compatible `POST {url}/v1/chat/completions` with `stream: true`
 * (server-sent events, `data: {...}` lines ending with `data: [DONE]`; llama.cpp server, LM Studio,
 * Ollama's /v1) and Ollama's `POST {url}/api/chat` (one JSON object per line, the last with
 * `done: true`). Protected spans are sent as placeholders ([[P1]], [[P2]], …) the prompt tells
 * the model to copy; paragraphs go in chunks that fit the context size; afterwards every
 * placeholder must be back exactly once and in order, and no new number may appear, or the
 * revision fails with `protected_span_changed`.
 *
 * `timeout_seconds` is an idle timeout: the time the server may stay silent (before its first
 * byte, or between two pieces of the stream) before the revision fails with `timeout`.
 */
import { InkproofError } from '../../src-shared/errors';
import type { RewriteMode, Settings } from '../../src-shared/models';
import type { ProgressMessage, RewriteOutput } from '../../src-shared/tasks';
import { countWords } from '../text/segment';
import { countWordTokens, diffPiece, summarize, toHunks, type RawHunk } from './diff';
import { checkAborted, ProgressReporter, verifyRevision, type RewriteRequest } from './common';
import { findProtectedSpans, spanChanged, type ProtectedSpan } from './protect';
import { planUnits, type Unit } from './units';

type LlmSettings = Settings['llm'];

export const LLM_PLACEHOLDER_RE = /\[\[P(\d+)\]\]/g;

/** Tokens are estimated as characters / 4. */
export function estimateTokens(s: string): number {
  return Math.ceil(s.length / 4);
}

const MODE_TEXT: Record<RewriteMode, string> = {
  standard: 'Use a natural, neutral tone.',
  formal: 'Use a formal tone. Do not use contractions.',
  casual: 'Use a relaxed, conversational tone; contractions are welcome.',
  academic:
    'Use an academic tone. Do not use contractions. Where a claim is stated more strongly than the evidence allows, hedge it.',
  concise: 'Make it shorter: cut filler words, redundancy and empty phrases, but keep every point.',
};
const STRENGTH_TEXT: Record<number, string> = {
  1: 'Change as little as possible: only the most obviously machine-like words and phrases.',
  2: 'Edit moderately: plainer words, fewer formulaic transitions, more varied sentence length.',
  3: 'Rewrite freely, sentence by sentence, while keeping the meaning.',
};

export function systemPrompt(mode: RewriteMode, strength: number): string {
  return [
    'You are a careful human editor. Rewrite the text the user sends so that it reads as plain, natural writing by a person:',
    'replace words language models overuse (delve, crucial, pivotal, tapestry, testament, foster, leverage, showcase, intricate, ...),',
    'drop formulaic openers and closers ("In conclusion,", "Furthermore,", "It is important to note that"), and vary sentence length.',
    `${MODE_TEXT[mode]} ${STRENGTH_TEXT[strength] ?? STRENGTH_TEXT[2]}`,
    'Rules:',
    '1. Tokens such as [[P1]] stand for protected text (numbers, dates, quotations, citations, code, names). Copy every one exactly, once each, in the same order. Never change, drop, add or split them.',
    '2. Keep the meaning and every fact. Do not add facts, numbers, names, examples or opinions.',
    '3. The text has paragraphs separated by blank lines. Answer with exactly the same number of paragraphs, separated by blank lines, in the same order.',
    '4. Answer with the rewritten text only: no preamble, no notes, no quotation marks or code fences around it.',
  ].join('\n');
}

interface MaskedUnit {
  unit: Unit;
  masked: string;
  /** Protected spans in this unit, placeholder numbers first..first+n-1. */
  spans: ProtectedSpan[];
  first: number;
}

function maskForLlm(text: string, spans: readonly ProtectedSpan[], u: Unit, first: number): MaskedUnit {
  let masked = '';
  let pos = u.start;
  const used: ProtectedSpan[] = [];
  for (const sp of spans) {
    if (sp.end <= u.start) continue;
    if (sp.start >= u.end) break;
    const s = Math.max(sp.start, u.start);
    const e = Math.min(sp.end, u.end);
    masked += text.slice(pos, s) + `[[P${first + used.length}]]`;
    used.push(s === sp.start && e === sp.end ? sp : { start: s, end: e, kind: sp.kind, text: text.slice(s, e) });
    pos = e;
  }
  masked += text.slice(pos, u.end);
  return { unit: u, masked, spans: used, first };
}

/** Splits units longer than `maxChars` at sentence ends (the pieces keep their original offsets). */
function splitLongUnits(text: string, units: Unit[], maxChars: number): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    if (u.end - u.start <= maxChars) {
      out.push(u);
      continue;
    }
    let s = u.start;
    const re = /[.!?]["'”’)\]]*\s+/g;
    let lastCut = -1;
    re.lastIndex = s;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && m.index < u.end) {
      const cut = m.index + m[0].length;
      if (cut - s > maxChars && lastCut > s) {
        out.push(trimUnit(text, { start: s, end: lastCut }));
        s = lastCut;
      }
      lastCut = cut;
    }
    if (u.end - s > maxChars && lastCut > s && lastCut < u.end) {
      out.push(trimUnit(text, { start: s, end: lastCut }));
      s = lastCut;
    }
    out.push(trimUnit(text, { start: s, end: u.end }));
  }
  return out.filter((u) => u.end > u.start);
}

function trimUnit(text: string, u: Unit): Unit {
  let { start, end } = u;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Groups units into requests whose input stays within the budget (at least one unit each). */
function chunk(units: MaskedUnit[], maxChars: number): MaskedUnit[][] {
  const out: MaskedUnit[][] = [];
  let cur: MaskedUnit[] = [];
  let size = 0;
  for (const u of units) {
    const add = u.masked.length + 2;
    if (cur.length && size + add > maxChars) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(u);
    size += add;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Input budget in characters for one request: what is left of the context after the prompt and room for the answer. */
export function inputBudgetChars(contextTokens: number, prompt: string): number {
  const promptTokens = estimateTokens(prompt) + 32;
  // The answer needs about as many tokens as the input, plus some slack.
  const inputTokens = Math.floor((contextTokens - promptTokens) / 2.25);
  return Math.max(200, inputTokens * 4);
}

// ---------------------------------------------------------------------------------------------
// HTTP

function baseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function endpointFor(llm: LlmSettings): string {
  const base = baseUrl(llm.url);
  if (llm.kind === 'ollama') return `${base}/api/chat`;
  return base.endsWith('/v1') ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

interface StreamOptions {
  llm: LlmSettings;
  system: string;
  user: string;
  signal?: AbortSignal;
  /** Called with the number of characters of answer received so far. */
  onText: (chars: number) => void;
}

function unavailable(llm: LlmSettings, detail: string): InkproofError {
  return new InkproofError('llm_unavailable', `Could not use the local model at ${baseUrl(llm.url)}: ${detail}`, {
    retryable: true,
  });
}
function badResponse(detail: string): InkproofError {
  return new InkproofError('llm_bad_response', `The local model's answer could not be used: ${detail}`);
}

/** One streamed chat request; resolves with the whole answer text. */
export async function streamChat(opts: StreamOptions): Promise<string> {
  const { llm, signal } = opts;
  if (!llm.url || !/^https?:\/\//i.test(llm.url.trim())) {
    throw new InkproofError(
      'llm_unavailable',
      'No local model address is set. Set it in Settings (for example http://127.0.0.1:8080), or use the built-in rules.',
    );
  }
  const ctl = new AbortController();
  let timedOut = false;
  const idleMs = llm.timeout_seconds * 1000;
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ctl.abort(new Error('timeout'));
    }, idleMs);
  };
  const onAbort = () => ctl.abort(signal?.reason);
  if (signal) {
    if (signal.aborted) throw new InkproofError('cancelled', 'The revision was cancelled.');
    signal.addEventListener('abort', onAbort, { once: true });
  }
  const fail = (e: unknown): never => {
    if (InkproofError.is(e)) throw e;
    if (signal?.aborted) throw new InkproofError('cancelled', 'The revision was cancelled.');
    if (timedOut) {
      throw new InkproofError(
        'timeout',
        `The local model at ${baseUrl(llm.url)} sent nothing for ${llm.timeout_seconds} s, so the revision was stopped.`,
        { retryable: true },
      );
    }
    const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
    const code = cause?.code ?? '';
    if (code === 'ECONNREFUSED') throw unavailable(llm, 'the connection was refused. Is the server running?');
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw unavailable(llm, 'the host name could not be found.');
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') throw unavailable(llm, 'the server closed the connection.');
    throw unavailable(llm, cause?.message ?? (e as Error)?.message ?? 'the request failed.');
  };

  const body =
    llm.kind === 'ollama'
      ? {
          model: llm.model,
          stream: true,
          messages: [
            { role: 'system', content: opts.system },
            { role: 'user', content: opts.user },
          ],
          options: { temperature: 0.3, num_ctx: llm.context_tokens },
        }
      : {
          model: llm.model,
          stream: true,
          temperature: 0.3,
          messages: [
            { role: 'system', content: opts.system },
            { role: 'user', content: opts.user },
          ],
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
        body: JSON.stringify(body),
        signal: ctl.signal,
      });
    } catch (e) {
      return fail(e);
    }
    arm();
    if (!res.ok) {
      let detail = '';
      try {
        detail = (await res.text()).slice(0, 300);
      } catch {
        /* ignore */
      }
      let msg = detail;
      try {
        const j = JSON.parse(detail);
        msg = typeof j.error === 'string' ? j.error : typeof j.error?.message === 'string' ? j.error.message : detail;
      } catch {
        /* not JSON */
      }
      const path = new URL(endpointFor(llm)).pathname;
      throw new InkproofError(
        'llm_unavailable',
        `The local model server at ${baseUrl(llm.url)} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} to ${path}${msg ? `: ${msg.trim()}` : ''}.`,
        { retryable: res.status >= 500 || res.status === 429 },
      );
    }
    if (!res.body) throw badResponse('it was empty.');
    const type = res.headers.get('content-type') ?? '';
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    let raw = '';
    let text = '';
    let finished = false;
    let finishReason: string | null = null;
    const handleLine = (line: string) => {
      if (finished) return;
      if (llm.kind === 'ollama') {
        const l = line.trim();
        if (!l) return;
        let j: { message?: { content?: unknown }; done?: unknown; error?: unknown; done_reason?: unknown };
        try {
          j = JSON.parse(l);
        } catch {
          throw badResponse('the server sent a line that is not JSON (is this an Ollama server?).');
        }
        if (typeof j.error === 'string')
          throw new InkproofError('llm_unavailable', `The local model reported an error: ${j.error}`);
        const c = j.message?.content;
        if (c !== undefined && typeof c !== 'string') throw badResponse('a message had no text.');
        if (c) text += c;
        if (j.done === true) {
          finished = true;
          if (j.done_reason === 'length') finishReason = 'length';
        }
        return;
      }
      // Server-sent events.
      if (
        line === '' ||
        line.startsWith(':') ||
        line.startsWith('event:') ||
        line.startsWith('id:') ||
        line.startsWith('retry:')
      )
        return;
      if (!line.startsWith('data:'))
        throw badResponse('the server did not send server-sent events (is this an OpenAI-compatible server?).');
      const data = line.slice(5).trim();
      if (data === '[DONE]') {
        finished = true;
        return;
      }
      let j: {
        choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[];
        error?: { message?: string } | string;
      };
      try {
        j = JSON.parse(data);
      } catch {
        throw badResponse('the server sent an event that is not JSON.');
      }
      if (j.error)
        throw new InkproofError(
          'llm_unavailable',
          `The local model reported an error: ${typeof j.error === 'string' ? j.error : (j.error.message ?? 'unknown error')}`,
        );
      if (!Array.isArray(j.choices)) throw badResponse('an event had no "choices".');
      for (const ch of j.choices) {
        const c = ch?.delta?.content;
        if (c !== undefined && c !== null && typeof c !== 'string') throw badResponse('an event had no text.');
        if (c) text += c;
        if (typeof ch?.finish_reason === 'string') finishReason = ch.finish_reason;
      }
    };
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (e) {
        return fail(e);
      }
      if (chunk.done) break;
      arm();
      const s = decoder.decode(chunk.value, { stream: true });
      if (raw.length < 10_000_000) raw += s;
      buf += s;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        // A server that ignores `stream: true` answers with one JSON document.
        if (type.includes('application/json') && llm.kind !== 'ollama') continue;
        handleLine(line);
        opts.onText(text.length);
      }
      if (finished) break;
    }
    const tail = decoder.decode();
    buf += tail;
    raw += tail;
    if (type.includes('application/json') && llm.kind !== 'ollama') {
      try {
        const j = JSON.parse(raw);
        const c = j?.choices?.[0]?.message?.content;
        if (typeof c !== 'string') throw new Error('no content');
        text = c;
        finished = true;
        finishReason = j?.choices?.[0]?.finish_reason ?? null;
      } catch {
        throw badResponse('the server sent JSON without an answer in it.');
      }
    } else if (!finished && buf.trim()) {
      handleLine(buf.replace(/\r$/, ''));
    }
    if (!finished && !(llm.kind !== 'ollama' && finishReason))
      throw badResponse('the connection closed before the answer was complete.');
    if (finishReason === 'length')
      throw badResponse(
        'the model stopped before finishing, because its context is too small. Increase the context size in Settings.',
      );
    if (!text.trim()) throw badResponse('it was empty.');
    return text;
  } catch (e) {
    return fail(e);
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    ctl.abort();
  }
}

// ---------------------------------------------------------------------------------------------

/** Cleans a model's answer: code fences around it, surrounding whitespace. */
export function cleanAnswer(s: string): string {
  let t = s.replace(/\r\n/g, '\n').trim();
  const fence = /^```[^\n]*\n([\s\S]*?)\n```$/.exec(t);
  if (fence) t = fence[1].trim();
  return t;
}

/** Checks a unit's revised (masked) text and puts the protected text back. */
export function restoreUnit(revised: string, mu: MaskedUnit): string {
  let expected = mu.first;
  const out = revised.replace(LLM_PLACEHOLDER_RE, (_m, d: string) => {
    const n = Number(d);
    const sp = mu.spans[n - mu.first];
    if (!sp) throw spanChanged(mu.spans[expected - mu.first] ?? mu.spans[0], 'changed');
    if (n < expected) throw spanChanged(sp, 'repeated');
    if (n > expected) throw spanChanged(mu.spans[expected - mu.first], 'removed');
    expected++;
    return sp.text;
  });
  if (expected - mu.first !== mu.spans.length) throw spanChanged(mu.spans[expected - mu.first], 'removed');
  // Every digit of the original is inside a protected span, so a digit outside the placeholders is new.
  const withoutPh = revised.replace(LLM_PLACEHOLDER_RE, '');
  const newNumber = /\S*\d\S*/.exec(withoutPh);
  if (newNumber) {
    throw new InkproofError(
      'protected_span_changed',
      `The local model added “${newNumber[0].slice(0, 40)}”, a number that is not in your text, so the revision was not applied. Nothing in your document was changed.`,
    );
  }
  return out;
}

function splitParagraphs(s: string): string[] {
  return s
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}

export async function rewriteWithLlm(
  input: RewriteRequest,
  onProgress: (p: ProgressMessage) => void,
  signal?: AbortSignal,
): Promise<RewriteOutput> {
  const { text, options, ranges } = input;
  const llm = input.llm;
  if (!llm || !llm.url) {
    throw new InkproofError(
      'llm_unavailable',
      'No local model is set up. Set its address and model in Settings, or use the built-in rules.',
    );
  }
  checkAborted(signal);
  const reporter = new ProgressReporter(onProgress, 50);
  reporter.report(0, 0, true);
  const system = systemPrompt(options.mode, options.strength);
  const budget = inputBudgetChars(llm.context_tokens, system);
  // Literal "[[P7]]" in the text is protected too, so placeholders stay unambiguous.
  const spans = findProtectedSpans(text, options.frozen_terms);
  const literal: ProtectedSpan[] = [];
  LLM_PLACEHOLDER_RE.lastIndex = 0;
  let lm: RegExpExecArray | null;
  while ((lm = LLM_PLACEHOLDER_RE.exec(text)) !== null)
    literal.push({ start: lm.index, end: lm.index + lm[0].length, kind: 'symbol', text: lm[0] });
  const allSpans = mergeSorted(spans, literal);

  const units = splitLongUnits(
    text,
    planUnits(text, ranges).flatMap((p) => p.units),
    budget,
  );
  const masked: MaskedUnit[] = [];
  let next = 1;
  for (const u of units) {
    const mu = maskForLlm(text, allSpans, u, next);
    next += mu.spans.length;
    if (/[\p{L}]/u.test(mu.masked.replace(LLM_PLACEHOLDER_RE, ''))) masked.push(mu);
  }
  const chunks = chunk(masked, budget);
  const totalChars = Math.max(
    1,
    masked.reduce((n, m) => n + m.masked.length, 0),
  );
  let doneChars = 0;
  const revisedByUnit = new Map<MaskedUnit, string>();

  const ask = async (group: MaskedUnit[]): Promise<string> => {
    const inputChars = group.reduce((n, m) => n + m.masked.length, 0);
    const answer = await streamChat({
      llm,
      system,
      user: group.map((m) => m.masked).join('\n\n'),
      signal,
      onText: (chars) => reporter.report((doneChars + Math.min(inputChars, chars) * 0.98) / totalChars),
    });
    return cleanAnswer(answer);
  };

  for (const group of chunks) {
    checkAborted(signal);
    const inputChars = group.reduce((n, m) => n + m.masked.length, 0);
    let paras = splitParagraphs(await ask(group));
    if (paras.length !== group.length) {
      if (group.length === 1) paras = [paras.join(' ')];
      else {
        // The model merged or split paragraphs: ask again one paragraph at a time.
        paras = [];
        for (const mu of group) {
          checkAborted(signal);
          paras.push(splitParagraphs(await ask([mu])).join(' '));
        }
      }
    }
    group.forEach((mu, i) => revisedByUnit.set(mu, paras[i]));
    doneChars += inputChars;
    reporter.report(doneChars / totalChars);
  }
  checkAborted(signal);

  let result = '';
  let pos = 0;
  const raw: RawHunk[] = [];
  let additions = 0;
  let deletions = 0;
  for (const mu of masked) {
    const revised = revisedByUnit.get(mu);
    if (revised === undefined) continue;
    const restored = restoreUnit(revised, mu);
    const before = text.slice(mu.unit.start, mu.unit.end);
    if (restored === before) continue;
    result += text.slice(pos, mu.unit.start) + restored;
    pos = mu.unit.end;
    const d = diffPiece(before, restored, mu.unit.start);
    raw.push(...d.hunks);
    additions += d.additions;
    deletions += d.deletions;
  }
  result += text.slice(pos);
  const hunks = toHunks(text, raw);
  verifyRevision(text, result, allSpans, hunks, ranges);
  const diff_summary = summarize(countWordTokens(text), countWordTokens(result), additions, deletions);
  reporter.finish(countWords(text));
  return { text: result, hunks, diff_summary, engine: `llm-${llm.kind}:${llm.model || 'default'}` };
}

function mergeSorted(a: ProtectedSpan[], b: ProtectedSpan[]): ProtectedSpan[] {
  if (!b.length) return a;
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  const out: ProtectedSpan[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}
