/**
 * Coalesces progress (docs/architecture.md §2): at most one emission per key per interval, never going
 * backwards, the latest value always delivered at the end of the interval, and `finish` emitting
 * 100 if it was not the last value sent.
 *
 * A value may carry steps ("section 3 of 10"): a step forward counts as progress even when the
 * percentage stays, the step count never goes backwards either, and `finish` completes it.
 */

/** Steps of the work done and in all. */
export interface ProgressSteps {
  done: number;
  total: number;
}

interface KeyState {
  sent: number;
  sentSteps: number;
  pending: number | null;
  steps: ProgressSteps | null;
  last: number;
  timer: NodeJS.Timeout | null;
}

export class ProgressCoalescer {
  private readonly state = new Map<string, KeyState>();

  /**
   * `onError` receives what `emit` throws (e.g. a full disk while storing progress): progress runs
   * on timers, where an exception would end the process. Without it, errors propagate.
   */
  constructor(
    private readonly intervalMs: number,
    private readonly emitProgress: (key: string, progress: number, steps?: ProgressSteps) => void,
    private readonly onError?: (err: unknown) => void,
  ) {}

  private emit(key: string, progress: number, steps?: ProgressSteps): void {
    if (!this.onError) return this.emitProgress(key, progress, steps);
    try {
      this.emitProgress(key, progress, steps);
    } catch (err) {
      this.onError(err);
    }
  }

  push(key: string, progress: number, now = Date.now(), steps?: ProgressSteps): void {
    const p = Math.max(0, Math.min(100, Math.floor(progress)));
    let s = this.state.get(key);
    if (!s) {
      s = { sent: -1, sentSteps: -1, pending: null, steps: null, last: -Infinity, timer: null };
      this.state.set(key, s);
    }
    const stepForward = steps !== undefined && steps.done > (s.steps?.done ?? -1);
    if (steps !== undefined && (s.steps === null || steps.done >= s.steps.done)) s.steps = { ...steps };
    const floor = Math.max(s.sent, s.pending ?? -1);
    if (p <= floor && !stepForward) return;
    const value = Math.max(p, floor);
    if (now - s.last >= this.intervalMs && s.timer === null) {
      this.send(key, s, value, now);
      return;
    }
    s.pending = value;
    if (s.timer === null) {
      const wait = Math.max(0, this.intervalMs - (now - s.last));
      s.timer = setTimeout(() => {
        const cur = this.state.get(key);
        if (!cur) return;
        cur.timer = null;
        if (cur.pending !== null) this.send(key, cur, cur.pending, Date.now());
      }, wait);
    }
  }

  /** Sets the floor of a key: values at or below it are not emitted (progress of an earlier attempt). */
  seed(key: string, progress: number): void {
    this.drop(key);
    if (progress > 0)
      this.state.set(key, { sent: progress, sentSteps: -1, pending: null, steps: null, last: -Infinity, timer: null });
  }

  /** Flushes what is pending and makes sure 100 (with every step done) was the last value sent; forgets the key. */
  finish(key: string): void {
    const s = this.state.get(key);
    if (s?.timer) clearTimeout(s.timer);
    const total = s?.steps?.total;
    if (!s || s.sent < 100 || (total !== undefined && s.sentSteps < total))
      this.emit(key, 100, total !== undefined ? { done: total, total } : undefined);
    this.state.delete(key);
  }

  /** Forgets a key without emitting (a failed or cancelled job). */
  drop(key: string): void {
    const s = this.state.get(key);
    if (s?.timer) clearTimeout(s.timer);
    this.state.delete(key);
  }

  private send(key: string, s: KeyState, p: number, now: number): void {
    s.sent = p;
    s.pending = null;
    s.last = now;
    if (s.steps) {
      s.sentSteps = s.steps.done;
      this.emit(key, p, { ...s.steps });
    } else this.emit(key, p);
  }

  close(): void {
    for (const s of this.state.values()) if (s.timer) clearTimeout(s.timer);
    this.state.clear();
  }
}
