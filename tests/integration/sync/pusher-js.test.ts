/**
 * The real pusher-js 8.6 (Node build) against `inkproof serve`, unchanged: connection, public,
 * private (through /broadcasting/auth) and presence channels, client events, sign-in with
 * server-to-user messages, cache channels and reconnecting on 4200/4201. Negative checks ("did not
 * receive") use a later event on the same connection as proof that the earlier one would have
 * arrived: delivery is in order per connection, so no sleeping.
 */
import PusherServer from 'pusher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, startSyncEnv, type SyncEnv } from './helpers/env';
import { connected, pusherClient, Recorder, stateAfter, subscribed, type PusherClient } from './helpers/pusher';

describe('pusher-js 8.6 against inkproof serve', () => {
  let env: SyncEnv;
  let sdk: PusherServer;
  const clients: PusherClient[] = [];
  const client = (token?: string, extra = {}) => {
    const p = pusherClient(env.port, env.base, token, extra);
    clients.push(p);
    return p;
  };

  beforeAll(async () => {
    env = await startSyncEnv({
      apps: [{ ...APP }, { id: 'app-2', key: 'key-2', secret: 'secret-of-app-2', clientEvents: false }],
    });
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
    for (const p of clients) p.disconnect();
    await env.close();
  });

  it('connects with a Pusher socket id and receives public channel events with their data', async () => {
    const p = client();
    const socketId = await connected(p);
    expect(socketId).toMatch(/^\d+\.\d+$/);
    const { channel } = await subscribed(p, 'news');
    const rec = new Recorder(channel);
    await sdk.trigger('news', 'headline', { title: 'Hello' });
    const e = await rec.next((x) => x.event === 'headline');
    expect(e.data).toEqual({ title: 'Hello' });
  });

  it('authorizes private channels through the auth endpoint, and only for their owner', async () => {
    const alice = client(env.users.alice.token);
    await connected(alice);
    const own = await subscribed(alice, `private-library.${env.users.alice.id}`);
    expect(own.channel.subscribed).toBe(true);
    await expect(subscribed(alice, `private-library.${env.users.bob.id}`)).rejects.toMatchObject({
      detail: { status: 403 },
    });
    const anonymous = client();
    await connected(anonymous);
    await expect(subscribed(anonymous, `private-library.${env.users.alice.id}`)).rejects.toMatchObject({
      detail: { status: 401 },
    });
  });

  it('gives documents.{id} and rewrites.{id} to the owner of the document only (routes/channels.php)', async () => {
    const res = await fetch(`${env.base}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.users.alice.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'mine.txt', text: 'A short note that belongs to Alice and nobody else at all.' }),
    });
    expect(res.status).toBe(201);
    const docId = ((await res.json()) as { document: { id: number } }).document.id;
    const alice = client(env.users.alice.token);
    const bob = client(env.users.bob.token);
    await Promise.all([connected(alice), connected(bob)]);
    await subscribed(alice, `private-documents.${docId}`);
    await expect(subscribed(bob, `private-documents.${docId}`)).rejects.toMatchObject({ detail: { status: 403 } });
    // Bob cannot read it over HTTP either.
    const asBob = await fetch(`${env.base}/api/documents/${docId}`, {
      headers: { authorization: `Bearer ${env.users.bob.token}` },
    });
    expect(asBob.status).toBe(404);
  });

  it('announces a presence member on its first connection only, and its departure after the last', async () => {
    const channel = 'presence-chat.lobby';
    const bob = client(env.users.bob.token);
    await connected(bob);
    const joined = await subscribed(bob, channel);
    expect((joined.data as { count: number }).count).toBe(1);
    const rec = new Recorder(joined.channel);

    const alice1 = client(env.users.alice.token);
    await connected(alice1);
    const a1 = await subscribed(alice1, channel);
    expect((a1.data as { count: number; me: { id: string } }).count).toBe(2);
    const added = await rec.next((e) => e.event === 'pusher:member_added', 'member_added');
    expect(added.data).toMatchObject({ id: String(env.users.alice.id), info: { name: 'alice' } });

    const alice2 = client(env.users.alice.token);
    await connected(alice2);
    await subscribed(alice2, channel);
    await sdk.trigger(channel, 'marker', { n: 1 });
    await rec.next((e) => e.event === 'marker', 'marker 1');
    expect(rec.events.filter((e) => e.event === 'pusher:member_added')).toHaveLength(1);

    const subscriptions = async () =>
      (await (
        await sdk.get({ path: `/channels/${channel}`, params: { info: 'subscription_count,user_count' } })
      ).json()) as { subscription_count: number; user_count: number };
    expect(await subscriptions()).toEqual({ occupied: true, subscription_count: 3, user_count: 2 });
    alice1.disconnect();
    await until(async () => (await subscriptions()).subscription_count === 2);
    await sdk.trigger(channel, 'marker', { n: 2 });
    await rec.next((e) => e.event === 'marker' && (e.data as { n: number }).n === 2, 'marker 2');
    expect(rec.has('pusher:member_removed')).toBe(false);
    alice2.disconnect();
    const removed = await rec.next((e) => e.event === 'pusher:member_removed', 'member_removed');
    expect(removed.data).toMatchObject({ id: String(env.users.alice.id) });
    expect(rec.events.filter((e) => e.event === 'pusher:member_removed')).toHaveLength(1);
    expect((joined.channel as unknown as { members: { count: number } }).members.count).toBe(1);
  });

  it('relays client events to the others on private and presence channels, never back to the sender', async () => {
    const alice = client(env.users.alice.token);
    const bob = client(env.users.bob.token);
    await Promise.all([connected(alice), connected(bob)]);
    const a = await subscribed(alice, 'private-room.7');
    const b = await subscribed(bob, 'private-room.7');
    const ra = new Recorder(a.channel);
    const rb = new Recorder(b.channel);
    expect(a.channel.trigger('client-typing', { who: 'alice' })).toBe(true);
    const got = await rb.next((e) => e.event === 'client-typing', 'client-typing at bob');
    expect(got.data).toEqual({ who: 'alice' });
    await sdk.trigger('private-room.7', 'after', {});
    await ra.next((e) => e.event === 'after', 'marker at alice');
    expect(ra.has('client-typing')).toBe(false);

    // On presence channels the receiver learns who sent it.
    const pa = await subscribed(alice, 'presence-chat.whispers');
    const pb = await subscribed(bob, 'presence-chat.whispers');
    const wave = new Promise<{ data: unknown; meta: unknown }>((resolve) =>
      pb.channel.bind('client-wave', (data: unknown, meta: unknown) => resolve({ data, meta })),
    );
    pa.channel.trigger('client-wave', { hi: 1 });
    expect(await wave).toEqual({ data: { hi: 1 }, meta: { user_id: String(env.users.alice.id) } });
  });

  it('refuses client events on public channels and rate-limits them per connection with a 4301 error event', async () => {
    const alice = client(env.users.alice.token);
    await connected(alice);
    const errors: { data?: { code?: number; message?: string } }[] = [];
    alice.connection.bind('error', (e: { data?: { code?: number } }) => errors.push(e));
    const pub = await subscribed(alice, 'news-public');
    pub.channel.trigger('client-nope', {});
    const priv = await subscribed(alice, 'private-room.flood');
    for (let i = 0; i < 15; i++) priv.channel.trigger('client-flood', { i });
    await until(async () => errors.some((e) => e.data?.code === 4301));
    expect(errors.some((e) => /private and presence/.test(e.data?.message ?? ''))).toBe(true);
    // An error event, not a close: the connection stays up.
    expect(alice.connection.state).toBe('connected');
    alice.connection.send_event('pusher:ping', {});
  });

  it("keeps apps apart, accepts the SDK's channel signatures and honours client events off per app", async () => {
    const sdk2 = new PusherServer({
      appId: 'app-2',
      key: 'key-2',
      secret: 'secret-of-app-2',
      host: '127.0.0.1',
      port: String(env.port),
      useTLS: false,
    });
    // The app's own backend signs (as a Laravel app would): the SDK's authorizeChannel.
    const other = pusherClient(
      env.port,
      env.base,
      undefined,
      {
        channelAuthorization: {
          customHandler: (
            params: { socketId: string; channelName: string },
            cb: (e: Error | null, d: unknown) => void,
          ) => cb(null, sdk2.authorizeChannel(params.socketId, params.channelName)),
        } as never,
      },
      'key-2',
    );
    clients.push(other);
    await connected(other);
    const { channel } = await subscribed(other, 'news');
    const rec = new Recorder(channel);
    await sdk.trigger('news', 'for-app-1-only', {});
    await sdk2.trigger('news', 'for-app-2', {});
    await rec.next((e) => e.event === 'for-app-2', 'app-2 event');
    expect(rec.has('for-app-1-only')).toBe(false);

    const errors: { data?: { message?: string } }[] = [];
    other.connection.bind('error', (e: { data?: { message?: string } }) => errors.push(e));
    const priv = await subscribed(other, 'private-x');
    priv.channel.trigger('client-hi', {});
    await until(() => errors.some((e) => /not enabled/.test(e.data?.message ?? '')));
    // A signature made with the other app's secret is refused.
    const wrong = pusherClient(
      env.port,
      env.base,
      undefined,
      {
        channelAuthorization: {
          customHandler: (
            params: { socketId: string; channelName: string },
            cb: (e: Error | null, d: unknown) => void,
          ) => cb(null, sdk.authorizeChannel(params.socketId, params.channelName)),
        } as never,
      },
      'key-2',
    );
    clients.push(wrong);
    await connected(wrong);
    await expect(subscribed(wrong, 'private-x')).rejects.toMatchObject({ detail: { status: 401 } });
  });

  it('signs a user in and delivers server-to-user messages (sendToUser) to every connection of that user', async () => {
    const a1 = client(env.users.alice.token);
    const a2 = client(env.users.alice.token);
    await Promise.all([connected(a1), connected(a2)]);
    const got1: unknown[] = [];
    const got2: unknown[] = [];
    a1.user.bind('note', (d: unknown) => got1.push(d));
    a2.user.bind('note', (d: unknown) => got2.push(d));
    a1.signin();
    a2.signin();
    await Promise.all([a1.user.signinDonePromise, a2.user.signinDonePromise]);
    expect(a1.user.user_data).toMatchObject({ id: String(env.users.alice.id) });
    // pusher-js subscribes to #server-to-user-{id} after sign-in.
    await until(
      () => a1.user.serverToUserChannel?.subscribed === true && a2.user.serverToUserChannel?.subscribed === true,
    );
    await sdk.sendToUser(String(env.users.alice.id), 'note', { text: 'for you' });
    await until(async () => got1.length === 1 && got2.length === 1);
    expect(got1[0]).toEqual({ text: 'for you' });
  });

  it('refuses a forged sign-in with 4009 (an error event, then the close)', async () => {
    const p = client(undefined, {
      userAuthentication: {
        customHandler: (_p: unknown, cb: (e: Error | null, d: unknown) => void) =>
          cb(null, { auth: `${APP.key}:${'0'.repeat(64)}`, user_data: JSON.stringify({ id: '1' }) }),
      },
    });
    await connected(p);
    const codes: number[] = [];
    p.connection.bind('error', (e: { data?: { code?: number } }) => e.data?.code && codes.push(e.data.code));
    const down = stateAfter(p, 'disconnected');
    p.signin();
    await down;
    expect(codes).toContain(4009);
  });

  it('answers a cache channel subscription with its last event, or cache_miss', async () => {
    const p = client();
    await connected(p);
    const missCh = p.subscribe('cache-empty');
    const miss = new Recorder(missCh);
    await miss.next((e) => e.event === 'pusher:cache_miss', 'cache_miss');

    await sdk.trigger('cache-weather', 'forecast', { sky: 'clear' });
    await sdk.trigger('cache-weather', 'forecast', { sky: 'rain' });
    const late = client();
    await connected(late);
    const ch = late.subscribe('cache-weather');
    const rec = new Recorder(ch);
    const got = await rec.next((e) => e.event === 'forecast', 'cached forecast');
    expect(got.data).toEqual({ sky: 'rain' });
    expect(rec.events.filter((e) => e.event === 'forecast')).toHaveLength(1);
  });

  it('reconnects at once and resubscribes when the server closes with 4200 or 4201', async () => {
    const p = client(env.users.alice.token);
    const first = await connected(p);
    await subscribed(p, `private-library.${env.users.alice.id}`);
    for (const code of [4200, 4201]) {
      const before = p.connection.socket_id;
      const back = stateAfter(p, 'connected');
      const resubscribed = new Promise<void>((resolve) =>
        p.channel(`private-library.${env.users.alice.id}`)!.bind('pusher:subscription_succeeded', () => resolve()),
      );
      expect(env.server.sockets.closeConnection(before, code, 'test')).toBe(true);
      await back;
      await resubscribed;
      expect(p.connection.socket_id).not.toBe(before);
    }
    expect(p.connection.socket_id).not.toBe(first);
    const rec = new Recorder(p.channel(`private-library.${env.users.alice.id}`)!);
    await sdk.trigger(`private-library.${env.users.alice.id}`, 'still-live', {});
    await rec.next((e) => e.event === 'still-live', 'event after reconnect');
  });
});

/** Polls an async condition on the event loop's own schedule (setImmediate), never a fixed sleep. */
async function until(test: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
