/**
 * Coalesces progress (docs/architecture.md §2): at most one emission per key per interval, never going
 * backwards, the latest value always delivered at the end of the interval, and `finish` emitting
 * 100 if it was not the last value sent.
 */
export class ProgressCoalescer {
  private readonly state = new Map<
    string,
    { sent: number; pending: number | null; last: number; timer: NodeJS.Timeout | null }
  >();

  /**
   * `onError` receives what `emit` throws (e.g. a full disk while storing progress): progress runs
   * on timers, where an exception would end the process. Without it, errors propagate.
   */
  constructor(
    private readonly intervalMs: number,
    private readonly emitProgress: (key: string, progress: number) => void,
    private readonly onError?: (err: unknown) => void,
  ) {}

  private emit(key: string, progress: number): void {
    if (!this.onError) return this.emitProgress(key, progress);
    try {
      this.emitProgress(key, progress);
    } catch (err) {
      this.onError(err);
    }
  }

  push(key: string, progress: number, now = Date.now()): void {
    const p = Math.max(0, Math.min(100, Math.floor(progress)));
    let s = this.state.get(key);
    if (!s) {
      s = { sent: -1, pending: null, last: -Infinity, timer: null };
      this.state.set(key, s);
    }
    if (p <= s.sent || (s.pending !== null && p <= s.pending)) return;
    if (now - s.last >= this.intervalMs && s.timer === null) {
      this.send(key, s, p, now);
      return;
    }
    s.pending = p;
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
    if (progress > 0) this.state.set(key, { sent: progress, pending: null, last: -Infinity, timer: null });
  }

  /** Flushes what is pending and makes sure 100 was the last value sent; forgets the key. */
  finish(key: string): void {
    const s = this.state.get(key);
    if (s?.timer) clearTimeout(s.timer);
    if (!s || s.sent < 100) this.emit(key, 100);
    this.state.delete(key);
  }

  /** Forgets a key without emitting (a failed or cancelled job). */
  drop(key: string): void {
    const s = this.state.get(key);
    if (s?.timer) clearTimeout(s.timer);
    this.state.delete(key);
  }

  private send(key: string, s: { sent: number; pending: number | null; last: number }, p: number, now: number): void {
    s.sent = p;
    s.pending = null;
    s.last = now;
    this.emit(key, p);
  }

  close(): void {
    for (const s of this.state.values()) if (s.timer) clearTimeout(s.timer);
    this.state.clear();
  }
}
