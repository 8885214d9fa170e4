/**
 * A moving measure of throughput (work units — words — per second per worker thread) for each job
 * type, from which `estimated_time` is computed. Seeded from the last completed jobs in the store,
 * so estimates are right from the first job after a restart.
 */
import type { JobType } from '../../../src-shared/models';

/**
 * Used only until the first job of a type has completed on this machine; afterwards every
 * estimate comes from measured runs. Deliberately cautious values (words per second per thread).
 */
const PRIOR_WORDS_PER_SECOND: Record<JobType, number> = { analyze: 50_000, rewrite: 10_000, validate: 50_000 };
/** Fixed cost of a job (queueing, worker start, a database write), in seconds. */
const PRIOR_OVERHEAD_SECONDS = 0.05;
const SMOOTHING = 0.3;

export class Throughput {
  private readonly rate = new Map<JobType, number>();

  record(type: JobType, units: number, seconds: number): void {
    if (!(seconds > 0) || units <= 0) return;
    const sample = units / seconds;
    const prev = this.rate.get(type);
    this.rate.set(type, prev === undefined ? sample : prev + SMOOTHING * (sample - prev));
  }

  /** Seeds from past runs, oldest first. */
  seed(type: JobType, runs: { units: number; runtime: number }[]): void {
    for (const r of [...runs].reverse()) this.record(type, r.units, r.runtime);
  }

  /** Measured words per second per thread, or null before any run. */
  measured(type: JobType): number | null {
    return this.rate.get(type) ?? null;
  }

  /** Seconds until `units` of work (the job plus the work ahead of it) are done on `threads` threads. */
  estimate(type: JobType, units: number, threads: number, jobsAhead: number): number {
    const rate = this.rate.get(type) ?? PRIOR_WORDS_PER_SECOND[type];
    const seconds =
      units / (rate * Math.max(1, threads)) + PRIOR_OVERHEAD_SECONDS * (1 + jobsAhead / Math.max(1, threads));
    return Math.round(seconds * 10) / 10;
  }
}
