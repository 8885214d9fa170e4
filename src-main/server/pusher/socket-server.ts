/**
 * The WebSocket endpoint `/app/{key}` speaking Pusher Channels v7 (docs/protocol.md) on top of the
 * broadcast hub: connection_established, both kinds of ping, public/private/private-encrypted/
 * presence/cache channels, client events, `pusher:signin` and server-to-user messages, limits with
 * the protocol's codes, and a graceful shutdown that closes with 4200, staggered.
 *
 * Every channel event is a hub envelope and carries its `seq`. A subscribe may carry `since` (an
 * Inkproof extension pusher-js never sends): the missed envelopes are replayed on the socket before
 * live ones, or a `pusher_internal:resync` tells the client to reload. `subscription_succeeded`
 * carries the channel's seq at that moment, so a client that saw no event still knows where to
 * resume from.
 *
 * State shared between server processes (presence members, channel counts, connection quotas,
 * signals) goes through the `Cluster`; each connection's own messages are handled one after the
 * other (a per-connection chain), so an unsubscribe never overtakes the subscribe before it.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { CHANNEL_NAME_RE, parseChannel, type ChannelKind } from '../../../src-shared/channels';
import type { Unsubscribe } from '../../../src-shared/bridge';
import type { Envelope } from '../../../src-shared/events';
import type { BroadcastHub } from '../../core/hub/hub';
import type { Cluster, ClusterNotice, ClusterSignal } from '../cluster/cluster';
import type { AppRegistry, PusherApp } from './apps';
import { checkWsInternals, FrameWriter, textFrame, type FrameSink } from './frame-writer';
import {
  CLOSE,
  ERROR,
  envelopeFrame,
  errorFrame,
  frame,
  parseClientMessage,
  parseJsonObject,
  type ClientMessage,
} from './protocol';
import { channelAuthString, verifyAuth } from './signature';
import type { WebhookSender } from './webhooks';

/** An app as the server runs it: its hub (the core's for the primary app) and its local state. */
export interface AppRuntime {
  app: PusherApp;
  hub: BroadcastHub;
  /** Ready subscriptions on this process, per channel. */
  channels: Map<string, Set<Connection>>;
  /** Signed-in connections on this process, per user id. */
  users: Map<string, Set<Connection>>;
  connections: Set<Connection>;
  webhooks: WebhookSender;
}

export interface SocketServerOptions {
  runtimes: Map<string, AppRuntime>;
  apps: AppRegistry;
  cluster: Cluster;
  logger: Logger;
  /** Bytes a slow client may have queued before it is disconnected (4100, reconnect later). */
  maxBufferedBytes?: number;
  /** How often silent connections are checked (default: a fifth of the shortest activity timeout, at most 5 s). */
  sweepMs?: number;
  /** Cache channels replay their last event for this long (Pusher: 30 minutes). */
  cacheTtlMs?: number;
  /** Messages of one connection waiting to be handled before it is asked to come back later. */
  maxPendingOps?: number;
  onDeliveryLatency?: (seconds: number) => void;
}

interface Subscription {
  channel: string;
  kind: ChannelKind | 'user';
  unsubscribe: Unsubscribe | null;
  presenceUser: string | null;
  presenceInfo?: unknown;
  /** Until subscription_succeeded is sent: what arrived for the channel, in order. */
  held: (Envelope | string)[] | null;
  lastSeq: number;
}

export interface Connection extends FrameSink {
  socketId: string;
  rt: AppRuntime;
  ws: WebSocket;
  subs: Map<string, Subscription>;
  user: { id: string; data: string } | null;
  lastSeen: number;
  pinged: boolean;
  tokens: number;
  tokensAt: number;
  chain: Promise<void>;
  pendingOps: number;
  accepted: boolean;
  closed: boolean;
  /** Access tokens this connection was opened or authorized with: revoking one closes it. */
  authTokens: Set<string> | null;
}

const PROTOCOL_MIN = 5;
const PROTOCOL_MAX = 7;

export class PusherSocketServer {
  /** Every open connection by its socket id (for tokens that authorize channels over HTTP). */
  private readonly bySocketId = new Map<string, Connection>();
  private readonly wss: WebSocketServer;
  private readonly sweeper: NodeJS.Timeout;
  private closing = false;
  readonly stats = { connectionsTotal: 0, messagesIn: 0, messagesOut: 0, errors: new Map<string, number>() };
  private readonly maxBuffered: number;
  private readonly cacheTtlMs: number;
  private readonly maxPendingOps: number;
  private readonly writer = new FrameWriter();
  private readonly untaps: Unsubscribe[] = [];

  constructor(private readonly opts: SocketServerOptions) {
    // Fails here, at start-up, if the ws internals the frame writer uses have changed.
    checkWsInternals();
    const apps = opts.apps.all();
    const maxPayload = Math.max(...apps.map((a) => a.maxMessageBytes), 1024);
    this.wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false, clientTracking: false });
    this.maxBuffered = opts.maxBufferedBytes ?? 8 * 1024 * 1024;
    this.cacheTtlMs = opts.cacheTtlMs ?? 30 * 60_000;
    this.maxPendingOps = opts.maxPendingOps ?? 256;
    const sweepMs =
      opts.sweepMs ??
      Math.max(
        100,
        Math.min(5000, (Math.min(...apps.map((a) => Math.min(a.activityTimeout, a.pongTimeout))) * 1000) / 5),
      );
    this.sweeper = setInterval(() => this.sweep(), sweepMs);
    this.sweeper.unref();
    opts.cluster.onSignal((s) => this.onSignal(s));
    opts.cluster.onNotice((n) => this.onNotice(n));
    opts.cluster.onResync?.(() => this.registerAgain());
    if (opts.onDeliveryLatency) {
      const observe = opts.onDeliveryLatency;
      for (const rt of opts.runtimes.values())
        this.untaps.push(rt.hub.tap((env) => observe((Date.now() - env.ts) / 1000)));
    }
  }

  /** Open connections on this process. */
  get size(): number {
    let n = 0;
    for (const rt of this.opts.runtimes.values()) n += rt.connections.size;
    return n;
  }

  /** Takes over an HTTP upgrade already checked for Host and Origin (and its token, if it carried one). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, token: string | null = null): void {
    if (this.closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url, token));
  }

  /** Ties a connection to a token that authorized one of its channels (or its sign-in). */
  bindToken(socketId: string, token: string): void {
    const conn = this.bySocketId.get(socketId);
    if (conn && !conn.closed) (conn.authTokens ??= new Set()).add(token);
  }

  /** Closes (4009, no reconnect) every connection tied to a token that is no longer live. */
  closeRevoked(isLive: (token: string) => boolean): number {
    let closed = 0;
    for (const conn of this.bySocketId.values()) {
      if (conn.closed || conn.authTokens === null) continue;
      for (const token of conn.authTokens) {
        if (isLive(token)) continue;
        this.send(conn, errorFrame('The access token of this connection was revoked', CLOSE.UNAUTHORIZED));
        this.closeWith(conn, CLOSE.UNAUTHORIZED, 'Token revoked');
        closed++;
        break;
      }
    }
    return closed;
  }

  private countError(kind: string): void {
    this.stats.errors.set(kind, (this.stats.errors.get(kind) ?? 0) + 1);
  }

  private accept(ws: WebSocket, url: URL, token: string | null): void {
    const reject = (code: number, message: string) => {
      this.countError('connection_refused');
      ws.send(errorFrame(message, code));
      ws.close(code, message);
    };
    const m = /^\/app\/([^/]+)$/.exec(url.pathname);
    if (!m) return reject(CLOSE.PATH_NOT_FOUND, 'Path not found');
    let key: string;
    try {
      key = decodeURIComponent(m[1]);
    } catch {
      return reject(CLOSE.UNKNOWN_APP, 'App key not in use');
    }
    const app = this.opts.apps.findByKey(key);
    const rt = app && this.opts.runtimes.get(app.id);
    if (!app || !rt) return reject(CLOSE.UNKNOWN_APP, 'App key not in use');
    if (!app.enabled) return reject(CLOSE.APP_DISABLED, 'App is disabled');
    const protocol = url.searchParams.get('protocol');
    if (!protocol) return reject(CLOSE.NO_PROTOCOL, 'No protocol version supplied');
    if (!/^\d{1,3}$/.test(protocol) || Number(protocol) < PROTOCOL_MIN || Number(protocol) > PROTOCOL_MAX)
      return reject(CLOSE.UNSUPPORTED_PROTOCOL, 'Unsupported protocol version');

    const now = Date.now();
    const conn: Connection = {
      socketId: newSocketId(),
      rt,
      ws,
      subs: new Map(),
      user: null,
      lastSeen: now,
      pinged: false,
      tokens: app.limits.clientEventsPerSecond,
      tokensAt: now,
      chain: Promise.resolve(),
      pendingOps: 0,
      accepted: false,
      closed: false,
      authTokens: token ? new Set([token]) : null,
      out: null,
      outBytes: 0,
    };
    this.bySocketId.set(conn.socketId, conn);
    ws.on('message', (data, isBinary) => {
      conn.lastSeen = Date.now();
      conn.pinged = false;
      this.stats.messagesIn++;
      if (isBinary) return this.error(conn, 'Binary frames are not supported', null, 'bad_message');
      const raw = data as Buffer;
      if (raw.length > app.maxMessageBytes)
        return this.error(conn, `Message too large (at most ${app.maxMessageBytes} bytes)`, null, 'too_large');
      this.onMessage(conn, raw.toString('utf8'));
    });
    ws.on('pong', () => {
      conn.lastSeen = Date.now();
      conn.pinged = false;
    });
    ws.on('close', () => this.enqueue(conn, () => this.drop(conn), true));
    ws.on('error', (err) => {
      this.countError('socket');
      this.opts.logger.debug({ err, socket: conn.socketId }, 'socket error');
    });

    const established = () => {
      conn.accepted = true;
      rt.connections.add(conn);
      this.stats.connectionsTotal++;
      this.send(
        conn,
        frame('pusher:connection_established', { socket_id: conn.socketId, activity_timeout: app.activityTimeout }),
      );
    };
    if (app.limits.maxConnections > 0) {
      // The quota counts the app's connections on every process.
      this.enqueue(conn, async () => {
        const ok = await this.opts.cluster.acquireConnection(app.id, app.limits.maxConnections);
        if (!ok) {
          this.countError('over_quota');
          this.send(conn, errorFrame('Over connection quota', CLOSE.OVER_QUOTA));
          this.closeWith(conn, CLOSE.OVER_QUOTA, 'Over connection quota');
          conn.closed = true;
          return;
        }
        if (ws.readyState !== ws.OPEN) {
          // Closed while we waited: give the place back (its close handler finds nothing to do).
          await this.opts.cluster.releaseConnection(app.id);
          return;
        }
        established();
      });
    } else {
      established();
    }
  }

  /** Runs a connection's operations one after the other; too many waiting means the client floods. */
  private enqueue(conn: Connection, op: () => void | Promise<void>, always = false): void {
    if (conn.closed && !always) return;
    if (!always && ++conn.pendingOps > this.maxPendingOps) {
      this.countError('flood');
      this.error(conn, 'Too many messages waiting: slow down', null, 'flood');
      this.closeWith(conn, CLOSE.OVER_CAPACITY, 'Too many messages waiting');
      conn.closed = true;
      return;
    }
    conn.chain = conn.chain
      .then(op)
      .catch((err) => {
        this.countError('internal');
        this.opts.logger.error({ err, socket: conn.socketId }, 'handling a socket message failed');
      })
      .finally(() => {
        if (!always) conn.pendingOps--;
      });
  }

  private onMessage(conn: Connection, raw: string): void {
    const msg = parseClientMessage(raw);
    if (!msg)
      return this.error(conn, 'Invalid message format: expected a JSON object with an "event"', null, 'bad_message');
    switch (msg.event) {
      case 'pusher:ping':
        return this.send(conn, frame('pusher:pong', {}));
      case 'pusher:pong':
        return;
      case 'pusher:subscribe':
        return this.enqueue(conn, () => this.subscribe(conn, msg));
      case 'pusher:unsubscribe':
        return this.enqueue(conn, () => this.unsubscribe(conn, msg));
      case 'pusher:signin':
        return this.enqueue(conn, () => this.signin(conn, msg));
      default:
        if (msg.event.startsWith('client-')) return this.enqueue(conn, () => this.clientEvent(conn, msg));
        return this.error(conn, `Unknown event "${msg.event.slice(0, 100)}"`, null, 'unknown_event');
    }
  }

  // ---- subscriptions -------------------------------------------------------------------------

  private async subscribe(conn: Connection, msg: ClientMessage): Promise<void> {
    if (!conn.accepted || conn.closed) return;
    const { app, hub } = conn.rt;
    const data = (
      typeof msg.data === 'object' && msg.data !== null && !Array.isArray(msg.data) ? msg.data : {}
    ) as Record<string, unknown>;
    const channel = data.channel;
    if (typeof channel !== 'string' || !CHANNEL_NAME_RE.test(channel)) {
      return this.error(
        conn,
        'Invalid channel name: up to 164 characters from A-Z a-z 0-9 _ - = @ , . ;',
        4009,
        'bad_channel',
      );
    }
    const existing = conn.subs.get(channel);
    if (existing) {
      if (!existing.held)
        this.send(conn, frame('pusher_internal:subscription_succeeded', {}, channel, existing.lastSeq));
      return;
    }
    if (conn.subs.size >= app.limits.maxSubscriptionsPerConnection) {
      return this.subscriptionError(
        conn,
        channel,
        'LimitReached',
        `At most ${app.limits.maxSubscriptionsPerConnection} channels per connection`,
        400,
      );
    }

    let kind: Subscription['kind'];
    let presence: { userId: string; userInfo: unknown } | null = null;
    if (channel.startsWith('#')) {
      // Server-to-user messages: only for the connection signed in as that user.
      const userId = /^#server-to-user-(.+)$/.exec(channel)?.[1];
      if (!userId || !conn.user || conn.user.id !== userId) {
        return this.subscriptionError(
          conn,
          channel,
          'AuthError',
          'Sign in as this user (pusher:signin) before subscribing to its channel',
          403,
        );
      }
      kind = 'user';
    } else {
      kind = parseChannel(channel).kind;
      if (kind === 'private' || kind === 'private-encrypted') {
        if (!verifyAuth(data.auth, app.key, app.secret, channelAuthString(conn.socketId, channel))) {
          return this.subscriptionError(
            conn,
            channel,
            'AuthError',
            'Invalid signature: subscribe to private channels with an auth from the auth endpoint',
            401,
          );
        }
      } else if (kind === 'presence') {
        const channelData = data.channel_data;
        if (
          typeof channelData !== 'string' ||
          !verifyAuth(data.auth, app.key, app.secret, channelAuthString(conn.socketId, channel, channelData))
        ) {
          return this.subscriptionError(
            conn,
            channel,
            'AuthError',
            'Invalid signature: subscribe to presence channels with the auth and channel_data of the auth endpoint',
            401,
          );
        }
        const member = parseChannelData(channelData);
        if (!member)
          return this.subscriptionError(
            conn,
            channel,
            'InvalidChannelData',
            'channel_data must be a JSON object with a user_id',
            400,
          );
        if (member.userInfoBytes > app.limits.maxPresenceUserInfoBytes) {
          return this.subscriptionError(
            conn,
            channel,
            'LimitReached',
            `user_info is larger than ${app.limits.maxPresenceUserInfoBytes} bytes`,
            413,
          );
        }
        presence = member;
      }
    }
    const since =
      typeof data.since === 'number' && Number.isSafeInteger(data.since) && data.since >= 0 ? data.since : null;

    // A cache channel starts with its last event: replayed through the hub, so it is never sent twice.
    const cache = since === null && kind !== 'user' && parseChannel(channel).cache;
    let replayFrom = since;
    let cacheHit = false;
    if (cache) {
      const last = await hub.lastEnvelope(channel);
      if (last && Date.now() - last.ts <= this.cacheTtlMs) {
        replayFrom = last.seq - 1;
        cacheHit = true;
      }
      if (conn.closed) return;
    }

    const sub: Subscription = { channel, kind, unsubscribe: null, presenceUser: null, held: [], lastSeq: 0 };
    conn.subs.set(channel, sub);
    // Listen first (holding what arrives), so that nothing falls between the answer and live delivery.
    sub.unsubscribe = hub.subscribe(
      channel,
      (m) => {
        if (m.type === 'event') {
          if (sub.held) sub.held.push(m.envelope);
          else this.sendFrame(conn, envelopeFrame(m.envelope));
        } else {
          const f = frame('pusher_internal:resync', { last_seq: m.last_seq }, channel);
          if (sub.held) sub.held.push(f);
          else this.send(conn, f);
        }
      },
      { since: replayFrom, connectionId: conn.socketId },
    );

    const { cluster } = this.opts;
    let succeeded: unknown = {};
    let first = false;
    if (presence) {
      const joined = await cluster.presenceJoin(
        app.id,
        channel,
        conn.socketId,
        presence.userId,
        presence.userInfo,
        app.limits.maxPresenceMembers,
      );
      if (joined.refused) {
        sub.unsubscribe();
        conn.subs.delete(channel);
        return this.subscriptionError(
          conn,
          channel,
          'LimitReached',
          `This presence channel is full (${app.limits.maxPresenceMembers} members)`,
          403,
        );
      }
      sub.presenceUser = presence.userId;
      sub.presenceInfo = presence.userInfo;
      first = joined.first;
      const ids = [...joined.members.keys()];
      succeeded = { presence: { ids, hash: Object.fromEntries(joined.members), count: ids.length } };
    }
    const total = await cluster.adjustChannel(app.id, channel, 1);
    if (total === 1) conn.rt.webhooks.send({ name: 'channel_occupied', channel });
    sub.lastSeq = await hub.lastSeqAsync(channel);

    let local = conn.rt.channels.get(channel);
    if (!local) conn.rt.channels.set(channel, (local = new Set()));
    local.add(conn);
    this.send(conn, frame('pusher_internal:subscription_succeeded', succeeded, channel, sub.lastSeq));

    if (cache && !cacheHit) {
      this.send(conn, JSON.stringify({ event: 'pusher:cache_miss', channel }));
      conn.rt.webhooks.send({ name: 'cache_miss', channel });
    }
    const held = sub.held ?? [];
    sub.held = null;
    for (const h of held) {
      if (typeof h === 'string') this.send(conn, h);
      else this.sendFrame(conn, envelopeFrame(h));
    }
    if (presence && first) {
      await cluster.signal({
        type: 'member_added',
        app: app.id,
        channel,
        user_id: presence.userId,
        user_info: presence.userInfo,
        socket_id: conn.socketId,
      });
      conn.rt.webhooks.send({ name: 'member_added', channel, user_id: presence.userId });
    }
  }

  private async unsubscribe(conn: Connection, msg: ClientMessage): Promise<void> {
    const channel = (msg.data as { channel?: unknown } | undefined)?.channel;
    if (typeof channel !== 'string') return this.error(conn, 'pusher:unsubscribe needs a channel', null, 'bad_message');
    await this.leave(conn, channel);
  }

  /** Ends one subscription of a connection: hub, local sets, presence and the shared counts. */
  private async leave(conn: Connection, channel: string): Promise<void> {
    const sub = conn.subs.get(channel);
    if (!sub) return;
    conn.subs.delete(channel);
    sub.unsubscribe?.();
    const { app } = conn.rt;
    const local = conn.rt.channels.get(channel);
    if (local) {
      local.delete(conn);
      if (local.size === 0) conn.rt.channels.delete(channel);
    }
    const { cluster } = this.opts;
    if (sub.presenceUser !== null) {
      const left = await cluster.presenceLeave(app.id, channel, conn.socketId);
      if (left?.last) {
        await cluster.signal({ type: 'member_removed', app: app.id, channel, user_id: left.user_id });
        conn.rt.webhooks.send({ name: 'member_removed', channel, user_id: left.user_id });
      }
    }
    const total = await cluster.adjustChannel(app.id, channel, -1);
    if (total === 0) conn.rt.webhooks.send({ name: 'channel_vacated', channel });
  }

  // ---- users ---------------------------------------------------------------------------------

  private async signin(conn: Connection, msg: ClientMessage): Promise<void> {
    if (!conn.accepted || conn.closed) return;
    const { app } = conn.rt;
    const data = (typeof msg.data === 'object' && msg.data !== null ? msg.data : {}) as Record<string, unknown>;
    const userData = data.user_data;
    let id: string | null = null;
    if (
      typeof userData === 'string' &&
      verifyAuth(data.auth, app.key, app.secret, `${conn.socketId}::user::${userData}`)
    ) {
      try {
        const parsed = JSON.parse(userData) as { id?: unknown };
        if (typeof parsed.id === 'string' && parsed.id.length > 0 && parsed.id.length <= 200) id = parsed.id;
      } catch {
        /* refused below */
      }
    }
    if (id === null) {
      // As Pusher: a failed sign-in closes the connection (4009: do not reconnect with the same parameters).
      this.countError('auth');
      this.send(
        conn,
        errorFrame(
          'Invalid user authentication: sign in with the auth and user_data of the user authentication endpoint',
          CLOSE.UNAUTHORIZED,
        ),
      );
      this.closeWith(conn, CLOSE.UNAUTHORIZED, 'Unauthorized');
      return;
    }
    if (conn.user && conn.user.id !== id) this.forgetUser(conn);
    conn.user = { id, data: userData as string };
    let set = conn.rt.users.get(id);
    if (!set) conn.rt.users.set(id, (set = new Set()));
    set.add(conn);
    this.send(conn, frame('pusher:signin_success', { user_data: userData }));
  }

  private forgetUser(conn: Connection): void {
    if (!conn.user) return;
    const set = conn.rt.users.get(conn.user.id);
    set?.delete(conn);
    if (set && set.size === 0) conn.rt.users.delete(conn.user.id);
  }

  // ---- client events -------------------------------------------------------------------------

  private clientEvent(conn: Connection, msg: ClientMessage): void {
    if (!conn.accepted || conn.closed) return;
    const { app, hub } = conn.rt;
    if (!app.clientEvents) return this.error(conn, 'Client events are not enabled for this app', null, 'client_event');
    const channel = msg.channel;
    const sub = channel === undefined ? undefined : conn.subs.get(channel);
    if (channel === undefined || !sub || sub.held)
      return this.error(conn, 'Client events need a channel this connection is subscribed to', null, 'client_event');
    if (sub.kind !== 'private' && sub.kind !== 'presence')
      return this.error(conn, 'Client events are only allowed on private and presence channels', null, 'client_event');
    if (msg.event.length > app.limits.maxEventNameLength)
      return this.error(
        conn,
        `Event name longer than ${app.limits.maxEventNameLength} characters`,
        null,
        'client_event',
      );
    // Token bucket: clientEventsPerSecond per second, bursts up to the same number.
    const now = Date.now();
    const rate = app.limits.clientEventsPerSecond;
    conn.tokens = Math.min(rate, conn.tokens + ((now - conn.tokensAt) / 1000) * rate);
    conn.tokensAt = now;
    if (conn.tokens < 1) {
      return this.error(
        conn,
        `Client event rejected - only ${rate} accepted per second`,
        ERROR.CLIENT_EVENT_RATE_LIMIT,
        'rate_limited',
      );
    }
    conn.tokens -= 1;
    const data = typeof msg.data === 'string' ? msg.data : JSON.stringify(msg.data ?? {});
    if (Buffer.byteLength(data) > app.limits.maxEventBytes)
      return this.error(conn, `Client event data larger than ${app.limits.maxEventBytes} bytes`, null, 'too_large');
    const userId = sub.kind === 'presence' && sub.presenceUser !== null ? sub.presenceUser : undefined;
    // Through the hub like any event (seq, catch-up, other processes), never back to the sender,
    // and never into the durable log: a client cannot fill the disk, nor the log others replay from.
    hub.broadcast({ channel, event: msg.event, data }, { except: conn.socketId, userId, ephemeral: true });
    if (conn.rt.webhooks.enabled) {
      conn.rt.webhooks.send({
        name: 'client_event',
        channel,
        event: msg.event,
        data,
        socket_id: conn.socketId,
        ...(userId !== undefined ? { user_id: userId } : {}),
      });
    }
  }

  // ---- signals from the cluster --------------------------------------------------------------

  private onSignal(s: ClusterSignal): void {
    const rt = this.opts.runtimes.get(s.app);
    if (!rt) return;
    if (s.type === 'terminate') {
      for (const conn of [...(rt.users.get(s.user_id) ?? [])]) {
        this.send(conn, errorFrame('You got disconnected by the app', CLOSE.UNAUTHORIZED));
        this.closeWith(conn, CLOSE.UNAUTHORIZED, 'Terminated by the app');
      }
      return;
    }
    const conns = rt.channels.get(s.channel);
    if (!conns) return;
    const f =
      s.type === 'member_added'
        ? frame('pusher_internal:member_added', { user_id: s.user_id, user_info: s.user_info }, s.channel)
        : frame('pusher_internal:member_removed', { user_id: s.user_id }, s.channel);
    for (const conn of conns) {
      if (s.type === 'member_added' && conn.socketId === s.socket_id) continue;
      this.send(conn, f);
    }
  }

  private onNotice(n: ClusterNotice): void {
    const rt = this.opts.runtimes.get(n.app);
    if (!rt) return;
    if (n.type === 'channel_vacated') rt.webhooks.send({ name: 'channel_vacated', channel: n.channel });
    else rt.webhooks.send({ name: 'member_removed', channel: n.channel, user_id: n.user_id });
  }

  /** The shared store forgot this process: count its connections, subscriptions and members again. */
  private async registerAgain(): Promise<void> {
    const { cluster } = this.opts;
    for (const rt of this.opts.runtimes.values()) {
      const { app } = rt;
      if (app.limits.maxConnections > 0)
        for (const conn of rt.connections) if (!conn.closed) await cluster.acquireConnection(app.id, 0);
      for (const [channel, conns] of rt.channels) {
        for (const conn of conns) {
          const sub = conn.subs.get(channel);
          if (!sub || conn.closed) continue;
          if (sub.presenceUser !== null) {
            const joined = await cluster.presenceJoin(
              app.id,
              channel,
              conn.socketId,
              sub.presenceUser,
              sub.presenceInfo,
              Number.MAX_SAFE_INTEGER,
            );
            if (!joined.refused && joined.first) {
              await cluster.signal({
                type: 'member_added',
                app: app.id,
                channel,
                user_id: sub.presenceUser,
                user_info: sub.presenceInfo,
                socket_id: conn.socketId,
              });
            }
          }
          await cluster.adjustChannel(app.id, channel, 1);
        }
      }
    }
  }

  // ---- sending -------------------------------------------------------------------------------

  private subscriptionError(conn: Connection, channel: string, type: string, error: string, status: number): void {
    this.countError(type === 'AuthError' ? 'auth' : 'subscription');
    this.send(conn, frame('pusher:subscription_error', { type, error, status }, channel));
  }

  private error(conn: Connection, message: string, code: number | null, kind: string): void {
    this.countError(kind);
    this.send(conn, errorFrame(message, code));
  }

  /** Sends a message (its JSON text); see sendFrame. */
  private send(conn: Connection, message: string): void {
    this.sendFrame(conn, textFrame(message));
  }

  /**
   * Queues a complete WebSocket frame for the connection. Frames for one connection leave together
   * in one write with the writer's next flush (see FrameWriter): one syscall per connection per
   * fan-out instead of one per frame, which is where a WebSocket server spends its time.
   */
  private sendFrame(conn: Connection, wire: Buffer): void {
    const ws = conn.ws;
    if (ws.readyState !== 1) return;
    if (ws.bufferedAmount + conn.outBytes > this.maxBuffered) {
      // A client that cannot keep up is asked to come back later rather than grow our memory.
      this.countError('slow_client');
      conn.out = null;
      conn.outBytes = 0;
      ws.close(CLOSE.OVER_CAPACITY, 'Over capacity');
      return;
    }
    this.stats.messagesOut++;
    this.writer.write(conn, wire);
  }

  /** Closes a connection after what was queued for it. */
  private closeWith(conn: Connection, code: number, reason: string): void {
    this.writer.flushSink(conn);
    conn.ws.close(code, reason);
  }

  private async drop(conn: Connection): Promise<void> {
    const wasAccepted = conn.accepted;
    conn.closed = true;
    this.bySocketId.delete(conn.socketId);
    if (!conn.rt.connections.delete(conn) && !wasAccepted) return;
    this.forgetUser(conn);
    for (const channel of [...conn.subs.keys()]) {
      try {
        await this.leave(conn, channel);
      } catch (err) {
        this.opts.logger.error({ err, channel }, 'leaving a channel failed');
      }
    }
    if (conn.rt.app.limits.maxConnections > 0 && wasAccepted) await this.opts.cluster.releaseConnection(conn.rt.app.id);
  }

  /** Pings silent connections (a pusher:ping event and a protocol ping) and closes those that do not answer (4201). */
  private sweep(): void {
    const now = Date.now();
    for (const rt of this.opts.runtimes.values()) {
      const idle = rt.app.activityTimeout * 1000;
      const wait = rt.app.pongTimeout * 1000;
      for (const conn of rt.connections) {
        const silent = now - conn.lastSeen;
        if (conn.pinged && silent > idle + wait) {
          this.countError('pong_timeout');
          this.closeWith(conn, CLOSE.PONG_NOT_RECEIVED, 'Pong reply not received');
          // A peer that does not answer may not complete the closing handshake either.
          const t = setTimeout(() => conn.ws.terminate(), 2000);
          t.unref();
        } else if (!conn.pinged && silent > idle) {
          conn.pinged = true;
          try {
            conn.ws.ping();
          } catch {
            /* closing */
          }
          this.send(conn, frame('pusher:ping', {}));
        }
      }
    }
  }

  /** Closes a connection as the app would (tests, admin). */
  closeConnection(socketId: string, code: number, reason: string): boolean {
    for (const rt of this.opts.runtimes.values()) {
      for (const conn of rt.connections) {
        if (conn.socketId === socketId) {
          this.closeWith(conn, code, reason);
          return true;
        }
      }
    }
    return false;
  }

  /** Closes every connection with 4200 (reconnect), spread over `spreadMs` so clients do not return at once. */
  async close(spreadMs = 1000): Promise<void> {
    this.closing = true;
    clearInterval(this.sweeper);
    for (const untap of this.untaps.splice(0)) untap();
    const all: Connection[] = [];
    for (const rt of this.opts.runtimes.values()) all.push(...rt.connections);
    const step = all.length > 1 ? spreadMs / all.length : 0;
    await Promise.all(
      all.map(
        (conn, i) =>
          new Promise<void>((resolve) => {
            const t = setTimeout(() => {
              if (conn.ws.readyState === conn.ws.CLOSED) return resolve();
              conn.ws.once('close', () => resolve());
              this.closeWith(conn, CLOSE.GENERIC_RECONNECT, 'Server shutting down');
              setTimeout(() => {
                conn.ws.terminate();
                resolve();
              }, 2000).unref();
            }, i * step);
            t.unref();
          }),
      ),
    );
    // Let the close handlers (presence leave, counts) finish.
    await Promise.all(all.map((c) => c.chain));
    this.wss.close();
  }
}

function newSocketId(): string {
  return `${crypto.randomInt(1, 2 ** 31)}.${crypto.randomInt(1, 2 ** 31)}`;
}

/** `channel_data` of a presence subscription: `{user_id, user_info?}`; user ids are strings on the wire. */
function parseChannelData(raw: string): { userId: string; userInfo: unknown; userInfoBytes: number } | null {
  const value = parseJsonObject(raw);
  if (value === null) return null;
  const { user_id: id, user_info: info } = value as { user_id?: unknown; user_info?: unknown };
  if (!(
    (typeof id === 'string' && id.length > 0 && id.length <= 200) ||
    (typeof id === 'number' && Number.isFinite(id))
  ))
    return null;
  return {
    userId: String(id),
    userInfo: info ?? null,
    userInfoBytes: info === undefined ? 0 : Buffer.byteLength(JSON.stringify(info)),
  };
}
