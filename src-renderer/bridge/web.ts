/**
 * The browser version's Bridge: commands over `POST /api/commands/:name`, live events over the
 * server's Pusher-protocol WebSocket (`/app/{key}`), the event log's firehose (`*`) over the
 * server-sent event stream.
 *
 * Reconnects with exponential backoff and jitter. On every (re)connection it authorizes and
 * resubscribes each channel with `since` = the last seq it delivered, so the server replays what
 * was missed before live events; a channel whose position is unknown (nothing received yet) gets a
 * `resync` so that its state is reloaded by command. It reports `live` only after a ping sent
 * behind the resubscriptions has come back: the server answers frames in order, so by then every
 * replayed event has been delivered.
 */
import type { ConnectionState, SubscriptionMessage, Unsubscribe } from '../../src-shared/bridge';
import type { CommandArgs, CommandName, CommandResult, ImportResult } from '../../src-shared/commands';
import type { Envelope } from '../../src-shared/events';
import type { ErrorCode } from '../../src-shared/errors';
import { BridgeError, type AppBridge, type AppCommand, type SavedFile } from './types';

export const FIREHOSE = '*';

export interface WebBridgeOptions {
  /** Origin of the server, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Access token from the address the server printed; the WebSocket needs it (requests also have a cookie). */
  token?: string | null;
  /** Pusher app key of the server (`INKPROOF_APP_KEY`, default `inkproof`). */
  appKey?: string;
  WebSocket?: typeof WebSocket;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  /** First reconnect delay, its ceiling, and after how many failed attempts the state is `offline`. */
  backoff?: { baseMs?: number; maxMs?: number; offlineAfter?: number };
  random?: () => number;
  /** Start connecting at once (default true). */
  connect?: boolean;
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
}

const CLIENT_VERSION = '0.1.0';

export class WebBridge implements AppBridge {
  readonly kind = 'web' as const;
  private readonly base: string;
  private readonly token: string | null;
  private readonly appKey: string;
  private readonly WS: typeof WebSocket;
  private readonly fetchImpl: typeof fetch;
  private readonly ES: typeof EventSource | undefined;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly offlineAfter: number;
  private readonly random: () => number;

  private ws: WebSocket | null = null;
  private socketId: string | null = null;
  private generation = 0;
  private attempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setTimeout> | null = null;
  private activityTimeoutMs = 30_000;
  private awaitingBarrier = false;
  private closed = false;
  private state: ConnectionState = 'reconnecting';
  private readonly connectionListeners = new Set<(s: ConnectionState) => void>();
  private readonly wires = new Map<string, Wire>();
  private firehose: { source: EventSource; subs: Set<LocalSub> } | null = null;
  private readonly onOnline = () => this.reconnectNow();
  private readonly onVisible = () => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') this.reconnectNow();
  };
  /** Counters for tests and the status bar's tooltip. */
  readonly stats = { connects: 0, framesIn: 0, replayed: 0 };

  constructor(opts: WebBridgeOptions) {
    this.base = opts.baseUrl.replace(/\/$/, '');
    this.token = opts.token ?? null;
    this.appKey = opts.appKey ?? 'inkproof';
    this.WS = opts.WebSocket ?? globalThis.WebSocket;
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.ES = opts.EventSource ?? (globalThis as { EventSource?: typeof EventSource }).EventSource;
    this.baseMs = opts.backoff?.baseMs ?? 250;
    this.maxMs = opts.backoff?.maxMs ?? 5000;
    this.offlineAfter = opts.backoff?.offlineAfter ?? 3;
    this.random = opts.random ?? Math.random;
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      window.addEventListener('online', this.onOnline);
      document.addEventListener('visibilitychange', this.onVisible);
    }
    if (opts.connect !== false) this.connect();
  }

  // ---- commands -------------------------------------------------------------------------------

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (this.socketId) h['x-socket-id'] = this.socketId;
    return h;
  }

  /** `answers`: statuses besides 2xx whose body is an answer, not an error (an upload whose files were all refused). */
  private async request(path: string, init: RequestInit, answers: readonly number[] = []): Promise<unknown> {
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.base}${path}`, { credentials: 'same-origin', ...init });
    } catch {
      throw new BridgeError('network', 'The Inkproof server cannot be reached. Is it still running?');
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    const answer = answers.includes(res.status) && !!body && typeof body === 'object' && !('error' in body);
    if (!res.ok && !answer) {
      const err = (
        body as { error?: { code?: string; message?: string; issues?: { path: string; message: string }[] } } | null
      )?.error;
      throw new BridgeError(
        (err?.code as ErrorCode) ?? 'internal',
        err?.message ?? `The server answered ${res.status}.`,
        { issues: err?.issues, status: res.status },
      );
    }
    return body;
  }

  invoke<C extends CommandName>(command: C, args: CommandArgs<C>): Promise<CommandResult<C>> {
    return this.request(`/api/commands/${encodeURIComponent(command)}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(args ?? {}),
    }) as Promise<CommandResult<C>>;
  }

  async importFiles(files: File[]): Promise<ImportResult> {
    const out: ImportResult = { documents: [], errors: [] };
    // The server takes up to 100 files per upload.
    for (let i = 0; i < files.length; i += 50) {
      const chunk = files.slice(i, i + 50);
      const form = new FormData();
      for (const f of chunk) form.append('file', f, f.name);
      try {
        // 422 with a body: every file of the upload was refused, each with its own reason.
        const body = (await this.request(
          '/api/documents',
          { method: 'POST', headers: this.headers(), body: form },
          [422],
        )) as { document: ImportResult['documents'][number] } | ImportResult;
        if ('document' in body) out.documents.push(body.document);
        else {
          out.documents.push(...body.documents);
          out.errors.push(...body.errors);
        }
      } catch (err) {
        if (!(err instanceof BridgeError) || err.code === 'network') throw err;
        // A single refused file comes back as an error response; so does an upload refused as a whole.
        for (const f of chunk)
          out.errors.push({ name: f.name, error: { code: err.code as ErrorCode, message: err.message } });
      }
    }
    return out;
  }

  async saveFile(name: string, mime: string, base64: string): Promise<SavedFile> {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { saved: true };
  }

  onAppCommand(_listener: (command: AppCommand) => void): () => void {
    return () => {};
  }

  // ---- connection -----------------------------------------------------------------------------

  onConnection(listener: (state: ConnectionState) => void): Unsubscribe {
    this.connectionListeners.add(listener);
    listener(this.state);
    return () => this.connectionListeners.delete(listener);
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const l of [...this.connectionListeners]) l(state);
  }

  private socketUrl(): string {
    const u = new URL(`${this.base}/app/${encodeURIComponent(this.appKey)}`);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.searchParams.set('protocol', '7');
    u.searchParams.set('client', 'inkproof-web');
    u.searchParams.set('version', CLIENT_VERSION);
    u.searchParams.set('flash', 'false');
    if (this.token) u.searchParams.set('token', this.token);
    return u.toString();
  }

  private connect(): void {
    if (this.closed || this.ws) return;
    const gen = ++this.generation;
    let ws: WebSocket;
    try {
      ws = new this.WS(this.socketUrl());
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
    this.socketId = null;
    this.awaitingBarrier = false;
    this.clearHeartbeat();
    for (const w of this.wires.values()) {
      if (w.state === 'subscribed') w.wasSubscribed = true;
      w.state = 'idle';
    }
    if (this.closed) return;
    this.generation++;
    // 4000–4099: the server refuses these parameters (unknown app, unauthorized): retry slowly.
    this.scheduleReconnect(code >= 4000 && code < 4100 ? this.maxMs * 6 : undefined);
  }

  private scheduleReconnect(delayOverride?: number): void {
    if (this.closed || this.reconnectTimer) return;
    this.attempts++;
    const offline =
      this.attempts > this.offlineAfter || (typeof navigator !== 'undefined' && navigator.onLine === false);
    this.setState(offline ? 'offline' : 'reconnecting');
    const exp = Math.min(this.maxMs, this.baseMs * 2 ** (this.attempts - 1));
    const delay = delayOverride ?? Math.round(exp * (0.5 + this.random() * 0.5));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private reconnectNow(): void {
    if (this.closed || this.ws) return;
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
        this.socketId = typeof d?.socket_id === 'string' ? d.socket_id : null;
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
        const envelope: Envelope = { channel: msg.channel, event: msg.event, data, seq: msg.seq, ts: Date.now() };
        this.deliver(w, { type: 'event', envelope });
      }
    }
  }

  private deliver(w: Wire, m: SubscriptionMessage): void {
    for (const sub of [...w.subs]) deliverTo(sub, m);
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
    const socketId = this.socketId;
    if (!socketId || w.state === 'subscribing' || w.state === 'subscribed') return;
    w.state = 'subscribing';
    let auth: string;
    try {
      const body = (await this.request('/broadcasting/auth', {
        method: 'POST',
        headers: this.headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ socket_id: socketId, channel_name: w.channel }),
      })) as { auth: string };
      auth = body.auth;
    } catch (err) {
      if (gen === this.generation) w.state = err instanceof BridgeError && err.code !== 'network' ? 'refused' : 'idle';
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

  // ---- subscriptions ----------------------------------------------------------------------------

  subscribe(channel: string, sinceSeq: number | null, onMessage: (message: SubscriptionMessage) => void): Unsubscribe {
    const sub: LocalSub = { onMessage, lastSeq: sinceSeq, held: null };
    if (channel === FIREHOSE) return this.subscribeFirehose(sub);
    let w = this.wires.get(channel);
    if (!w) {
      w = { channel, subs: new Set([sub]), lastSeq: sinceSeq, state: 'idle', wasSubscribed: false };
      this.wires.set(channel, w);
      if (this.socketId) void this.subscribeWire(w, this.generation);
    } else {
      w.subs.add(sub);
      if (sinceSeq !== null && (w.lastSeq === null || sinceSeq < w.lastSeq)) void this.catchUp(w, sub, sinceSeq);
      else if (w.state === 'idle' && this.socketId) void this.subscribeWire(w, this.generation);
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
    sub.held = [];
    try {
      const r = await this.invoke('getEvents', { channel: w.channel, since });
      if ('resync' in r) deliverTo(sub, { type: 'resync', channel: w.channel, last_seq: r.last_seq }, true);
      else for (const env of r.events) deliverTo(sub, { type: 'event', envelope: env }, true);
    } catch {
      /* live events still follow */
    }
    const held = sub.held ?? [];
    sub.held = null;
    for (const m of held) deliverTo(sub, m);
  }

  private subscribeFirehose(sub: LocalSub): Unsubscribe {
    if (!this.firehose && this.ES) {
      const url = new URL(`${this.base}/api/events/stream`);
      if (this.token) url.searchParams.set('token', this.token);
      const source = new this.ES(url.toString());
      const subs = new Set<LocalSub>();
      source.onmessage = (e: MessageEvent) => {
        const env = safeParse(String(e.data)) as Envelope | null;
        if (!env || typeof env.channel !== 'string') return;
        for (const s of [...subs]) s.onMessage({ type: 'event', envelope: env });
      };
      this.firehose = { source, subs };
    }
    this.firehose?.subs.add(sub);
    return () => {
      const f = this.firehose;
      if (!f) return;
      f.subs.delete(sub);
      if (f.subs.size === 0) {
        f.source.close();
        this.firehose = null;
      }
    };
  }

  /** Stops reconnecting and closes everything (tests, page unload). */
  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.clearHeartbeat();
    this.ws?.close(1000, 'closed');
    this.ws = null;
    this.firehose?.source.close();
    this.firehose = null;
    if (typeof window !== 'undefined' && typeof window.removeEventListener === 'function') {
      window.removeEventListener('online', this.onOnline);
      document.removeEventListener('visibilitychange', this.onVisible);
    }
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

/** Reads the token from the address the server printed, keeps it for this tab, and removes it from the address bar. */
export function takeTokenFromLocation(
  loc: Location = window.location,
  storage: Storage = window.sessionStorage,
): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem('inkproof.token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + (url.search ? url.search : '') + url.hash);
    return fromUrl;
  }
  return storage.getItem('inkproof.token');
}
