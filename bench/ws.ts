/**
 * `npm run bench:ws`: the WebSocket fan-out of `inkproof serve` against a bare `ws` broadcast loop
 * (plain, and with corked writes: the ceiling) and Socket.IO 4 (what users would pick instead), all
 * in the same run, on 127.0.0.1.
 *
 *   1. 1,000 clients on one channel; 2. 5,000 clients on a channel each — for each: delivered
 *      messages/s when publishing as fast as possible (events one per turn of the event loop; for
 *      1. also in bursts of 10 per turn), then p50/p99 publish→receive latency while publishing at
 *      half that rate, and at one load common to all servers (half the slowest one's maximum);
 *   3. memory per idle connection with 10,000 connections (each subscribed to a channel).
 *
 * Every server runs in its own process; the clients run in other processes (a minimal WebSocket
 * client, the same for all servers). Events are published inside the server process (for Inkproof
 * through the hub, as the core's events are), so the numbers are the fan-out's own. Rounds
 * interleave the servers so that a change in the machine's load hits them alike. Every step has a
 * deadline: the whole run is bounded in time (about 5 minutes; BENCH_QUICK=1 for about 2).
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, printTable } from './lib/stats';

type Kind = 'inkproof' | 'ws' | 'ws-cork' | 'socketio';
const KINDS: Kind[] = (process.env.BENCH_KINDS?.split(',') as Kind[] | undefined) ?? [
  'ws',
  'ws-cork',
  'inkproof',
  'socketio',
];
const LABEL: Record<Kind, string> = {
  ws: 'bare ws, plain send loop',
  'ws-cork': 'bare ws, corked writes (ceiling)',
  inkproof: 'inkproof serve',
  socketio: 'Socket.IO 4',
};
const here = path.dirname(fileURLToPath(import.meta.url));
const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 1 : 3;
const BUCKET_MS = 0.05;
const progress = (msg: string) => process.stderr.write(`[bench:ws ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

class Child {
  private readonly waiters = new Map<string, ((m: Record<string, unknown>) => void)[]>();
  private readonly early: Record<string, unknown>[] = [];
  readonly proc: ChildProcess;

  constructor(file: string, args: string[], gc = false) {
    this.proc = fork(path.join(here, file), args, {
      execArgv: [
        '--import',
        'tsx',
        ...(gc ? ['--expose-gc', ...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [])] : []),
        '--max-old-space-size=2048',
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    this.proc.on('message', (m: Record<string, unknown>) => {
      const list = this.waiters.get(m.op as string);
      const w = list?.shift();
      if (w) w(m);
      else this.early.push(m);
    });
  }

  wait<T = Record<string, unknown>>(op: string, timeoutMs = 60_000): Promise<T> {
    const i = this.early.findIndex((m) => m.op === op);
    if (i >= 0) return Promise.resolve(this.early.splice(i, 1)[0] as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${op}" from ${this.proc.spawnfile} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const list = this.waiters.get(op) ?? [];
      list.push((m) => {
        clearTimeout(timer);
        resolve(m as T);
      });
      this.waiters.set(op, list);
    });
  }

  async ask<T = Record<string, unknown>>(cmd: Record<string, unknown>, timeoutMs?: number): Promise<T> {
    this.proc.send(cmd);
    return this.wait<T>(cmd.op as string, timeoutMs);
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const gone = new Promise<void>((r) => this.proc.once('exit', () => r()));
    this.proc.send({ op: 'stop' });
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(t);
  }
}

interface Snapshot {
  count: number;
  last: number;
  buckets: [number, number][];
}

async function startServer(kind: Kind): Promise<{ server: Child; port: number }> {
  const server = new Child('ws/server.ts', [kind], true);
  const { port } = await server.wait<{ port: number }>('listening');
  return { server, port };
}

async function startClients(kind: Kind, port: number, channels: string[], procs: number): Promise<Child[]> {
  const per = Math.ceil(channels.length / procs);
  const children: Child[] = [];
  for (let i = 0; i < procs; i++) {
    const slice = channels.slice(i * per, (i + 1) * per);
    if (slice.length === 0) break;
    const c = new Child('ws/clients.ts', []);
    await c.wait('started');
    c.proc.send({ op: 'init', kind, port, key: 'bench-key', channels: slice, concurrency: 64 });
    children.push(c);
  }
  await Promise.all(children.map((c) => c.wait('ready', 120_000)));
  return children;
}

async function snapshot(clients: Child[]): Promise<Snapshot> {
  const all = await Promise.all(clients.map((c) => c.ask<Snapshot>({ op: 'snapshot' })));
  const merged = new Map<number, number>();
  for (const s of all) for (const [b, n] of s.buckets) merged.set(b, (merged.get(b) ?? 0) + n);
  return {
    count: all.reduce((n, s) => n + s.count, 0),
    last: Math.max(...all.map((s) => s.last)),
    buckets: [...merged.entries()].sort((a, b) => a[0] - b[0]),
  };
}

async function cpuOf(children: Child[]): Promise<{ cpu: NodeJS.CpuUsage; at: number }[]> {
  return Promise.all(children.map((c) => c.ask<{ cpu: NodeJS.CpuUsage; at: number }>({ op: 'cpu' })));
}

async function reset(clients: Child[]): Promise<void> {
  await Promise.all(clients.map((c) => c.ask({ op: 'reset' })));
}

/** Waits (polling the client processes) until `expected` messages arrived or the deadline passed. */
async function drain(clients: Child[], expected: number, deadlineMs: number): Promise<Snapshot> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const s = await snapshot(clients);
    if (s.count >= expected || Date.now() > until) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function pct(buckets: [number, number][], p: number): number {
  const total = buckets.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return NaN;
  let seen = 0;
  for (const [b, c] of buckets) {
    seen += c;
    if (seen >= (p / 100) * total) return (b + 0.5) * BUCKET_MS;
  }
  return NaN;
}

interface FanoutResult {
  kind: Kind;
  /** CPU used during the median max-rate run, as a share of one core: server process, all client processes. */
  serverCpu: number;
  clientCpu: number;
  /** Median of the rounds. */
  rate: number;
  rates: number[];
  /** With `burstPerTick`: median delivered msgs/s when events come in bursts. */
  burstRate: number | null;
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
  latencyRate: number;
  latencyDelivered: number;
  latencyExpected: number;
  /** At the load every server was measured at (half the slowest one's maximum rate). */
  common: { rate: number; p50: number; p99: number };
}

interface Setup {
  kind: Kind;
  server: Child;
  clients: Child[];
}

interface Scenario {
  clients: number;
  channels: number;
  burst: number;
  /** Events published per turn of the server's event loop in the max-rate runs (1: each on its own). */
  perTick: number;
  /** Optional second max-rate measurement with bursts of this many events per turn. */
  burstPerTick?: number;
  procs: number;
}

/** Publishes `burst` events as fast as the server takes them; returns delivered messages per second. */
async function burstOnce(
  x: Setup,
  sc: Scenario,
): Promise<{ rate: number; delivered: number; expected: number; serverCpu: number; clientCpu: number }> {
  const perPublish = sc.clients / sc.channels;
  await reset(x.clients);
  const expected = sc.burst * perPublish;
  const cpu0 = await cpuOf([x.server, ...x.clients]);
  const b = await x.server.ask<{ start: number; end: number }>(
    { op: 'burst', channels: sc.channels, total: sc.burst, perTick: sc.perTick },
    120_000,
  );
  const s = await drain(x.clients, expected, 30_000);
  const cpu1 = await cpuOf([x.server, ...x.clients]);
  const wall = cpu1[0].at - cpu0[0].at;
  const used = (i: number) =>
    (cpu1[i].cpu.user + cpu1[i].cpu.system - cpu0[i].cpu.user - cpu0[i].cpu.system) / 1000 / wall;
  let clientCpu = 0;
  for (let i = 1; i < cpu1.length; i++) clientCpu += used(i);
  return { rate: s.count / ((s.last - b.start) / 1000), delivered: s.count, expected, serverCpu: used(0), clientCpu };
}

/** Publishes `perSecond` events for a few seconds; publish→receive latency percentiles. */
async function latencyAt(x: Setup, sc: Scenario, perSecond: number, label: string) {
  const perPublish = sc.clients / sc.channels;
  await reset(x.clients);
  const r = await x.server.ask<{ published: number }>(
    { op: 'rate', channels: sc.channels, perSecond, durationMs: QUICK ? 1500 : 3000 },
    60_000,
  );
  const expected = r.published * perPublish;
  const l = await drain(x.clients, expected, 10_000);
  const out = {
    rate: perSecond * perPublish,
    p50: pct(l.buckets, 50),
    p99: pct(l.buckets, 99),
    delivered: l.count,
    expected,
  };
  progress(`${label}: ${x.kind} at ${out.rate} msgs/s: p50 ${out.p50.toFixed(2)} ms, p99 ${out.p99.toFixed(2)} ms`);
  return out;
}

async function scenario(title: string, sc: Scenario): Promise<FanoutResult[]> {
  const perPublish = sc.clients / sc.channels;
  const names = Array.from({ length: sc.clients }, (_, i) => `c${i % sc.channels}`);
  const setups: Setup[] = [];
  try {
    for (const kind of KINDS) {
      const { server, port } = await startServer(kind);
      progress(`${title}: ${kind}: connecting ${sc.clients} clients`);
      const x = { kind, server, clients: await startClients(kind, port, names, sc.procs) };
      setups.push(x);
      // Warm-up (JIT, buffers), not measured.
      await burstOnce(x, { ...sc, burst: Math.ceil(sc.burst / 5) });
    }
    // Rounds interleave the servers, so that a change in the machine's load hits them alike.
    const runs = new Map<Kind, Awaited<ReturnType<typeof burstOnce>>[]>();
    const bursts = new Map<Kind, number[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const x of setups) {
        const r = await burstOnce(x, sc);
        progress(
          `${title}: ${x.kind} round ${round}: ${Math.round(r.rate)} msgs/s (${r.delivered}/${r.expected}), CPU server ${r.serverCpu.toFixed(2)} clients ${r.clientCpu.toFixed(2)}`,
        );
        runs.set(x.kind, [...(runs.get(x.kind) ?? []), r]);
        if (sc.burstPerTick) {
          const b = await burstOnce(x, { ...sc, perTick: sc.burstPerTick });
          progress(
            `${title}: ${x.kind} round ${round}, bursts of ${sc.burstPerTick}: ${Math.round(b.rate)} msgs/s (${b.delivered}/${b.expected})`,
          );
          bursts.set(x.kind, [...(bursts.get(x.kind) ?? []), b.rate]);
        }
      }
    }
    const results: FanoutResult[] = [];
    const medianOf = (kind: Kind) => {
      const list = runs.get(kind)!;
      return [...list].sort((a, b) => a.rate - b.rate)[Math.floor(list.length / 2)];
    };
    // The same load for every server: half the maximum rate of the slowest one.
    const commonPerSecond = Math.max(
      1,
      Math.floor((Math.min(...setups.map((x) => medianOf(x.kind).rate)) / perPublish) * 0.5),
    );
    for (const x of setups) {
      const list = runs.get(x.kind)!;
      const med = medianOf(x.kind);
      // At half its own maximum rate: publish→receive latency.
      const own = await latencyAt(
        x,
        sc,
        Math.max(1, Math.floor((med.rate / perPublish) * 0.5)),
        `${title}, half its maximum`,
      );
      const common = await latencyAt(x, sc, commonPerSecond, `${title}, common load`);
      results.push({
        kind: x.kind,
        serverCpu: med.serverCpu,
        clientCpu: med.clientCpu,
        rate: med.rate,
        rates: list.map((v) => v.rate),
        burstRate: bursts.has(x.kind)
          ? [...bursts.get(x.kind)!].sort((a, b) => a - b)[Math.floor(bursts.get(x.kind)!.length / 2)]
          : null,
        delivered: list.reduce((n, v) => n + v.delivered, 0),
        expected: list.reduce((n, v) => n + v.expected, 0),
        p50: own.p50,
        p99: own.p99,
        latencyRate: own.rate,
        latencyDelivered: own.delivered + common.delivered,
        latencyExpected: own.expected + common.expected,
        common: { rate: common.rate, p50: common.p50, p99: common.p99 },
      });
    }
    return results;
  } finally {
    for (const x of setups) {
      await Promise.all(x.clients.map((c) => c.ask({ op: 'close' }).catch(() => undefined)));
      await x.server.stop();
    }
  }
}

async function idleMemory(
  kind: Kind,
  connections: number,
  procs: number,
): Promise<{ kind: Kind; rssKb: number; heapKb: number; connected: number }> {
  const { server, port } = await startServer(kind);
  progress(`${kind}: memory with ${connections} idle connections`);
  try {
    const before = (await server.ask<{ mem: NodeJS.MemoryUsage }>({ op: 'mem' })).mem;
    const names = Array.from({ length: connections }, (_, i) => `idle-${i}`);
    const clients = await startClients(kind, port, names, procs);
    const after = (await server.ask<{ mem: NodeJS.MemoryUsage }>({ op: 'mem' })).mem;
    await Promise.all(clients.map((c) => c.ask({ op: 'close' }).catch(() => undefined)));
    return {
      kind,
      connected: connections,
      rssKb: (after.rss - before.rss) / 1024 / connections,
      heapKb: (after.heapUsed + after.external - before.heapUsed - before.external) / 1024 / connections,
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(
    `# WebSocket fan-out benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, all on 127.0.0.1`,
  );
  console.log(
    `Machine load average at start: ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')} (other work on the machine lowers every number; the ratios come from interleaved rounds).`,
  );
  console.log(
    `Servers and clients each run in their own processes; the publisher runs inside the server process. ${ROUNDS} interleaved round(s) per server; latency at half the median maximum rate of each server, and at one common load for all (half the slowest one's maximum).`,
  );

  const scale = QUICK ? 0.2 : 1;
  const only = process.env.BENCH_ONLY;
  const results1 =
    only && only !== 'one'
      ? []
      : await scenario('one channel', {
          clients: 1000,
          channels: 1,
          burst: Math.round(200 * scale),
          perTick: 1,
          burstPerTick: 10,
          procs: 2,
        });
  const results2 =
    only && only !== 'each'
      ? []
      : await scenario('a channel each', {
          clients: 5000,
          channels: 5000,
          burst: Math.round(100_000 * scale),
          perTick: 100,
          procs: 2,
        });
  const mem: Awaited<ReturnType<typeof idleMemory>>[] = [];
  if (!only || only === 'mem') for (const kind of KINDS) mem.push(await idleMemory(kind, QUICK ? 2000 : 10_000, 4));
  if (only) return;

  /** Server CPU per delivered message: what the server costs, whatever share of the CPU it got. */
  const usPerMsg = (r: FanoutResult) => (r.serverCpu * 1e6) / r.rate;
  const table = (title: string, results: FanoutResult[]) => {
    const ws = results.find((r) => r.kind === 'ws')!;
    const wsc = results.find((r) => r.kind === 'ws-cork')!;
    const io = results.find((r) => r.kind === 'socketio')!;
    printTable(
      title,
      [
        'server',
        'delivered msgs/s (median)',
        'rounds',
        '× bare ws',
        '× bare ws corked',
        '× Socket.IO',
        'in bursts of 10: msgs/s (× Socket.IO)',
        'CPU server / clients (cores)',
        'server CPU µs/msg (× Socket.IO)',
        'latency run at half its maximum (msgs/s)',
        'p50 ms',
        'p99 ms',
        `p50 / p99 ms at the common load (${Math.round(results[0].common.rate)} msgs/s)`,
        'delivered / expected',
      ],
      results.map((r) => [
        LABEL[r.kind],
        Math.round(r.rate),
        r.rates.map((v) => `${Math.round(v / 1000)}k`).join(', '),
        (r.rate / ws.rate).toFixed(2),
        (r.rate / wsc.rate).toFixed(2),
        (r.rate / io.rate).toFixed(2),
        r.burstRate === null || io.burstRate === null
          ? '—'
          : `${Math.round(r.burstRate)} (${(r.burstRate / io.burstRate).toFixed(2)})`,
        `${r.serverCpu.toFixed(2)} / ${r.clientCpu.toFixed(2)}`,
        `${usPerMsg(r).toFixed(1)} (${(usPerMsg(io) / usPerMsg(r)).toFixed(2)})`,
        Math.round(r.latencyRate),
        r.p50.toFixed(2),
        r.p99.toFixed(2),
        `${r.common.p50.toFixed(2)} / ${r.common.p99.toFixed(2)}`,
        `${r.delivered}/${r.expected}, ${r.latencyDelivered}/${r.latencyExpected}`,
      ]),
    );
  };
  table('1,000 clients on one channel (events one per event-loop turn; also in bursts of 10 per turn)', results1);
  table('5,000 clients, one channel each', results2);
  printTable(
    `Memory per idle connection (${mem[0].connected.toLocaleString('en-US')} connections, each subscribed to its own channel; server process after GC)`,
    ['server', 'RSS KB/connection', 'JS heap + external KB/connection'],
    mem.map((m) => [LABEL[m.kind], m.rssKb.toFixed(1), m.heapKb.toFixed(1)]),
  );

  const ink1 = results1.find((r) => r.kind === 'inkproof')!;
  const ink2 = results2.find((r) => r.kind === 'inkproof')!;
  const ratio = (a: FanoutResult, kind: Kind, list: FanoutResult[]) => a.rate / list.find((r) => r.kind === kind)!.rate;
  const inkMem = mem.find((m) => m.kind === 'inkproof')!;
  const lossless = [...results1, ...results2]
    .filter((r) => r.kind === 'inkproof')
    .every((r) => r.delivered === r.expected && r.latencyDelivered === r.latencyExpected);
  const checks: [string, boolean][] = [
    [
      `≥ 0.7× bare ws: ${ratio(ink1, 'ws', results1).toFixed(2)}× (one channel), ${ratio(ink2, 'ws', results2).toFixed(2)}× (a channel each)`,
      ratio(ink1, 'ws', results1) >= 0.7 && ratio(ink2, 'ws', results2) >= 0.7,
    ],
    [
      `≥ 0.7× bare ws with corked writes: ${ratio(ink1, 'ws-cork', results1).toFixed(2)}× (one channel), ${ratio(ink2, 'ws-cork', results2).toFixed(2)}× (a channel each)`,
      ratio(ink1, 'ws-cork', results1) >= 0.7 && ratio(ink2, 'ws-cork', results2) >= 0.7,
    ],
    [
      `≥ 2× Socket.IO: ${ratio(ink1, 'socketio', results1).toFixed(2)}× (one channel), ${ratio(ink2, 'socketio', results2).toFixed(2)}× (a channel each)`,
      ratio(ink1, 'socketio', results1) >= 2 && ratio(ink2, 'socketio', results2) >= 2,
    ],
    [
      `≥ 2× Socket.IO in server CPU per message: ${(usPerMsg(results1.find((r) => r.kind === 'socketio')!) / usPerMsg(ink1)).toFixed(2)}× (one channel), ${(usPerMsg(results2.find((r) => r.kind === 'socketio')!) / usPerMsg(ink2)).toFixed(2)}× (a channel each)`,
      usPerMsg(results1.find((r) => r.kind === 'socketio')!) / usPerMsg(ink1) >= 2 &&
        usPerMsg(results2.find((r) => r.kind === 'socketio')!) / usPerMsg(ink2) >= 2,
    ],
    [
      `p99 ≤ 20 ms at half the maximum rate: ${fmt(ink1.p99)} ms (one channel), ${fmt(ink2.p99)} ms (a channel each)`,
      ink1.p99 <= 20 && ink2.p99 <= 20,
    ],
    [
      `p99 ≤ 20 ms at the common load (half the slowest server's maximum): ${fmt(ink1.common.p99)} ms (one channel), ${fmt(ink2.common.p99)} ms (a channel each)`,
      ink1.common.p99 <= 20 && ink2.common.p99 <= 20,
    ],
    [`≤ 20 KB per idle connection: ${inkMem.rssKb.toFixed(1)} KB (RSS)`, inkMem.rssKb <= 20],
    [`no message lost: ${lossless}`, lossless],
  ];
  console.log('\n### Targets (inkproof serve)\n');
  for (const [text, ok] of checks) console.log(`- ${ok ? '✓' : '✗'} ${text}`);
  console.log(
    `\nTotal time: ${((Date.now() - started) / 1000).toFixed(0)} s${QUICK ? ' (BENCH_QUICK=1: smaller runs)' : ''}; load average at the end: ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')}`,
  );
}

await main();
