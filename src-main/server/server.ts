/**
 * The headless server (docs/architecture.md §10): the core's HTTP API, the Pusher-protocol WebSocket
 * endpoint, the Pusher HTTP API for server SDKs, and the built renderer — on 127.0.0.1 by default,
 * behind a token and Host/Origin checks; with `--host 0.0.0.0`, apps and accounts it is the sync
 * server, and with a Redis cluster several of them act as one.
 *
 * Who may do what:
 * - `/api/*`, `/broadcasting/*`, `/metrics`: a token — the server's own (the local account) or an
 *   account's API token (`inkproof user token NAME`, or `POST /api/auth/login`).
 * - `/app/{key}` (WebSocket): anyone who knows an app key, as with Pusher; private and presence
 *   channels need a signature from the auth endpoint, i.e. a token.
 * - `/apps/{id}/…` (HTTP API): requests signed with the app secret.
 * - `/up`, `POST /api/auth/login`: open.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { InkproofError, type ErrorCode } from '../../src-shared/errors';
import { AccountStore } from '../core/accounts/accounts';
import type { CallContext } from '../core/commands';
import type { Core } from '../core/core';
import type { HubUser } from '../core/hub/authorizer';
import { BroadcastHub } from '../core/hub/hub';
import { registerApiRoutes } from './api-routes';
import { registerAuthRoute } from './auth-route';
import { MemoryCluster, type Cluster } from './cluster/cluster';
import { registerEventStream, type EventStreams } from './event-stream';
import { sendError, toErrorBody } from './http-errors';
import { registerJsonBody, type JsonRouteLimit } from './json-body';
import { DEFAULT_LIMITS, type ServerLimits } from './limits';
import { ServerMetrics } from './metrics';
import { AppRegistry, makeApp, type AppInput, type PusherApp } from './pusher/apps';
import { registerHttpApi } from './pusher/http-api';
import { PusherSocketServer, type AppRuntime } from './pusher/socket-server';
import { WebhookSender, type WebhookOptions } from './pusher/webhooks';
import {
  checkHostAndOrigin,
  checkPath,
  safeEqual,
  TOKEN_COOKIE,
  tokenOf,
  type AllowedHost,
  type HostPolicy,
} from './security';
import { registerStatic } from './static';
import { registerSyncRoutes } from './sync/routes';
import type { SyncLibraryStore } from './sync/store';
import { TokenSessions } from './token-sessions';
import { bodyLeftUnread, closeAfterAnswer } from './unread-body';

export interface ServerOptions {
  core: Core;
  host: string;
  port: number;
  /** The server's own token: it belongs to the local account. */
  token: string;
  /** Pusher apps; the first is the primary one (the core's channels). Missing fields get Pusher's defaults. */
  apps?: AppInput[];
  /** The desktop's own app alone (sockets need the token unless it says otherwise). */
  app?: AppInput;
  logger: Logger;
  rendererDir?: string;
  allowedOrigins?: string[];
  /** Shared state of several server processes (Redis); default: this process only. */
  cluster?: Cluster;
  /** Spread of the 4200 closes at shutdown. */
  shutdownSpreadMs?: number;
  webhooks?: Omit<WebhookOptions, 'logger' | 'onDelivered'>;
  /** Socket server tuning (tests). */
  sweepMs?: number;
  /** Login attempts per client address per minute. */
  loginAttemptsPerMinute?: number;
  /** How often the tokens of open streams and sockets are checked for revocation. */
  tokenCheckMs?: number;
  /** What one request or reader may cost (docs/security.md); unset fields keep their defaults. */
  limits?: Partial<ServerLimits>;
  /** Host header values accepted besides the server's own (--allowed-hosts). */
  allowedHosts?: AllowedHost[];
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  sockets: PusherSocketServer;
  apps: AppRegistry;
  runtimes: Map<string, AppRuntime>;
  cluster: Cluster;
  accounts: AccountStore;
  /** The libraries devices sync (docs/sync.md). */
  syncLibraries: SyncLibraryStore;
  metrics: ServerMetrics;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    inkproofUser?: HubUser;
    inkproofToken?: string;
  }
  interface FastifyContextConfig {
    /**
     * Who may call a route: a token (the default, also for unknown paths), anyone ("open"), or
     * whoever signs the request with an app secret ("signed", checked by the route's scope).
     */
    access?: 'token' | 'open' | 'signed';
    /** Health checks and server SDKs call from anywhere: no Host/Origin check. */
    anyHost?: boolean;
    /** A JSON body limit that depends on the request (else the route's bodyLimit). */
    jsonLimit?: (req: FastifyRequest) => JsonRouteLimit;
  }
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { core, logger } = opts;
  const appList = (opts.apps ?? (opts.app ? [{ requireToken: true, ...opts.app }] : [])).map(makeApp);
  const registry = new AppRegistry(appList);
  const cluster = opts.cluster ?? new MemoryCluster();
  const accounts = new AccountStore(core.db);
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const app = Fastify({ logger: false, bodyLimit: limits.jsonBodyBytes, trustProxy: false });
  const ownOrigins = opts.allowedOrigins ?? [];
  // Pages on other origins that an app allows may call the auth endpoints and the API with a bearer
  // token (CORS without credentials: the browser version's cookie stays SameSite=Strict).
  const corsOrigins = [...ownOrigins, ...appList.flatMap((a) => a.allowedOrigins)];
  // The port is known once the server listens (--port 0 picks one).
  const hostPolicy: HostPolicy = {
    boundHost: opts.host,
    port: opts.port,
    allowedHosts: opts.allowedHosts ?? [],
    allowedOrigins: corsOrigins,
  };

  const webhookStats = { sent: 0, failed: 0 };
  const runtimes = new Map<string, AppRuntime>();
  const ownHubs: BroadcastHub[] = [];
  for (const pusherApp of registry.all()) {
    let hub: BroadcastHub;
    if (pusherApp === registry.primary) hub = core.hub;
    else {
      // Other apps are isolated from the core's channels: a hub of their own (sharing the cluster).
      hub = new BroadcastHub({ backend: cluster.hubBackend(pusherApp.id), logger });
      ownHubs.push(hub);
    }
    const webhooks = new WebhookSender(pusherApp, {
      ...opts.webhooks,
      logger,
      onDelivered: (ok) => (ok ? webhookStats.sent++ : webhookStats.failed++),
    });
    runtimes.set(pusherApp.id, {
      app: pusherApp,
      hub,
      channels: new Map(),
      users: new Map(),
      connections: new Set(),
      webhooks,
    });
  }

  // eslint-disable-next-line prefer-const -- assigned once, after the metrics that read it are built
  let sockets!: PusherSocketServer;
  // eslint-disable-next-line prefer-const -- assigned once the routes are registered
  let streams!: EventStreams;
  const metrics = new ServerMetrics(
    {
      connections: () => new Map([...runtimes.values()].map((rt) => [rt.app.id, rt.connections.size])),
      channels: () => new Map([...runtimes.values()].map((rt) => [rt.app.id, rt.channels.size])),
      messagesIn: () => sockets.stats.messagesIn,
      messagesOut: () => sockets.stats.messagesOut,
      errors: () => new Map([...sockets.stats.errors, ['slow_stream_reader', streams.dropped]]),
      connectionsTotal: () => sockets.stats.connectionsTotal,
      webhooks: () => webhookStats,
      eventStreams: () => streams.open,
      clusterUp: () => cluster.status() === 'ready',
    },
    { node: cluster.nodeId },
  );
  sockets = new PusherSocketServer({
    runtimes,
    apps: registry,
    cluster,
    logger,
    sweepMs: opts.sweepMs,
    onDeliveryLatency: (s) => metrics.deliveryLatency.observe(s),
  });

  /** The user a token belongs to: the server's own token is the local account's. */
  const authenticate = (token: string | null): HubUser | null => {
    if (token === null || token.length === 0 || token.length > 500) return null;
    if (safeEqual(token, opts.token)) return core.localUser;
    return accounts.userForToken(token);
  };
  const sessions = new TokenSessions({
    isLive: (token) => authenticate(token) !== null,
    sockets,
    intervalMs: opts.tokenCheckMs,
  });

  await app.register(formbody);
  // Uploads are read part by part by upload.ts, which refuses a file over the limit on its own.
  await app.register(multipart, { throwFileSizeLimit: false });
  registerJsonBody(app, {
    maxDepth: limits.jsonDepth,
    maxValues: limits.jsonValues,
    limitOf: (req) => req.routeOptions.config.jsonLimit?.(req) ?? { bytes: req.routeOptions.bodyLimit },
  });

  const refuse = (reply: FastifyReply, status: number, code: ErrorCode, message: string) =>
    reply.code(status).send({ error: { code, message } });

  app.addHook('onRequest', async (req, reply) => {
    (req as { startedAt?: bigint }).startedAt = process.hrtime.bigint();
    // One spelling per path, checked before anything reads it: the router and the checks below
    // then see the same route.
    const path = checkPath(req.url);
    if (!path.ok) return refuse(reply, 400, 'invalid_input', path.reason);
    const config = req.routeOptions.config;
    if (!config.anyHost) {
      const check = checkHostAndOrigin(req.raw, hostPolicy);
      if (!check.ok) return refuse(reply, 403, 'forbidden', check.reason);
    }
    const origin = req.headers.origin;
    if (
      origin &&
      origin !== 'null' &&
      corsOrigins.length > 0 &&
      (corsOrigins.includes(origin) || corsOrigins.includes('*'))
    ) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        return reply
          .code(204)
          .header('access-control-allow-methods', 'GET, POST, PATCH, DELETE, OPTIONS')
          .header('access-control-allow-headers', 'authorization, content-type, x-socket-id, x-csrf-token')
          .header('access-control-max-age', '600')
          .send();
      }
    }
    // Open and signed routes say so themselves; every other route, and every unknown path, needs a token.
    if (config.access === 'open' || config.access === 'signed') return;
    const url = new URL(req.url, 'http://localhost');
    const token = tokenOf(req.raw, url);
    const user = authenticate(token);
    if (!user) {
      return refuse(
        reply,
        401,
        'unauthorized',
        token
          ? 'The token is not valid (unknown, revoked or expired).'
          : 'This server needs a token: open the address it printed, or send "Authorization: Bearer <token>".',
      );
    }
    req.inkproofUser = user;
    req.inkproofToken = token!;
    // The first page load carries ?token=; a cookie then authenticates the page's own requests.
    if (url.searchParams.has('token')) {
      reply.header('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(token!)}; Path=/; HttpOnly; SameSite=Strict`);
    }
  });
  // A request answered before its body was read (refused, or over a limit) closes its connection
  // rather than reading the rest (see unread-body.ts).
  app.addHook('onSend', async (req, reply) => {
    if (!bodyLeftUnread(req.raw)) return;
    closeAfterAnswer(req.raw, reply.raw, { bytes: limits.lingerBytes, ms: limits.lingerMs });
  });
  app.addHook('onResponse', async (req, reply) => {
    const started = (req as { startedAt?: bigint }).startedAt;
    if (started === undefined) return;
    const route = req.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { route, status: String(reply.statusCode) },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
  });

  if (logger.isLevelEnabled('debug')) {
    app.addHook('onResponse', async (req, reply) => {
      logger.debug(
        {
          method: req.method,
          url: req.url.replace(/([?&]token=)[^&]*/, '$1…'),
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'http',
      );
    });
  }

  app.setErrorHandler((err, req, reply) => {
    // Typed 4xx answers are the user's mistakes, not the server's: only failures are logged as errors.
    if (toErrorBody(err).status >= 500) logger.error({ err, url: req.url }, 'request failed');
    return sendError(reply, err);
  });

  const contextOf = (req: FastifyRequest): CallContext => {
    // Every route that acts for a user reaches it here; one that got no user (an open route that
    // should not call this) fails instead of acting for nobody.
    if (!req.inkproofUser) throw new InkproofError('unauthorized', 'This request needs a token.');
    return {
      user: req.inkproofUser,
      connectionId: typeof req.headers['x-socket-id'] === 'string' ? req.headers['x-socket-id'] : undefined,
    };
  };

  let closing: Promise<void> | null = null;
  app.get('/up', { config: { access: 'open', anyHost: true } }, async (_req, reply) => {
    const body = {
      status: closing ? 'closing' : 'ok',
      node: cluster.nodeId,
      cluster: cluster.status(),
      connections: sockets.size,
    };
    return reply.code(closing ? 503 : 200).send(body);
  });
  app.get('/metrics', async (_req, reply) => reply.type(metrics.contentType).send(await metrics.text()));

  // Accounts: a password gives a token (revocable like any other). The rate limit is checked
  // before the body is read, and the body may hold a name and a password, nothing more.
  const perMinute = opts.loginAttemptsPerMinute ?? 10;
  const loginRoute = {
    bodyLimit: limits.loginBodyBytes,
    config: { access: 'open' as const },
    onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
      if (!(await cluster.hit(`login:${req.ip}`, perMinute, 60_000))) {
        return refuse(
          reply.header('retry-after', '60'),
          429,
          'forbidden',
          'Too many login attempts from this address; wait a minute.',
        );
      }
    },
  };
  app.post('/api/auth/login', loginRoute, async (req) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (
      typeof b.name !== 'string' ||
      typeof b.password !== 'string' ||
      b.name.length > 64 ||
      b.password.length > 1024
    ) {
      throw new InkproofError('invalid_input', 'Send {"name", "password"}.');
    }
    const user = await accounts.login(b.name, b.password);
    if (!user) throw new InkproofError('unauthorized', 'Wrong user name or password.');
    const issued = accounts.issueToken(
      user.name!,
      typeof b.token_name === 'string' ? b.token_name.slice(0, 100) : 'login',
    );
    return { token: issued.token, token_id: issued.id, user };
  });
  app.get('/api/auth/me', async (req) => ({ user: contextOf(req).user }));
  app.post('/api/auth/logout', async (req) => {
    const revoked = accounts.revokeTokenValue(req.inkproofToken!);
    // What the token opened closes with it.
    if (revoked) sessions.sweep();
    return { revoked };
  });

  registerApiRoutes(app, core, contextOf, limits);
  const syncLibraries = registerSyncRoutes(app, { core, accounts, primary: registry.primary });
  registerAuthRoute(
    app,
    core,
    registry.primary,
    contextOf,
    (socketId, req) => sockets.bindToken(socketId, req.inkproofToken!),
    limits,
  );
  streams = registerEventStream(app, core, contextOf, limits, sessions);
  const maxApiBody = Math.max(
    ...registry.all().map((a) => a.limits.maxEventBytes * Math.max(a.limits.maxEventsPerBatch, 1) * 2 + 64 * 1024),
  );
  await registerHttpApi(app, { apps: registry, runtimes, cluster, bodyLimit: maxApiBody });
  const built = await registerStatic(app, opts.rendererDir);
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes (/documents/12 …) get the app shell.
    if (
      built &&
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      (req.headers.accept ?? '').includes('text/html')
    )
      return reply.sendFile('index.html');
    return reply
      .code(404)
      .send({ error: { code: 'not_found', message: `No such endpoint: ${req.method} ${req.url.split('?')[0]}` } });
  });

  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      url = new URL('http://localhost/');
    }
    const refuse = (status: number, message: string) => {
      const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' }[status] ?? 'Not Found';
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${message}\n`);
    };
    const path = checkPath(req.url ?? '');
    if (!path.ok) return refuse(400, path.reason);
    if (!url.pathname.startsWith('/app/')) return refuse(404, 'WebSocket connections go to /app/{key}.');
    const key = /^\/app\/([^/]+)$/.exec(url.pathname)?.[1];
    let target: PusherApp | undefined;
    try {
      target = key ? registry.findByKey(decodeURIComponent(key)) : undefined;
    } catch {
      /* a malformed key is refused by the socket server with 4001 */
    }
    const check = checkHostAndOrigin(req, {
      ...hostPolicy,
      allowedOrigins: [...ownOrigins, ...(target?.allowedOrigins ?? [])],
    });
    if (!check.ok) return refuse(403, check.reason);
    // Apps for pusher-js/Echo clients need no token on the socket (private channels are protected by
    // signatures); the desktop's own app does. A token that is given must be valid either way.
    const given = tokenOf(req, url);
    if (target?.requireToken && !authenticate(given)) return refuse(401, 'This server needs a token (?token=...).');
    if (url.searchParams.has('token') && !authenticate(url.searchParams.get('token')))
      return refuse(401, 'The token is not valid.');
    sockets.handleUpgrade(req, socket, head, url, given && authenticate(given) ? given : null);
  });

  await app.listen({ host: opts.host, port: opts.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  hostPolicy.port = port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${shownHost}:${port}`,
    host: opts.host,
    port,
    sockets,
    apps: registry,
    runtimes,
    cluster,
    accounts,
    syncLibraries,
    metrics,
    close() {
      closing ??= (async () => {
        sessions.close();
        await sockets.close(opts.shutdownSpreadMs ?? 1000);
        // Event streams never end by themselves; their clients reconnect to a server that is up.
        streams.closeAll();
        await app.close();
        for (const rt of runtimes.values()) rt.webhooks.close();
        for (const hub of ownHubs) {
          hub.close();
          await hub.settled();
        }
      })();
      return closing;
    },
  };
}
