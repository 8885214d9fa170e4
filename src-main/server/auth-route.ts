/**
 * The channel auth endpoint (Laravel's `/broadcasting/auth`, also at `/pusher/auth`): the channel's
 * authorization callback decides, and an approved subscription gets the HMAC signature the socket
 * server checks (presence: with the `channel_data` it signed). The user authentication endpoint
 * (`/broadcasting/user-auth`, `/pusher/user-auth`) signs `pusher:signin` for the caller's account.
 * Both sign with the primary app, whose channels the core's are.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CHANNEL_NAME_RE, parseChannel } from '../../src-shared/channels';
import { InkproofError } from '../../src-shared/errors';
import type { Core } from '../core/core';
import type { ContextOf } from './api-routes';
import type { ServerLimits } from './limits';
import type { PusherApp } from './pusher/apps';
import { signChannel, signUser } from './pusher/signature';

const SOCKET_ID_RE = /^\d{1,20}\.\d{1,20}$/;

/**
 * `bind` ties the socket to the request's token, so that revoking the token closes the socket
 * (server/token-sessions.ts).
 */
export function registerAuthRoute(
  app: FastifyInstance,
  core: Core,
  pusherApp: PusherApp,
  contextOf: ContextOf,
  bind: (socketId: string, req: FastifyRequest) => void,
  limits: ServerLimits,
): void {
  const channelAuth = async (req: FastifyRequest) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const socketId = b.socket_id;
    const channel = b.channel_name;
    if (typeof socketId !== 'string' || !SOCKET_ID_RE.test(socketId))
      throw new InkproofError('invalid_input', 'socket_id is missing or malformed.');
    if (typeof channel !== 'string' || !CHANNEL_NAME_RE.test(channel) || channel.startsWith('#'))
      throw new InkproofError('invalid_input', 'channel_name is missing or not a valid channel name.');
    const { kind } = parseChannel(channel);
    if (kind === 'public') throw new InkproofError('invalid_input', 'Public channels need no authorization.');
    const ctx = contextOf(req);
    const decision = await core.hub.authorizer.authorize(ctx.user, channel);
    if (!decision) throw new InkproofError('forbidden', `You may not listen on "${channel}".`);
    bind(socketId, req);
    if (kind === 'presence') {
      const userInfo =
        typeof decision === 'object' ? decision.user_info : { name: ctx.user.name ?? String(ctx.user.id) };
      const channelData = JSON.stringify({ user_id: String(ctx.user.id), user_info: userInfo });
      return {
        auth: signChannel(pusherApp.key, pusherApp.secret, socketId, channel, channelData),
        channel_data: channelData,
      };
    }
    return { auth: signChannel(pusherApp.key, pusherApp.secret, socketId, channel) };
  };
  const userAuth = async (req: FastifyRequest) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const socketId = b.socket_id;
    if (typeof socketId !== 'string' || !SOCKET_ID_RE.test(socketId))
      throw new InkproofError('invalid_input', 'socket_id is missing or malformed.');
    const { user } = contextOf(req);
    bind(socketId, req);
    const userData = JSON.stringify({ id: String(user.id), user_info: { name: user.name ?? String(user.id) } });
    return { auth: signUser(pusherApp.key, pusherApp.secret, socketId, userData), user_data: userData };
  };
  // A socket id and a channel name: a few hundred bytes.
  const small = { bodyLimit: limits.channelAuthBodyBytes };
  app.post('/broadcasting/auth', small, channelAuth);
  app.post('/pusher/auth', small, channelAuth);
  app.post('/broadcasting/user-auth', small, userAuth);
  app.post('/pusher/user-auth', small, userAuth);
}
