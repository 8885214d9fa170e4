/**
 * The live client: Laravel Echo's API over the Bridge.
 *
 *   live.private('documents.12').listen('.document.analyzed', (e) => …)
 *   live.private('documents.12').stopListening('.document.analyzed')
 *   live.leave('documents.12')
 *
 * Underneath it keeps one Bridge subscription per channel while anything listens to it, remembers
 * the last `seq` of every channel (also after leaving it, so that coming back replays what was
 * missed), drops anything delivered twice, and turns a `resync` into a reload of that channel's
 * state by command. Everything received goes through a FrameBatcher: the store sinks get one
 * batch per animation frame at most, and the Echo-style listeners run in the same pass.
 *
 * While the connection is down (reconnecting or offline) it polls the registered pollers every
 * 5 s, the seed's fallback, and stops when the connection is live again. A connection only counts
 * as live once the Bridge has replayed what was missed and that replay has been applied.
 */
import type { Bridge, ConnectionState, SubscriptionMessage, Unsubscribe } from '../../src-shared/bridge';
import type { Envelope } from '../../src-shared/events';
import { browserClock, FrameBatcher, type FrameClock } from './frame';

/**
 * One delivered thing. `via` is the subscription it came through: the channel itself, or `*` for
 * the firehose (which sees the same envelopes again, for the event log).
 */
export type LiveItem =
  | { kind: 'event'; envelope: Envelope; via: string; replayed: boolean }
  | { kind: 'resync'; channel: string; last_seq: number };

// Payloads are typed by the event catalogue at the call site; the client itself does not know them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventCallback = (data: any, envelope: Envelope) => void;

export interface LiveStatus {
  connection: ConnectionState;
  /** True while the fallback polling runs. */
  polling: boolean;
  /** When the last poll finished (ms since epoch), or null. */
  lastPollAt: number | null;
  /** When the connection was last live. */
  liveSince: number | null;
}

export interface LiveOptions {
  bridge: Bridge;
  clock?: FrameClock;
  pollIntervalMs?: number;
  /** Grace period after the last listener leaves before the Bridge subscription is dropped. */
  lingerMs?: number;
  now?: () => number;
}

interface ChannelState {
  name: string;
  lastSeq: number | null;
  listeners: Map<string, Set<EventCallback>>;
  holds: number;
  unsubscribe: Unsubscribe | null;
  /** The current Bridge subscription; replaced on every (re)subscribe so late messages of an old one are ignored. */
  token: { active: boolean } | null;
  lingerTimer: ReturnType<typeof setTimeout> | null;
}

export const FIREHOSE_CHANNEL = '*';

/** Echo's event names: a leading dot means "as broadcast" (no namespace); we have no namespaces. */
function eventName(name: string): string {
  return name.startsWith('.') ? name.slice(1) : name;
}

export class LiveChannel {
  constructor(
    private readonly client: LiveClient,
    readonly name: string,
  ) {}

  listen(event: string, cb: EventCallback): this {
    this.client.addListener(this.name, eventName(event), cb);
    return this;
  }

  /** Every event of the channel (Echo's listenToAll). */
  listenToAll(cb: EventCallback): this {
    this.client.addListener(this.name, '*', cb);
    return this;
  }

  stopListening(event: string, cb?: EventCallback): this {
    this.client.removeListener(this.name, eventName(event), cb);
    return this;
  }

  stopListeningToAll(cb?: EventCallback): this {
    this.client.removeListener(this.name, '*', cb);
    return this;
  }
}

export class LiveClient {
  private readonly bridge: Bridge;
  private readonly channels = new Map<string, ChannelState>();
  private readonly batcher: FrameBatcher<LiveItem>;
  private readonly clock: FrameClock;
  private readonly sinks = new Set<(batch: LiveItem[]) => void>();
  private readonly resyncHandlers = new Set<(channel: string) => void>();
  private readonly pollers = new Set<() => unknown>();
  private readonly statusListeners = new Set<(s: LiveStatus) => void>();
  private readonly pollIntervalMs: number;
  private readonly lingerMs: number;
  private readonly now: () => number;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private polling = false;
  private wasDown = false;
  private stopConnection: Unsubscribe;
  status: LiveStatus = { connection: 'reconnecting', polling: false, lastPollAt: null, liveSince: null };

  constructor(opts: LiveOptions) {
    this.bridge = opts.bridge;
    this.pollIntervalMs = opts.pollIntervalMs ?? 5000;
    this.lingerMs = opts.lingerMs ?? 0;
    this.now = opts.now ?? Date.now;
    this.clock = opts.clock ?? browserClock;
    this.batcher = new FrameBatcher((batch) => this.deliver(batch), this.clock);
    this.stopConnection = this.bridge.onConnection((s) => this.onConnection(s));
  }

  // ---- Echo API ---------------------------------------------------------------------------------

  /** A private channel by its name without prefix, as in Echo: `private('documents.12')`. */
  private(name: string): LiveChannel {
    return new LiveChannel(this, name.startsWith('private-') ? name : `private-${name}`);
  }

  /** A channel by its full name (public, or already prefixed). */
  channel(fullName: string): LiveChannel {
    return new LiveChannel(this, fullName);
  }

  /** Every event the user may read, live only (the event log's firehose). */
  firehose(): LiveChannel {
    return new LiveChannel(this, FIREHOSE_CHANNEL);
  }

  /** Leaves a channel: all its listeners go, its last seq is remembered. Accepts Echo's short names. */
  leave(name: string): void {
    for (const full of [name, `private-${name}`]) {
      const ch = this.channels.get(full);
      if (!ch) continue;
      ch.listeners.clear();
      ch.holds = 0;
      this.release(ch, true);
    }
  }

  /**
   * Keeps a channel subscribed without a listener (its events still reach the store sinks).
   * `since` applies only the first time the channel is seen: 0 replays its whole retained history.
   */
  hold(fullName: string, opts: { since?: number | null } = {}): Unsubscribe {
    const ch = this.ensure(fullName, opts.since ?? null);
    ch.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      ch.holds--;
      this.release(ch);
    };
  }

  lastSeq(fullName: string): number | null {
    return this.channels.get(fullName)?.lastSeq ?? null;
  }

  isSubscribed(fullName: string): boolean {
    return this.channels.get(fullName)?.unsubscribe != null;
  }

  subscribedChannels(): string[] {
    return [...this.channels.values()].filter((c) => c.unsubscribe).map((c) => c.name);
  }

  /** Gets every batch (at most one per frame): the store's reducer. */
  addSink(sink: (batch: LiveItem[]) => void): Unsubscribe {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Called when a channel's events were lost: reload its state by command. */
  onResync(handler: (channel: string) => void): Unsubscribe {
    this.resyncHandlers.add(handler);
    return () => this.resyncHandlers.delete(handler);
  }

  /** Registers a poll, run every 5 s while the connection is down. */
  addPoller(poll: () => unknown): Unsubscribe {
    this.pollers.add(poll);
    return () => this.pollers.delete(poll);
  }

  onStatus(listener: (s: LiveStatus) => void): Unsubscribe {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  /** Delivers pending events at once (tests; before reporting live). */
  flush(): void {
    this.batcher.flushNow();
  }

  /** Number of batches delivered so far. */
  get deliveries(): number {
    return this.batcher.deliveries;
  }

  close(): void {
    this.stopConnection();
    this.stopPolling();
    for (const ch of this.channels.values()) {
      ch.unsubscribe?.();
      ch.unsubscribe = null;
    }
  }

  // ---- internals --------------------------------------------------------------------------------

  addListener(channel: string, event: string, cb: EventCallback): void {
    const ch = this.ensure(channel, null);
    let set = ch.listeners.get(event);
    if (!set) ch.listeners.set(event, (set = new Set()));
    set.add(cb);
  }

  removeListener(channel: string, event: string, cb?: EventCallback): void {
    const ch = this.channels.get(channel);
    if (!ch) return;
    const set = ch.listeners.get(event);
    if (set) {
      if (cb) set.delete(cb);
      else set.clear();
      if (set.size === 0) ch.listeners.delete(event);
    }
    this.release(ch);
  }

  private ensure(name: string, since: number | null): ChannelState {
    let ch = this.channels.get(name);
    if (!ch) {
      ch = {
        name,
        lastSeq: name === FIREHOSE_CHANNEL ? null : since,
        listeners: new Map(),
        holds: 0,
        unsubscribe: null,
        token: null,
        lingerTimer: null,
      };
      this.channels.set(name, ch);
    } else if (ch.lastSeq === null && since !== null && name !== FIREHOSE_CHANNEL && !ch.unsubscribe) {
      // Never saw an event there: the caller's starting point is as good as any.
      ch.lastSeq = since;
    }
    if (ch.lingerTimer) {
      clearTimeout(ch.lingerTimer);
      ch.lingerTimer = null;
    }
    if (!ch.unsubscribe) {
      const state = ch;
      // The Bridge may replay synchronously, inside subscribe(): the token is live before the call.
      const token = { active: true };
      ch.token = token;
      ch.unsubscribe = () => {};
      // Coming back to a channel replays what was missed since we left it.
      const unsubscribe = this.bridge.subscribe(name, name === FIREHOSE_CHANNEL ? null : ch.lastSeq, (m) => {
        if (token.active) this.receive(state, m);
      });
      ch.unsubscribe = () => {
        token.active = false;
        unsubscribe();
      };
    }
    return ch;
  }

  private release(ch: ChannelState, now = false): void {
    if (ch.holds > 0 || ch.listeners.size > 0 || !ch.unsubscribe) return;
    const drop = () => {
      ch.lingerTimer = null;
      if (ch.holds > 0 || ch.listeners.size > 0) return;
      ch.unsubscribe?.();
      ch.unsubscribe = null;
    };
    if (now || this.lingerMs <= 0) drop();
    else if (!ch.lingerTimer) ch.lingerTimer = setTimeout(drop, this.lingerMs);
  }

  private receive(ch: ChannelState, m: SubscriptionMessage): void {
    if (m.type === 'resync') {
      ch.lastSeq = m.last_seq > 0 ? m.last_seq : ch.lastSeq;
      this.batcher.push({ kind: 'resync', channel: ch.name, last_seq: m.last_seq });
      return;
    }
    const env = m.envelope;
    if (ch.name !== FIREHOSE_CHANNEL) {
      if (ch.lastSeq !== null && env.seq <= ch.lastSeq) return;
      ch.lastSeq = env.seq;
    }
    this.batcher.push({ kind: 'event', envelope: env, via: ch.name, replayed: this.status.connection !== 'live' });
  }

  private deliver(batch: LiveItem[]): void {
    for (const sink of this.sinks) {
      try {
        sink(batch);
      } catch (err) {
        console.error('A live store sink failed', err);
      }
    }
    // Listeners (and the commands they often send) run after React has committed the store's
    // change, which it does in a microtask queued by the update above: the screen comes first.
    this.clock.soon(() => this.notify(batch));
  }

  private notify(batch: LiveItem[]): void {
    for (const item of batch) {
      if (item.kind === 'resync') {
        for (const h of this.resyncHandlers) {
          try {
            h(item.channel);
          } catch (err) {
            console.error('A resync handler failed', err);
          }
        }
        continue;
      }
      const env = item.envelope;
      // Each subscription's listeners get what came through it: a channel's own, or the firehose's.
      const ch = this.channels.get(item.via);
      if (!ch) continue;
      for (const set of [ch.listeners.get(env.event), ch.listeners.get('*')]) {
        if (!set) continue;
        for (const cb of [...set]) {
          try {
            cb(env.data, env);
          } catch (err) {
            console.error(`A listener of ${env.event} failed`, err);
          }
        }
      }
    }
  }

  private onConnection(state: ConnectionState): void {
    if (state === 'live') {
      // What the Bridge replayed is applied before the status says live.
      this.batcher.flushNow();
      this.stopPolling();
      this.wasDown = false;
      this.setStatus({ connection: 'live', liveSince: this.now() });
    } else {
      this.wasDown = true;
      this.setStatus({ connection: state });
      this.startPolling();
    }
  }

  /** True when the connection has been down since it was last live. */
  get down(): boolean {
    return this.wasDown;
  }

  private startPolling(): void {
    if (this.pollTimer) return;
    this.polling = true;
    this.pollTimer = setInterval(() => void this.pollOnce(), this.pollIntervalMs);
    this.setStatus({ polling: true });
  }

  private stopPolling(): void {
    if (!this.pollTimer) return;
    clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.polling = false;
    this.setStatus({ polling: false });
  }

  /** Runs every poller once (also exposed for tests). */
  async pollOnce(): Promise<void> {
    await Promise.allSettled([...this.pollers].map(async (p) => p()));
    if (this.polling) this.setStatus({ lastPollAt: this.now() });
  }

  private setStatus(patch: Partial<LiveStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const l of [...this.statusListeners]) l(this.status);
  }
}
