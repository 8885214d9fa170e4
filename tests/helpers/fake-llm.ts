/**
 * A fake local model server for the tests: a real HTTP server on 127.0.0.1 (port 0) that speaks
 * the exact wire formats the LLM engine reads — OpenAI-compatible server-sent events and Ollama's
 * NDJSON — and misbehaves on demand (garbage, dropped connections, silence, HTTP errors). Each
 * request is recorded with its prompt; the test's `answer` function decides what happens to it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  path: string;
  body: any;
  system: string;
  user: string;
}

export type Answer = (req: FakeRequest, res: http.ServerResponse) => void | Promise<void>;

export class FakeLlmServer {
  readonly requests: FakeRequest[] = [];
  private readonly closeWaiters = new Set<() => void>();
  /** Responses whose connection closed before the server ended them (the client went away). */
  abandoned = 0;

  private constructor(
    private readonly server: http.Server,
    public answer: Answer,
  ) {}

  static async start(answer: Answer): Promise<FakeLlmServer> {
    let fake: FakeLlmServer | null = null;
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
        const messages: { role: string; content: string }[] = Array.isArray(body?.messages) ? body.messages : [];
        const request: FakeRequest = {
          path: req.url ?? '',
          body,
          system: messages.find((m) => m.role === 'system')?.content ?? '',
          user: messages.find((m) => m.role === 'user')?.content ?? '',
        };
        fake!.requests.push(request);
        res.on('close', () => {
          if (!res.writableEnded) {
            fake!.abandoned++;
            for (const w of fake!.closeWaiters) w();
            fake!.closeWaiters.clear();
          }
        });
        void fake!.answer(request, res);
      });
    });
    fake = new FakeLlmServer(server, answer);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves when a client goes away from a response the server had not finished. */
  nextAbandoned(): Promise<void> {
    return new Promise((resolve) => this.closeWaiters.add(resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** What the pretend model does: plainer words, placeholders, names and numbers kept. */
export function pretendRewrite(text: string): string {
  return text
    .replace(/\butilize\b/g, 'use')
    .replace(/\bcrucial\b/g, 'vital')
    .replace(/\bleverage\b/g, 'use')
    .replace(/\bdelve into\b/g, 'look at')
    .replace(/\bFurthermore, (\w)/g, (_m, c: string) => c.toUpperCase())
    .replace(/\bMoreover, (\w)/g, (_m, c: string) => c.toUpperCase());
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sseChunk(content: string | null, finish: string | null = null): string {
  const delta = content === null ? {} : { content };
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

/** An OpenAI-compatible streamed answer. `hold`: after this many pieces, stop writing and keep the connection open. */
export async function sse(
  res: http.ServerResponse,
  text: string,
  opts: { chunk?: number; delay?: number; done?: boolean; hold?: number; finish?: string } = {},
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const size = opts.chunk ?? 7;
  let pieces = 0;
  for (let i = 0; i < text.length; i += size) {
    if (res.destroyed) return;
    if (opts.hold !== undefined && pieces === opts.hold) return;
    res.write(sseChunk(text.slice(i, i + size)));
    pieces++;
    if (opts.delay) await sleep(opts.delay);
  }
  if (opts.hold !== undefined) return;
  if (opts.done === false) {
    res.end();
    return;
  }
  res.write(sseChunk(null, opts.finish ?? 'stop'));
  res.write('data: [DONE]\n\n');
  res.end();
}

/** Ollama's streamed answer: one JSON object per line, the last with `done: true`. */
export async function ndjson(res: http.ServerResponse, text: string, opts: { hold?: number } = {}): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  let pieces = 0;
  for (let i = 0; i < text.length; i += 9) {
    if (opts.hold !== undefined && pieces === opts.hold) return;
    res.write(
      `${JSON.stringify({ model: 'm', created_at: '2024-01-01T00:00:00Z', message: { role: 'assistant', content: text.slice(i, i + 9) }, done: false })}\n`,
    );
    pieces++;
  }
  res.write(
    `${JSON.stringify({ model: 'm', created_at: '2024-01-01T00:00:00Z', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop' })}\n`,
  );
  res.end();
}

/** Starts a streamed answer, then drops the connection mid-stream. */
export function dropMidStream(res: http.ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  // The piece is flushed first, so the client has begun reading before the socket goes.
  res.write(sseChunk(text.slice(0, Math.max(1, Math.floor(text.length / 2)))), () => res.socket?.destroy());
}
