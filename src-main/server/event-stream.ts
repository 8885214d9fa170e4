/**
 * `GET /api/events/stream`: every event the caller may read, live, as server-sent events — what
 * `inkproof tail` and the Events view show (Laravel Pail's idea, for broadcasts). Filters are
 * globs on the channel (`documents.*`) and on the event name.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { channelGlobMatch, globMatch } from '../../src-shared/channels';
import type { Envelope } from '../../src-shared/events';
import type { Core } from '../core/core';
import { readableChannels } from '../core/hub/readable';
import type { ContextOf } from './api-routes';
import type { TokenSessions } from './token-sessions';

export function registerEventStream(
  app: FastifyInstance,
  core: Core,
  contextOf: ContextOf,
  sessions: TokenSessions,
): void {
  app.get('/api/events/stream', (req: FastifyRequest, reply) => {
    const q = req.query as { channel?: string; event?: string };
    const channelGlob = typeof q.channel === 'string' && q.channel ? q.channel : '*';
    const eventGlob = typeof q.event === 'string' && q.event ? q.event : '*';
    const ctx = contextOf(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    const stop = readableChannels(core.hub, ctx.user, (env: Envelope) => {
      if (!channelGlobMatch(channelGlob, env.channel) || !globMatch(eventGlob, env.event)) return;
      res.write(`id: ${env.seq}\ndata: ${JSON.stringify(env)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    // Revoking the token ends the stream.
    const unregister = sessions.addStream(req.inkproofToken!, () => res.end());
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      stop();
      unregister();
    });
  });
}
