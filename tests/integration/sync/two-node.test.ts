/**
 * Scale-out as deployed: TWO `inkproof serve --redis` processes and a real redis-server started by
 * the test, clients behind a TCP load balancer. A client on node A gets events triggered on node B;
 * presence lists agree on both; toOthers holds across nodes; node A killed (SIGKILL) → its clients
 * reconnect to B and catch up without loss; Redis restarted → broadcasting resumes by itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import PusherServer from 'pusher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signChannel } from '../../../src-main/server/pusher/signature';
import { exited, startServeProcess, type ServeProcess } from '../../helpers/server-process';
import { TestSocket, type Frame } from '../../helpers/socket';
import { tempDir } from '../../helpers/temp';
import { connected, pusherClient, Recorder, stateAfter, subscribed, type PusherClient } from './helpers/pusher';
import { TcpProxy } from './helpers/proxy';
import { RedisProcess, redisMissing } from './helpers/redis';

const missing = redisMissing();
const APP = { id: 'cluster-app', key: 'cluster-key', secret: 'cluster-secret' };

describe.skipIf(missing !== null)('two server processes sharing Redis (needs redis-server)', () => {
  const t = tempDir('inkproof-two-node-');
  let redis: RedisProcess;
  let a: ServeProcess;
  let b: ServeProcess;
  let proxy: TcpProxy;
  let sdkA: PusherServer;
  let sdkB: PusherServer;
  const clients: PusherClient[] = [];
  const sockets: TestSocket[] = [];
  const portOf = (s: ServeProcess) => Number(new URL(s.url).port);
  const sdkFor = (s: ServeProcess) =>
    new PusherServer({
      appId: APP.id,
      key: APP.key,
      secret: APP.secret,
      host: '127.0.0.1',
      port: String(portOf(s)),
      useTLS: false,
    });
  /** pusher-js whose private/presence auth comes from the app's backend (the SDK), like a Laravel app's. */
  const client = (port: number, user?: { id: string; name: string }) => {
    const p = pusherClient(
      port,
      'http://unused',
      undefined,
      {
        channelAuthorization: {
          customHandler: (
            { socketId, channelName }: { socketId: string; channelName: string },
            cb: (e: Error | null, d: unknown) => void,
          ) =>
            cb(
              null,
              sdkA.authorizeChannel(
                socketId,
                channelName,
                user ? { user_id: user.id, user_info: { name: user.name } } : undefined,
              ),
            ),
        } as never,
      },
      APP.key,
    );
    clients.push(p);
    return p;
  };
  const raw = async (port: number) => {
    const s = await TestSocket.open(`ws://127.0.0.1:${port}/app/${APP.key}?protocol=7&client=js&version=8.6.0`);
    sockets.push(s);
    await s.established();
    return s;
  };

  beforeAll(async () => {
    redis = await RedisProcess.start();
    // The balancer listens first: the nodes accept its address as a Host (--allowed-hosts).
    proxy = new TcpProxy(0);
    await proxy.listen();
    const env = {
      INKPROOF_ALLOWED_HOSTS: `127.0.0.1:${proxy.port}`,
      INKPROOF_APP_ID: APP.id,
      INKPROOF_APP_KEY: APP.key,
      INKPROOF_APP_SECRET: APP.secret,
      INKPROOF_CLUSTER_HEARTBEAT_MS: '200',
      INKPROOF_CLUSTER_NODE_TIMEOUT_MS: '1500',
      INKPROOF_THREADS: '1',
      INKPROOF_LOG_LEVEL: 'warn',
    };
    const dirs = ['a', 'b'].map((n) => path.join(t.dir, n));
    dirs.forEach((d) => fs.mkdirSync(d));
    [a, b] = await Promise.all(dirs.map((d) => startServeProcess(d, ['--redis', redis.url], env)));
    sdkA = sdkFor(a);
    sdkB = sdkFor(b);
    proxy.setTarget(portOf(a));
  }, 60_000);

  afterAll(async () => {
    for (const p of clients) p.disconnect();
    for (const s of sockets) s.close();
    for (const s of [a, b]) {
      if (s && s.child.exitCode === null && s.child.signalCode === null) {
        s.child.kill('SIGTERM');
        await exited(s.child);
      }
    }
    await proxy?.close();
    await redis?.stop();
    t.cleanup();
  }, 30_000);

  it('delivers to a client on node A what is triggered on node B, with the same seqs everywhere', async () => {
    const onA = client(portOf(a));
    const onB = client(portOf(b));
    await Promise.all([connected(onA), connected(onB)]);
    const [ra, rb] = [
      new Recorder((await subscribed(onA, 'cluster-news')).channel),
      new Recorder((await subscribed(onB, 'cluster-news')).channel),
    ];
    await sdkB.trigger('cluster-news', 'from-b', { n: 1 });
    await sdkA.trigger('cluster-news', 'from-a', { n: 2 });
    expect((await ra.next((e) => e.event === 'from-b')).data).toEqual({ n: 1 });
    await ra.next((e) => e.event === 'from-a');
    await rb.next((e) => e.event === 'from-a');
    const s = await raw(portOf(a));
    s.send({ event: 'pusher:subscribe', data: { channel: 'cluster-news', since: 0 } });
    const replayed = [await s.next((f) => f.event === 'from-b'), await s.next((f) => f.event === 'from-a')];
    expect(replayed.map((f) => f.seq)).toEqual([1, 2]);
    const channels = await (
      await sdkA.get({ path: '/channels/cluster-news', params: { info: 'subscription_count' } })
    ).json();
    expect(channels).toEqual({ occupied: true, subscription_count: 3 });
  });

  it('keeps one presence list: both nodes list the same members and announce joins across nodes', async () => {
    const alice = client(portOf(a), { id: 'alice', name: 'Alice' });
    const bob = client(portOf(b), { id: 'bob', name: 'Bob' });
    await Promise.all([connected(alice), connected(bob)]);
    const onBob = await subscribed(bob, 'presence-cluster');
    const joined = new Promise<unknown>((resolve) => onBob.channel.bind('pusher:member_added', resolve));
    const onAlice = await subscribed(alice, 'presence-cluster');
    expect((onAlice.data as { count: number }).count).toBe(2);
    expect(await joined).toMatchObject({ id: 'alice', info: { name: 'Alice' } });
    const users = async (sdk: PusherServer) =>
      (
        (await (await sdk.get({ path: '/channels/presence-cluster/users' })).json()) as { users: { id: string }[] }
      ).users
        .map((u) => u.id)
        .sort();
    expect(await users(sdkA)).toEqual(['alice', 'bob']);
    expect(await users(sdkB)).toEqual(['alice', 'bob']);
    // A second connection of alice, on the other node, is not a new member.
    const alice2 = client(portOf(b), { id: 'alice', name: 'Alice' });
    await connected(alice2);
    await subscribed(alice2, 'presence-cluster');
    const left = new Promise<unknown>((resolve) => onBob.channel.bind('pusher:member_removed', resolve));
    alice.disconnect();
    await sdkB.trigger('presence-cluster', 'marker', {});
    await new Recorder(onBob.channel).next((e) => e.event === 'marker');
    alice2.disconnect();
    expect(await left).toMatchObject({ id: 'alice' });
    expect(await users(sdkA)).toEqual(['bob']);
  });

  it('holds toOthers across nodes: the socket_id given to node B is excluded on node A', async () => {
    const me = await raw(portOf(a));
    const peerA = await raw(portOf(a));
    const peerB = await raw(portOf(b));
    for (const s of [me, peerA, peerB]) {
      s.send({
        event: 'pusher:subscribe',
        data: { channel: 'private-team', auth: signChannel(APP.key, APP.secret, s.socketId, 'private-team') },
      });
      await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    }
    await sdkB.trigger('private-team', 'saved', { by: 'me' }, { socket_id: me.socketId });
    await peerA.next((f) => f.event === 'saved');
    await peerB.next((f) => f.event === 'saved');
    await sdkB.trigger('private-team', 'marker', {});
    await me.next((f) => f.event === 'marker');
    expect(me.frames.some((f) => f.event === 'saved')).toBe(false);
    // Client events too: never back to the sender, on any node.
    peerB.send({ event: 'client-typing', channel: 'private-team', data: { who: 'peerB' } });
    expect((await me.next((f) => f.event === 'client-typing')).data).toEqual({ who: 'peerB' });
    await peerA.next((f) => f.event === 'client-typing');
    await sdkA.trigger('private-team', 'marker2', {});
    await peerB.next((f) => f.event === 'marker2');
    expect(peerB.frames.some((f) => f.event === 'client-typing')).toBe(false);
  });

  it('moves the clients of a killed node to the other one, where they catch up without loss', async () => {
    const channel = 'private-ledger';
    // A pusher-js client and an Inkproof-style client (tracks seq, resubscribes with since), both through the load balancer to A.
    const p = client(proxy.port);
    await connected(p);
    const pRec = new Recorder((await subscribed(p, channel)).channel);
    let lastSeq = 0;
    const seen: number[] = [];
    const follower = async () => {
      const s = await TestSocket.open(`ws://127.0.0.1:${proxy.port}/app/${APP.key}?protocol=7`);
      const sid = await s.established();
      s.ws.on('message', (buf) => {
        const f = JSON.parse(buf.toString()) as Frame;
        if (f.channel === channel && f.event === 'entry' && typeof f.seq === 'number') {
          seen.push(f.seq);
          lastSeq = f.seq;
        }
      });
      s.send({
        event: 'pusher:subscribe',
        data: {
          channel,
          auth: signChannel(APP.key, APP.secret, sid, channel),
          ...(lastSeq > 0 ? { since: lastSeq } : {}),
        },
      });
      await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
      return s;
    };
    const first = await follower();
    // A presence member that lives on A only: it must leave the shared list when A dies.
    const dave = client(portOf(a), { id: 'dave', name: 'Dave' });
    await connected(dave);
    await subscribed(dave, 'presence-cluster');
    for (let i = 1; i <= 5; i++) await sdkB.trigger(channel, 'entry', { i });
    await until(() => seen.length === 5);

    // Node A dies without a goodbye; the load balancer now sends new connections to B.
    proxy.setTarget(portOf(b));
    const pBack = stateAfter(p, 'connected', 30_000);
    a.child.kill('SIGKILL');
    await exited(a.child);
    await first.waitClosed();
    // Events keep coming (through B) while the clients are away.
    for (let i = 6; i <= 10; i++) await sdkB.trigger(channel, 'entry', { i });
    const second = await follower();
    for (let i = 11; i <= 12; i++) await sdkB.trigger(channel, 'entry', { i });
    await until(() => seen.length === 12);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    second.close();

    // pusher-js reconnected by itself (to B) and is live again.
    await pBack;
    await until(() => (p.channel(channel) as unknown as { subscribed: boolean }).subscribed);
    await sdkB.trigger(channel, 'after-failover', {});
    await pRec.next((e) => e.event === 'after-failover');
  }, 60_000);

  it('answers /api/events from the shared log on either node', async () => {
    await sdkB.trigger('private-library.1', 'note', { n: 1 });
    await sdkB.trigger('private-library.1', 'note', { n: 2 });
    const res = await fetch(`${b.url}/api/events?channel=private-library.1&since=0`, {
      headers: { authorization: `Bearer ${b.token}` },
    });
    const body = (await res.json()) as { events: { seq: number; data: string }[] };
    expect(body.events.map((e) => [e.seq, JSON.parse(e.data)])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
    ]);
  });

  it("removes the killed node's presence members once it stops answering", async () => {
    // dave was connected to A only when it was killed; bob (on B) is still there.
    const carol = client(portOf(b), { id: 'carol', name: 'Carol' });
    await connected(carol);
    await subscribed(carol, 'presence-cluster');
    const users = async () =>
      (
        (await (await sdkB.get({ path: '/channels/presence-cluster/users' })).json()) as { users: { id: string }[] }
      ).users
        .map((u) => u.id)
        .sort();
    await until(async () => JSON.stringify(await users()) === JSON.stringify(['bob', 'carol']), 15_000);
  });

  it('resumes broadcasting by itself after Redis restarts', async () => {
    const s = await raw(portOf(b));
    s.send({ event: 'pusher:subscribe', data: { channel: 'after-restart' } });
    await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    await sdkB.trigger('after-restart', 'before', {});
    const before = await s.next((f) => f.event === 'before');
    await redis.restart();
    // The trigger is accepted at once; the event goes out once Redis is back.
    await sdkB.trigger('after-restart', 'after', {});
    const after = await s.next((f) => f.event === 'after', 30_000);
    expect(after.seq).toBe(before.seq! + 1);
    // And the node registered its subscription again: the channel is occupied in the fresh Redis.
    await until(
      async () =>
        ((await (await sdkB.get({ path: '/channels/after-restart' })).json()) as { occupied: boolean }).occupied,
      20_000,
    );
    const up = (await (await fetch(`${b.url}/up`)).json()) as { cluster: string };
    expect(up.cluster).toBe('ready');
  }, 60_000);
});

async function until(test: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
