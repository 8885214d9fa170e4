/**
 * The headless server (DESIGN.md §10): the core's HTTP API, the Pusher-protocol WebSocket
 * endpoint and the built renderer, on 127.0.0.1 by default, behind a token and Host/Origin checks.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { CallContext } from '../core/commands';
import type { Core } from '../core/core';
import type { HubUser } from '../core/hub/authorizer';
import { registerApiRoutes } from './api-routes';
import { registerAuthRoute } from './auth-route';
import { registerEventStream } from './event-stream';
import { sendError, toErrorBody } from './http-errors';
import { AppRegistry, type PusherApp } from './pusher/apps';
import { PusherSocketServer } from './pusher/socket-server';
import { checkHostAndOrigin, safeEqual, TOKEN_COOKIE, tokenOf } from './security';
import { registerStatic } from './static';

export interface ServerOptions {
  core: Core;
  host: string;
  port: number;
  token: string;
  app: PusherApp;
  logger: Logger;
  rendererDir?: string;
  allowedOrigins?: string[];
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  sockets: PusherSocketServer;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    inkproofUser?: HubUser;
  }
}

const PUBLIC_PATHS = new Set(['/up']);

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { core, logger } = opts;
  const limit = core.settings.get().limits.max_file_bytes;
  const app = Fastify({ logger: false, bodyLimit: Math.ceil(limit * 1.4) + 65536, trustProxy: false });
  const sockets = new PusherSocketServer({ hub: core.hub, apps: new AppRegistry([opts.app]), logger });
  const security = { boundHost: opts.host, allowedOrigins: opts.allowedOrigins ?? [] };

  // One user per token for now: the token of this server belongs to the local account.
  const authenticate = (token: string | null): HubUser | null => (token !== null && safeEqual(token, opts.token) ? core.localUser : null);

  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: limit, files: 100, fields: 20 } });

  app.addHook('onRequest', async (req, reply) => {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'GET' && PUBLIC_PATHS.has(url.pathname)) return;
    const check = checkHostAndOrigin(req.raw, security);
    if (!check.ok) return reply.code(403).send({ error: { code: 'forbidden', message: check.reason } });
    const token = tokenOf(req.raw, url);
    const user = authenticate(token);
    if (!user) {
      return reply.code(401).send({
        error: { code: 'unauthorized', message: token ? 'The token is not valid.' : 'This server needs a token: open the address it printed, or send "Authorization: Bearer <token>".' },
      });
    }
    req.inkproofUser = user;
    // The first page load carries ?token=; a cookie then authenticates the page's own requests.
    if (url.searchParams.has('token')) {
      reply.header('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(token!)}; Path=/; HttpOnly; SameSite=Strict`);
    }
  });

  if (logger.isLevelEnabled('debug')) {
    app.addHook('onResponse', async (req, reply) => {
      logger.debug({ method: req.method, url: req.url.replace(/([?&]token=)[^&]*/, '$1…'), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'http');
    });
  }

  app.setErrorHandler((err, req, reply) => {
    // Typed 4xx answers are the user's mistakes, not the server's: only failures are logged as errors.
    if (toErrorBody(err).status >= 500) logger.error({ err, url: req.url }, 'request failed');
    return sendError(reply, err);
  });

  const contextOf = (req: FastifyRequest): CallContext => ({
    user: req.inkproofUser!,
    connectionId: typeof req.headers['x-socket-id'] === 'string' ? req.headers['x-socket-id'] : undefined,
  });

  app.get('/up', async () => ({ status: 'ok' }));
  registerApiRoutes(app, core, contextOf);
  registerAuthRoute(app, core, opts.app, contextOf);
  registerEventStream(app, core, contextOf);
  const built = await registerStatic(app, opts.rendererDir);
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes (/documents/12 …) get the app shell.
    if (built && req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: { code: 'not_found', message: `No such endpoint: ${req.method} ${req.url.split('?')[0]}` } });
  });

  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: number, message: string) => {
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found'}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${message}\n`);
    };
    if (!url.pathname.startsWith('/app/')) return refuse(404, 'WebSocket connections go to /app/{key}.');
    const check = checkHostAndOrigin(req, security);
    if (!check.ok) return refuse(403, check.reason);
    if (!authenticate(tokenOf(req, url))) return refuse(401, 'This server needs a token (?token=...).');
    sockets.handleUpgrade(req, socket, head, url);
  });

  await app.listen({ host: opts.host, port: opts.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${port}`,
    host: opts.host,
    port,
    sockets,
    close() {
      closing ??= (async () => {
        await sockets.close();
        await app.close();
      })();
      return closing;
    },
  };
}
