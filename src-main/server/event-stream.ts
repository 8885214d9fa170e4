/**
 * `GET /api/events/stream`: every event the caller may read, live, as server-sent events — what
 * `inkproof tail` and the Events view show (Laravel Pail's idea, for broadcasts). Filters are
 * globs on the channel (`documents.*`) and on the event name, matched without backtracking.
 *
 * Back-pressure, as on the WebSocket path: a reader that stops reading lets what it has not read
 * pile up in this process. Past `streamBufferBytes` unread the stream is ended (EventSource and
 * `inkproof tail` reconnect by themselves, and a reader that cannot keep up is better told so than
 * fed from an ever-growing buffer). Each user may hold `streamsPerUser` streams open at once.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { channelGlobMatch, globMatch, MAX_GLOB_LENGTH } from '../../src-shared/channels';
import { InkproofError } from '../../src-shared/errors';
import type { Envelope } from '../../src-shared/events';
import type { Core } from '../core/core';
import { readableChannels } from '../core/hub/readable';
import type { ContextOf } from './api-routes';
import { RequestError } from './http-errors';
import type { ServerLimits } from './limits';
import type { TokenSessions } from './token-sessions';

function glob(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') return '*';
  if (value.length > MAX_GLOB_LENGTH)
    throw new InkproofError('invalid_input', `The ${what} filter is longer than ${MAX_GLOB_LENGTH} characters.`);
  return value;
}

/** What the metrics show of the event streams, and the way to end them all. */
export interface EventStreams {
  open: number;
  /** Readers disconnected for leaving too much unread. */
  dropped: number;
  /** Ends every open stream (shutdown: an open stream would keep the server from closing). */
  closeAll(): void;
}

export function registerEventStream(
  app: FastifyInstance,
  core: Core,
  contextOf: ContextOf,
  limits: ServerLimits,
  sessions: TokenSessions,
): EventStreams {
  const destroyers = new Set<() => void>();
  const stats: EventStreams = {
    open: 0,
    dropped: 0,
    closeAll: () => {
      for (const destroy of [...destroyers]) destroy();
    },
  };
  /** Streams open now, per user id. */
  const perUser = new Map<number, number>();

  app.get('/api/events/stream', (req: FastifyRequest, reply) => {
    const q = req.query as { channel?: unknown; event?: unknown };
    const channelGlob = glob(q.channel, 'channel');
    const eventGlob = glob(q.event, 'event');
    const ctx = contextOf(req);
    const userId = ctx.user.id;
    const open = perUser.get(userId) ?? 0;
    if (open >= limits.streamsPerUser)
      throw new RequestError(
        429,
        'forbidden',
        `You already have ${open} event streams open; close one before opening another.`,
      );
    perUser.set(userId, open + 1);
    stats.open++;

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let ended = false;
    /** Writes unless the reader has left more than the limit unread; then ends the stream. */
    const write = (text: string) => {
      if (ended) return;
      if (res.writableLength + Buffer.byteLength(text) > limits.streamBufferBytes) {
        // A reader this far behind is disconnected, not buffered for: destroy drops what it left.
        stats.dropped++;
        end();
        res.destroy();
        return;
      }
      res.write(text);
    };
    const stop = readableChannels(core.hub, ctx.user, (env: Envelope) => {
      if (!channelGlobMatch(channelGlob, env.channel) || !globMatch(eventGlob, env.event)) return;
      write(`id: ${env.seq}\ndata: ${JSON.stringify(env)}\n\n`);
    });
    const heartbeat = setInterval(() => write(': keep-alive\n\n'), 15_000);
    const end = () => {
      if (ended) return;
      ended = true;
      stats.open--;
      clearInterval(heartbeat);
      stop();
      const left = (perUser.get(userId) ?? 1) - 1;
      if (left > 0) perUser.set(userId, left);
      else perUser.delete(userId);
    };
    const destroy = () => res.destroy();
    destroyers.add(destroy);
    // Revoking the token ends the stream.
    const unregister = sessions.addStream(req.inkproofToken!, () => res.end());
    res.on('close', () => {
      destroyers.delete(destroy);
      unregister();
      end();
    });
    write(': connected\n\n');
  });
  return stats;
}
