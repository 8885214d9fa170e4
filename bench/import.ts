/**
 * Import benchmark: `node --import tsx bench/import.ts` (or `npm run bench -- import`).
 *
 * How long storing a large import's original bytes holds the core's event loop. A file of
 * 19.5 MiB (random bytes, like the picture that makes a Word document this large), in the 64 KiB
 * pieces an upload arrives in, is stored and located for extraction:
 *  - baseline, how it was done before: the document row and the bytes as one BLOB of
 *    `document_sources`, written in a better-sqlite3 transaction, then read back for extraction;
 *  - now: SourceStore.keep (src-main/core/store/sources.ts) writes the pieces to a file of
 *    `sources/` with asynchronous I/O (flushed, renamed, folder flushed), then the transaction
 *    inserts the document and the row naming the file; the extraction worker reads the file itself,
 *    so locating it is all the core does.
 * Both run on the same on-disk database (WAL, as the app opens it), interleaved, in alternating
 * order, with a full garbage collection between runs. perf_hooks.monitorEventLoopDelay (1 ms
 * resolution) records the loop's delays while each one runs; the table gives the medians over the
 * runs of the longest delay, the 99th percentile and the wall time; an idle loop measured the same
 * way shows what the shared machine alone delays it by.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { openDatabase } from '../src-main/core/store/db';
import { DocumentStore } from '../src-main/core/store/documents';
import { SourceStore } from '../src-main/core/store/sources';
import { collectGarbage } from './lib/gc';
import { median, printTable } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const FILE_BYTES = 19.5 * 1024 * 1024;
const PIECE_BYTES = 64 * 1024;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-bench-import-'));
const db = openDatabase({ dataDir: dir });
const documents = new DocumentStore(db);
const sources = new SourceStore(db, dir);

const pieces: Buffer[] = [];
for (let at = 0; at < FILE_BYTES; at += PIECE_BYTES)
  pieces.push(crypto.randomBytes(Math.min(PIECE_BYTES, FILE_BYTES - at)));
// The previous upload path joined the pieces before storing them; that copy is left out here.
const whole = Buffer.concat(pieces);

/** The previous way: the bytes as a BLOB in the import's transaction, read back for extraction. */
function blobImport(): void {
  const id = db.transaction(() => {
    const doc = documents.insert(1, 'large.docx', 'docx', whole.byteLength);
    db.prepare('INSERT INTO document_sources (document_id, bytes) VALUES (?, ?)').run(doc.id, whole);
    return doc.id;
  })();
  const row = db.prepare('SELECT bytes FROM document_sources WHERE document_id = ?').get(id) as { bytes: Buffer };
  if (row.bytes.byteLength !== whole.byteLength) throw new Error('the BLOB read back is not the file');
}

/** Now: the pieces to a file with asynchronous I/O, then a transaction that names it. */
async function fileImport(): Promise<void> {
  const doc = await sources.keep(pieces, (attach) =>
    db.transaction(() => {
      const d = documents.insert(1, 'large.docx', 'docx', whole.byteLength);
      attach(d.id);
      return d;
    })(),
  );
  const where = sources.locate(doc.id);
  if (!where || !('path' in where) || where.size !== whole.byteLength) throw new Error('the file was not kept');
}

interface Sample {
  maxMs: number;
  p99Ms: number;
  wallMs: number;
}

async function measure(run: () => unknown): Promise<Sample> {
  collectGarbage();
  await delay(20);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // The monitor records from its second tick on (and reset() starts it over): a block right after
  // enable() would go unseen, so it ticks for a while first.
  await delay(20);
  const t0 = performance.now();
  await run();
  const wallMs = performance.now() - t0;
  // A delay is recorded when the loop gets back to the monitor's timer: give it a few turns.
  await delay(10);
  histogram.disable();
  return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, wallMs };
}

/** Drops the documents of the previous run (and their files), outside the measurement. */
async function clear(): Promise<void> {
  for (const { id } of db.prepare('SELECT id FROM documents').all() as { id: number }[])
    db.transaction(() => {
      sources.forget(id);
      documents.delete(id);
    })();
  await sources.settled();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Nothing at all, for as long as the file import takes: what the loaded machine alone delays. */
const idle = () => delay(40);

const results = { blob: [] as Sample[], file: [] as Sample[], idle: [] as Sample[] };
try {
  // One warm-up of each, not counted.
  await measure(blobImport);
  await clear();
  await measure(fileImport);
  await clear();
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? (['blob', 'file', 'idle'] as const) : (['idle', 'file', 'blob'] as const);
    for (const which of order) {
      results[which].push(await measure({ blob: blobImport, file: fileImport, idle }[which]));
      await clear();
    }
  }
} finally {
  await sources.settled();
  db.close();
  sources.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const med = (samples: Sample[], key: keyof Sample) => median(samples.map((s) => s[key]));
const row = (name: string, samples: Sample[]) => [
  name,
  med(samples, 'maxMs'),
  med(samples, 'p99Ms'),
  med(samples, 'wallMs'),
  `${(med(samples, 'maxMs') / med(results.blob, 'maxMs')).toFixed(3)}×`,
];
printTable(
  `Storing a ${(FILE_BYTES / 1024 / 1024).toFixed(1)} MiB import and locating it for extraction: the event loop (median of ${RUNS} runs)`,
  ['how', 'longest block (ms)', 'p99 delay (ms)', 'wall time (ms)', 'longest block vs baseline'],
  [
    row('baseline: BLOB in SQLite, written and read back (before)', results.blob),
    row('file in sources/, asynchronous I/O (now)', results.file),
    row('nothing, 40 ms of an idle loop (the machine’s own delays)', results.idle),
  ],
);
