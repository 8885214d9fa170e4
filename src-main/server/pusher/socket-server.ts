/**
 * The WebSocket endpoint `/app/{key}` speaking Pusher Channels v7 on top of the broadcast hub:
 * connection_established, ping/pong, subscribe (private channels with HMAC auth from the auth
 * endpoint), unsubscribe, and delivery of hub envelopes with their `seq`. A subscribe may carry
 * `since` (an Inkproof extension pusher-js never sends): the missed envelopes are replayed on the
 * socket before live ones, or a `pusher_internal:resync` tells the client to reload.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { CHANNEL_NAME_RE, parseChannel } from '../../../src-shared/channels';
import type { Unsubscribe } from '../../../src-shared/bridge';
import type { BroadcastHub } from '../../core/hub/hub';
import type { AppRegistry, PusherApp } from './apps';
import { CLOSE, envelopeFrame, errorFrame, frame, parseClientMessage, type ClientMessage } from './protocol';
import { channelAuthString, verifyAuth } from './signature';

export interface SocketServerOptions {
  hub: BroadcastHub;
  apps: AppRegistry;
  logger: Logger;
  /** Bytes a slow client may have queued before it is disconnected (4100, reconnect later). */
  maxBufferedBytes?: number;
}

interface Connection {
  socketId: string;
  app: PusherApp;
  ws: WebSocket;
  subscriptions: Map<string, Unsubscribe>;
  lastSeen: number;
  pinged: boolean;
}

const MAX_SUBSCRIPTIONS = 1000;

export class PusherSocketServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly sweeper: NodeJS.Timeout;
  readonly stats = { connections: 0, messagesIn: 0, messagesOut: 0, errors: 0 };

  constructor(private readonly opts: SocketServerOptions) {
    const maxPayload = Math.max(...opts.apps.all().map((a) => a.maxMessageBytes), 10 * 1024);
    this.wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
    this.sweeper = setInterval(() => this.sweep(), 5000);
    this.sweeper.unref();
  }

  get size(): number {
    return this.connections.size;
  }

  /** Takes over an HTTP upgrade already checked for token, Host and Origin. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url));
  }

  private accept(ws: WebSocket, url: URL): void {
    const m = /^\/app\/([^/]+)$/.exec(url.pathname);
    const reject = (code: number, message: string) => {
      ws.send(errorFrame(message, code));
      ws.close(code, message);
    };
    if (!m) return reject(CLOSE.PATH_NOT_FOUND, 'Path not found');
    const app = this.opts.apps.findByKey(decodeURIComponent(m[1]));
    if (!app) return reject(CLOSE.UNKNOWN_APP, 'App key not in use');
    const protocol = url.searchParams.get('protocol');
    if (!protocol) return reject(CLOSE.NO_PROTOCOL, 'No protocol version supplied');
    if (!/^\d+$/.test(protocol) || Number(protocol) < 5 || Number(protocol) > 7) return reject(CLOSE.UNSUPPORTED_PROTOCOL, 'Unsupported protocol version');

    const conn: Connection = { socketId: newSocketId(), app, ws, subscriptions: new Map(), lastSeen: Date.now(), pinged: false };
    this.connections.add(conn);
    this.stats.connections++;
    this.send(conn, frame('pusher:connection_established', { socket_id: conn.socketId, activity_timeout: app.activityTimeout }));
    ws.on('message', (data, isBinary) => {
      conn.lastSeen = Date.now();
      conn.pinged = false;
      this.stats.messagesIn++;
      if (isBinary) return this.error(conn, 'Binary frames are not supported', null);
      this.onMessage(conn, data.toString());
    });
    ws.on('pong', () => {
      conn.lastSeen = Date.now();
      conn.pinged = false;
    });
    ws.on('close', () => this.drop(conn));
    ws.on('error', (err) => {
      this.stats.errors++;
      this.opts.logger.debug({ err, socket: conn.socketId }, 'socket error');
    });
  }

  private onMessage(conn: Connection, raw: string): void {
    const msg = parseClientMessage(raw);
    if (!msg) return this.error(conn, 'Invalid message format: expected a JSON object with an "event"', 4200);
    switch (msg.event) {
      case 'pusher:ping':
        return this.send(conn, frame('pusher:pong', {}));
      case 'pusher:pong':
        return;
      case 'pusher:subscribe':
        return void this.subscribe(conn, msg);
      case 'pusher:unsubscribe':
        return this.unsubscribe(conn, msg);
      default:
        if (msg.event.startsWith('client-')) return this.error(conn, 'Client events are not enabled for this app', null);
        return this.error(conn, `Unknown event "${msg.event}"`, null);
    }
  }

  private subscribe(conn: Connection, msg: ClientMessage): void {
    const data = (typeof msg.data === 'object' && msg.data !== null ? msg.data : {}) as Record<string, unknown>;
    const channel = data.channel;
    if (typeof channel !== 'string' || !CHANNEL_NAME_RE.test(channel)) {
      return this.error(conn, 'Invalid channel name', 4009);
    }
    if (conn.subscriptions.has(channel)) return this.send(conn, frame('pusher_internal:subscription_succeeded', {}, channel));
    if (conn.subscriptions.size >= MAX_SUBSCRIPTIONS) return this.subscriptionError(conn, channel, 'LimitReached', 'Too many subscriptions on this connection', 400);
    const { kind } = parseChannel(channel);
    if (kind === 'presence') return this.subscriptionError(conn, channel, 'UnsupportedChannel', 'Presence channels are not enabled on this server', 400);
    if (kind !== 'public' && !verifyAuth(data.auth, conn.app.key, conn.app.secret, channelAuthString(conn.socketId, channel))) {
      return this.subscriptionError(conn, channel, 'AuthError', 'Invalid signature: subscribe to private channels with an auth from the auth endpoint', 401);
    }
    const since = typeof data.since === 'number' && Number.isInteger(data.since) && data.since >= 0 ? data.since : null;
    this.send(conn, frame('pusher_internal:subscription_succeeded', {}, channel));
    const unsubscribe = this.opts.hub.subscribe(
      channel,
      (m) => {
        if (m.type === 'event') this.send(conn, envelopeFrame(m.envelope));
        else this.send(conn, frame('pusher_internal:resync', { last_seq: m.last_seq }, channel));
      },
      { since, connectionId: conn.socketId },
    );
    conn.subscriptions.set(channel, unsubscribe);
  }

  private unsubscribe(conn: Connection, msg: ClientMessage): void {
    const channel = (msg.data as { channel?: unknown } | undefined)?.channel;
    if (typeof channel !== 'string') return;
    conn.subscriptions.get(channel)?.();
    conn.subscriptions.delete(channel);
  }

  private subscriptionError(conn: Connection, channel: string, type: string, error: string, status: number): void {
    this.send(conn, frame('pusher:subscription_error', { type, error, status }, channel));
  }

  private error(conn: Connection, message: string, code: number | null): void {
    this.stats.errors++;
    this.send(conn, errorFrame(message, code));
  }

  private send(conn: Connection, data: string): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    if (conn.ws.bufferedAmount > (this.opts.maxBufferedBytes ?? 8 * 1024 * 1024)) {
      // A client that cannot keep up is asked to come back later rather than grow our memory.
      conn.ws.close(CLOSE.OVER_CAPACITY, 'Over capacity');
      return;
    }
    this.stats.messagesOut++;
    conn.ws.send(data);
  }

  private drop(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    for (const unsubscribe of conn.subscriptions.values()) unsubscribe();
    conn.subscriptions.clear();
  }

  /** Pings silent connections and closes those that do not answer (4201). */
  private sweep(): void {
    const now = Date.now();
    for (const conn of this.connections) {
      const silent = now - conn.lastSeen;
      if (conn.pinged && silent > conn.app.activityTimeout * 1000 + 30_000) {
        conn.ws.close(CLOSE.PONG_NOT_RECEIVED, 'Pong reply not received');
      } else if (!conn.pinged && silent > conn.app.activityTimeout * 1000) {
        conn.pinged = true;
        conn.ws.ping();
        this.send(conn, frame('pusher:ping', {}));
      }
    }
  }

  /** Closes every connection with 4200 (reconnect), spread over `spreadMs` so clients do not return at once. */
  async close(spreadMs = 1000): Promise<void> {
    clearInterval(this.sweeper);
    const all = [...this.connections];
    const step = all.length > 1 ? spreadMs / all.length : 0;
    await Promise.all(
      all.map(
        (conn, i) =>
          new Promise<void>((resolve) => {
            const t = setTimeout(() => {
              conn.ws.once('close', () => resolve());
              conn.ws.close(CLOSE.GENERIC_RECONNECT, 'Server shutting down');
              setTimeout(() => {
                conn.ws.terminate();
                resolve();
              }, 2000).unref();
            }, i * step);
            t.unref();
          }),
      ),
    );
    this.wss.close();
  }
}

function newSocketId(): string {
  return `${crypto.randomInt(1, 2 ** 31)}.${crypto.randomInt(1, 2 ** 31)}`;
}
