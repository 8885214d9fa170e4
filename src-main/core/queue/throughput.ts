/**
 * A moving measure of throughput (work units — words — per second per worker thread), from which
 * `estimated_time` is computed. Kept per job type, and per rate class where one type's jobs run at
 * very different speeds (a revision by the rules or by a local model: `rewrite:llm`). Seeded from
 * the last completed jobs in the store, so estimates are right from the first job after a restart.
 */
import type { JobType } from '../../../src-shared/models';

/** A job type, or a type and its rate class ("rewrite:llm"). */
export type RateKey = JobType | `${JobType}:${string}`;

/**
 * Used only until the first job of a kind has completed on this machine; afterwards every
 * estimate comes from measured runs. Deliberately cautious values (words per second per thread);
 * a local model writes a few tokens a second on a laptop.
 */
const PRIOR_WORDS_PER_SECOND: Record<string, number> = {
  analyze: 50_000,
  rewrite: 10_000,
  validate: 50_000,
  'rewrite:llm': 10,
};
/** Fixed cost of a job (queueing, worker start, a database write), in seconds. */
const PRIOR_OVERHEAD_SECONDS = 0.05;
const SMOOTHING = 0.3;

export class Throughput {
  private readonly rate = new Map<RateKey, number>();

  record(key: RateKey, units: number, seconds: number): void {
    if (!(seconds > 0) || units <= 0) return;
    const sample = units / seconds;
    const prev = this.rate.get(key);
    this.rate.set(key, prev === undefined ? sample : prev + SMOOTHING * (sample - prev));
  }

  /** Seeds from past runs, oldest first. */
  seed(key: RateKey, runs: { units: number; runtime: number }[]): void {
    for (const r of [...runs].reverse()) this.record(key, r.units, r.runtime);
  }

  /** Measured words per second per thread, or null before any run. */
  measured(key: RateKey): number | null {
    return this.rate.get(key) ?? null;
  }

  private rateOf(key: RateKey): number {
    return this.rate.get(key) ?? PRIOR_WORDS_PER_SECOND[key] ?? PRIOR_WORDS_PER_SECOND[key.split(':')[0]];
  }

  /**
   * Seconds until `work` (the job and the work ahead of it, each at its own kind's rate) is done
   * on `threads` threads.
   */
  estimate(work: readonly { key: RateKey; units: number }[], threads: number, jobsAhead: number): number {
    let threadSeconds = 0;
    for (const w of work) threadSeconds += w.units / this.rateOf(w.key);
    const seconds =
      threadSeconds / Math.max(1, threads) + PRIOR_OVERHEAD_SECONDS * (1 + jobsAhead / Math.max(1, threads));
    return Math.round(seconds * 10) / 10;
  }
}
