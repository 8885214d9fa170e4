/**
 * Runs the durable queue's jobs on the worker pool: claims due jobs up to the pool's concurrency,
 * applies per-type timeouts, retries transient errors with exponential backoff, fails the rest at
 * once with the error's user-readable message, cancels through AbortSignal, and on shutdown lets
 * running jobs finish or puts them back in the queue.
 *
 * Every state change of a job and of its subject happens in one transaction together with the
 * events that announce it (hub.atomically), so a crash can lose neither.
 *
 * A full or failing disk (core/storage.ts) stops nothing for good: a claim that cannot be written
 * is tried again later, and a job whose outcome cannot be stored is put back in the queue (or, if
 * even that cannot be written, once writes work again) and runs again.
 */
import type { Logger } from 'pino';
import { InkproofError } from '../../../src-shared/errors';
import { queueChannel } from '../../../src-shared/channels';
import type { EventPayload } from '../../../src-shared/events';
import type { JobRecord, JobType } from '../../../src-shared/models';
import { nowMs } from '../clock';
import { ProgressCoalescer } from '../hub/coalescer';
import type { BroadcastHub } from '../hub/hub';
import type { Db } from '../store/db';
import type { JobStore } from '../store/jobs';
import type { StorageHealth } from '../storage';
import { Throughput, type RateKey } from './throughput';

export interface JobContext {
  job: JobRecord;
  userId: number;
  signal: AbortSignal;
  /** Reports progress 0–100 of the job (for the queue dashboard). */
  progress(p: number): void;
}

export interface JobHandler {
  type: JobType;
  maxAttempts: number;
  /** Longest run of a job, or a function of the job for a type whose jobs differ widely in speed. */
  timeoutMs: number | ((job: JobRecord) => number);
  /** In the claim transaction: mark the subject as started and announce it. */
  started(job: JobRecord, userId: number): void;
  /** Does the work; returns what to store in the completion transaction. */
  run(ctx: JobContext): Promise<() => void>;
  /** In the transaction of a final failure or a cancel. */
  failed(job: JobRecord, userId: number, error: InkproofError, cancelled: boolean): void;
  /** In the transaction that puts the job back in the queue (backoff, retry, shutdown). */
  requeued?(job: JobRecord, userId: number): void;
  /**
   * For a type whose jobs run at very different speeds: the rate class of a job (e.g. "llm" for a
   * revision by a local model), whose throughput is measured apart; null for the type's own.
   */
  rateClass?(job: Pick<JobRecord, 'subject_id'>): string | null;
}

export interface SchedulerOptions {
  db: Db;
  hub: BroadcastHub;
  jobs: JobStore;
  concurrency: number;
  logger?: Logger;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Interval of job.updated progress events per job. */
  progressIntervalMs?: number;
  /** Where storage failures are reported (and whether writes work again). */
  storage?: StorageHealth;
  /** First wait before trying the disk again after a storage failure (doubles up to 30 s). */
  storageRetryMs?: number;
}

interface Running {
  job: JobRecord;
  userId: number;
  controller: AbortController;
  startedAt: number;
  done: Promise<void>;
  cancelled: boolean;
  released: boolean;
}

export class JobScheduler {
  readonly throughput = new Throughput();
  private readonly handlers = new Map<JobType, JobHandler>();
  private readonly running = new Map<number, Running>();
  private readonly progress: ProgressCoalescer;
  private pumpScheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private stopping = false;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  /** Jobs left `processing` in the store because their outcome could not be written: re-queued when it can. */
  private readonly stranded = new Map<number, { job: JobRecord; userId: number }>();
  private storageRetry: NodeJS.Timeout | null = null;
  private storageRetryDelay = 0;

  constructor(private readonly opts: SchedulerOptions) {
    this.backoffBaseMs = opts.backoffBaseMs ?? 1000;
    this.backoffMaxMs = opts.backoffMaxMs ?? 60_000;
    this.progress = new ProgressCoalescer(
      opts.progressIntervalMs ?? 250,
      (key, p) => {
        const r = this.running.get(Number(key));
        if (!r || p >= 100) return;
        this.opts.jobs.setProgress(r.job.id, p);
        this.announce({ ...r.job, status: 'processing', progress: p }, r.userId);
      },
      (err) => this.storageFailed(err),
    );
  }

  get concurrency(): number {
    return this.opts.concurrency;
  }

  register(handler: JobHandler): void {
    this.handlers.set(handler.type, handler);
    const runs = new Map<RateKey, { units: number; runtime: number }[]>();
    for (const run of this.opts.jobs.recentRuns(handler.type)) {
      const key = this.rateKey(handler.type, run);
      runs.set(key, [...(runs.get(key) ?? []), run]);
    }
    for (const [key, list] of runs) this.throughput.seed(key, list);
  }

  /** Where a job's throughput is measured: its type, or its type and rate class. */
  rateKey(type: JobType, job: Pick<JobRecord, 'subject_id'>): RateKey {
    const cls = this.handlers.get(type)?.rateClass?.(job);
    return cls ? `${type}:${cls}` : type;
  }

  handler(type: JobType): JobHandler {
    const h = this.handlers.get(type);
    if (!h) throw new InkproofError('internal', `No handler for ${type} jobs.`);
    return h;
  }

  /** Adds a job. Call inside the caller's hub.atomically scope; the scheduler picks it up afterwards. */
  enqueue(userId: number, type: JobType, subjectId: number, units: number): JobRecord {
    const job = this.opts.jobs.enqueue(
      userId,
      type,
      subjectId,
      Math.max(1, Math.round(units)),
      this.handler(type).maxAttempts,
    );
    this.announce(job, userId);
    this.wake();
    return job;
  }

  /** Seconds until a queued job would be done, from the work ahead and measured throughput. */
  estimate(job: JobRecord): number {
    const own = { key: this.rateKey(job.type, job), units: job.units };
    if (!this.handler(job.type).rateClass) {
      const ahead = this.opts.jobs.workAhead(job.type, job.id);
      return this.throughput.estimate(
        [{ ...own, units: job.units + ahead.queuedUnits + ahead.runningUnits }],
        this.opts.concurrency,
        ahead.queuedJobs,
      );
    }
    // Jobs of several speeds: each job ahead at its own class's rate.
    const ahead = this.opts.jobs.jobsAhead(job.type, job.id);
    const work = ahead.map((a) => ({
      key: this.rateKey(job.type, a),
      units: a.status === 'processing' ? (a.units * (100 - a.progress)) / 100 : a.units,
    }));
    return this.throughput.estimate(
      [own, ...work],
      this.opts.concurrency,
      ahead.filter((a) => a.status === 'queued').length,
    );
  }

  /** Recovers jobs a crash left running and starts taking work. */
  start(): void {
    if (this.started) return;
    this.started = true;
    try {
      this.recoverLeftRunning();
    } catch (err) {
      if (!this.storageFailed(err)) throw err;
    }
    this.wake();
  }

  private recoverLeftRunning(): void {
    const { requeued, failed } = this.opts.hub.atomically(this.opts.db, () => {
      const result = this.opts.jobs.recover();
      for (const job of result.requeued) {
        const userId = this.opts.jobs.userOf(job.id) ?? 0;
        this.handlers.get(job.type)?.requeued?.(job, userId);
        this.announce(job, userId);
      }
      for (const job of result.failed) {
        const userId = this.opts.jobs.userOf(job.id) ?? 0;
        this.handlers.get(job.type)?.failed(job, userId, new InkproofError('internal', job.error ?? 'Failed.'), false);
        this.announce(job, userId);
      }
      return result;
    });
    if (requeued.length || failed.length)
      this.opts.logger?.info(
        { requeued: requeued.length, failed: failed.length },
        'recovered jobs left running by a previous run',
      );
  }

  wake(): void {
    if (!this.started || this.stopping || this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    // While the disk is failing, only the retry timer takes work (no loop of jobs whose results cannot be stored).
    if (this.stopping || this.storageRetry !== null) return;
    try {
      this.requeueStranded();
      while (this.running.size < this.opts.concurrency) {
        let claimed: { job: JobRecord; userId: number } | null = null;
        this.opts.hub.atomically(this.opts.db, () => {
          const job = this.opts.jobs.claim();
          if (!job) return;
          const userId = this.opts.jobs.userOf(job.id) ?? 0;
          this.handler(job.type).started(job, userId);
          this.announce(job, userId);
          claimed = { job, userId };
        });
        if (!claimed) break;
        this.storageSucceeded();
        const { job, userId } = claimed as { job: JobRecord; userId: number };
        this.launch(job, userId);
      }
    } catch (err) {
      if (!this.storageFailed(err)) throw err;
      return;
    }
    this.armTimer();
  }

  /** Puts back in the queue the jobs whose outcome could not be written. */
  private requeueStranded(): void {
    for (const [id, { job, userId }] of this.stranded) {
      this.opts.hub.atomically(this.opts.db, () => {
        const back = this.opts.jobs.release(id);
        if (back) {
          this.handler(job.type).requeued?.(back, userId);
          this.announce(back, userId);
        }
      });
      this.stranded.delete(id);
      this.storageSucceeded();
    }
  }

  /**
   * A storage failure: reported, and the queue tried again after a growing pause (writes may work
   * again when space is freed; nothing else would wake the queue). False when `err` is not one.
   */
  private storageFailed(err: unknown): boolean {
    const typed = this.opts.storage ? this.opts.storage.failed(err) : null;
    if (!typed) return false;
    if (this.storageRetry === null && !this.stopping) {
      const base = this.opts.storageRetryMs ?? 1000;
      this.storageRetryDelay = Math.min(30_000, this.storageRetryDelay ? this.storageRetryDelay * 2 : base);
      this.storageRetry = setTimeout(() => {
        this.storageRetry = null;
        this.wake();
      }, this.storageRetryDelay);
      this.storageRetry.unref?.();
    }
    return true;
  }

  private storageSucceeded(): void {
    this.storageRetryDelay = 0;
    this.opts.storage?.succeeded();
  }

  /** Wakes up when the next delayed (backing-off) job becomes due. */
  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = this.opts.jobs.nextDueAt();
    if (due === null || due <= 0) return;
    const wait = Math.max(0, due - nowMs());
    this.timer = setTimeout(() => this.wake(), wait + 5);
    this.timer.unref?.();
  }

  private launch(job: JobRecord, userId: number): void {
    const handler = this.handler(job.type);
    const timeoutMs = typeof handler.timeoutMs === 'function' ? handler.timeoutMs(job) : handler.timeoutMs;
    const controller = new AbortController();
    const entry = { job, userId, controller, startedAt: nowMs(), cancelled: false, released: false } as Running;
    this.running.set(job.id, entry);
    const timeout = setTimeout(() => {
      controller.abort(
        new InkproofError(
          'timeout',
          `This ${describe(job.type)} took longer than ${Math.round(timeoutMs / 1000)} seconds and was stopped.`,
          { retryable: true },
        ),
      );
    }, timeoutMs);
    entry.done = (async () => {
      try {
        const commit = await handler.run({
          job,
          userId,
          signal: controller.signal,
          progress: (p) => this.progress.push(String(job.id), p),
        });
        if (controller.signal.aborted) throw controller.signal.reason;
        const runtime = (nowMs() - entry.startedAt) / 1000;
        this.progress.drop(String(job.id));
        this.opts.hub.atomically(this.opts.db, () => {
          commit();
          const done = this.opts.jobs.complete(job.id, runtime);
          if (done) this.announce(done, userId);
        });
        this.storageSucceeded();
        this.throughput.record(this.rateKey(job.type, job), job.units, runtime);
      } catch (err) {
        this.progress.drop(String(job.id));
        // A result that could not be stored: the job goes back to the queue and runs again.
        if (this.storageFailed(err)) entry.released = true;
        try {
          this.settleFailure(entry, handler, toError(err, controller.signal));
        } catch (settleErr) {
          if (!this.storageFailed(settleErr)) throw settleErr;
          this.stranded.set(job.id, { job, userId });
        }
      } finally {
        clearTimeout(timeout);
        this.running.delete(job.id);
        this.wake();
      }
    })();
  }

  private settleFailure(entry: Running, handler: JobHandler, error: InkproofError): void {
    const { job, userId } = entry;
    const runtime = (nowMs() - entry.startedAt) / 1000;
    this.opts.hub.atomically(this.opts.db, () => {
      if (entry.released) {
        const back = this.opts.jobs.release(job.id);
        if (back) {
          handler.requeued?.(back, userId);
          this.announce(back, userId);
        }
      } else if (entry.cancelled || error.code === 'cancelled') {
        const cancelled = this.opts.jobs.cancel(job.id) ?? this.opts.jobs.get(job.id);
        handler.failed(job, userId, new InkproofError('cancelled', 'Cancelled.'), true);
        if (cancelled) this.announce(cancelled, userId);
      } else if (error.retryable && job.attempts < job.max_attempts) {
        const delay = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** (job.attempts - 1));
        const back = this.opts.jobs.backoff(job.id, error.message, nowMs() + delay);
        this.opts.logger?.warn(
          { job: job.id, type: job.type, attempt: job.attempts, delay, error: error.message },
          'job failed, retrying after backoff',
        );
        if (back) {
          handler.requeued?.(back, userId);
          this.announce(back, userId);
        }
      } else {
        const failed = this.opts.jobs.fail(job.id, error.message, runtime);
        this.opts.logger?.warn({ job: job.id, type: job.type, code: error.code, error: error.message }, 'job failed');
        handler.failed(job, userId, error, false);
        if (failed) this.announce(failed, userId);
      }
    });
  }

  /** Cancels a queued or running job; resolves once it is settled. */
  async cancel(id: number): Promise<JobRecord> {
    const running = this.running.get(id);
    if (running) {
      running.cancelled = true;
      running.controller.abort(new InkproofError('cancelled', 'Cancelled.'));
      await running.done;
      return this.mustGet(id);
    }
    const job = this.mustGet(id);
    if (job.status !== 'queued')
      throw new InkproofError('conflict', `This job is ${job.status} and cannot be cancelled.`);
    this.opts.hub.atomically(this.opts.db, () => {
      const cancelled = this.opts.jobs.cancel(id);
      if (!cancelled) return;
      const userId = this.opts.jobs.userOf(id) ?? 0;
      this.handler(job.type).failed(job, userId, new InkproofError('cancelled', 'Cancelled.'), true);
      this.announce(cancelled, userId);
    });
    return this.mustGet(id);
  }

  /** Queues a failed or cancelled job again. */
  retry(id: number): JobRecord {
    const job = this.mustGet(id);
    if (job.status !== 'failed' && job.status !== 'cancelled')
      throw new InkproofError('conflict', `Only failed or cancelled jobs can be retried; this one is ${job.status}.`);
    const out = this.opts.hub.atomically(this.opts.db, () => {
      const back = this.opts.jobs.retry(id);
      if (!back) throw new InkproofError('conflict', 'This job changed while it was being retried; try again.');
      const userId = this.opts.jobs.userOf(id) ?? 0;
      this.handler(back.type).requeued?.(back, userId);
      this.announce(back, userId);
      return back;
    });
    this.wake();
    return out;
  }

  isRunning(id: number): boolean {
    return this.running.has(id);
  }

  /**
   * Stops taking work. Running jobs get `drainMs` to finish; the rest are stopped and put back in
   * the queue without counting the attempt, to run again on the next start.
   */
  async stop(drainMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.storageRetry) clearTimeout(this.storageRetry);
    const all = () => Promise.all([...this.running.values()].map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      all().then(() => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), drainMs))),
    ]);
    clearTimeout(timer);
    if (!drained) {
      for (const r of this.running.values()) {
        r.released = true;
        r.controller.abort(new InkproofError('cancelled', 'Inkproof is shutting down.'));
      }
      await all();
    }
    this.progress.close();
  }

  private mustGet(id: number): JobRecord {
    const job = this.opts.jobs.get(id);
    if (!job) throw new InkproofError('not_found', `There is no job ${id}.`);
    return job;
  }

  private announce(job: JobRecord, userId: number): void {
    const data: EventPayload<'job.updated'> = {
      id: job.id,
      type: job.type,
      subject_id: job.subject_id,
      status: job.status,
      progress: job.progress,
      attempts: job.attempts,
      error: job.error,
      created_at: job.created_at,
      started_at: job.started_at,
      finished_at: job.finished_at,
      runtime: job.runtime,
    };
    this.opts.hub.broadcast({ channel: queueChannel(userId), event: 'job.updated', data });
  }
}

function describe(type: JobType): string {
  return type === 'rewrite' ? 'revision' : type === 'validate' ? 'check' : 'analysis';
}

function toError(err: unknown, signal: AbortSignal): InkproofError {
  if (signal.aborted && InkproofError.is(signal.reason)) return signal.reason;
  if (InkproofError.is(err)) return err;
  return new InkproofError('internal', err instanceof Error ? err.message : String(err), { retryable: true });
}
