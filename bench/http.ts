/**
 * `npm run bench:http`: what the request limits cost on normal requests. The same server runs twice,
 * each in its own process — with its limits as shipped, and with every limit lifted and the JSON
 * shape check off — and the same requests go to both, rounds interleaved so that the machine's load
 * hits them alike: no body, a small JSON command, a settings update of 500 values, a 1 MB JSON
 * import and a 1 MB upload (both refused by their content once read, so nothing piles up) — the
 * server's CPU time per request (the measure a busy machine moves least) and the throughput. Then, in
 * process, the checks themselves: the path and Host checks per request, the filter matcher against
 * the regular expressions it replaced, and the JSON shape check against JSON.parse on the same bytes.
 * BENCH_QUICK=1 runs fewer requests.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { globMatch } from '../src-shared/channels';
import { JsonShapeCheck } from '../src-main/server/json-body';
import { checkHostAndOrigin, checkPath } from '../src-main/server/security';
import { median, percentile, printTable } from './lib/stats';

const here = path.dirname(fileURLToPath(import.meta.url));
const QUICK = process.env.BENCH_QUICK === '1';
/** Short batches, many times, alternating: a change in the machine's load falls on both alike. */
const ROUNDS = QUICK ? 6 : 20;
const CONCURRENCY = 16;
const progress = (msg: string) =>
  process.stderr.write(`[bench:http ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

type Config = 'limited' | 'unlimited';
const CONFIGS: Config[] = ['limited', 'unlimited'];

interface Server {
  port: number;
  proc: ChildProcess;
}

/** CPU microseconds the server process has used so far. */
function serverCpu(server: Server): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpu?: { user: number; system: number } }) => {
      if (!m.cpu) return;
      server.proc.off('message', onMessage);
      resolve(m.cpu.user + m.cpu.system);
    };
    server.proc.on('message', onMessage);
    server.proc.send('cpu');
  });
}

async function startServer(config: Config): Promise<Server> {
  const proc = fork(path.join(here, 'http', 'server.ts'), [config], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const port = await new Promise<number>((resolve) => proc.once('message', (m: { port: number }) => resolve(m.port)));
  return { port, proc };
}

interface Scenario {
  name: string;
  requests: number;
  /** The request for a server on `port`: fetch arguments. */
  make(port: number): { url: string; init: RequestInit };
  /** The status every answer must have. */
  status: number;
}

const auth = { authorization: 'Bearer bench' };
const MB = 1024 * 1024;
const terms = JSON.stringify({ frozen_terms: Array.from({ length: 500 }, (_, i) => `term ${i}`) });
const rtf = JSON.stringify({ name: 'letter.txt', text: '{\\rtf1 ' + 'x'.repeat(MB) });
const boundary = 'benchBoundary';
const upload = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="zeros.txt"\r\n\r\n`),
  Buffer.alloc(MB),
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

const SCENARIOS: Scenario[] = [
  {
    name: 'GET /api/queue/stats (no body)',
    requests: 300,
    status: 200,
    make: (port) => ({ url: `http://127.0.0.1:${port}/api/queue/stats`, init: { headers: auth } }),
  },
  {
    name: 'POST /api/commands/getSettings ({})',
    requests: 300,
    status: 200,
    make: (port) => ({
      url: `http://127.0.0.1:${port}/api/commands/getSettings`,
      init: { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' },
    }),
  },
  {
    name: 'PATCH /api/settings (500 values, 10 KB)',
    requests: 150,
    status: 200,
    make: (port) => ({
      url: `http://127.0.0.1:${port}/api/settings`,
      init: { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: terms },
    }),
  },
  {
    name: 'POST /api/documents, JSON import of 1 MB',
    requests: 24,
    status: 415,
    make: (port) => ({
      url: `http://127.0.0.1:${port}/api/documents`,
      init: { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: rtf },
    }),
  },
  {
    name: 'POST /api/documents, upload of 1 MB',
    requests: 24,
    status: 415,
    make: (port) => ({
      url: `http://127.0.0.1:${port}/api/documents`,
      init: {
        method: 'POST',
        headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: upload,
      },
    }),
  },
];

/**
 * Sends the scenario's requests from CONCURRENCY loops; returns requests/s, latencies (ms) and the
 * server's CPU time per request (µs) — the measure least moved by what else runs on the machine.
 */
async function load(server: Server, s: Scenario): Promise<{ perSecond: number; latencies: number[]; cpu: number }> {
  const port = server.port;
  const latencies: number[] = [];
  const cpuBefore = await serverCpu(server);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < s.requests) {
        next++;
        const { url, init } = s.make(port);
        const t0 = performance.now();
        const res = await fetch(url, init);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== s.status) throw new Error(`${s.name}: answered ${res.status}, expected ${s.status}`);
      }
    }),
  );
  const perSecond = s.requests / ((performance.now() - started) / 1000);
  return { perSecond, latencies, cpu: ((await serverCpu(server)) - cpuBefore) / s.requests };
}

async function requestsTable(): Promise<void> {
  const servers = new Map<Config, Server>();
  for (const c of CONFIGS) servers.set(c, await startServer(c));
  try {
    const rows: (string | number)[][] = [];
    for (const s of SCENARIOS) {
      const results = new Map<Config, { perSecond: number[]; p50: number[]; p99: number[]; cpu: number[] }>(
        CONFIGS.map((c) => [c, { perSecond: [], p50: [], p99: [], cpu: [] }]),
      );
      const ratios: number[] = [];
      const cpuRatios: number[] = [];
      // A warm-up batch for both, then batches that alternate which server goes first.
      for (const c of CONFIGS) await load(servers.get(c)!, s);
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? CONFIGS : [...CONFIGS].reverse();
        const perSecond = new Map<Config, number>();
        const cpu = new Map<Config, number>();
        for (const c of order) {
          const r = await load(servers.get(c)!, s);
          const sorted = [...r.latencies].sort((a, b) => a - b);
          const into = results.get(c)!;
          into.perSecond.push(r.perSecond);
          into.p50.push(percentile(sorted, 50));
          into.p99.push(percentile(sorted, 99));
          into.cpu.push(r.cpu);
          perSecond.set(c, r.perSecond);
          cpu.set(c, r.cpu);
        }
        ratios.push(perSecond.get('limited')! / perSecond.get('unlimited')!);
        cpuRatios.push(cpu.get('limited')! / cpu.get('unlimited')!);
      }
      const limited = results.get('limited')!;
      const unlimited = results.get('unlimited')!;
      const spread = (values: number[]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return `${median(values).toFixed(3)}× (${percentile(sorted, 25).toFixed(2)}–${percentile(sorted, 75).toFixed(2)})`;
      };
      progress(`${s.name} done`);
      rows.push([
        s.name,
        median(unlimited.cpu),
        median(limited.cpu),
        spread(cpuRatios),
        `${Math.round(median(unlimited.perSecond))} / ${Math.round(median(limited.perSecond))}`,
        spread(ratios),
        `${median(unlimited.p50).toFixed(1)} / ${median(limited.p50).toFixed(1)}`,
      ]);
    }
    printTable(
      `Normal requests, limits lifted (baseline) vs as shipped — medians of ${ROUNDS} alternating batches, ${CONCURRENCY} concurrent keep-alive clients`,
      [
        'request',
        'server CPU µs/request, no limits',
        'with limits',
        'CPU ratio (median of batch pairs, quartiles)',
        'req/s, no limits / limits',
        'req/s ratio (quartiles)',
        'p50 ms, no limits / limits',
      ],
      rows,
    );
  } finally {
    for (const { proc } of servers.values()) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.send('stop');
      await exited;
    }
  }
}

/** Nanoseconds per call of fn, the median of 5 timed batches. */
function nsPerCall(fn: () => unknown, calls: number): number {
  for (let i = 0; i < calls / 10; i++) fn();
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) fn();
    runs.push(((performance.now() - t0) * 1e6) / calls);
  }
  return median(runs);
}

/** The filter matcher this release replaced: a glob turned into a regular expression. */
function regexGlob(glob: string, value: string): boolean {
  return new RegExp(
    '^' +
      glob
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  ).test(value);
}

function checksTable(): void {
  const req = {
    url: '/api/documents/12/export?format=docx&version=2',
    headers: { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' },
  } as unknown as IncomingMessage;
  const policy = { boundHost: '127.0.0.1', port: 8080, allowedOrigins: [] };
  const rows: (string | number)[][] = [
    ['path check, per request', '—', nsPerCall(() => checkPath(req.url!), 200_000), '—'],
    ['Host and Origin check, per request', '—', nsPerCall(() => checkHostAndOrigin(req, policy), 200_000), '—'],
  ];
  for (const [glob, value] of [
    ['documents.*', 'private-documents.1234'],
    ['*rewrites*', 'private-rewrites.98'],
    ['rewrite.*', 'rewrite.progress'],
  ]) {
    const before = nsPerCall(() => regexGlob(glob, value), 100_000);
    const after = nsPerCall(() => globMatch(glob, value), 100_000);
    rows.push([`filter "${glob}" on "${value}"`, before, after, `${(before / after).toFixed(1)}× faster`]);
  }
  const hostile = '*'.repeat(15) + 'x';
  // The regular expression grows with the name's length to the power of the stars: 18 characters
  // take it about 10 s, a channel name of 164 for ever; 10 characters keep this bench short.
  const name = 'a'.repeat(10);
  const before = nsPerCall(() => regexGlob(hostile, name), 3);
  const after = nsPerCall(() => globMatch(hostile, name), 10_000);
  rows.push([`filter of 15 stars and "x" on 10 characters`, before, after, `${(before / after).toFixed(0)}× faster`]);
  printTable(
    'The checks themselves, in process (ns per call; median of 5 batches)',
    ['check', 'before (regex)', 'now', 'ratio'],
    rows,
  );

  const body = Buffer.from(rtf);
  const parse = nsPerCall(() => JSON.parse(body.toString('utf8')), 50);
  const scan = nsPerCall(() => new JsonShapeCheck({ maxDepth: 32, maxValues: 50_000 }).feed(body), 50);
  const small = Buffer.from(terms);
  const parseSmall = nsPerCall(() => JSON.parse(small.toString('utf8')), 5000);
  const scanSmall = nsPerCall(() => new JsonShapeCheck({ maxDepth: 32, maxValues: 50_000 }).feed(small), 5000);
  printTable(
    'JSON shape check (depth and values, while the body arrives) against JSON.parse of the same bytes',
    ['body', 'JSON.parse µs', 'shape check µs', 'check / parse'],
    [
      ['1 MB import (one long string)', parse / 1000, scan / 1000, `${(scan / parse).toFixed(2)}`],
      ['10 KB settings (500 values)', parseSmall / 1000, scanSmall / 1000, `${(scanSmall / parseSmall).toFixed(2)}`],
    ],
  );
}

await requestsTable();
checksTable();
