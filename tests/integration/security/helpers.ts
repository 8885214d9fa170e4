/**
 * What the security tests need around a real `inkproof serve` process: accounts made in its data
 * folder before it starts, requests at the HTTP level (raw sockets for bodies no client library
 * would send), the server's own CPU time and event-loop lag from its Prometheus metrics, its peak
 * memory from /proc, and a probe that measures how long another client waits while an attack runs.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import PusherServer from 'pusher';
import { AccountStore } from '../../../src-main/core/accounts/accounts';
import { createCore, type Core } from '../../../src-main/core/core';
import { silentLogger } from '../../../src-main/core/logger';
import { openDatabase } from '../../../src-main/core/store/db';
import type { ServerLimits } from '../../../src-main/server/limits';
import { startServer, type RunningServer } from '../../../src-main/server/server';
import { exited, startServeProcess, type ServeProcess } from '../../helpers/server-process';
import { TestSocket } from '../../helpers/socket';
import { tempDir } from '../../helpers/temp';

export interface Serve extends ServeProcess {
  dir: string;
  port: number;
  pid: number;
  /** API tokens of the accounts made before start, by name. */
  tokens: Record<string, string>;
  userIds: Record<string, number>;
  /** The key of its primary app (the WebSocket path is /app/KEY). */
  appKey: string;
  /** The pusher server SDK, signed with the app given to serve(). */
  sdk: PusherServer;
  stop(): Promise<void>;
}

export interface TestApp {
  id: string;
  key: string;
  secret: string;
}

/**
 * Starts `inkproof serve` on a fresh data folder, with these accounts (each with the password
 * NAME-password and an API token) and, when given, this app as its primary one (INKPROOF_APP_*).
 */
export async function serve(
  opts: { env?: NodeJS.ProcessEnv; accounts?: string[]; args?: string[]; app?: TestApp } = {},
): Promise<Serve> {
  const t = tempDir('inkproof-security-');
  const tokens: Record<string, string> = {};
  const userIds: Record<string, number> = {};
  if (opts.accounts?.length) {
    const db = openDatabase({ dataDir: t.dir });
    try {
      const accounts = new AccountStore(db);
      for (const name of opts.accounts) {
        userIds[name] = (await accounts.add(name, `${name}-password`)).id;
        tokens[name] = accounts.issueToken(name, 'security-test').token;
      }
    } finally {
      db.close();
    }
  }
  const app = opts.app ?? { id: 'inkproof', key: 'inkproof', secret: '' };
  const appEnv = opts.app
    ? { INKPROOF_APP_ID: app.id, INKPROOF_APP_KEY: app.key, INKPROOF_APP_SECRET: app.secret }
    : {};
  const p = await startServeProcess(t.dir, opts.args ?? [], { INKPROOF_THREADS: '1', ...appEnv, ...opts.env });
  const port = Number(new URL(p.url).port);
  return {
    ...p,
    dir: t.dir,
    port,
    pid: p.child.pid!,
    tokens,
    userIds,
    appKey: app.key,
    sdk: new PusherServer({
      appId: app.id,
      key: app.key,
      secret: app.secret,
      host: '127.0.0.1',
      port: String(port),
      useTLS: false,
    }),
    async stop() {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await exited(p.child);
      }
      t.cleanup();
    },
  };
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A JSON request with a token (the server's own unless another is given; null for none). */
export async function api(
  s: Serve,
  method: string,
  path: string,
  opts: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const token = opts.token === undefined ? s.token : opts.token;
  const res = await fetch(s.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, headers: res.headers };
}

export interface RawAnswer {
  status: number;
  head: string;
  body: string;
  /** Bytes of the request body the socket accepted before the server answered or closed. */
  sent: number;
}

/**
 * Sends a request exactly as given over a plain socket — the head, then `body` in pieces of 64 KB
 * as fast as the socket takes them — and resolves with the answer as soon as it is complete (its
 * Content-Length read), or when the connection closes. Sending stops once the answer starts.
 */
export function rawRequest(port: number, head: string, body: Buffer = Buffer.alloc(0)): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let sent = 0;
    let answered = false;
    let settled = false;
    const parse = (): RawAnswer | null => {
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const headText = text.slice(0, end);
      // 101 Switching Protocols ends with its head; other answers here carry a Content-Length.
      const length = /^HTTP\/1\.1 101/.test(headText)
        ? 0
        : Number(/^content-length:\s*(\d+)/im.exec(headText)?.[1] ?? NaN);
      const bodyText = text.slice(end + 4);
      if (!(bodyText.length >= length)) return null;
      return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), head: headText, body: bodyText, sent };
    };
    const settle = (answer: RawAnswer | null) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (answer) resolve(answer);
      else
        reject(
          new Error(`no answer (sent ${sent} bytes): ${JSON.stringify(received.toString('latin1').slice(0, 200))}`),
        );
    };
    socket.on('data', (d) => {
      received = Buffer.concat([received, d]);
      answered = true;
      const answer = parse();
      if (answer) settle(answer);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      settle(
        end < 0
          ? null
          : {
              status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]),
              head: text.slice(0, end),
              body: text.slice(end + 4),
              sent,
            },
      );
    });
    socket.write(head);
    const pump = () => {
      while (!answered && sent < body.length) {
        const piece = body.subarray(sent, sent + 64 * 1024);
        sent += piece.length;
        if (!socket.write(piece)) return socket.once('drain', pump);
      }
    };
    pump();
  });
}

/** The text of the server's metrics. */
export async function metrics(s: Serve): Promise<string> {
  return (await api(s, 'GET', '/metrics')).body as string;
}

/** A metric's value: the first sample of that name whose labels include `labels` (e.g. `kind="x"`). */
export function metric(text: string, name: string, labels = ''): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + ' ') && !line.startsWith(name + '{')) continue;
    const at = line.lastIndexOf(' ');
    if (labels && !line.slice(name.length, at).includes(labels)) continue;
    return Number(line.slice(at + 1));
  }
  throw new Error(`no metric ${name}{${labels}}`);
}

/** CPU seconds the server process has used (all threads). */
export async function cpuSeconds(s: Serve): Promise<number> {
  return metric(await metrics(s), 'inkproof_process_cpu_seconds_total');
}

/**
 * The longest the server's event loop was blocked since the last call (prom-client resets its
 * event-loop histogram at each scrape).
 */
export async function loopLagMaxMs(s: Serve): Promise<number> {
  return metric(await metrics(s), 'inkproof_nodejs_eventloop_lag_max_seconds') * 1000;
}

/** Peak resident memory of a process (MB) since the last resetPeakMemory. */
export function peakMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Starts a new peak-memory measure (Linux: clear_refs 5). Returns false where that is not allowed. */
export function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

/**
 * Another client's view of the server: one request (`GET /up`) or WebSocket ping after the other,
 * each timed, until stopped. Run it alone for a baseline, then while an attack runs.
 */
export class LatencyProbe {
  readonly http: number[] = [];
  readonly ws: number[] = [];
  private running = false;
  private loop: Promise<void> | null = null;
  private waiters: { target: number; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private failure: unknown = null;

  constructor(private readonly s: Serve) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      const socket = await TestSocket.open(
        `ws://127.0.0.1:${this.s.port}/app/${this.s.appKey}?protocol=7&token=${this.s.token}`,
      );
      await socket.established();
      try {
        while (this.running) {
          let t = performance.now();
          const res = await fetch(`${this.s.url}/up`);
          await res.arrayBuffer();
          this.http.push(performance.now() - t);
          t = performance.now();
          socket.send({ event: 'pusher:ping', data: {} });
          await socket.next((f) => f.event === 'pusher:pong', 60_000);
          this.ws.push(performance.now() - t);
          this.waiters = this.waiters.filter((w) => (w.target <= this.ws.length ? (w.resolve(), false) : true));
        }
      } finally {
        socket.close();
      }
    })().catch((err) => {
      // Reported by rounds() and stop(); a test that failed before stopping must not leave a
      // rejection behind.
      this.failure = err;
      this.running = false;
      for (const w of this.waiters.splice(0)) w.reject(err);
    });
  }

  /** Resolves once at least `n` rounds were measured (counting from now). */
  rounds(n: number): Promise<void> {
    if (!this.running) return Promise.reject(this.failure ?? new Error('the probe is not running'));
    return new Promise((resolve, reject) => this.waiters.push({ target: this.ws.length + n, resolve, reject }));
  }

  async stop(): Promise<{ http: number[]; ws: number[] }> {
    this.running = false;
    await this.loop;
    if (this.failure) throw this.failure;
    return { http: this.http, ws: this.ws };
  }
}

/**
 * One request an attacker sends, over and over: a head, then a body of `length` times `fill`
 * between `prefix` and `suffix` (built in the attacking thread, so that no large buffer is copied
 * into it).
 */
export interface AttackRequest {
  head: string;
  fill: string;
  length: number;
  prefix?: string;
  suffix?: string;
}

/**
 * Sends the given requests from `attackers` concurrent loops in a worker thread (so that the attack
 * does not slow down the test's own event loop, where the probe measures), each body pushed as
 * fast as the socket takes it until the answer starts. `answered(n)` resolves once n more requests
 * were answered; `stop()` ends the loops and returns the statuses seen.
 */
export function startAttack(port: number, requests: AttackRequest[], attackers: number) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const net = require('node:net');
    const { port, attackers } = workerData;
    const requests = workerData.requests.map((r) => ({
      head: r.head,
      body: Buffer.concat([Buffer.from(r.prefix || ''), Buffer.alloc(r.length, r.fill), Buffer.from(r.suffix || '')]),
    }));
    let running = true;
    const statuses = {};
    const send = ({ head, body }) => new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let sent = 0, got = '';
      socket.on('data', (d) => {
        got += d.toString('latin1');
        if (!got.includes('\\r\\n\\r\\n')) return;
        const status = got.slice(9, 12);
        statuses[status] = (statuses[status] || 0) + 1;
        parentPort.postMessage({ answered: 1 });
        socket.destroy();
      });
      socket.on('error', () => {});
      socket.on('close', resolve);
      socket.write(head);
      const pump = () => {
        while (!got && sent < body.length) {
          const piece = body.subarray(sent, sent + 65536);
          sent += piece.length;
          if (!socket.write(piece)) return socket.once('drain', pump);
        }
      };
      pump();
    });
    const loops = Array.from({ length: attackers }, async (_, i) => {
      for (let n = i; running; n++) await send(requests[n % requests.length]);
    });
    parentPort.on('message', async () => {
      running = false;
      await Promise.all(loops);
      parentPort.postMessage({ statuses });
    });
    `,
    { eval: true, workerData: { port, requests, attackers } },
  );
  let answered = 0;
  let waiters: { target: number; resolve: () => void }[] = [];
  worker.on('message', (m: { answered?: number }) => {
    if (!m.answered) return;
    answered += m.answered;
    waiters = waiters.filter((w) => (w.target <= answered ? (w.resolve(), false) : true));
  });
  return {
    get count() {
      return answered;
    },
    answered: (n: number) => new Promise<void>((resolve) => waiters.push({ target: answered + n, resolve })),
    stop: () =>
      new Promise<{ answered: number; statuses: Record<string, number> }>((resolve, reject) => {
        worker.on('message', (m: { statuses?: Record<string, number> }) => {
          if (!m.statuses) return;
          void worker.terminate();
          resolve({ answered, statuses: m.statuses });
        });
        worker.once('error', reject);
        worker.postMessage('stop');
      }),
  };
}

/**
 * A file of an upload: its name and either its `content`, or `size` bytes of `fill` (made piece by
 * piece, never held whole).
 */
export interface UploadFile {
  name: string;
  size: number;
  fill?: number | string;
  content?: Buffer;
}

/**
 * Uploads files as multipart/form-data over a plain HTTP request, writing each file in 64 KB
 * pieces with back-pressure (the test never holds an upload in memory). `abortAfter` bytes of body
 * ends the request by destroying its socket instead; `stallAfter` stops sending (without closing),
 * for good or, given `resume`, until it resolves (`stalled` is called once sending stopped).
 */
export function upload(
  port: number,
  token: string,
  files: UploadFile[],
  opts: { abortAfter?: number; stallAfter?: number; stalled?: () => void; resume?: Promise<unknown> } = {},
): Promise<{ status: number; body: any } | 'aborted'> {
  // A stalled upload resolves 'aborted' once the server drops it.
  const boundary = 'inkproofSecurityBoundary';
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/documents',
      headers: {
        host: `127.0.0.1:${port}`,
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    let written = 0;
    let stallAt = opts.stallAfter;
    const cut = opts.abortAfter !== undefined || (opts.stallAfter !== undefined && !opts.resume);
    req.on('error', (err) => (cut ? resolve('aborted') : reject(err)));
    async function* body(): AsyncGenerator<Buffer> {
      for (const f of files) {
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        );
        if (f.content) {
          for (let at = 0; at < f.content.length; at += 64 * 1024) yield f.content.subarray(at, at + 64 * 1024);
        } else {
          const piece = Buffer.alloc(64 * 1024, f.fill ?? 0);
          for (let left = f.size; left > 0; left -= piece.length)
            yield left >= piece.length ? piece : piece.subarray(0, left);
        }
        yield Buffer.from('\r\n');
      }
      yield Buffer.from(`--${boundary}--\r\n`);
    }
    void (async () => {
      for await (const chunk of body()) {
        if (opts.abortAfter !== undefined && written >= opts.abortAfter) return req.destroy();
        if (stallAt !== undefined && written >= stallAt) {
          opts.stalled?.();
          if (!opts.resume) return;
          await opts.resume;
          stallAt = undefined;
        }
        written += chunk.length;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })();
  });
}

/**
 * The live events a user may read (`/api/events/stream`), collected from the moment `ready`
 * resolves; `next(test)` resolves with the first one (seen already or to come) that passes.
 */
export function eventLog(s: Serve, token: string = s.token) {
  const controller = new AbortController();
  const seen: { channel: string; event: string; data: any; seq: number }[] = [];
  let waiters: { test: (e: (typeof seen)[number]) => boolean; resolve: (e: (typeof seen)[number]) => void }[] = [];
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const done = (async () => {
    const res = await fetch(`${s.url}/api/events/stream`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const parts = buffer.split('\n\n');
      buffer = parts.pop()!;
      for (const part of parts) {
        if (part.startsWith(': connected')) connected();
        const data = /^data: (.*)$/m.exec(part)?.[1];
        if (!data) continue;
        const env = JSON.parse(data);
        seen.push(env);
        waiters = waiters.filter((w) => (w.test(env) ? (w.resolve(env), false) : true));
      }
    }
  })().catch(() => undefined);
  return {
    ready,
    seen,
    next(test: (e: (typeof seen)[number]) => boolean): Promise<(typeof seen)[number]> {
      const found = seen.find(test);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ test, resolve }));
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

/** The server in this process (for what needs its options: short limits), with a core of its own. */
export async function inProcessServer(
  token: string,
  limits?: Partial<ServerLimits>,
): Promise<{ core: Core; server: RunningServer; close(): Promise<void> }> {
  const t = tempDir();
  const core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1, progressIntervalMs: 0 });
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token,
    app: { id: 'inkproof', key: 'inkproof', secret: `${token}-secret` },
    logger: silentLogger(),
    limits,
  });
  return {
    core,
    server,
    async close() {
      await server.close();
      await core.close({ drainMs: 0 });
      t.cleanup();
    },
  };
}
