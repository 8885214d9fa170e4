/**
 * The browser version's Bridge: commands over `POST /api/commands/:name`, live events over the
 * server's Pusher-protocol WebSocket (`/app/{key}`, through the shared ChannelSocket, which
 * reconnects, resubscribes with `since` and reports `live` once the replay is in), the event log's
 * firehose (`*`) over the server-sent event stream.
 */
import { ChannelRefused, ChannelSocket, type SocketLike } from '../../src-shared/channel-socket';
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

const CLIENT_VERSION = '0.1.0';

export class WebBridge implements AppBridge {
  readonly kind = 'web' as const;
  private readonly base: string;
  private readonly token: string | null;
  private readonly appKey: string;
  private readonly WS: typeof WebSocket;
  private readonly fetchImpl: typeof fetch;
  private readonly ES: typeof EventSource | undefined;
  private readonly socket: ChannelSocket;
  private firehose: {
    source: EventSource;
    subs: Set<{ onMessage: (message: SubscriptionMessage) => void }>;
  } | null = null;
  private readonly onOnline = () => this.socket.reconnectNow();
  private readonly onVisible = () => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') this.socket.reconnectNow();
  };

  constructor(opts: WebBridgeOptions) {
    this.base = opts.baseUrl.replace(/\/$/, '');
    this.token = opts.token ?? null;
    this.appKey = opts.appKey ?? 'inkproof';
    this.WS = opts.WebSocket ?? globalThis.WebSocket;
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.ES = opts.EventSource ?? (globalThis as { EventSource?: typeof EventSource }).EventSource;
    this.socket = new ChannelSocket({
      url: () => this.socketUrl(),
      // The DOM WebSocket has every member SocketLike names; its event types are just narrower.
      open: (url) => new this.WS(url) as unknown as SocketLike,
      authorize: (socketId, channel) => this.authorize(socketId, channel),
      catchUp: (channel, since) => this.invoke('getEvents', { channel, since }),
      backoff: opts.backoff,
      random: opts.random,
      isOffline: () => typeof navigator !== 'undefined' && navigator.onLine === false,
    });
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      window.addEventListener('online', this.onOnline);
      document.addEventListener('visibilitychange', this.onVisible);
    }
    if (opts.connect !== false) this.socket.start();
  }

  // ---- commands -------------------------------------------------------------------------------

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    const socketId = this.socket.socketId;
    if (socketId) h['x-socket-id'] = socketId;
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
    return this.socket.onConnection(listener);
  }

  get connectionState(): ConnectionState {
    return this.socket.connectionState;
  }

  /** Counters for tests and the status bar's tooltip. */
  get stats(): ChannelSocket['stats'] {
    return this.socket.stats;
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

  private async authorize(socketId: string, channel: string): Promise<string> {
    try {
      const body = (await this.request('/broadcasting/auth', {
        method: 'POST',
        headers: this.headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ socket_id: socketId, channel_name: channel }),
      })) as { auth: string };
      return body.auth;
    } catch (err) {
      if (err instanceof BridgeError && err.code !== 'network') throw new ChannelRefused(channel, err.status ?? 0);
      throw err;
    }
  }

  /** Drops the socket (tests, a stale heartbeat) and reconnects as after any loss. */
  dropConnection(): void {
    this.socket.dropConnection();
  }

  // ---- subscriptions ----------------------------------------------------------------------------

  subscribe(channel: string, sinceSeq: number | null, onMessage: (message: SubscriptionMessage) => void): Unsubscribe {
    if (channel === FIREHOSE) return this.subscribeFirehose(onMessage);
    return this.socket.subscribe(channel, sinceSeq, onMessage);
  }

  private subscribeFirehose(onMessage: (message: SubscriptionMessage) => void): Unsubscribe {
    const sub = { onMessage };
    if (!this.firehose && this.ES) {
      const url = new URL(`${this.base}/api/events/stream`);
      if (this.token) url.searchParams.set('token', this.token);
      const source = new this.ES(url.toString());
      const subs = new Set<{ onMessage: (message: SubscriptionMessage) => void }>();
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
    this.socket.close();
    this.firehose?.source.close();
    this.firehose = null;
    if (typeof window !== 'undefined' && typeof window.removeEventListener === 'function') {
      window.removeEventListener('online', this.onOnline);
      document.removeEventListener('visibilitychange', this.onVisible);
    }
  }
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
