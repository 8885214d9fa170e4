/**
 * One server under test, in its own process, driven over IPC by bench/ws.ts:
 *   inkproof  — `inkproof serve`'s server (startServer with a core), events published through the hub
 *   ws        — a bare `ws` server broadcasting the same frames (the ceiling)
 *   socketio  — Socket.IO 4 with rooms (what users would pick instead)
 * Commands: burst (publish N as fast as possible), rate (publish at a steady rate), mem (after GC).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server as IoServer } from 'socket.io';
import { WebSocketServer, type WebSocket } from 'ws';
import { startBenchServer } from '../lib/inkproof-server';

type Kind = 'inkproof' | 'ws' | 'ws-cork' | 'socketio';
const kind = process.argv[2] as Kind;
export const BENCH_KEY = 'bench-key';
const now = () => Number(process.hrtime.bigint()) / 1e6;
const PAD = 'x'.repeat(160);

interface Impl {
  port: number;
  publish(channel: string, payload: { t: number; p: string }): void;
  stop(): Promise<void>;
}

async function inkproof(): Promise<Impl> {
  const { core, server, stop } = await startBenchServer({
    apps: [{ id: 'bench', key: BENCH_KEY, secret: 'bench-secret', activityTimeout: 120 }],
  });
  return {
    port: server.port,
    publish: (channel, payload) => void core.hub.broadcast({ channel, event: 'bench', data: payload }),
    stop,
  };
}

/**
 * The bare `ws` broadcast loop. With `cork`, writes to a socket within one turn of the event loop
 * leave in one syscall (the same batching inkproof's socket server does): the higher ceiling.
 */
async function bareWs(cork: boolean): Promise<Impl> {
  const httpServer = http.createServer();
  const wss = new WebSocketServer({ server: httpServer, perMessageDeflate: false, clientTracking: false });
  const channels = new Map<string, Set<WebSocket>>();
  const seqs = new Map<string, number>();
  wss.on('connection', (ws, req) => {
    const channel = new URL(req.url ?? '/', 'http://x').searchParams.get('channel') ?? 'c0';
    let set = channels.get(channel);
    if (!set) channels.set(channel, (set = new Set()));
    set.add(ws);
    ws.on('close', () => set!.delete(ws));
    ws.send('{"event":"ready"}');
  });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  const opts = { binary: false };
  type Sock = { cork(): void; uncork(): void };
  const corked = new Set<Sock>();
  const uncork = () => {
    for (const sock of corked) sock.uncork();
    corked.clear();
  };
  return {
    port: (httpServer.address() as { port: number }).port,
    publish(channel, payload) {
      const set = channels.get(channel);
      if (!set) return;
      const seq = (seqs.get(channel) ?? 0) + 1;
      seqs.set(channel, seq);
      // The same frame as the Pusher protocol's, encoded once for everyone.
      const frame = Buffer.from(JSON.stringify({ event: 'bench', channel, data: JSON.stringify(payload), seq }));
      for (const ws of set) {
        if (cork) {
          const sock = (ws as unknown as { _socket: Sock })._socket;
          if (!corked.has(sock)) {
            if (corked.size === 0) process.nextTick(uncork);
            sock.cork();
            corked.add(sock);
          }
        }
        ws.send(frame, opts);
      }
    },
    async stop() {
      wss.close();
      httpServer.closeAllConnections();
      httpServer.close();
    },
  };
}

async function socketio(): Promise<Impl> {
  const httpServer = http.createServer();
  const io = new IoServer(httpServer, {
    transports: ['websocket'],
    serveClient: false,
    perMessageDeflate: false,
    pingInterval: 120_000,
    pingTimeout: 60_000,
  });
  io.on('connection', (socket) => {
    socket.on('join', (channel: string, ack?: () => void) => {
      void socket.join(channel);
      ack?.();
    });
  });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  return {
    port: (httpServer.address() as { port: number }).port,
    publish: (channel, payload) => void io.to(channel).emit('bench', payload),
    async stop() {
      io.close();
      httpServer.closeAllConnections();
    },
  };
}

const impl = await (kind === 'inkproof'
  ? inkproof()
  : kind === 'ws'
    ? bareWs(false)
    : kind === 'ws-cork'
      ? bareWs(true)
      : socketio());

type Cmd =
  | { op: 'burst'; channels: number; total: number; perTick: number }
  | { op: 'rate'; channels: number; perSecond: number; durationMs: number }
  | { op: 'mem' }
  | { op: 'cpu' }
  | { op: 'stop' };

const channelName = (i: number) => `c${i}`;

function burst(channels: number, total: number, perTick: number): Promise<{ start: number; end: number }> {
  return new Promise((resolve) => {
    const start = now();
    let sent = 0;
    const tick = () => {
      const stop = Math.min(total, sent + perTick);
      for (; sent < stop; sent++) impl.publish(channelName(sent % channels), { t: now(), p: PAD });
      if (sent < total) setImmediate(tick);
      else resolve({ start, end: now() });
    };
    tick();
  });
}

function rate(
  channels: number,
  perSecond: number,
  durationMs: number,
): Promise<{ start: number; end: number; published: number }> {
  return new Promise((resolve) => {
    const start = now();
    let sent = 0;
    const tick = () => {
      const elapsed = now() - start;
      const due = Math.min(Math.floor((elapsed / 1000) * perSecond), Math.floor((durationMs / 1000) * perSecond));
      for (; sent < due; sent++) impl.publish(channelName(sent % channels), { t: now(), p: PAD });
      if (elapsed < durationMs) setTimeout(tick, 1);
      else resolve({ start, end: now(), published: sent });
    };
    tick();
  });
}

process.on('message', async (cmd: Cmd) => {
  if (cmd.op === 'burst') process.send!({ op: 'burst', ...(await burst(cmd.channels, cmd.total, cmd.perTick)) });
  else if (cmd.op === 'rate')
    process.send!({ op: 'rate', ...(await rate(cmd.channels, cmd.perSecond, cmd.durationMs)) });
  else if (cmd.op === 'cpu') process.send!({ op: 'cpu', cpu: process.cpuUsage(), at: now() });
  else if (cmd.op === 'mem') {
    for (let i = 0; i < 3; i++) global.gc?.();
    process.send!({ op: 'mem', mem: process.memoryUsage() });
  } else if (cmd.op === 'stop') {
    await impl.stop();
    process.exit(0);
  }
});
process.send!({ op: 'listening', port: impl.port, at: performance.now() });
// The orchestrator is gone: so is this process.
process.on('disconnect', () => process.exit(0));
