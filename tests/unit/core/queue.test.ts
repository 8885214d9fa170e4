import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InkproofError } from '../../../src-shared/errors';
import type { JobRecord } from '../../../src-shared/models';
import { fakeBroadcasts, type BroadcastFake } from '../../../src-main/core/hub/fake';
import { BroadcastHub } from '../../../src-main/core/hub/hub';
import { JobScheduler, type JobContext, type JobHandler } from '../../../src-main/core/queue/scheduler';
import { openDatabase, type Db } from '../../../src-main/core/store/db';
import { JobStore } from '../../../src-main/core/store/jobs';

/** A handler whose behaviour each test scripts; it records what the scheduler told it. */
function scripted(run: (ctx: JobContext) => Promise<void>, overrides: Partial<JobHandler> = {}) {
  const log: string[] = [];
  const handler: JobHandler = {
    type: 'analyze',
    maxAttempts: 3,
    timeoutMs: 10_000,
    started: (job) => log.push(`started ${job.id} attempt ${job.attempts}`),
    run: async (ctx) => {
      await run(ctx);
      return () => log.push(`committed ${ctx.job.id}`);
    },
    failed: (job, _u, err, cancelled) => log.push(`${cancelled ? 'cancelled' : 'failed'} ${job.id}: ${err.message}`),
    requeued: (job) => log.push(`requeued ${job.id}`),
    ...overrides,
  };
  return { handler, log };
}

describe('durable job queue', () => {
  let db: Db;
  let hub: BroadcastHub;
  let jobs: JobStore;
  let fake: BroadcastFake;
  let scheduler: JobScheduler | null;

  beforeEach(() => {
    db = openDatabase({ dataDir: ':memory:' });
    hub = new BroadcastHub();
    fake = fakeBroadcasts(hub);
    jobs = new JobStore(db);
    scheduler = null;
  });
  afterEach(async () => {
    await scheduler?.stop(0);
    hub.close();
    db.close();
  });

  const make = (handler: JobHandler, concurrency = 1) => {
    scheduler = new JobScheduler({
      db,
      hub,
      jobs,
      concurrency,
      backoffBaseMs: 10,
      backoffMaxMs: 40,
      progressIntervalMs: 0,
    });
    scheduler.register(handler);
    return scheduler;
  };
  const finished = (id: number, status = 'completed') =>
    fake.waitFor('private-queue.1', 'job.updated', (d) => d.id === id && d.status === status);

  it('claims jobs oldest first, one claim per job', () => {
    const a = jobs.enqueue(1, 'analyze', 1, 10, 3);
    const b = jobs.enqueue(1, 'rewrite', 2, 10, 3);
    expect(jobs.claim()?.id).toBe(a.id);
    expect(jobs.claim()?.id).toBe(b.id);
    expect(jobs.claim()).toBeNull();
    expect(jobs.get(a.id)).toMatchObject({ status: 'processing', attempts: 1 });
  });

  it('runs a job, commits its result and announces every transition', async () => {
    const { handler, log } = scripted(async (ctx) => ctx.progress(50));
    const s = make(handler);
    s.start();
    const job = hub.atomically(db, () => s.enqueue(1, 'analyze', 7, 100));
    await finished(job.id);
    expect(log).toEqual([`started ${job.id} attempt 1`, `committed ${job.id}`]);
    expect(jobs.get(job.id)).toMatchObject({ status: 'completed', progress: 100 });
    const statuses = fake.broadcasts('private-queue.1', 'job.updated').map((e) => e.data.status);
    expect(statuses[0]).toBe('queued');
    expect(statuses).toContain('processing');
    expect(statuses[statuses.length - 1]).toBe('completed');
    expect(fake.invalid).toEqual([]);
  });

  it('retries transient errors with backoff, then succeeds', async () => {
    let calls = 0;
    const { handler, log } = scripted(async () => {
      if (++calls < 3) throw new InkproofError('internal', 'worker crashed', { retryable: true });
    });
    const s = make(handler);
    s.start();
    const job = hub.atomically(db, () => s.enqueue(1, 'analyze', 1, 1));
    await finished(job.id);
    expect(calls).toBe(3);
    expect(log.filter((l) => l.startsWith('requeued'))).toHaveLength(2);
    expect(jobs.get(job.id)).toMatchObject({ status: 'completed', attempts: 3 });
  });

  it('gives up after the last attempt with the error a user can read', async () => {
    const { handler, log } = scripted(async () => {
      throw new InkproofError('internal', 'The worker ran out of memory.', { retryable: true });
    });
    const s = make(handler);
    s.start();
    const job = hub.atomically(db, () => s.enqueue(1, 'analyze', 1, 1));
    await finished(job.id, 'failed');
    expect(jobs.get(job.id)).toMatchObject({ status: 'failed', attempts: 3, error: 'The worker ran out of memory.' });
    expect(log[log.length - 1]).toBe(`failed ${job.id}: The worker ran out of memory.`);
  });

  it('fails a non-retryable error at once', async () => {
    let calls = 0;
    const { handler } = scripted(async () => {
      calls++;
      throw new InkproofError('corrupt_file', 'This .docx file is damaged.');
    });
    const s = make(handler);
    s.start();
    const job = hub.atomically(db, () => s.enqueue(1, 'analyze', 1, 1));
    await finished(job.id, 'failed');
    expect(calls).toBe(1);
    expect(jobs.get(job.id)?.error).toBe('This .docx file is damaged.');
  });

  it('stops a job that runs past its timeout', async () => {
    const { handler } = scripted(
      (ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        }),
      { timeoutMs: 30, maxAttempts: 1 },
    );
    const s = make(handler);
    s.start();
    const job = hub.atomically(db, () => s.enqueue(1, 'analyze', 1, 1));
    await finished(job.id, 'failed');
    expect(jobs.get(job.id)?.error).toMatch(/took longer than/);
  });

  it('a timeout may depend on the job', async () => {
    const { handler } = scripted(
      (ctx) =>
        new Promise((resolve, reject) => {
          // Subject 2 finishes once the job of subject 1 has been stopped; that one only ever stops.
          if (ctx.job.subject_id === 2) void finished(short.id, 'failed').then(() => resolve());
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        }),
      { timeoutMs: (job) => (job.subject_id === 1 ? 30 : 60_000), maxAttempts: 1 },
    );
    const s = make(handler, 2);
    s.start();
    const [short, long] = hub.atomically(db, () => [s.enqueue(1, 'analyze', 1, 1), s.enqueue(1, 'analyze', 2, 1)]);
    await finished(short.id, 'failed');
    await finished(long.id);
    expect(jobs.get(short.id)?.error).toBe('This analysis took longer than 0 seconds and was stopped.');
  });

  it('cancels a running job through its AbortSignal, and a queued one at once', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const { handler, log } = scripted(
      (ctx) =>
        new Promise((_resolve, reject) => {
          started();
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        }),
    );
    const s = make(handler, 1);
    s.start();
    const first = hub.atomically(db, () => s.enqueue(1, 'analyze', 1, 1));
    const second = hub.atomically(db, () => s.enqueue(1, 'analyze', 2, 1));
    await running;
    await expect(s.cancel(second.id)).resolves.toMatchObject({ status: 'cancelled' });
    await expect(s.cancel(first.id)).resolves.toMatchObject({ status: 'cancelled' });
    expect(log).toContain(`cancelled ${first.id}: Cancelled.`);
    expect(log).toContain(`cancelled ${second.id}: Cancelled.`);
    await expect(s.cancel(first.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('retries a failed job on request with fresh attempts', async () => {
    let fail = true;
    const { handler } = scripted(async () => {
      if (fail) throw new InkproofError('invalid_input', 'Nope.');
    });
    const s = make(handler);
    s.start();
    const job = hub.atomically(db, () => s.enqueue(1, 'analyze', 1, 1));
    await finished(job.id, 'failed');
    fail = false;
    expect(s.retry(job.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await finished(job.id, 'completed');
    expect(() => s.retry(job.id)).toThrow(/Only failed or cancelled/);
  });

  it('puts jobs a crash left running back in the queue, and fails one that keeps crashing', () => {
    const a = jobs.enqueue(1, 'analyze', 1, 1, 3);
    const b = jobs.enqueue(1, 'analyze', 2, 1, 1);
    jobs.claim();
    jobs.claim();
    const { requeued, failed } = jobs.recover();
    expect(requeued.map((j: JobRecord) => j.id)).toEqual([a.id]);
    expect(failed.map((j: JobRecord) => j.id)).toEqual([b.id]);
    expect(jobs.get(a.id)?.status).toBe('queued');
  });

  it('on shutdown lets short jobs finish and puts long ones back without counting the attempt', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const { handler } = scripted(
      (ctx) =>
        new Promise((_resolve, reject) => {
          started();
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        }),
    );
    const s = make(handler);
    s.start();
    const job = hub.atomically(db, () => s.enqueue(1, 'analyze', 1, 1));
    await running;
    await s.stop(20);
    expect(jobs.get(job.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('estimates time from measured throughput and the work queued ahead', () => {
    const { handler } = scripted(async () => {});
    const s = make(handler, 2);
    s.throughput.record('analyze', 10_000, 1); // 10,000 words/s per thread
    const first = jobs.enqueue(1, 'analyze', 1, 20_000, 3);
    const second = jobs.enqueue(1, 'analyze', 2, 20_000, 3);
    const alone = s.estimate(first);
    const behind = s.estimate(second);
    expect(alone).toBeGreaterThan(0.9);
    expect(alone).toBeLessThan(1.5);
    expect(behind).toBeGreaterThan(alone * 1.8);
  });

  it('measures jobs of one type that run at different speeds apart (rate classes), each estimated at its own rate', async () => {
    // Subjects from 100 up stand for revisions by a local model.
    // Each job takes a few milliseconds of work, so that it has a runtime to measure.
    const { handler } = scripted(() => new Promise((r) => setTimeout(r, 5)), {
      rateClass: (job) => (job.subject_id >= 100 ? 'slow' : null),
    });
    const s = make(handler, 1);
    s.throughput.record('analyze', 10_000, 1);
    s.throughput.record('analyze:slow', 10, 1);
    const slow = jobs.enqueue(1, 'analyze', 100, 20, 3);
    expect(s.estimate(slow)).toBeGreaterThan(1.9);
    expect(s.estimate(slow)).toBeLessThan(2.5);
    // A fast job behind the slow one waits for it at the slow rate, and is itself quick.
    const fast = jobs.enqueue(1, 'analyze', 1, 10_000, 3);
    expect(s.estimate(fast)).toBeGreaterThan(2.9);
    expect(s.estimate(fast)).toBeLessThan(3.5);
    // Completed runs feed their own class.
    s.start();
    await finished(slow.id);
    await finished(fast.id);
    expect(s.throughput.measured('analyze:slow')).not.toBe(10);
    expect(s.throughput.measured('analyze')).not.toBe(10_000);
  });
});
