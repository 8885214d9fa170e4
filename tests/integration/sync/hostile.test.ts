/**
 * Hostile input on the WebSocket endpoint: each gets the protocol's answer, nothing crashes and
 * nothing leaks (connections, subscriptions, presence members, counts all return to zero). Ends
 * with a fuzz run: thousands of random and mutated frames from many connections, after which the
 * server still serves a correct client (the real pusher-js).
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random';
import { signChannel } from '../../../src-main/server/pusher/signature';
import { TestSocket } from '../../helpers/socket';
import { APP, startSyncEnv, type SyncEnv } from './helpers/env';
import { connected, pusherClient, Recorder, subscribed } from './helpers/pusher';

const LIMITED = {
  id: 'limited',
  key: 'limited-key',
  secret: 'limited-secret',
  limits: { maxConnections: 5, maxPresenceMembers: 2, maxSubscriptionsPerConnection: 20 },
};

describe('hostile input on the WebSocket endpoint', () => {
  let env: SyncEnv;
  let ws: string;
  const open = async (key: string = APP.key, query = 'protocol=7&client=js&version=8.6.0&flash=false') => {
    const s = await TestSocket.open(`${ws}/app/${key}?${query}`);
    return s;
  };
  const ready = async (key?: string) => {
    const s = await open(key);
    await s.established();
    return s;
  };

  beforeAll(async () => {
    env = await startSyncEnv({ apps: [{ ...APP, maxMessageBytes: 16 * 1024 }, LIMITED] });
    ws = env.base.replace('http', 'ws');
  });
  afterAll(async () => env.close());

  it('answers malformed JSON, non-objects, binary frames and unknown events with error events and stays open', async () => {
    const s = await ready();
    for (const bad of [
      '{not json',
      '[]',
      '"text"',
      '42',
      'null',
      '{"event":17}',
      '{"event":""}',
      '{"event":"x","channel":{}}',
    ]) {
      s.send(bad);
      const err = await s.next((f) => f.event === 'pusher:error');
      expect((err.data as { message: string }).message).toMatch(/Invalid message format/);
    }
    s.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(((await s.next((f) => f.event === 'pusher:error')).data as { message: string }).message).toMatch(/Binary/);
    s.send({ event: 'pusher:shutdown_everything', data: {} });
    expect(((await s.next((f) => f.event === 'pusher:error')).data as { message: string }).message).toMatch(
      /Unknown event/,
    );
    s.send({ event: 'pusher:ping', data: {} });
    await s.next((f) => f.event === 'pusher:pong');
    s.close();
  });

  it('closes a connection that sends a frame over maxPayload with 1009, and keeps serving others', async () => {
    const s = await ready();
    s.send({ event: 'client-big', channel: 'private-x', data: 'x'.repeat(200 * 1024) });
    expect(await s.waitClosed()).toBe(1009);
    const t = await ready();
    t.send({ event: 'pusher:ping', data: {} });
    await t.next((f) => f.event === 'pusher:pong');
    t.close();
  });

  it('refuses unknown keys, missing or unsupported protocols and wrong paths', async () => {
    expect(await (await open('nope')).waitClosed()).toBe(4001);
    expect(await (await open(APP.key, 'client=js')).waitClosed()).toBe(4008);
    expect(await (await open(APP.key, 'protocol=3')).waitClosed()).toBe(4007);
    expect(await (await open(APP.key, 'protocol=99999999999')).waitClosed()).toBe(4007);
    await expect(TestSocket.open(`${ws}/socket.io/?EIO=4`)).rejects.toMatchObject({ status: 404 });
    expect(await (await open(`${APP.key}/extra`)).waitClosed()).toBe(4005);
  });

  it('refuses private and presence subscriptions without, with forged or with replayed auth', async () => {
    const s = await ready();
    const other = await ready();
    const refused = async (channel: string, extra: Record<string, unknown>) => {
      s.send({ event: 'pusher:subscribe', data: { channel, ...extra } });
      const f = await s.next(
        (m) =>
          m.channel === channel &&
          (m.event === 'pusher:subscription_error' || m.event === 'pusher_internal:subscription_succeeded'),
      );
      expect(f.event).toBe('pusher:subscription_error');
      return f.data as { status: number; type: string };
    };
    expect(await refused('private-a', {})).toMatchObject({ status: 401, type: 'AuthError' });
    expect(await refused('private-a', { auth: 'garbage' })).toMatchObject({ status: 401 });
    expect(
      await refused('private-a', { auth: signChannel(APP.key, 'wrong-secret', s.socketId, 'private-a') }),
    ).toMatchObject({ status: 401 });
    // A signature made for another socket (replayed from someone else's auth response).
    expect(
      await refused('private-a', { auth: signChannel(APP.key, APP.secret, other.socketId, 'private-a') }),
    ).toMatchObject({ status: 401 });
    expect(
      await refused('private-encrypted-a', {
        auth: signChannel(APP.key, APP.secret, other.socketId, 'private-encrypted-a'),
      }),
    ).toMatchObject({ status: 401 });
    const data = JSON.stringify({ user_id: 'me' });
    expect(
      await refused('presence-a', { auth: signChannel(APP.key, APP.secret, s.socketId, 'presence-a', data) }),
    ).toMatchObject({ status: 401 });
    expect(
      await refused('presence-a', {
        auth: signChannel(APP.key, APP.secret, s.socketId, 'presence-a', data),
        channel_data: JSON.stringify({ user_id: 'admin' }),
      }),
    ).toMatchObject({ status: 401 });
    const noUser = JSON.stringify({ name: 'x' });
    expect(
      await refused('presence-a', {
        auth: signChannel(APP.key, APP.secret, s.socketId, 'presence-a', noUser),
        channel_data: noUser,
      }),
    ).toMatchObject({ status: 400 });
    expect(await refused('#server-to-user-1', {})).toMatchObject({ status: 403 });
    // private-encrypted channels are authorized like private ones; the server passes data through.
    s.send({
      event: 'pusher:subscribe',
      data: {
        channel: 'private-encrypted-a',
        auth: signChannel(APP.key, APP.secret, s.socketId, 'private-encrypted-a'),
      },
    });
    await s.next((f) => f.event === 'pusher_internal:subscription_succeeded' && f.channel === 'private-encrypted-a');
    env.core.hub.broadcast({
      channel: 'private-encrypted-a',
      event: 'secret',
      data: '{"nonce":"bm9uY2U=","ciphertext":"Y2lwaGVy"}',
    });
    expect((await s.next((f) => f.event === 'secret')).data).toEqual({ nonce: 'bm9uY2U=', ciphertext: 'Y2lwaGVy' });
    // …but client events are not allowed on them (Pusher's rule).
    s.send({ event: 'client-x', channel: 'private-encrypted-a', data: {} });
    expect(((await s.next((f) => f.event === 'pusher:error')).data as { message: string }).message).toMatch(
      /private and presence/,
    );
    s.close();
    other.close();
  });

  it("refuses another user's channel at the auth endpoint, and the endpoint without a token", async () => {
    const s = await ready();
    const form = (channel: string, token?: string) =>
      fetch(`${env.base}/broadcasting/auth`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: `socket_id=${s.socketId}&channel_name=${channel}`,
      });
    expect((await form(`private-library.${env.users.bob.id}`, env.users.alice.token)).status).toBe(403);
    expect((await form(`private-queue.${env.users.bob.id}`, env.users.alice.token)).status).toBe(403);
    expect((await form(`private-library.${env.users.alice.id}`)).status).toBe(401);
    expect((await form(`private-library.${env.users.alice.id}`, 'ink_forged')).status).toBe(401);
    expect((await form(`private-library.${env.users.alice.id}`, env.users.alice.token)).status).toBe(200);
    s.close();
  });

  it('refuses bad and too long channel names and too many subscriptions per connection', async () => {
    const s = await ready(LIMITED.key);
    s.send({ event: 'pusher:subscribe', data: { channel: 'x'.repeat(165) } });
    expect((await s.next((f) => f.event === 'pusher:error')).data).toMatchObject({ code: 4009 });
    s.send({ event: 'pusher:subscribe', data: { channel: 'no spaces' } });
    await s.next((f) => f.event === 'pusher:error');
    s.send({ event: 'pusher:subscribe', data: 'not an object' });
    await s.next((f) => f.event === 'pusher:error');
    for (let i = 0; i < 25; i++) s.send({ event: 'pusher:subscribe', data: { channel: `many-${i}` } });
    const errors: string[] = [];
    for (let i = 20; i < 25; i++) {
      const f = await s.next((m) => m.channel === `many-${i}`);
      errors.push(f.event);
    }
    expect(errors.every((e) => e === 'pusher:subscription_error')).toBe(true);
    s.close();
  });

  it('closes connections beyond the app limit with 4004, and frees the place when one leaves', async () => {
    const conns = await Promise.all(Array.from({ length: 5 }, () => ready(LIMITED.key)));
    const over = await open(LIMITED.key);
    const err = await over.next((f) => f.event === 'pusher:error');
    expect(err.data).toMatchObject({ code: 4004 });
    expect(await over.waitClosed()).toBe(4004);
    conns[0].close();
    await conns[0].waitClosed();
    // The server learns of the close asynchronously: retry until a place is free.
    let again: TestSocket | null = null;
    for (let i = 0; i < 200 && !again; i++) {
      const s = await open(LIMITED.key);
      const first = await s.next((f) => f.event === 'pusher:connection_established' || f.event === 'pusher:error');
      if (first.event === 'pusher:connection_established') again = s;
      else await s.waitClosed();
    }
    expect(again).not.toBeNull();
    for (const c of [...conns.slice(1), again!]) c.close();
    await until(() => env.server.runtimes.get(LIMITED.id)!.connections.size === 0);
  });

  it('refuses presence members beyond the app limit and oversized user_info', async () => {
    const join = async (s: TestSocket, user: string, info: unknown = {}) => {
      const channelData = JSON.stringify({ user_id: user, user_info: info });
      s.send({
        event: 'pusher:subscribe',
        data: {
          channel: 'presence-full',
          auth: signChannel(LIMITED.key, LIMITED.secret, s.socketId, 'presence-full', channelData),
          channel_data: channelData,
        },
      });
      return s.next((f) => f.channel === 'presence-full');
    };
    const [a, b, c] = [await ready(LIMITED.key), await ready(LIMITED.key), await ready(LIMITED.key)];
    expect((await join(a, 'a')).event).toBe('pusher_internal:subscription_succeeded');
    expect((await join(b, 'b')).event).toBe('pusher_internal:subscription_succeeded');
    const third = await join(c, 'c');
    expect(third.event).toBe('pusher:subscription_error');
    expect(third.data).toMatchObject({ status: 403 });
    // A second connection of a member is not a new member.
    expect((await join(c, 'a')).event).toBe('pusher_internal:subscription_succeeded');
    const d = await ready(LIMITED.key);
    expect((await join(d, 'd', { blob: 'x'.repeat(2000) })).data).toMatchObject({ status: 413 });
    for (const s of [a, b, c, d]) s.close();
  });

  it('survives a fuzz run of thousands of random and mutated frames, then serves correct clients, with nothing leaked', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    const rand = seededRandom(seed);
    const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
    const templates = (sid: string): unknown[] => [
      { event: 'pusher:subscribe', data: { channel: 'fuzz-public' } },
      { event: 'pusher:subscribe', data: { channel: 'cache-fuzz' } },
      {
        event: 'pusher:subscribe',
        data: { channel: 'private-fuzz', auth: signChannel(APP.key, APP.secret, sid, 'private-fuzz') },
      },
      (() => {
        const cd = JSON.stringify({ user_id: `u${Math.floor(rand() * 5)}`, user_info: { n: 1 } });
        return {
          event: 'pusher:subscribe',
          data: {
            channel: 'presence-fuzz',
            auth: signChannel(APP.key, APP.secret, sid, 'presence-fuzz', cd),
            channel_data: cd,
          },
        };
      })(),
      { event: 'pusher:unsubscribe', data: { channel: 'presence-fuzz' } },
      { event: 'pusher:unsubscribe', data: { channel: 'private-fuzz' } },
      { event: 'client-fuzz', channel: 'private-fuzz', data: { x: rand() } },
      { event: 'client-fuzz', channel: 'presence-fuzz', data: 'text' },
      { event: 'pusher:signin', data: { auth: `${APP.key}:00`, user_data: '{"id":"1"}' } },
      { event: 'pusher:ping', data: {} },
      { event: 'pusher:subscribe', data: { channel: 'fuzz-public', since: Math.floor(rand() * 10) } },
    ];
    const mutate = (text: string): string => {
      switch (Math.floor(rand() * 9)) {
        case 0:
          return text.slice(0, Math.floor(rand() * text.length));
        case 1: {
          const i = Math.floor(rand() * text.length);
          return text.slice(0, i) + String.fromCharCode(Math.floor(rand() * 0xffff)) + text.slice(i + 1);
        }
        case 2:
          return text.replace(/"[a-z_]+"/, () =>
            pick(['"__proto__"', '"constructor"', '"event"', '"data"', '"channel"', '""']),
          );
        case 3:
          return text.replace(
            /:(\{|"[^"]*"|\d+)/,
            () =>
              `:${pick(['null', '[]', '{}', '1e400', '-1', '"' + 'y'.repeat(300) + '"', 'true', '{"channel":{"channel":1}}'])}`,
          );
        case 4:
          return '['.repeat(Math.floor(rand() * 5000)) + ']'.repeat(Math.floor(rand() * 5000));
        case 5:
          return JSON.stringify({
            event: pick([
              'pusher:subscribe',
              'pusher:signin',
              'client-a',
              'pusher_internal:member_added',
              'x'.repeat(300),
            ]),
            channel: pick([undefined, 'private-fuzz', '#server-to-user-1', 'presence-fuzz']),
            data: pick([
              null,
              1,
              'str',
              { channel: 'private-fuzz' },
              { channel: 'presence-fuzz', channel_data: '{"user_id":1}' },
              [1, 2],
            ]),
          });
        case 6:
          return Buffer.from(Array.from({ length: Math.floor(rand() * 200) }, () => Math.floor(rand() * 256))).toString(
            'latin1',
          );
        case 7:
          return text + text;
        default:
          return text;
      }
    };

    const before = process.memoryUsage().heapUsed;
    const WORKERS = 20;
    const PER = 200;
    const codes: number[] = [];
    let sent = 0;
    const inBefore = env.server.sockets.stats.messagesIn;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        let s: TestSocket | null = null;
        for (let i = 0; i < PER; i += 10) {
          if (!s || s.ws.readyState !== WebSocket.OPEN) {
            if (s) codes.push(await s.waitClosed());
            s = await ready();
          }
          for (let j = 0; j < 10; j++) {
            const frame = mutate(JSON.stringify(pick(templates(s.socketId))));
            if (rand() < 0.05) s.ws.send(Buffer.from(frame), { binary: true });
            else s.ws.send(frame);
            sent++;
          }
          // The server has read these ten once it answers a ping sent after them (or it closed the socket).
          s.send({ event: 'pusher:ping', data: {} });
          await s.next((f) => f.event === 'pusher:pong').catch(() => undefined);
        }
        s!.close();
        codes.push(await s!.waitClosed());
      }),
    );
    expect(sent).toBe(WORKERS * PER);
    const read = env.server.sockets.stats.messagesIn - inBefore;
    expect(read).toBeGreaterThan(sent * 0.5);
    // Every close is a normal one or a protocol answer (never an abnormal drop by a crashed handler).
    for (const c of codes) expect([1000, 1005, 1009, 4009, 4100]).toContain(c);
    expect(env.server.sockets.stats.errors.get('internal') ?? 0).toBe(0);

    // A correct client is served as before.
    const p = pusherClient(env.port, env.base, env.users.alice.token);
    await connected(p);
    const { channel } = await subscribed(p, 'presence-chat.after-fuzz');
    const rec = new Recorder(channel);
    env.core.hub.broadcast({ channel: 'presence-chat.after-fuzz', event: 'still-alive', data: { ok: true } });
    expect((await rec.next((e) => e.event === 'still-alive')).data).toEqual({ ok: true });
    p.disconnect();

    // Nothing leaked: once everyone is gone, no connection, channel, member or count remains.
    const rt = env.server.runtimes.get(APP.id)!;
    await until(
      async () =>
        rt.connections.size === 0 && rt.channels.size === 0 && (await env.server.cluster.channels(APP.id)).size === 0,
    );
    expect(rt.users.size).toBe(0);
    expect((await env.server.cluster.presenceMembers(APP.id, 'presence-fuzz')).size).toBe(0);
    expect(
      env.core.hub.subscriberCount('fuzz-public') +
        env.core.hub.subscriberCount('private-fuzz') +
        env.core.hub.subscriberCount('presence-fuzz'),
    ).toBe(0);
    const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    console.log(
      `fuzz seed ${seed}: ${sent} frames sent, ${read} read by the server over ${codes.length} connections (closes: ${[...new Set(codes)].join(', ')}); heap +${grown.toFixed(1)} MB`,
    );
  }, 60_000);
});

async function until(test: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
