/**
 * The Pusher HTTP API of a real server: the pusher SDK keeps working; a signature is accepted
 * within ±600 s of the server's clock and covers exactly one request — its parameters (no repeated
 * key, no escaped "&" or "=" that would read as other parameters), its path, its method and its
 * body (body_md5 checked even for an empty body); and an unsigned request is refused before its
 * body is read.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacHex } from '../../../src-main/server/pusher/signature';
import { TestSocket } from '../../helpers/socket';
import { cpuSeconds, rawRequest, serve, type Serve } from './helpers';

const APP = { id: 'sdk', key: 'sdk-key', secret: 'sdk-secret' };
const MB = 1024 * 1024;

describe('the Pusher HTTP API (real server)', () => {
  let s: Serve;
  beforeAll(async () => {
    s = await serve({ app: APP });
  });
  afterAll(async () => s?.stop());

  const path = `/apps/${APP.id}/events`;
  const body = JSON.stringify({ name: 'e', channel: 'room', data: '{"n":1}' });
  /** A query signed the way the SDK signs it (unescaped, sorted), with parameters of our choosing. */
  const signed = (params: Record<string, string>, method = 'POST', p = path) => {
    const query = Object.keys(params)
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    return { query, signature: hmacHex(APP.secret, `${method}\n${p}\n${query}`) };
  };
  const base = (offsetS = 0, payload: string | null = body) => ({
    auth_key: APP.key,
    auth_timestamp: String(Math.floor(Date.now() / 1000) + offsetS),
    auth_version: '1.0',
    ...(payload ? { body_md5: crypto.createHash('md5').update(payload).digest('hex') } : {}),
  });
  const post = async (query: string, payload = body) =>
    (
      await fetch(`${s.url}${path}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      })
    ).status;

  it('serves the pusher SDK: trigger, batches and channel queries reach a subscriber', async () => {
    const socket = await TestSocket.open(`ws://127.0.0.1:${s.port}/app/${APP.key}?protocol=7`);
    await socket.established();
    socket.send({ event: 'pusher:subscribe', data: { channel: 'room' } });
    await socket.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    expect((await s.sdk.trigger('room', 'hello', { n: 1 })).status).toBe(200);
    expect((await socket.next((f) => f.event === 'hello')).data).toEqual({ n: 1 });
    await s.sdk.triggerBatch([{ channel: 'room', name: 'second', data: { n: 2 } }]);
    await socket.next((f) => f.event === 'second');
    const channels = (await (
      await s.sdk.get({ path: '/channels', params: { info: 'subscription_count' } })
    ).json()) as {
      channels: Record<string, { subscription_count: number }>;
    };
    expect(channels.channels.room.subscription_count).toBe(1);
    socket.close();
  });

  it('accepts timestamps within ±600 s of now and refuses the rest', async () => {
    for (const offset of [-590, 0, 590]) {
      const { query, signature } = signed(base(offset));
      expect(await post(`${query}&auth_signature=${signature}`), String(offset)).toBe(200);
    }
    for (const offset of [-700, 700, 86_400]) {
      const { query, signature } = signed(base(offset));
      expect(await post(`${query}&auth_signature=${signature}`), String(offset)).toBe(401);
    }
  });

  it('binds a signature to exactly one request', async () => {
    // Signed for info=subscription_count&x=1; sent as one parameter whose value spells the same text.
    const { query, signature } = signed({ ...base(), info: 'subscription_count', x: '1' });
    expect(await post(`${query}&auth_signature=${signature}`)).toBe(200);
    const smuggled = query.replace('info=subscription_count&x=1', 'info=subscription_count%26x%3D1');
    expect(await post(`${smuggled}&auth_signature=${signature}`)).toBe(400);
    const repeated = `${query}&info=user_count&auth_signature=${signature}`;
    expect(await post(repeated)).toBe(400);
    const unsigned = `${query}&extra=1&auth_signature=${signature}`;
    expect(await post(unsigned)).toBe(401);
    expect(await post(`${query}&auth_signature=${signature}`, body.replace('1', '2'))).toBe(401);
    // body_md5 of a body, sent with none.
    expect(await post(`${query}&auth_signature=${signature}`, '')).toBe(401);
    // The same signature for another path or method.
    expect(
      (
        await fetch(`${s.url}/apps/${APP.id}/batch_events?${query}&auth_signature=${signature}`, {
          method: 'POST',
          body,
        })
      ).status,
    ).toBe(401);
  });

  it('refuses an unsigned request before reading its body', async () => {
    const before = await cpuSeconds(s);
    const huge = Buffer.alloc(20 * MB, 'x');
    const answer = await rawRequest(
      s.port,
      `POST ${path}?auth_key=${APP.key}&auth_timestamp=1&auth_signature=00 HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: ${huge.length}\r\n\r\n`,
      huge,
    );
    expect(answer.status).toBe(401);
    expect(answer.sent).toBeLessThan(huge.length / 2);
    expect(((await cpuSeconds(s)) - before) * 1000).toBeLessThan(100);
  });
});
