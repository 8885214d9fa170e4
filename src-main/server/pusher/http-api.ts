/**
 * The HTTP API of Pusher Channels (docs/protocol.md), what server SDKs (pusher-http-node, Laravel's
 * pusher driver) call: trigger events (`events`, `batch_events`, with `socket_id` exclusion — Laravel's
 * `toOthers()` — and `info`), query channels and presence users, terminate a user's connections.
 * Requests are signed (request-auth.ts): the query's signature is checked before the body is read,
 * so an unsigned request costs one HMAC whatever it sends. Limits answer with Pusher's statuses
 * (400, 401, 403, 404, 413).
 * Counts and members come from the cluster, so every process answers for the whole deployment.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CHANNEL_NAME_RE, parseChannel } from '../../../src-shared/channels';
import type { Cluster } from '../cluster/cluster';
import type { AppRegistry, PusherApp } from './apps';
import { checkBody, checkQuery } from './request-auth';
import type { AppRuntime } from './socket-server';

export interface HttpApiOptions {
  apps: AppRegistry;
  runtimes: Map<string, AppRuntime>;
  cluster: Cluster;
  /** Largest request body accepted at all (per-app limits are checked after). */
  bodyLimit?: number;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SOCKET_ID_RE = /^\d+\.\d+$/;

interface EventInput {
  name: string;
  data: string;
  channels: string[];
  socketId?: string;
  info: string[];
}

function validateEvent(app: PusherApp, raw: unknown, batch: boolean): EventInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ApiError(400, 'Each event must be a JSON object.');
  const b = raw as Record<string, unknown>;
  const name = b.name;
  if (typeof name !== 'string' || name.length === 0) throw new ApiError(400, 'The event needs a "name".');
  if (name.length > app.limits.maxEventNameLength)
    throw new ApiError(400, `Event name longer than ${app.limits.maxEventNameLength} characters.`);
  if (name.startsWith('pusher:') || name.startsWith('pusher_internal:'))
    throw new ApiError(400, 'Event names starting with "pusher:" are reserved.');
  let channels: unknown;
  if (batch) {
    if (b.channels !== undefined) throw new ApiError(400, 'A batch event has one "channel".');
    channels = [b.channel];
  } else {
    if (b.channels !== undefined && b.channel !== undefined)
      throw new ApiError(400, 'Give "channels" or "channel", not both.');
    channels = b.channels ?? (b.channel !== undefined ? [b.channel] : undefined);
  }
  if (!Array.isArray(channels) || channels.length === 0)
    throw new ApiError(400, 'The event needs "channels" (a list) or "channel".');
  if (channels.length > app.limits.maxChannelsPerEvent)
    throw new ApiError(400, `At most ${app.limits.maxChannelsPerEvent} channels per event.`);
  for (const c of channels) {
    if (typeof c !== 'string' || !CHANNEL_NAME_RE.test(c))
      throw new ApiError(400, `Invalid channel name: ${JSON.stringify(c).slice(0, 200)}.`);
    if (c.startsWith('#') && !/^#server-to-user-.+$/.test(c)) throw new ApiError(400, `Invalid channel name: ${c}.`);
  }
  const data = typeof b.data === 'string' ? b.data : b.data === undefined ? '' : JSON.stringify(b.data);
  if (Buffer.byteLength(data) > app.limits.maxEventBytes)
    throw new ApiError(413, `Event data larger than ${app.limits.maxEventBytes} bytes.`);
  if (b.socket_id !== undefined && (typeof b.socket_id !== 'string' || !SOCKET_ID_RE.test(b.socket_id)))
    throw new ApiError(400, 'Invalid socket_id.');
  const info = typeof b.info === 'string' && b.info ? b.info.split(',').map((s) => s.trim()) : [];
  for (const i of info) {
    if (i !== 'user_count' && i !== 'subscription_count') throw new ApiError(400, `Unknown info attribute "${i}".`);
    if (i === 'user_count' && (channels as string[]).some((c) => parseChannel(c).kind !== 'presence'))
      throw new ApiError(400, 'user_count is only available for presence channels.');
  }
  return { name, data, channels: channels as string[], socketId: b.socket_id as string | undefined, info };
}

export async function registerHttpApi(app: FastifyInstance, opts: HttpApiOptions): Promise<void> {
  const { apps, runtimes, cluster } = opts;

  await app.register(async (scope) => {
    // Server SDKs call from anywhere and sign instead of sending a token (server.ts reads this).
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), access: 'signed', anyHost: true };
    });
    // Signatures cover the exact body: keep it as the raw string.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: opts.bodyLimit ?? 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    const signed = new WeakMap<FastifyRequest, { app: PusherApp; rt: AppRuntime; params: Map<string, string> }>();
    // Before the body is read: the app, the key, the timestamp and the signature of the query.
    scope.addHook('onRequest', async (req) => {
      const appId = (req.params as { appId?: string }).appId ?? '';
      const found = apps.findById(appId);
      const rt = found && runtimes.get(found.id);
      if (!found || !rt) throw new ApiError(404, `Unknown app "${appId.slice(0, 100)}".`);
      const [path, query = ''] = (req.raw.url ?? '').split('?', 2);
      const check = checkQuery(found, req.method, path, query);
      if (!check.ok) throw new ApiError(check.status, check.message);
      if (!found.enabled) throw new ApiError(403, 'This app is disabled.');
      signed.set(req, { app: found, rt, params: check.params });
    });

    /** The request's app, once its body matched the signed body_md5. */
    const authed = (req: FastifyRequest): { app: PusherApp; rt: AppRuntime; params: Map<string, string> } => {
      const found = signed.get(req);
      if (!found) throw new ApiError(401, 'The request is not signed.');
      const check = checkBody(found.params, typeof req.body === 'string' ? req.body : '');
      if (!check.ok) throw new ApiError(check.status, check.message);
      return found;
    };

    const json = (req: FastifyRequest): unknown => {
      const body = typeof req.body === 'string' ? req.body : '';
      try {
        return JSON.parse(body);
      } catch {
        throw new ApiError(400, 'The body is not valid JSON.');
      }
    };

    const channelInfo = async (appId: string, channel: string, info: string[]): Promise<Record<string, number>> => {
      const out: Record<string, number> = {};
      if (info.includes('subscription_count')) out.subscription_count = await cluster.channelCount(appId, channel);
      if (info.includes('user_count')) out.user_count = (await cluster.presenceMembers(appId, channel)).size;
      return out;
    };

    const trigger = (rt: AppRuntime, e: EventInput) => {
      for (const channel of e.channels)
        rt.hub.broadcast({ channel, event: e.name, data: e.data }, { except: e.socketId });
    };

    scope.setErrorHandler((err, _req, reply: FastifyReply) => {
      if (err instanceof ApiError)
        return reply
          .code(err.status)
          .type('text/plain; charset=utf-8')
          .send(err.message + '\n');
      const e = err as { statusCode?: number; code?: string; message?: string };
      if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return reply.code(413).type('text/plain; charset=utf-8').send('Request body too large.\n');
      if (typeof e.statusCode === 'number' && e.statusCode < 500)
        return reply
          .code(e.statusCode)
          .type('text/plain; charset=utf-8')
          .send(`${e.message ?? 'Bad request'}\n`);
      return reply.code(500).type('text/plain; charset=utf-8').send('Internal error.\n');
    });

    scope.post('/apps/:appId/events', async (req) => {
      const { app: a, rt } = authed(req);
      const e = validateEvent(a, json(req), false);
      trigger(rt, e);
      if (e.info.length === 0) return {};
      const channels: Record<string, Record<string, number>> = {};
      for (const c of e.channels) channels[c] = await channelInfo(a.id, c, e.info);
      return { channels };
    });

    scope.post('/apps/:appId/batch_events', async (req) => {
      const { app: a, rt } = authed(req);
      const body = json(req) as { batch?: unknown };
      if (typeof body !== 'object' || body === null || !Array.isArray(body.batch))
        throw new ApiError(400, 'The body needs a "batch" list.');
      if (body.batch.length === 0) throw new ApiError(400, 'The batch is empty.');
      if (body.batch.length > a.limits.maxEventsPerBatch)
        throw new ApiError(400, `At most ${a.limits.maxEventsPerBatch} events per batch.`);
      // All or nothing: every event is checked before any is sent.
      const events = body.batch.map((raw) => validateEvent(a, raw, true));
      for (const e of events) trigger(rt, e);
      if (events.every((e) => e.info.length === 0)) return {};
      return { batch: await Promise.all(events.map((e) => channelInfo(a.id, e.channels[0], e.info))) };
    });

    scope.get('/apps/:appId/channels', async (req) => {
      const { app: a, params } = authed(req);
      const prefix = params.get('filter_by_prefix') ?? '';
      const info = (params.get('info') ?? '').split(',').filter(Boolean);
      for (const i of info)
        if (i !== 'user_count' && i !== 'subscription_count') throw new ApiError(400, `Unknown info attribute "${i}".`);
      if (info.includes('user_count') && !prefix.startsWith('presence-'))
        throw new ApiError(400, 'info=user_count needs filter_by_prefix=presence-.');
      const counts = await cluster.channels(a.id);
      const channels: Record<string, Record<string, number>> = {};
      for (const [name, n] of counts) {
        if (name.startsWith('#') || !name.startsWith(prefix)) continue;
        const entry: Record<string, number> = {};
        if (info.includes('subscription_count')) entry.subscription_count = n;
        if (info.includes('user_count')) entry.user_count = (await cluster.presenceMembers(a.id, name)).size;
        channels[name] = entry;
      }
      return { channels };
    });

    scope.get('/apps/:appId/channels/:channel', async (req) => {
      const { app: a, params } = authed(req);
      const channel = (req.params as { channel: string }).channel;
      if (!CHANNEL_NAME_RE.test(channel)) throw new ApiError(400, 'Invalid channel name.');
      const info = (params.get('info') ?? '').split(',').filter(Boolean);
      for (const i of info)
        if (i !== 'user_count' && i !== 'subscription_count') throw new ApiError(400, `Unknown info attribute "${i}".`);
      if (info.includes('user_count') && parseChannel(channel).kind !== 'presence')
        throw new ApiError(400, 'user_count is only available for presence channels.');
      const count = await cluster.channelCount(a.id, channel);
      return { occupied: count > 0, ...(await channelInfo(a.id, channel, info)) };
    });

    scope.get('/apps/:appId/channels/:channel/users', async (req) => {
      const { app: a } = authed(req);
      const channel = (req.params as { channel: string }).channel;
      if (!CHANNEL_NAME_RE.test(channel) || parseChannel(channel).kind !== 'presence')
        throw new ApiError(400, 'Users are only available for presence channels.');
      const members = await cluster.presenceMembers(a.id, channel);
      return { users: [...members.keys()].map((id) => ({ id })) };
    });

    scope.post('/apps/:appId/users/:userId/terminate_connections', async (req) => {
      const { app: a } = authed(req);
      const userId = (req.params as { userId: string }).userId;
      if (!userId || userId.length > 200) throw new ApiError(400, 'Invalid user id.');
      await cluster.signal({ type: 'terminate', app: a.id, user_id: userId });
      return {};
    });
  });
}
