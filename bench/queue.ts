/**
 * The durable queue: enqueue, claim and complete 10,000 no-op jobs through SQLite (the JobStore,
 * as the scheduler uses it), against an in-memory array queue doing the same steps.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src-main/core/store/db';
import { JobStore } from '../src-main/core/store/jobs';
import { tempDir } from '../tests/helpers/temp';
import { median, printTable } from './lib/stats';

const JOBS = 10_000;
const RUNS = 5;

function arrayQueue(): number {
  interface Job {
    id: number;
    status: string;
    attempts: number;
  }
  const queue: Job[] = [];
  const done: Job[] = [];
  const t0 = performance.now();
  for (let i = 1; i <= JOBS; i++) queue.push({ id: i, status: 'queued', attempts: 0 });
  for (let i = 0; i < JOBS; i++) {
    const job = queue.shift()!;
    job.status = 'processing';
    job.attempts++;
    job.status = 'completed';
    done.push(job);
  }
  if (done.length !== JOBS) throw new Error('lost jobs');
  return JOBS / ((performance.now() - t0) / 1000);
}

function durableQueue(): number {
  const t = tempDir('inkproof-bench-');
  const db = openDatabase({ dataDir: t.dir });
  const jobs = new JobStore(db);
  const t0 = performance.now();
  for (let i = 1; i <= JOBS; i++) jobs.enqueue(1, 'analyze', i, 100, 3);
  let completed = 0;
  for (;;) {
    const job = jobs.claim();
    if (!job) break;
    if (jobs.complete(job.id, 0.001)) completed++;
  }
  const rate = JOBS / ((performance.now() - t0) / 1000);
  if (completed !== JOBS) throw new Error(`lost jobs: ${completed}`);
  db.close();
  t.cleanup();
  return rate;
}

const arr: number[] = [];
const dur: number[] = [];
for (let r = 0; r < RUNS + 1; r++) {
  const a = arrayQueue();
  const d = durableQueue();
  if (r === 0) continue;
  arr.push(a);
  dur.push(d);
}
printTable(
  `Durable queue: enqueue + claim + complete ${JOBS.toLocaleString('en-US')} no-op jobs (median of ${RUNS} runs; target ≥ 5,000 jobs/s durable)`,
  ['queue', 'jobs/s', '× array'],
  [
    ['in-memory array (baseline)', Math.round(median(arr)), '1.00'],
    ['SQLite (WAL), one transaction per step', Math.round(median(dur)), (median(dur) / median(arr)).toFixed(4)],
  ],
);
