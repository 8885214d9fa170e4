/**
 * Per-frame coalescing. The first batch after a quiet frame is delivered at once (in a microtask).
 * After that, within the same frame, one more may go at once if it comes at least `MIN_GAP_MS`
 * after the previous delivery — an isolated event, such as an analysis finishing a few
 * milliseconds after its job was reported started, is not held back for the frame. Anything
 * closer (a burst) waits for the next animation frame. So a burst gets at most one delivery per
 * frame, no frame ever gets more than two, and isolated events get no added latency.
 *
 * requestAnimationFrame does not run in a hidden tab or a minimised window; a timer stands in
 * there so that events never pile up unapplied.
 */
export interface FrameClock {
  requestFrame(cb: () => void): void;
  /** As soon as the tasks already queued have run. */
  soon(cb: () => void): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** Deliveries closer together than this are a burst (a quarter of a 60 Hz frame). */
export const MIN_GAP_MS = 4;
/** Deliveries in one frame at most (the second only after MIN_GAP_MS). */
const MAX_PER_FRAME = 2;

/**
 * In a task of its own, posted now (a MessageChannel message; no timer clamping): frames the socket
 * received together — an analysis and the job updates around it usually arrive within a
 * millisecond — are already queued as tasks, so they are taken into the same delivery instead of
 * the first one going alone and the rest waiting for the next frame. Where MessageChannel is
 * missing, a microtask.
 */
let channel: MessageChannel | null = null;
const queued: (() => void)[] = [];
function postSoon(cb: () => void): void {
  if (typeof MessageChannel !== 'function') {
    queueMicrotask(cb);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const list = queued.splice(0);
      for (const f of list) f();
    };
  }
  queued.push(cb);
  if (queued.length === 1) channel.port2.postMessage(null);
}

export const browserClock: FrameClock = {
  requestFrame(cb) {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cb();
    };
    if (
      typeof requestAnimationFrame === 'function' &&
      (typeof document === 'undefined' || document.visibilityState !== 'hidden')
    ) {
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
  now() {
    return performance.now();
  },
};

export class FrameBatcher<T> {
  private pending: T[] = [];
  private flushQueued = false;
  private deliveredThisFrame = 0;
  private lastDeliveryAt = -Infinity;
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
    if (this.mayDeliverNow()) this.clock.soon(() => this.flush());
    else this.scheduleTick();
  }

  /** Delivers whatever is pending now (used before reporting the connection live again). */
  flushNow(): void {
    if (this.pending.length > 0) this.flush();
  }

  get size(): number {
    return this.pending.length;
  }

  private mayDeliverNow(): boolean {
    if (this.deliveredThisFrame === 0) return true;
    return this.deliveredThisFrame < MAX_PER_FRAME && this.clock.now() - this.lastDeliveryAt >= MIN_GAP_MS;
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.deliveredThisFrame++;
    this.lastDeliveryAt = this.clock.now();
    this.scheduleTick();
    this.deliveries++;
    this.deliver(batch);
  }

  private scheduleTick(): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    this.clock.requestFrame(() => {
      this.tickScheduled = false;
      this.deliveredThisFrame = 0;
      if (this.flushQueued) this.flush();
    });
  }
}
