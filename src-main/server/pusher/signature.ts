/**
 * Pusher Channels signatures (docs/protocol.md): HMAC-SHA256 hex with the app secret; the auth value
 * is "<key>:<hex>". Verification is constant-time.
 */
import crypto from 'node:crypto';

export function hmacHex(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('hex');
}

export function channelAuthString(socketId: string, channel: string, channelData?: string): string {
  return channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
}

export function signChannel(
  key: string,
  secret: string,
  socketId: string,
  channel: string,
  channelData?: string,
): string {
  return `${key}:${hmacHex(secret, channelAuthString(socketId, channel, channelData))}`;
}

export function signUser(key: string, secret: string, socketId: string, userData: string): string {
  return `${key}:${hmacHex(secret, `${socketId}::user::${userData}`)}`;
}

/** Checks an "<key>:<hex>" auth value against the expected signature in constant time. */
export function verifyAuth(auth: unknown, key: string, secret: string, signed: string): boolean {
  if (typeof auth !== 'string') return false;
  const colon = auth.indexOf(':');
  if (colon < 0 || auth.slice(0, colon) !== key) return false;
  const given = Buffer.from(auth.slice(colon + 1), 'utf8');
  const expected = Buffer.from(hmacHex(secret, signed), 'utf8');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
