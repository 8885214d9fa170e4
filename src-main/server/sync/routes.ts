/**
 * The sync server's HTTP endpoints (docs/sync.md §Wire), authenticated like every other /api route
 * (an account's API token, or the server's own token for the local account), each declaring its own
 * body limit:
 *
 *   GET  /api/sync/hello                   who the token is, its libraries, the socket's app key
 *   POST /api/sync/device-token            a token of its own for a device, named after it
 *   POST /api/sync/push                    a batch of changes → one receipt each (idempotent by key)
 *   GET  /api/sync/changes?library&since   a page of the library's log (gzip when accepted)
 *   GET  /api/sync/documents/:doc?library  every record of one document
 *
 * A push is stored and announced (`sync.changes` on the library's private channel, to the other
 * devices) in one transaction; with Redis the announcement reaches every server process.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CHANNEL_PATTERNS, idParam, syncLibraryChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import {
  globalId,
  MAX_SYNC_ANALYSIS_BYTES,
  pushRequestSchema,
  SYNC_PUSH_BODY_LIMIT,
  SYNC_PUSH_JSON_VALUES,
  type HelloResponse,
} from '../../../src-shared/sync';
import type { AccountStore } from '../../core/accounts/accounts';
import type { Core } from '../../core/core';
import type { HubUser } from '../../core/hub/authorizer';
import type { PusherApp } from '../pusher/apps';
import { MAX_PAGE_RECORDS, SyncLibraryStore } from './store';

const gzip = promisify(zlib.gzip);
/** Below this a page is sent as it is: compressing it would cost more than it saves. */
const COMPRESS_FROM_BYTES = 4096;

const changesQuery = z
  .object({
    library: z.coerce.number().int().positive(),
    since: z.coerce.number().int().nonnegative().default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_RECORDS).default(500),
    exclude_device: globalId.optional(),
  })
  .strip();
const libraryQuery = z.object({ library: z.coerce.number().int().positive() }).strip();
const deviceTokenBody = z.object({ device_name: z.string().trim().min(1).max(100) }).strict();

export interface SyncRouteDeps {
  core: Core;
  accounts: AccountStore;
  primary: PusherApp;
}

export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): SyncLibraryStore {
  const { core, accounts, primary } = deps;
  const store = new SyncLibraryStore(core.db);
  // Only the owner and the accounts it shared the library with may listen to its channel.
  core.hub.authorizer.channel(CHANNEL_PATTERNS.syncLibrary, (user, { libraryId }) => {
    const id = idParam(libraryId);
    return id !== null && store.canAccess(user.id, id);
  });

  const userOf = (req: FastifyRequest): HubUser => req.inkproofUser!;
  const library = (req: FastifyRequest, id: number): number => {
    if (!store.canAccess(userOf(req).id, id))
      throw new InkproofError('forbidden', 'This library is not yours and was not shared with your account.');
    return id;
  };

  app.get('/api/sync/hello', async (req): Promise<HelloResponse> => {
    const user = userOf(req);
    return {
      account: { id: user.id, name: user.name ?? String(user.id) },
      libraries: store.librariesFor(user),
      app_key: primary.key,
      socket_token: primary.requireToken,
    };
  });

  app.post('/api/sync/device-token', { bodyLimit: 4096 }, async (req) => {
    const { device_name } = parse(deviceTokenBody, req.body);
    const user = userOf(req);
    const account = accounts.get(user.id);
    if (!account) throw new InkproofError('not_found', 'This account no longer exists.');
    const issued = accounts.issueToken(account.name, device_name);
    return { token: issued.token, token_id: issued.id, name: issued.name };
  });

  // A push carries whole analyses (sentence scores, sections, signals): more values per byte than
  // other bodies, so more than the default count; the device sends pages of about 4 MB.
  const pushLimit = { bytes: SYNC_PUSH_BODY_LIMIT, values: SYNC_PUSH_JSON_VALUES };
  app.post(
    '/api/sync/push',
    { bodyLimit: SYNC_PUSH_BODY_LIMIT, config: { jsonLimit: () => pushLimit } },
    async (req) => {
      const body = parse(pushRequestSchema, req.body);
      for (const c of body.changes)
        if (c.kind === 'analysis' && JSON.stringify(c.result).length > MAX_SYNC_ANALYSIS_BYTES)
          throw new InkproofError('too_large', 'An analysis result in this push is larger than the server accepts.');
      const libraryId = library(req, body.library);
      const socketId = typeof req.headers['x-socket-id'] === 'string' ? req.headers['x-socket-id'] : undefined;
      const outcome = core.hub.atomically(
        core.db,
        () => {
          const out = store.push(libraryId, userOf(req).id, body.device, body.changes);
          if (out.applied > 0)
            core.hub.broadcast(
              {
                channel: syncLibraryChannel(libraryId),
                event: 'sync.changes',
                data: { head: out.head, device_id: body.device.id },
              },
              { except: socketId },
            );
          return out;
        },
        { immediate: true },
      );
      return { receipts: outcome.receipts, head: outcome.head };
    },
  );

  app.get('/api/sync/changes', async (req, reply) => {
    const q = parse(changesQuery, req.query);
    const page = store.changes(library(req, q.library), q.since, q.limit, q.exclude_device ?? null);
    return sendJson(req, reply, page.json);
  });

  app.get('/api/sync/documents/:doc', async (req, reply) => {
    const q = parse(libraryQuery, req.query);
    const doc = parse(globalId, (req.params as { doc: string }).doc);
    return sendJson(req, reply, store.document(library(req, q.library), doc));
  });

  return store;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new InkproofError(
      'invalid_input',
      `The sync request is not valid: ${issues
        .slice(0, 5)
        .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
        .join('; ')}.`,
      { issues: issues.slice(0, 20) },
    );
  }
  return r.data;
}

/** JSON text as it is, gzipped when the client accepts it and it is worth it. */
async function sendJson(req: FastifyRequest, reply: FastifyReply, json: string): Promise<FastifyReply> {
  reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (!accepts || json.length < COMPRESS_FROM_BYTES) return reply.send(json);
  const body = await gzip(json, { level: 4 });
  return reply.header('content-encoding', 'gzip').send(body);
}
