/**
 * The pusher server SDK 5.3 (pusher-http-node) against `inkproof serve`: trigger (with socket_id
 * exclusion and info), triggerBatch, channel queries, presence users, sendToUser,
 * terminateUserConnections; its authorizeChannel/authenticateUser signatures accepted by the socket
 * server; docs/protocol.md's signature test vectors; and the HTTP API refusing stale, replayed, tampered
 * and oversized requests with Pusher's statuses.
 */
import crypto from 'node:crypto';
import PusherServer from 'pusher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelAuthString,
  hmacHex,
  signChannel,
  signUser,
  verifyAuth,
} from '../../../src-main/server/pusher/signature';
import { TestSocket } from '../../helpers/socket';
import { APP, startSyncEnv, type SyncEnv } from './helpers/env';

describe('signatures', () => {
  const key = '278d425bdf160c739803';
  const secret = '7ad3773142a6692b25b8';
  it('match the test vectors of docs/protocol.md, and the SDK signs the same', () => {
    expect(signChannel(key, secret, '1234.1234', 'private-foobar')).toBe(
      `${key}:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4`,
    );
    expect(signUser(key, secret, '1234.1234', '{"id":"12345"}')).toBe(
      `${key}:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba`,
    );
    const presence = '{"user_id":10,"user_info":{"name":"Mr. Pusher"}}';
    expect(signChannel(key, secret, '1234.1234', 'presence-foobar', presence)).toBe(
      `${key}:afaed3695da2ffd16931f457e338e6c9f2921fa133ce7dac49f529792be6304c`,
    );
    const sdk = new PusherServer({ appId: '1', key, secret, host: 'localhost' });
    expect(sdk.authorizeChannel('1234.1234', 'private-foobar').auth).toBe(
      signChannel(key, secret, '1234.1234', 'private-foobar'),
    );
    expect(sdk.authenticateUser('1234.1234', { id: '12345' }).auth).toBe(
      `${key}:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba`,
    );
    expect(
      verifyAuth(
        `${key}:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4`,
        key,
        secret,
        channelAuthString('1234.1234', 'private-foobar'),
      ),
    ).toBe(true);
    expect(
      verifyAuth(
        `${key}:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a5`,
        key,
        secret,
        channelAuthString('1234.1234', 'private-foobar'),
      ),
    ).toBe(false);
    expect(
      verifyAuth(
        `other:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4`,
        key,
        secret,
        channelAuthString('1234.1234', 'private-foobar'),
      ),
    ).toBe(false);
    expect(verifyAuth(42, key, secret, 'x')).toBe(false);
  });
});

describe('the pusher server SDK 5.3 against inkproof serve', () => {
  let env: SyncEnv;
  let sdk: PusherServer;
  let ws: string;
  const sockets: TestSocket[] = [];
  const open = async () => {
    const s = await TestSocket.open(`${ws}/app/${APP.key}?protocol=7&client=js&version=8.6.0&flash=false`);
    sockets.push(s);
    await s.established();
    return s;
  };
  const subscribe = async (s: TestSocket, channel: string, extra: Record<string, unknown> = {}) => {
    s.send({ event: 'pusher:subscribe', data: { channel, ...extra } });
    return s.next(
      (f) =>
        (f.event === 'pusher_internal:subscription_succeeded' || f.event === 'pusher:subscription_error') &&
        f.channel === channel,
    );
  };

  beforeAll(async () => {
    env = await startSyncEnv({
      apps: [{ ...APP }, { id: 'off', key: 'off-key', secret: 'off-secret', enabled: false }],
    });
    ws = env.base.replace('http', 'ws');
    sdk = new PusherServer({
      appId: APP.id,
      key: APP.key,
      secret: APP.secret,
      host: '127.0.0.1',
      port: String(env.port),
      useTLS: false,
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await env.close();
  });

  it("accepts the SDK's authorizeChannel (private and presence) and authenticateUser signatures", async () => {
    const s = await open();
    const priv = await subscribe(
      s,
      'private-sdk',
      sdk.authorizeChannel(s.socketId, 'private-sdk') as unknown as Record<string, unknown>,
    );
    expect(priv.event).toBe('pusher_internal:subscription_succeeded');
    const presence = sdk.authorizeChannel(s.socketId, 'presence-sdk', { user_id: 'u-1', user_info: { name: 'One' } });
    const joined = await subscribe(s, 'presence-sdk', presence as unknown as Record<string, unknown>);
    expect(joined.data).toEqual({ presence: { ids: ['u-1'], hash: { 'u-1': { name: 'One' } }, count: 1 } });
    const user = sdk.authenticateUser(s.socketId, { id: 'u-1', user_info: { name: 'One' } });
    s.send({ event: 'pusher:signin', data: user });
    const ok = await s.next((f) => f.event === 'pusher:signin_success');
    expect(JSON.parse((ok.data as { user_data: string }).user_data)).toMatchObject({ id: 'u-1' });
    // A signature for another socket is worthless here.
    const stolen = sdk.authorizeChannel('1.1', 'private-stolen');
    expect((await subscribe(s, 'private-stolen', stolen as unknown as Record<string, unknown>)).event).toBe(
      'pusher:subscription_error',
    );
  });

  it('triggers on several channels, excludes the socket_id (toOthers) and answers info', async () => {
    const [a, b] = [await open(), await open()];
    for (const s of [a, b]) {
      await subscribe(s, 'sdk-news');
      await subscribe(
        s,
        'presence-sdk-room',
        sdk.authorizeChannel(s.socketId, 'presence-sdk-room', { user_id: `user-${s.socketId}` }) as unknown as Record<
          string,
          unknown
        >,
      );
    }
    const res = await sdk
      .trigger(['sdk-news', 'presence-sdk-room'], 'update', { v: 1 }, {
        socket_id: a.socketId,
        info: 'subscription_count,user_count',
      } as never)
      .catch((e) => e);
    // user_count is only for presence channels: the whole call is refused.
    expect((res as { status?: number }).status).toBe(400);
    const ok = await sdk.trigger(['sdk-news'], 'update', { v: 2 }, {
      socket_id: a.socketId,
      info: 'subscription_count',
    } as never);
    expect(await ok.json()).toEqual({ channels: { 'sdk-news': { subscription_count: 2 } } });
    const got = await b.next((f) => f.event === 'update' && f.channel === 'sdk-news');
    expect(got.data).toEqual({ v: 2 });
    expect(got.seq).toBeGreaterThan(0);
    await sdk.trigger('sdk-news', 'marker', {});
    await a.next((f) => f.event === 'marker');
    expect(a.frames.some((f) => f.event === 'update')).toBe(false);
    const presenceInfo = await sdk.trigger('presence-sdk-room', 'hello', 'plain text', {
      info: 'user_count,subscription_count',
    } as never);
    expect(await presenceInfo.json()).toEqual({
      channels: { 'presence-sdk-room': { user_count: 2, subscription_count: 2 } },
    });
    const hello = await b.next((f) => f.event === 'hello');
    expect(hello.data).toBe('plain text');
  });

  it('triggers batches in order, one seq after the other', async () => {
    const s = await open();
    await subscribe(s, 'batch-room');
    const res = await sdk.triggerBatch([
      { channel: 'batch-room', name: 'one', data: { n: 1 } },
      { channel: 'batch-room', name: 'two', data: { n: 2 } },
      { channel: 'batch-room', name: 'three', data: { n: 3 }, info: 'subscription_count' } as never,
    ]);
    expect(await res.json()).toEqual({ batch: [{}, {}, { subscription_count: 1 }] });
    const frames = [
      await s.next((f) => f.event === 'one'),
      await s.next((f) => f.event === 'two'),
      await s.next((f) => f.event === 'three'),
    ];
    expect(frames.map((f) => f.seq)).toEqual([frames[0].seq, frames[0].seq! + 1, frames[0].seq! + 2]);
  });

  it('lists channels and presence users', async () => {
    const s1 = await open();
    const s2 = await open();
    await subscribe(s1, 'list-a');
    await subscribe(s2, 'list-a');
    await subscribe(
      s1,
      'presence-list',
      sdk.authorizeChannel(s1.socketId, 'presence-list', { user_id: 'ann' }) as unknown as Record<string, unknown>,
    );
    await subscribe(
      s2,
      'presence-list',
      sdk.authorizeChannel(s2.socketId, 'presence-list', { user_id: 'ben' }) as unknown as Record<string, unknown>,
    );
    const all = (await (await sdk.get({ path: '/channels' })).json()) as { channels: Record<string, object> };
    expect(all.channels['list-a']).toEqual({});
    expect(all.channels['presence-list']).toEqual({});
    const presence = (await (
      await sdk.get({ path: '/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' } })
    ).json()) as { channels: Record<string, object> };
    expect(presence.channels['presence-list']).toEqual({ user_count: 2 });
    expect(Object.keys(presence.channels).every((c) => c.startsWith('presence-'))).toBe(true);
    const one = await (await sdk.get({ path: '/channels/list-a', params: { info: 'subscription_count' } })).json();
    expect(one).toEqual({ occupied: true, subscription_count: 2 });
    expect(await (await sdk.get({ path: '/channels/nobody-here' })).json()).toEqual({ occupied: false });
    const users = (await (await sdk.get({ path: '/channels/presence-list/users' })).json()) as {
      users: { id: string }[];
    };
    expect(users.users.map((u) => u.id).sort()).toEqual(['ann', 'ben']);
    await expect(sdk.get({ path: '/channels/list-a/users' })).rejects.toMatchObject({ status: 400 });
    await expect(sdk.get({ path: '/channels', params: { info: 'user_count' } })).rejects.toMatchObject({ status: 400 });
  });

  it("sends to a user and terminates a user's connections, on every socket signed in as that user only", async () => {
    const [u1, u2, other] = [await open(), await open(), await open()];
    for (const [s, id] of [
      [u1, 'target'],
      [u2, 'target'],
      [other, 'bystander'],
    ] as const) {
      s.send({ event: 'pusher:signin', data: sdk.authenticateUser(s.socketId, { id }) });
      await s.next((f) => f.event === 'pusher:signin_success');
      await subscribe(s, `#server-to-user-${id}`);
    }
    // Only the signed-in user may listen to its channel.
    expect((await subscribe(other, '#server-to-user-target')).event).toBe('pusher:subscription_error');
    await sdk.sendToUser('target', 'dm', { hi: 1 });
    for (const s of [u1, u2]) expect((await s.next((f) => f.event === 'dm')).data).toEqual({ hi: 1 });
    await sdk.terminateUserConnections('target');
    expect(await u1.waitClosed()).toBe(4009);
    expect(await u2.waitClosed()).toBe(4009);
    other.send({ event: 'pusher:ping', data: {} });
    await other.next((f) => f.event === 'pusher:pong');
  });
});

describe('HTTP API hostile requests', () => {
  let env: SyncEnv;
  const path = `/apps/${APP.id}/events`;
  const body = JSON.stringify({ name: 'e', channel: 'c', data: '{}' });

  /** Signs like docs/protocol.md; `tamper` changes the request after signing. */
  const signed = (
    method: string,
    p: string,
    payload: string,
    opts: { ts?: number; secret?: string; key?: string; extra?: Record<string, string>; md5?: string | null } = {},
  ) => {
    const params: Record<string, string> = {
      auth_key: opts.key ?? APP.key,
      auth_timestamp: String(opts.ts ?? Math.floor(Date.now() / 1000)),
      auth_version: '1.0',
      ...(opts.extra ?? {}),
    };
    if (payload && opts.md5 !== null)
      params.body_md5 = opts.md5 ?? crypto.createHash('md5').update(payload).digest('hex');
    const query = Object.keys(params)
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    return `${query}&auth_signature=${hmacHex(opts.secret ?? APP.secret, `${method}\n${p}\n${query}`)}`;
  };
  const send = async (method: string, p: string, query: string, payload?: string) => {
    const res = await fetch(`${env.base}${p}?${query}`, {
      method,
      headers: payload ? { 'content-type': 'application/json' } : {},
      body: payload,
    });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    env = await startSyncEnv({
      apps: [{ ...APP }, { id: 'off', key: 'off-key', secret: 'off-secret-1', enabled: false }],
    });
  });
  afterAll(async () => env.close());

  it('accepts a correctly signed request', async () => {
    expect((await send('POST', path, signed('POST', path, body), body)).status).toBe(200);
  });

  it('refuses stale timestamps, wrong keys and secrets, missing or wrong body_md5 with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await send('POST', path, signed('POST', path, body, { ts: now - 601 }), body)).status).toBe(401);
    // Ten seconds past the window, not one: the server's clock may have turned the next second
    // by the time this request arrives, which would put "now + 601" exactly on the window's edge.
    expect((await send('POST', path, signed('POST', path, body, { ts: now + 610 }), body)).text).toMatch(
      /Timestamp expired/,
    );
    expect((await send('POST', path, signed('POST', path, body, { ts: now - 590 }), body)).status).toBe(200);
    expect((await send('POST', path, signed('POST', path, body, { secret: 'not-the-secret' }), body)).status).toBe(401);
    expect((await send('POST', path, signed('POST', path, body, { key: 'other' }), body)).status).toBe(401);
    expect((await send('POST', path, signed('POST', path, body, { md5: null }), body)).status).toBe(401);
    expect((await send('POST', path, signed('POST', path, body, { md5: '0'.repeat(32) }), body)).status).toBe(401);
    expect((await send('POST', path, 'auth_key=key-1', body)).status).toBe(401);
  });

  it('refuses a captured request replayed with another body, other parameters, another path, or after the window', async () => {
    const query = signed('POST', path, body);
    const other = JSON.stringify({ name: 'e', channel: 'c', data: '{"evil":1}' });
    expect((await send('POST', path, query, other)).status).toBe(401);
    expect((await send('POST', path, `${query}&info=subscription_count`, body)).status).toBe(401);
    expect((await send('POST', `/apps/${APP.id}/batch_events`, query, body)).status).toBe(401);
    expect(
      (await send('POST', path, query.replace(/auth_key=[^&]+/, 'auth_key=key-1&auth_key=key-1'), body)).status,
    ).toBe(400);
    // Replayed 11 minutes later: the same bytes no longer pass the timestamp window.
    const old = signed('POST', path, body, { ts: Math.floor(Date.now() / 1000) - 660 });
    expect((await send('POST', path, old, body)).status).toBe(401);
  });

  it('answers limits and bad input with 400, 403, 404 and 413', async () => {
    const post = (payload: unknown, p = path) => {
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      return send('POST', p, signed('POST', p, text), text);
    };
    const channels = Array.from({ length: 101 }, (_, i) => `c${i}`);
    expect((await post({ name: 'e', channels, data: '' })).status).toBe(400);
    expect((await post({ name: 'e', channels: channels.slice(0, 100), data: '' })).status).toBe(200);
    expect((await post({ name: 'e', channel: 'c', data: 'x'.repeat(10 * 1024 + 1) })).status).toBe(413);
    expect((await post({ name: 'e', channel: 'c', data: 'x'.repeat(10 * 1024) })).status).toBe(200);
    expect((await post({ name: 'e', channel: 'bad channel', data: '' })).status).toBe(400);
    expect((await post({ name: 'pusher:fake', channel: 'c', data: '' })).status).toBe(400);
    expect((await post({ name: 'e', channel: 'c', data: '', socket_id: 'abc' })).status).toBe(400);
    expect((await post('{"name": ')).status).toBe(400);
    expect((await post({ channel: 'c' })).status).toBe(400);
    const batch = (n: number) => ({
      batch: Array.from({ length: n }, (_, i) => ({ name: 'e', channel: `b${i}`, data: '' })),
    });
    const bp = `/apps/${APP.id}/batch_events`;
    expect((await post(batch(11), bp)).status).toBe(400);
    expect((await post(batch(10), bp)).status).toBe(200);
    expect(
      (
        await post(
          {
            batch: [
              { name: 'e', channel: 'ok', data: '' },
              { name: 'e', channel: 'ok', data: 'x'.repeat(20_000) },
            ],
          },
          bp,
        )
      ).status,
    ).toBe(413);
    const unknown = '/apps/nope/events';
    expect((await send('POST', unknown, signed('POST', unknown, body), body)).status).toBe(404);
    const off = '/apps/off/events';
    expect(
      (await send('POST', off, signed('POST', off, body, { key: 'off-key', secret: 'off-secret-1' }), body)).status,
    ).toBe(403);
    const huge = JSON.stringify({ name: 'e', channel: 'c', data: 'x'.repeat(2 * 1024 * 1024) });
    expect((await send('POST', path, signed('POST', path, huge), huge)).status).toBe(413);
    // Still serving.
    expect((await post({ name: 'e', channel: 'c', data: '' })).status).toBe(200);
  });
});
