/**
 * `npm run bench:sync`: sync against plain HTTP, in the same run, on loopback.
 *
 * 1. First sync of 1,000 documents of 500 words (generated, with their analyses): a device with
 *    that library signs in to a new account (upload), then a new device signs in to it (download:
 *    every document, version and analysis applied, nothing analysed again) — against a plain HTTP
 *    bulk upload and download of the same texts (JSON batches into SQLite, gzipped pages out).
 *    Target: ≤ 10 s for the new device.
 * 2. Change propagation device → server → device at 20 changes/s (a rename on A until B has
 *    applied it), p50 and p99 — against a plain HTTP POST relayed to a WebSocket listener.
 *
 * The sync server and the baseline server are child processes; the devices run here (sharing this
 * thread, which only makes their numbers worse). Rounds alternate sync and baseline; medians.
 * BENCH_SYNC_DOCS, BENCH_SYNC_ROUNDS and BENCH_SYNC_CHANGES make it smaller.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { createCore, type Core } from '../src-main/core/core';
import { silentLogger } from '../src-main/core/logger';
import { MemorySecretStore } from '../src-main/core/sync/secrets';
import { generateText } from './lib/textgen';
import { fmt, median, percentile, printTable } from './lib/stats';

const N = Number(process.env.BENCH_SYNC_DOCS ?? 1000);
const WORDS = 500;
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 3);
const CHANGES = Number(process.env.BENCH_SYNC_CHANGES ?? 400);
const RATE = 20;
const PASSWORD = 'bench password';
const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-bench-sync-'));
const children: ChildProcess[] = [];
const cores: Core[] = [];

function child(args: string[], ready: RegExp): Promise<{ proc: ChildProcess; match: RegExpExecArray }> {
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, INKPROOF_THREADS: '1', INKPROOF_LOG_LEVEL: 'warn', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(proc);
  let out = '';
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) resolve({ proc, match: m });
    });
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

function cli(args: string[], input = ''): void {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/inkproof.mjs'), ...args], { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

function device(dir: string): Core {
  const core = createCore({
    dataDir: dir,
    logger: silentLogger(),
    threads: 1,
    sync: { secrets: new MemorySecretStore() },
  });
  cores.push(core);
  return core;
}

/** Resolves when `check` holds, evaluated after every event of the core's hub (never on a timer). */
function until(core: Core, check: () => boolean, what: string, timeoutMs = 600_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      untap();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const untap = core.hub.tap(() => {
      if (!check()) return;
      clearTimeout(timer);
      untap();
      resolve();
    });
  });
}

const analyzedCount = (core: Core) =>
  (core.db.prepare("SELECT count(*) AS n FROM documents WHERE status = 'analyzed'").get() as { n: number }).n;
const synced = (core: Core) => {
  const s = core.sync.status();
  return s.state === 'synced' && s.pending === 0;
};

async function main() {
  const serverDir = path.join(tmp, 'server');
  const users = Array.from({ length: ROUNDS }, (_, i) => `user${i}`);
  fs.mkdirSync(serverDir);
  for (const u of users) cli(['user', 'add', u, '--password-stdin', '--data', serverDir], PASSWORD + '\n');
  const sync = await child(
    ['bin/inkproof.mjs', 'serve', '--data', serverDir, '--port', '0'],
    /Inkproof is running at (http:\/\/[^/\s]+)\//,
  );
  const serverUrl = sync.match[1];
  const bare = await child(['--import', 'tsx', 'bench/sync/bare-server.ts', tmp], /listening (\d+)/);
  const bareUrl = `http://127.0.0.1:${bare.match[1]}`;
  const texts = Array.from({ length: N }, (_, i) => generateText(WORDS, 5000 + i));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;

  // The library: N documents imported and analysed on one device (not measured).
  const seedDir = path.join(tmp, 'seed');
  const seed = device(seedDir);
  const t0 = performance.now();
  for (let i = 0; i < N; i += 250)
    await seed.api.importDocuments(
      { files: texts.slice(i, i + 250).map((text, j) => ({ name: `doc-${i + j}.txt`, text })) },
      { user: seed.localUser },
    );
  await until(seed, () => analyzedCount(seed) === N, 'the library analysed');
  console.log(
    `(library of ${N} documents, ${fmt(mb)} MB, imported and analysed in ${fmt((performance.now() - t0) / 1000)} s)`,
  );
  await seed.close();
  cores.splice(cores.indexOf(seed), 1);

  const connect = (core: Core, user: string) =>
    core.api.connectSync(
      {
        server_url: serverUrl,
        device_name: path.basename(core.db.name, '.db'),
        credentials: { name: user, password: PASSWORD },
      },
      { user: core.localUser },
    );

  const upload = { sync: [] as number[], bare: [] as number[] };
  const download = { sync: [] as number[], bare: [] as number[] };
  let a: Core | null = null;
  let b: Core | null = null;
  for (let r = 0; r < ROUNDS; r++) {
    // Upload: a device holding the library signs in to a new account.
    const dir = path.join(tmp, `up-${r}`);
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(seedDir, 'inkproof.db'), path.join(dir, 'inkproof.db'));
    const up = device(dir);
    let t = performance.now();
    await connect(up, users[r]);
    await until(up, () => synced(up), 'the upload');
    upload.sync.push(performance.now() - t);

    t = performance.now();
    for (let i = 0; i < N; i += 100) {
      const docs = texts.slice(i, i + 100).map((text, j) => ({ name: `doc-${i + j}.txt`, text }));
      const res = await fetch(`${bareUrl}/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ bucket: `b${r}`, docs }),
      });
      await res.json();
    }
    upload.bare.push(performance.now() - t);

    // Download: a new device signs in to the first account and gets the whole library.
    const down = device(path.join(tmp, `down-${r}`));
    t = performance.now();
    await connect(down, users[0]);
    await until(down, () => analyzedCount(down) === N && synced(down), 'the download');
    download.sync.push(performance.now() - t);
    const jobs = (down.db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;
    if (jobs !== 0) throw new Error(`the new device ran ${jobs} jobs: it should have analysed nothing`);

    t = performance.now();
    const local = new Database(path.join(tmp, `bare-down-${r}.db`));
    local.pragma('journal_mode = WAL');
    local.pragma('synchronous = NORMAL');
    local.exec('CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT, text TEXT)');
    const ins = local.prepare('INSERT INTO docs (name, text) VALUES (?, ?)');
    for (let offset = 0; offset < N; offset += 500) {
      const res = await fetch(`${bareUrl}/docs?bucket=b0&limit=500&offset=${offset}`);
      const { docs } = (await res.json()) as { docs: { name: string; text: string }[] };
      local.transaction(() => {
        for (const d of docs) ins.run(d.name, d.text);
      })();
    }
    local.close();
    download.bare.push(performance.now() - t);

    if (r === 0) {
      a = up;
      b = down;
    } else {
      await up.close();
      await down.close();
      cores.splice(cores.indexOf(up), 1);
      cores.splice(cores.indexOf(down), 1);
    }
  }

  // Propagation at RATE changes/s: renames on A until B has applied each; halves alternate with the baseline.
  const docIds = (a!.db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const syncLat: number[] = [];
  const bareLat: number[] = [];
  // Arrivals, and the waits for them: each arrival checks whether a wait is over (no polling).
  const received = new Map<number, number>();
  const bareReceived = new Map<number, number>();
  const waits = new Set<() => void>();
  const arrived = (into: Map<number, number>, i: number) => {
    into.set(i, performance.now());
    for (const check of [...waits]) check();
  };
  b!.hub.tap((env) => {
    if (env.event !== 'document.updated') return;
    const m = /^p-(\d+)\.txt$/.exec((env.data as { name?: string }).name ?? '');
    if (m) arrived(received, Number(m[1]));
  });
  const ws = new WebSocket(`${bareUrl.replace('http', 'ws')}/listen`);
  await new Promise((r) => ws.once('open', r));
  ws.on('message', (d) => arrived(bareReceived, (JSON.parse(String(d)) as { i: number }).i));

  const paced = async (count: number, offset: number, send: (i: number) => Promise<unknown> | void) => {
    const sent = new Map<number, number>();
    const start = performance.now();
    for (let k = 0; k < count; k++) {
      const due = start + (k * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const i = offset + k;
      sent.set(i, performance.now());
      void send(i);
    }
    return sent;
  };
  const collect = (sent: Map<number, number>, got: Map<number, number>, into: number[], what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waits.delete(check);
        reject(new Error(`${what}: some changes never arrived`));
      }, 60_000);
      const check = () => {
        if ([...sent.keys()].some((i) => !got.has(i))) return;
        clearTimeout(timer);
        waits.delete(check);
        for (const [i, t] of sent) into.push(got.get(i)! - t);
        resolve();
      };
      waits.add(check);
      check();
    });
  const half = Math.ceil(CHANGES / 2);
  for (let h = 0; h < 2; h++) {
    const bareSent = await paced(half, h * half, (i) =>
      fetch(`${bareUrl}/relay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ i }),
      }).then((r) => r.text()),
    );
    await collect(bareSent, bareReceived, bareLat, 'baseline');
    const syncSent = await paced(half, h * half, (i) =>
      a!.api.renameDocument({ id: docIds[i % docIds.length], name: `p-${i}.txt` }, { user: a!.localUser }),
    );
    await collect(syncSent, received, syncLat, 'sync');
  }
  ws.close();

  const ratio = (x: number, y: number) => `${fmt(x / y, 1)}×`;
  const up = { s: median(upload.sync), b: median(upload.bare) };
  const down = { s: median(download.sync), b: median(download.bare) };
  printTable(
    `First sync of ${N} documents of ${WORDS} words (${fmt(mb)} MB of text, with analyses; median of ${ROUNDS} alternating rounds, loopback, 2 cores)`,
    ['', 'sync (s)', 'plain HTTP (s)', 'sync / plain', 'docs/s (sync)', 'target'],
    [
      [
        'to a new device (download, applied, nothing analysed again)',
        fmt(down.s / 1000),
        fmt(down.b / 1000),
        ratio(down.s, down.b),
        Math.round(N / (down.s / 1000)),
        down.s <= 10_000 ? '≤ 10 s: met' : '≤ 10 s: NOT met',
      ],
      [
        'from a device to a new account (upload)',
        fmt(up.s / 1000),
        fmt(up.b / 1000),
        ratio(up.s, up.b),
        Math.round(N / (up.s / 1000)),
        '',
      ],
    ],
  );
  const sorted = (x: number[]) => [...x].sort((p, q) => p - q);
  const sl = sorted(syncLat);
  const bl = sorted(bareLat);
  printTable(
    `Change propagation device → server → device at ${RATE} changes/s (${syncLat.length} renames; baseline: HTTP POST relayed to a WebSocket)`,
    ['', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'target'],
    [
      [
        'sync (rename on A until applied on B)',
        fmt(percentile(sl, 50)),
        fmt(percentile(sl, 99)),
        fmt(sl.at(-1)!),
        percentile(sl, 99) <= 200 ? 'p99 ≤ 200 ms: met' : 'p99 ≤ 200 ms: NOT met',
      ],
      ['plain HTTP + WebSocket relay', fmt(percentile(bl, 50)), fmt(percentile(bl, 99)), fmt(bl.at(-1)!), ''],
    ],
  );
}

try {
  await main();
} finally {
  for (const c of cores) await c.close({ drainMs: 0 });
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  fs.rmSync(tmp, { recursive: true, force: true });
}
