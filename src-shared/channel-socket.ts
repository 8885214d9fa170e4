/**
 * A client of Inkproof's Pusher-protocol (v7) socket, shared by the browser version's Bridge and
 * the sync engine of a device (which runs it in Node over `ws`): it needs only something shaped
 * like a WebSocket and a way to authorize private channels.
 *
 * Reconnects with exponential backoff and jitter. On every (re)connection it authorizes and
 * resubscribes each channel with `since` = the last seq it delivered, so the server replays what
 * was missed before live events; a channel whose position is unknown (nothing received yet) gets a
 * `resync` so that its state is reloaded. It reports `live` only after a ping sent behind the
 * resubscriptions has come back: the server answers frames in order, so by then every replayed
 * event has been delivered. A channel seen twice (the same seq again) is delivered once.
 */
import type { ConnectionState, SubscriptionMessage, Unsubscribe } from './bridge';
import type { Envelope, ReplayResult } from './events';

/** What the client needs of a WebSocket (the browser's, or `ws` in Node). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

/** Thrown by `authorize` when the server refuses a channel for good (not a network failure). */
export class ChannelRefused extends Error {
  constructor(
    readonly channel: string,
    readonly status: number,
  ) {
    super(`The server refused the channel ${channel} (${status}).`);
  }
}

export interface ChannelSocketOptions {
  /** The socket's address, asked again for every connection attempt. */
  url: () => string;
  open: (url: string) => SocketLike;
  /** The `auth` signature of a private channel for this connection, or ChannelRefused. */
  authorize: (socketId: string, channel: string) => Promise<string>;
  /** A second subscriber of a channel already on the socket gets what it missed this way. */
  catchUp?: (channel: string, since: number) => Promise<ReplayResult>;
  /** First reconnect delay, its ceiling, and after how many failed attempts the state is `offline`. */
  backoff?: { baseMs?: number; maxMs?: number; offlineAfter?: number };
  random?: () => number;
  /** True when the platform knows it has no network (navigator.onLine === false). */
  isOffline?: () => boolean;
  /** Called when a channel is refused (ChannelRefused from authorize). */
  onRefused?: (channel: string, status: number) => void;
  /**
   * Called when the server closes the connection refusing it (Pusher close codes 4000–4099: an
   * unknown app, a missing or revoked token); it is tried again only slowly.
   */
  onServerRefused?: (code: number) => void;
}

interface LocalSub {
  onMessage: (m: SubscriptionMessage) => void;
  lastSeq: number | null;
  /** Live messages held back while an HTTP catch-up for this subscriber is running. */
  held: SubscriptionMessage[] | null;
}

interface Wire {
  channel: string;
  subs: Set<LocalSub>;
  /** Last seq delivered on this channel; null until one is known. */
  lastSeq: number | null;
  state: 'idle' | 'subscribing' | 'subscribed' | 'refused';
  /** Subscribed on an earlier connection: events may have been missed since. */
  wasSubscribed: boolean;
}

interface PusherFrame {
  event: string;
  channel?: string;
  data?: unknown;
  seq?: number;
  /** When the hub published it (ms): history replayed on joining a channel keeps its own time. */
  ts?: number;
}

export class ChannelSocket {
  private readonly opts: ChannelSocketOptions;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly offlineAfter: number;
  private readonly random: () => number;
  private ws: SocketLike | null = null;
  private id: string | null = null;
  private generation = 0;
  private attempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setTimeout> | null = null;
  private activityTimeoutMs = 30_000;
  private awaitingBarrier = false;
  private closed = false;
  private started = false;
  private state: ConnectionState = 'reconnecting';
  private readonly connectionListeners = new Set<(s: ConnectionState) => void>();
  private readonly wires = new Map<string, Wire>();
  /** Counters for tests and status tooltips. */
  readonly stats = { connects: 0, framesIn: 0, replayed: 0 };

  constructor(opts: ChannelSocketOptions) {
    this.opts = opts;
    this.baseMs = opts.backoff?.baseMs ?? 250;
    this.maxMs = opts.backoff?.maxMs ?? 5000;
    this.offlineAfter = opts.backoff?.offlineAfter ?? 3;
    this.random = opts.random ?? Math.random;
  }

  /** The server's id of the current connection (Pusher's socket_id), for `toOthers`. */
  get socketId(): string | null {
    return this.id;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.connect();
  }

  onConnection(listener: (state: ConnectionState) => void): Unsubscribe {
    this.connectionListeners.add(listener);
    listener(this.state);
    return () => this.connectionListeners.delete(listener);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const l of [...this.connectionListeners]) l(state);
  }

  private connect(): void {
    if (this.closed || this.ws) return;
    const gen = ++this.generation;
    let ws: SocketLike;
    try {
      ws = this.opts.open(this.opts.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onmessage = (e) => {
      if (gen !== this.generation) return;
      this.touch();
      this.onFrame(typeof e.data === 'string' ? e.data : '');
    };
    ws.onclose = (e) => {
      if (gen !== this.generation) return;
      this.onClosed(e.code);
    };
    ws.onerror = () => {
      /* a close follows */
    };
  }

  /** Drops the socket (tests, a stale heartbeat) and reconnects as after any loss. */
  dropConnection(): void {
    this.ws?.close(4200, 'client reconnect');
  }

  private onClosed(code: number): void {
    this.ws = null;
    this.id = null;
    this.awaitingBarrier = false;
    this.clearHeartbeat();
    for (const w of this.wires.values()) {
      if (w.state === 'subscribed') w.wasSubscribed = true;
      w.state = 'idle';
    }
    if (this.closed) return;
    this.generation++;
    // 4000–4099: the server refuses these parameters (unknown app, unauthorized): retry slowly.
    const refused = code >= 4000 && code < 4100;
    this.scheduleReconnect(refused ? this.maxMs * 6 : undefined);
    if (refused) this.opts.onServerRefused?.(code);
  }

  private scheduleReconnect(delayOverride?: number): void {
    if (this.closed || this.reconnectTimer) return;
    this.attempts++;
    const offline = this.attempts > this.offlineAfter || this.opts.isOffline?.() === true;
    this.setState(offline ? 'offline' : 'reconnecting');
    const exp = Math.min(this.maxMs, this.baseMs * 2 ** (this.attempts - 1));
    const delay = delayOverride ?? Math.round(exp * (0.5 + this.random() * 0.5));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  /** Reconnects at once instead of waiting for the backoff (the network came back, a retry). */
  reconnectNow(): void {
    if (this.closed || this.ws || !this.started) return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.connect();
  }

  private touch(): void {
    this.clearHeartbeat();
    if (this.closed) return;
    // Silence for the server's activity timeout: ping; no answer soon after: the link is dead.
    this.heartbeat = setTimeout(() => {
      this.send({ event: 'pusher:ping', data: {} });
      this.heartbeat = setTimeout(() => this.ws?.close(4201, 'pong not received'), 15_000);
    }, this.activityTimeoutMs);
  }

  private clearHeartbeat(): void {
    if (this.heartbeat) clearTimeout(this.heartbeat);
    this.heartbeat = null;
  }

  private send(frame: object): void {
    if (this.ws && this.ws.readyState === 1) this.ws.send(JSON.stringify(frame));
  }

  private onFrame(raw: string): void {
    let msg: PusherFrame;
    try {
      msg = JSON.parse(raw) as PusherFrame;
    } catch {
      return;
    }
    if (!msg || typeof msg.event !== 'string') return;
    this.stats.framesIn++;
    const data = typeof msg.data === 'string' ? safeParse(msg.data) : msg.data;
    switch (msg.event) {
      case 'pusher:connection_established': {
        const d = data as { socket_id?: string; activity_timeout?: number };
        this.id = typeof d?.socket_id === 'string' ? d.socket_id : null;
        if (typeof d?.activity_timeout === 'number' && d.activity_timeout > 0)
          this.activityTimeoutMs = d.activity_timeout * 1000;
        this.stats.connects++;
        this.resubscribeAll();
        return;
      }
      case 'pusher:pong':
        if (this.awaitingBarrier) {
          this.awaitingBarrier = false;
          this.attempts = 0;
          this.setState('live');
        }
        return;
      case 'pusher:ping':
        this.send({ event: 'pusher:pong', data: {} });
        return;
      case 'pusher_internal:subscription_succeeded': {
        const w = msg.channel ? this.wires.get(msg.channel) : undefined;
        if (w) w.state = 'subscribed';
        return;
      }
      case 'pusher:subscription_error': {
        const w = msg.channel ? this.wires.get(msg.channel) : undefined;
        if (w) w.state = 'refused';
        return;
      }
      case 'pusher_internal:resync': {
        const w = msg.channel ? this.wires.get(msg.channel) : undefined;
        const last = Number((data as { last_seq?: number })?.last_seq ?? 0);
        if (w) this.deliverResync(w, last);
        return;
      }
      case 'pusher:error':
        return;
      default: {
        if (!msg.channel) return;
        const w = this.wires.get(msg.channel);
        if (!w || typeof msg.seq !== 'number') return;
        if (w.lastSeq !== null && msg.seq <= w.lastSeq) return;
        w.lastSeq = msg.seq;
        // The hub's time, so that what a `since` subscription replays reads as history, not as news
        // (a server that does not send it: the time it arrived).
        const ts = typeof msg.ts === 'number' && Number.isFinite(msg.ts) ? msg.ts : Date.now();
        const envelope: Envelope = { channel: msg.channel, event: msg.event, data, seq: msg.seq, ts };
        for (const sub of [...w.subs]) deliverTo(sub, { type: 'event', envelope });
      }
    }
  }

  private deliverResync(w: Wire, lastSeq: number): void {
    w.lastSeq = lastSeq > 0 ? lastSeq : w.lastSeq;
    for (const sub of [...w.subs]) {
      sub.lastSeq = lastSeq > 0 ? lastSeq : sub.lastSeq;
      const m: SubscriptionMessage = { type: 'resync', channel: w.channel, last_seq: lastSeq };
      if (sub.held) sub.held.push(m);
      else sub.onMessage(m);
    }
  }

  private resubscribeAll(): void {
    const gen = this.generation;
    const wires = [...this.wires.values()];
    Promise.all(wires.map((w) => this.subscribeWire(w, gen))).then(() => {
      if (gen !== this.generation || !this.ws) return;
      this.awaitingBarrier = true;
      this.send({ event: 'pusher:ping', data: {} });
    });
  }

  private async subscribeWire(w: Wire, gen: number): Promise<void> {
    const socketId = this.id;
    if (!socketId || w.state === 'subscribing' || w.state === 'subscribed') return;
    w.state = 'subscribing';
    let auth: string;
    try {
      auth = await this.opts.authorize(socketId, w.channel);
    } catch (err) {
      if (gen === this.generation) w.state = err instanceof ChannelRefused ? 'refused' : 'idle';
      if (err instanceof ChannelRefused) this.opts.onRefused?.(w.channel, err.status);
      return;
    }
    if (gen !== this.generation || this.wires.get(w.channel) !== w || w.subs.size === 0) return;
    const data: Record<string, unknown> = { channel: w.channel, auth };
    if (w.lastSeq !== null) data.since = w.lastSeq;
    this.send({ event: 'pusher:subscribe', data });
    if (w.lastSeq === null && w.wasSubscribed) {
      // Events may have come and gone while we were away, and we cannot say from where: reload.
      this.deliverResync(w, 0);
    }
  }

  /**
   * Subscribes to a channel (full name). With `sinceSeq`, missed envelopes after that seq are
   * delivered first, in order, before live ones; never twice.
   */
  subscribe(channel: string, sinceSeq: number | null, onMessage: (message: SubscriptionMessage) => void): Unsubscribe {
    const sub: LocalSub = { onMessage, lastSeq: sinceSeq, held: null };
    let w = this.wires.get(channel);
    if (!w) {
      w = { channel, subs: new Set([sub]), lastSeq: sinceSeq, state: 'idle', wasSubscribed: false };
      this.wires.set(channel, w);
      if (this.id) void this.subscribeWire(w, this.generation);
    } else {
      w.subs.add(sub);
      if (sinceSeq !== null && (w.lastSeq === null || sinceSeq < w.lastSeq)) void this.catchUp(w, sub, sinceSeq);
      else if (w.state === 'idle' && this.id) void this.subscribeWire(w, this.generation);
    }
    const wire = w;
    return () => {
      wire.subs.delete(sub);
      if (wire.subs.size > 0 || this.wires.get(channel) !== wire) return;
      this.wires.delete(channel);
      if (wire.state === 'subscribed' || wire.state === 'subscribing')
        this.send({ event: 'pusher:unsubscribe', data: { channel } });
    };
  }

  /** A second subscriber of a channel already on the socket gets its missed events by HTTP. */
  private async catchUp(w: Wire, sub: LocalSub, since: number): Promise<void> {
    if (!this.opts.catchUp) return;
    sub.held = [];
    try {
      const r = await this.opts.catchUp(w.channel, since);
      if ('resync' in r) deliverTo(sub, { type: 'resync', channel: w.channel, last_seq: r.last_seq }, true);
      else for (const env of r.events) deliverTo(sub, { type: 'event', envelope: env }, true);
    } catch {
      /* live events still follow */
    }
    const held = sub.held ?? [];
    sub.held = null;
    for (const m of held) deliverTo(sub, m);
  }

  /** Stops reconnecting and closes the socket. */
  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.clearHeartbeat();
    this.ws?.close(1000, 'closed');
    this.ws = null;
  }
}

function deliverTo(sub: LocalSub, m: SubscriptionMessage, bypassHold = false): void {
  if (sub.held && !bypassHold) {
    sub.held.push(m);
    return;
  }
  if (m.type === 'event') {
    if (sub.lastSeq !== null && m.envelope.seq <= sub.lastSeq) return;
    sub.lastSeq = m.envelope.seq;
  } else if (m.last_seq > 0) {
    sub.lastSeq = m.last_seq;
  }
  sub.onMessage(m);
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
