/**
 * Per-frame coalescing. The first batch after a quiet frame is delivered at once (in a microtask),
 * and anything that arrives
 * after that in the same frame waits for the next animation frame. So there is at most one
 * delivery per frame, however hard events burst, and no added latency when they do not.
 *
 * requestAnimationFrame does not run in a hidden tab or a minimised window; a timer stands in
 * there so that events never pile up unapplied.
 */
export interface FrameClock {
  requestFrame(cb: () => void): void;
  /** As soon as the tasks already queued have run. */
  soon(cb: () => void): void;
}

/**
 * Right after the current task (a microtask): the event that arrived first reaches the screen
 * without waiting for a timer or a frame. The hub sends an analysis before its job update, so the
 * event users wait for is the one applied at once; what follows it in the same frame waits for the
 * next one.
 */
function postSoon(cb: () => void): void {
  queueMicrotask(cb);
}

export const browserClock: FrameClock = {
  requestFrame(cb) {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cb();
    };
    if (typeof requestAnimationFrame === 'function' && (typeof document === 'undefined' || document.visibilityState !== 'hidden')) {
      requestAnimationFrame(run);
      // A frame that never comes (hidden, throttled) must not hold events back for long.
      setTimeout(run, 100);
    } else {
      setTimeout(run, 16);
    }
  },
  soon(cb) {
    postSoon(cb);
  },
};

export class FrameBatcher<T> {
  private pending: T[] = [];
  private flushQueued = false;
  private deliveredThisFrame = false;
  private tickScheduled = false;
  /** Number of deliveries so far (tests and benchmarks read it). */
  deliveries = 0;

  constructor(
    private readonly deliver: (batch: T[]) => void,
    private readonly clock: FrameClock = browserClock,
  ) {}

  push(item: T): void {
    this.pending.push(item);
    if (this.flushQueued) return;
    this.flushQueued = true;
    if (this.deliveredThisFrame) this.scheduleTick();
    else this.clock.soon(() => this.flush());
  }

  /** Delivers whatever is pending now (used before reporting the connection live again). */
  flushNow(): void {
    if (this.pending.length > 0) this.flush();
  }

  get size(): number {
    return this.pending.length;
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.deliveredThisFrame = true;
    this.scheduleTick();
    this.deliveries++;
    this.deliver(batch);
  }

  private scheduleTick(): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    this.clock.requestFrame(() => {
      this.tickScheduled = false;
      this.deliveredThisFrame = false;
      if (this.flushQueued) this.flush();
    });
  }
}
