/**
 * The optional LLM engine against real HTTP servers started here (127.0.0.1, port 0) that speak
 * the exact wire formats: OpenAI-compatible server-sent events and Ollama's NDJSON.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { applyHunks } from '../../../src-shared/hunks';
import type { Settings } from '../../../src-shared/models';
import type { ProgressMessage } from '../../../src-shared/tasks';
import { rewriteText } from '../../../src-workers/rewrite/index';
import { findProtectedSpans, verifyProtected } from '../../../src-workers/rewrite/protect';
import { opts } from './helpers';

type Handler = (req: http.IncomingMessage, body: any, res: http.ServerResponse) => void | Promise<void>;

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections?.();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

async function serve(handler: Handler): Promise<{ url: string; requests: { path: string; body: any }[] }> {
  const requests: { path: string; body: any }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      let body: any = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      requests.push({ path: req.url ?? '', body });
      void handler(req, body, res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** What our pretend model does: plainer words, placeholders kept. */
function pretendRewrite(text: string): string {
  return text
    .replace(/\butilize\b/g, 'use')
    .replace(/\bcrucial\b/g, 'key')
    .replace(/\bFurthermore, (\w)/g, (_m, c: string) => c.toUpperCase());
}

function userText(body: any): string {
  return body.messages.find((m: any) => m.role === 'user').content;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sse(
  res: http.ServerResponse,
  text: string,
  opts: { chunk?: number; delay?: number; done?: boolean } = {},
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const size = opts.chunk ?? 7;
  for (let i = 0; i < text.length; i += size) {
    if (res.destroyed) return;
    res.write(
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: text.slice(i, i + size) }, finish_reason: null }] })}\n\n`,
    );
    if (opts.delay) await sleep(opts.delay);
  }
  if (opts.done === false) {
    res.end();
    return;
  }
  res.write(
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
  );
  res.write('data: [DONE]\n\n');
  res.end();
}

async function ndjson(res: http.ServerResponse, text: string, delay = 0): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for (let i = 0; i < text.length; i += 9) {
    res.write(
      `${JSON.stringify({ model: 'm', created_at: '2024-01-01T00:00:00Z', message: { role: 'assistant', content: text.slice(i, i + 9) }, done: false })}\n`,
    );
    if (delay) await sleep(delay);
  }
  res.write(
    `${JSON.stringify({ model: 'm', created_at: '2024-01-01T00:00:00Z', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop' })}\n`,
  );
  res.end();
}

const TEXT = `Furthermore, we utilize 3 servers and a crucial cache (Smith et al., 2020).

The "crucial" word is quoted; see https://example.org/a for 12.5% more.

We utilize it daily.`;

function llm(url: string, over: Partial<Settings['llm']> = {}): Settings['llm'] {
  return { kind: 'openai', url, model: 'test-model', context_tokens: 4096, timeout_seconds: 5, ...over };
}

async function run(
  text: string,
  settings: Settings['llm'],
  signal?: AbortSignal,
  onProgress?: (p: ProgressMessage) => void,
) {
  const progress: ProgressMessage[] = [];
  const out = await rewriteText(
    { text, options: { ...opts('standard', 2), engine: 'llm' }, ranges: null, llm: settings },
    (p) => {
      progress.push(p);
      onProgress?.(p);
    },
    signal,
  );
  return { ...out, progress };
}

describe('OpenAI-compatible server (SSE)', () => {
  it('streams a revision; placeholders come back as the protected text', async () => {
    const srv = await serve(async (req, body, res) => {
      expect(req.method).toBe('POST');
      expect(body.stream).toBe(true);
      expect(body.model).toBe('test-model');
      await sse(res, pretendRewrite(userText(body)));
    });
    const out = await run(TEXT, llm(srv.url));
    expect(srv.requests[0].path).toBe('/v1/chat/completions');
    const sent = userText(srv.requests[0].body);
    // Protected text never reaches the model; placeholders do.
    expect(sent).not.toContain('12.5%');
    expect(sent).not.toContain('https://example.org/a');
    expect(sent).toMatch(/\[\[P\d+\]\]/);
    expect(out.text).toBe(`We use 3 servers and a key cache (Smith et al., 2020).

The "crucial" word is quoted; see https://example.org/a for 12.5% more.

We use it daily.`);
    expect(() => verifyProtected(out.text, findProtectedSpans(TEXT))).not.toThrow();
    expect(applyHunks(TEXT, out.hunks, 'all')).toBe(out.text);
    expect(out.engine).toBe('llm-openai:test-model');
    const ps = out.progress.map((p) => p.progress);
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1]);
    expect(ps.at(-1)).toBe(100);
    expect(ps.length).toBeGreaterThan(2);
  });

  it('accepts a base URL that already ends in /v1', async () => {
    const srv = await serve(async (_req, body, res) => sse(res, pretendRewrite(userText(body))));
    await run('We utilize it.', llm(`${srv.url}/v1/`));
    expect(srv.requests[0].path).toBe('/v1/chat/completions');
  });

  it('sends paragraphs in chunks that fit the context size', async () => {
    const para = 'We utilize the crucial tools every single day in the office and at home. '.repeat(4).trim();
    const text = Array.from({ length: 12 }, () => para).join('\n\n');
    const srv = await serve(async (_req, body, res) => sse(res, pretendRewrite(userText(body)), { chunk: 50 }));
    const out = await run(text, llm(srv.url, { context_tokens: 600 }));
    expect(srv.requests.length).toBeGreaterThan(2);
    for (const r of srv.requests) {
      // Prompt and input, plus room for an answer as long as the input, fit the context.
      const prompt = Math.ceil(r.body.messages[0].content.length / 4);
      const input = Math.ceil(userText(r.body).length / 4);
      expect(prompt + 2 * input).toBeLessThanOrEqual(600);
    }
    expect(out.text.split('\n\n').length).toBe(12);
    expect(out.text).not.toMatch(/utilize|crucial/);
  });

  it('a model that merges paragraphs is asked again one paragraph at a time', async () => {
    const srv = await serve(async (_req, body, res) => {
      const t = pretendRewrite(userText(body));
      await sse(res, t.replace(/\n\n/g, ' '));
    });
    const text = 'We utilize one.\n\nWe utilize two.\n\nWe utilize three.';
    const out = await run(text, llm(srv.url));
    expect(out.text).toBe('We use one.\n\nWe use two.\n\nWe use three.');
    expect(srv.requests.length).toBe(4);
  });

  it('a server that ignores `stream` and answers one JSON document still works', async () => {
    const srv = await serve((_req, body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: pretendRewrite(userText(body)) },
              finish_reason: 'stop',
            },
          ],
        }),
      );
    });
    expect((await run('We utilize it.', llm(srv.url))).text).toBe('We use it.');
  });
});

describe('Ollama server (NDJSON)', () => {
  it('streams a revision from /api/chat', async () => {
    const srv = await serve(async (_req, body, res) => {
      expect(body.stream).toBe(true);
      expect(body.options.num_ctx).toBe(2048);
      await ndjson(res, pretendRewrite(userText(body)));
    });
    const out = await run(TEXT, llm(srv.url, { kind: 'ollama', context_tokens: 2048 }));
    expect(srv.requests[0].path).toBe('/api/chat');
    expect(out.text).toContain('We use 3 servers and a key cache (Smith et al., 2020).');
    expect(out.text).toContain('"crucial"');
    expect(out.engine).toBe('llm-ollama:test-model');
  });

  it('an error line from Ollama is reported', async () => {
    const srv = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(`${JSON.stringify({ error: 'model "x" not found, try pulling it first' })}\n`);
    });
    await expect(run('We utilize it.', llm(srv.url, { kind: 'ollama' }))).rejects.toMatchObject({
      code: 'llm_unavailable',
      message: expect.stringContaining('not found'),
    });
  });
});

describe('failures end in clear errors', () => {
  it('a server that is down: llm_unavailable', async () => {
    const srv = await serve(() => {});
    const url = srv.url;
    const s = servers.pop()!;
    await new Promise<void>((r) => s.close(() => r()));
    await expect(run('We utilize it.', llm(url))).rejects.toMatchObject({
      code: 'llm_unavailable',
      message: expect.stringContaining('refused'),
    });
  });

  it('HTTP errors: llm_unavailable with the status', async () => {
    const srv = await serve((_req, _body, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'out of memory' } }));
    });
    await expect(run('We utilize it.', llm(srv.url))).rejects.toMatchObject({
      code: 'llm_unavailable',
      message: expect.stringMatching(/500.*out of memory/),
    });
    const srv404 = await serve((_req, _body, res) => {
      res.writeHead(404);
      res.end('not here');
    });
    await expect(run('We utilize it.', llm(srv404.url))).rejects.toMatchObject({
      code: 'llm_unavailable',
      message: expect.stringContaining('404'),
    });
  });

  it('a slow server: timeout', async () => {
    const srv = await serve(() => {
      /* never answers */
    });
    const t0 = Date.now();
    await expect(run('We utilize it.', llm(srv.url, { timeout_seconds: 1 }))).rejects.toMatchObject({
      code: 'timeout',
    });
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('a server that stalls mid-stream: timeout', async () => {
    const srv = await serve(async (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: 'We use' } }] })}\n\n`);
      /* then silence */
    });
    await expect(run('We utilize it.', llm(srv.url, { timeout_seconds: 1 }))).rejects.toMatchObject({
      code: 'timeout',
    });
  });

  it('garbage instead of events: llm_bad_response', async () => {
    const srv = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('hello, I am not a language model\n\n');
    });
    await expect(run('We utilize it.', llm(srv.url))).rejects.toMatchObject({ code: 'llm_bad_response' });
    const srv2 = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: {not json\n\n');
    });
    await expect(run('We utilize it.', llm(srv2.url))).rejects.toMatchObject({ code: 'llm_bad_response' });
    const srv3 = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end('<html>oops</html>\n');
    });
    await expect(run('We utilize it.', llm(srv3.url, { kind: 'ollama' }))).rejects.toMatchObject({
      code: 'llm_bad_response',
    });
  });

  it('a stream that ends before it is done: llm_bad_response', async () => {
    const srv = await serve(async (_req, body, res) => sse(res, pretendRewrite(userText(body)), { done: false }));
    await expect(run('We utilize it.', llm(srv.url))).rejects.toMatchObject({
      code: 'llm_bad_response',
      message: expect.stringContaining('before the answer was complete'),
    });
  });

  it('a model that drops a placeholder: protected_span_changed, naming the span', async () => {
    const srv = await serve(async (_req, body, res) =>
      sse(res, pretendRewrite(userText(body)).replace(/\[\[P2\]\]/, '')),
    );
    await expect(run(TEXT, llm(srv.url))).rejects.toMatchObject({
      code: 'protected_span_changed',
      message: expect.stringContaining('“(Smith et al., 2020)”'),
    });
  });

  it('a model that changes a placeholder or adds a number: protected_span_changed', async () => {
    const srv = await serve(async (_req, body, res) =>
      sse(res, pretendRewrite(userText(body)).replace('[[P1]]', 'three')),
    );
    await expect(run(TEXT, llm(srv.url))).rejects.toMatchObject({ code: 'protected_span_changed' });
    const srv2 = await serve(async (_req, body, res) =>
      sse(res, pretendRewrite(userText(body)).replace('daily', 'on 5 days')),
    );
    await expect(run(TEXT, llm(srv2.url))).rejects.toMatchObject({
      code: 'protected_span_changed',
      message: expect.stringContaining('“5”'),
    });
  });

  it('cancel mid-stream: cancelled, and the server sees the connection close', async () => {
    let closed = false;
    const srv = await serve(async (req, body, res) => {
      res.on('close', () => (closed = true));
      await sse(res, pretendRewrite(userText(body)).repeat(50), { chunk: 5, delay: 20 });
    });
    const ctl = new AbortController();
    const p = run('We utilize the crucial tools. '.repeat(20), llm(srv.url), ctl.signal, (m) => {
      if (m.progress > 0) ctl.abort();
    });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    await sleep(100);
    expect(closed).toBe(true);
  });

  it('no LLM settings: llm_unavailable', async () => {
    await expect(run('We utilize it.', llm(''))).rejects.toMatchObject({ code: 'llm_unavailable' });
  });
});
