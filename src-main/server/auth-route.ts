/**
 * The channel auth endpoint (Laravel's `/broadcasting/auth`, also at `/pusher/auth`): the channel's
 * authorization callback decides, and an approved subscription gets the HMAC signature the socket
 * server checks.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CHANNEL_NAME_RE, parseChannel } from '../../src-shared/channels';
import { InkproofError } from '../../src-shared/errors';
import type { Core } from '../core/core';
import type { ContextOf } from './api-routes';
import type { PusherApp } from './pusher/apps';
import { signChannel } from './pusher/signature';

export function registerAuthRoute(app: FastifyInstance, core: Core, pusherApp: PusherApp, contextOf: ContextOf): void {
  const handler = async (req: FastifyRequest) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const socketId = b.socket_id;
    const channel = b.channel_name;
    if (typeof socketId !== 'string' || !/^\d+\.\d+$/.test(socketId)) throw new InkproofError('invalid_input', 'socket_id is missing or malformed.');
    if (typeof channel !== 'string' || !CHANNEL_NAME_RE.test(channel)) throw new InkproofError('invalid_input', 'channel_name is missing or not a valid channel name.');
    const { kind } = parseChannel(channel);
    if (kind === 'public') throw new InkproofError('invalid_input', 'Public channels need no authorization.');
    const ctx = contextOf(req);
    const decision = await core.hub.authorizer.authorize(ctx.user, channel);
    if (!decision) throw new InkproofError('forbidden', `You may not listen on "${channel}".`);
    if (kind === 'presence') {
      const userInfo = typeof decision === 'object' ? decision.user_info : { name: ctx.user.name ?? String(ctx.user.id) };
      const channelData = JSON.stringify({ user_id: String(ctx.user.id), user_info: userInfo });
      return { auth: signChannel(pusherApp.key, pusherApp.secret, socketId, channel, channelData), channel_data: channelData };
    }
    return { auth: signChannel(pusherApp.key, pusherApp.secret, socketId, channel) };
  };
  app.post('/broadcasting/auth', handler);
  app.post('/pusher/auth', handler);
}
