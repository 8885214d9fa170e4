/**
 * The Redis scale-out parts in one process, with several "nodes" (RedisCluster instances) on one
 * real redis-server: fan-out and seq across nodes, toOthers, one replay log, global presence and
 * counts, cleanup after a dead node, gap filling after a lost subscriber connection, and recovery
 * after Redis restarts empty.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionMessage } from '../../../src-shared/bridge';
import { BroadcastHub } from '../../../src-main/core/hub/hub';
import { silentLogger } from '../../../src-main/core/logger';
import type { ClusterSignal } from '../../../src-main/server/cluster/cluster';
import { RedisCluster } from '../../../src-main/server/cluster/redis';
import { RedisProcess, redisMissing } from './helpers/redis';

const missing = redisMissing();

describe.skipIf(missing !== null)('Redis cluster (needs redis-server)', () => {
  let redis: RedisProcess;
  const open: RedisCluster[] = [];
  let prefixN = 0;
  let prefix = '';
  const node = async (opts: { heartbeatMs?: number; nodeTimeoutMs?: number } = {}) => {
    const c = await RedisCluster.connect({
      url: redis.url,
      logger: silentLogger(),
      appIds: ['app'],
      prefix,
      heartbeatMs: opts.heartbeatMs ?? 100,
      nodeTimeoutMs: opts.nodeTimeoutMs ?? 600,
    });
    open.push(c);
    return c;
  };
  const hubOn = (c: RedisCluster) => new BroadcastHub({ backend: c.hubBackend('app') });
  const collect = (hub: BroadcastHub, channel: string, opts: { since?: number; connectionId?: string } = {}) => {
    const got: SubscriptionMessage[] = [];
    const waiters: (() => void)[] = [];
    hub.subscribe(
      channel,
      (m) => {
        got.push(m);
        for (const w of waiters.splice(0)) w();
      },
      opts,
    );
    const until = (n: number, timeoutMs = 10_000) =>
      new Promise<SubscriptionMessage[]>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`got ${got.length} of ${n}: ${JSON.stringify(got)}`)),
          timeoutMs,
        );
        const check = () => {
          if (got.length >= n) {
            clearTimeout(timer);
            resolve(got);
          } else waiters.push(check);
        };
        check();
      });
    return { got, until };
  };
  const seqs = (list: SubscriptionMessage[]) =>
    list.map((m) => (m.type === 'event' ? m.envelope.seq : `resync@${m.last_seq}`));

  beforeAll(async () => {
    redis = await RedisProcess.start();
  });
  beforeEach(() => {
    // A fresh key prefix per test: the tests share one redis-server.
    prefix = `t${++prefixN}:`;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('fans out across nodes with one seq per channel, honours toOthers, and replays from one log', async () => {
    const [a, b] = [await node(), await node()];
    const [hubA, hubB] = [hubOn(a), hubOn(b)];
    const onA = collect(hubA, 'room', { connectionId: '1.1' });
    const onA2 = collect(hubA, 'room', { connectionId: '2.2' });
    const onB = collect(hubB, 'room');
    hubB.broadcast({ channel: 'room', event: 'one', data: 1 });
    hubA.broadcast({ channel: 'room', event: 'two', data: 2 }, { except: '1.1' });
    hubB.broadcast({ channel: 'room', event: 'three', data: 3 });
    // Two processes publish concurrently: the order between them is Redis's, the same for everyone.
    const order = (await onB.until(3)).map((m) => (m.type === 'event' ? m.envelope.event : ''));
    expect(seqs(onB.got)).toEqual([1, 2, 3]);
    expect(order.indexOf('one')).toBeLessThan(order.indexOf('three'));
    expect((await onA2.until(3)).map((m) => (m.type === 'event' ? m.envelope.event : ''))).toEqual(order);
    const atA = await onA.until(2);
    expect(atA.map((m) => (m.type === 'event' ? m.envelope.event : ''))).toEqual(order.filter((e) => e !== 'two'));
    expect(((await hubA.replayAsync('room', 1)) as { events: { event: string }[] }).events.map((e) => e.event)).toEqual(
      order.slice(1),
    );
    expect(await hubB.lastSeqAsync('room')).toBe(3);
    // A late subscriber on A catches up from the shared log, then goes on live, without duplicates.
    const late = collect(hubA, 'room', { since: 1 });
    hubB.broadcast({ channel: 'room', event: 'four', data: 4 });
    expect(seqs(await late.until(3))).toEqual([2, 3, 4]);
    expect((await hubA.lastEnvelope('room'))?.event).toBe('four');
  });

  it('answers resync when the shared log no longer has what was missed', async () => {
    const a = await node();
    const hub = hubOn(a);
    const all = collect(hub, 'long');
    for (let i = 0; i < a.logLength + 10; i++) hub.broadcast({ channel: 'long', event: 'e', data: i });
    await all.until(a.logLength + 10);
    expect(await hub.replayAsync('long', 2)).toEqual({ resync: true, last_seq: a.logLength + 10 });
  });

  it('keeps one presence list across nodes: first connection joins, last one leaves, limits count everyone', async () => {
    const [a, b] = [await node(), await node()];
    const signals: ClusterSignal[] = [];
    b.onSignal((s) => signals.push(s));
    expect(await a.presenceJoin('app', 'presence-x', '1.1', 'ann', { n: 'Ann' }, 3)).toMatchObject({
      refused: false,
      first: true,
    });
    expect(await b.presenceJoin('app', 'presence-x', '2.2', 'ann', { n: 'Ann' }, 3)).toMatchObject({
      refused: false,
      first: false,
    });
    const third = await b.presenceJoin('app', 'presence-x', '3.3', 'ben', { n: 'Ben' }, 3);
    expect(third.refused).toBe(false);
    if (!third.refused) expect([...third.members.keys()].sort()).toEqual(['ann', 'ben']);
    expect(await a.presenceJoin('app', 'presence-x', '4.4', 'cat', null, 3)).toMatchObject({ refused: false });
    expect(await b.presenceJoin('app', 'presence-x', '5.5', 'dan', null, 3)).toEqual({ refused: true });
    expect([...(await b.presenceMembers('app', 'presence-x')).entries()]).toEqual(
      expect.arrayContaining([
        ['ann', { n: 'Ann' }],
        ['ben', { n: 'Ben' }],
        ['cat', null],
      ]),
    );
    expect(await a.presenceLeave('app', 'presence-x', '1.1')).toEqual({ user_id: 'ann', last: false });
    expect(await b.presenceLeave('app', 'presence-x', '2.2')).toEqual({ user_id: 'ann', last: true });
    expect(await b.presenceLeave('app', 'presence-x', '2.2')).toBeNull();
    expect([...(await a.presenceMembers('app', 'presence-x')).keys()].sort()).toEqual(['ben', 'cat']);
    await a.signal({ type: 'member_removed', app: 'app', channel: 'presence-x', user_id: 'ann' });
    await until(() => signals.length === 1);
    expect(signals[0]).toMatchObject({ type: 'member_removed', user_id: 'ann' });
  });

  it('counts subscriptions, connections and rate limits for all nodes together', async () => {
    const [a, b] = [await node(), await node()];
    expect(await a.adjustChannel('app', 'c', 1)).toBe(1);
    expect(await b.adjustChannel('app', 'c', 1)).toBe(2);
    expect(await b.channelCount('app', 'c')).toBe(2);
    expect(await a.adjustChannel('app', 'c', -1)).toBe(1);
    expect(await b.adjustChannel('app', 'c', -1)).toBe(0);
    expect((await a.channels('app')).size).toBe(0);
    expect(await a.acquireConnection('app', 2)).toBe(true);
    expect(await b.acquireConnection('app', 2)).toBe(true);
    expect(await b.acquireConnection('app', 2)).toBe(false);
    await a.releaseConnection('app');
    expect(await b.acquireConnection('app', 2)).toBe(true);
    expect(await a.connectionCount('app')).toBe(2);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await (i % 2 ? a : b).hit('login:1.2.3.4', 3, 60_000));
    expect(hits).toEqual([true, true, true, false]);
  });

  it('cleans up after a node that died: its members leave (announced), its counts go', async () => {
    const [a, doomed] = [await node(), await node()];
    const signals: ClusterSignal[] = [];
    const notices: string[] = [];
    a.onSignal((s) => signals.push(s));
    a.onNotice((n) => notices.push(`${n.type}:${n.channel}`));
    await a.presenceJoin('app', 'presence-y', '1.1', 'stay', null, 100);
    await doomed.presenceJoin('app', 'presence-y', '2.2', 'gone', null, 100);
    await doomed.presenceJoin('app', 'presence-y', '3.3', 'stay', null, 100);
    await doomed.adjustChannel('app', 'only-on-doomed', 1);
    await a.adjustChannel('app', 'shared', 1);
    await doomed.adjustChannel('app', 'shared', 1);
    await doomed.acquireConnection('app', 0);
    // The process dies: no goodbye, no more heartbeats (its connection is gone for good).
    doomed.commands.disconnect();
    await until(() => signals.some((s) => s.type === 'member_removed' && s.user_id === 'gone'));
    expect(signals.filter((s) => s.type === 'member_removed').map((s) => (s as { user_id: string }).user_id)).toEqual([
      'gone',
    ]);
    expect([...(await a.presenceMembers('app', 'presence-y')).keys()]).toEqual(['stay']);
    expect(await a.channelCount('app', 'shared')).toBe(1);
    expect(await a.channelCount('app', 'only-on-doomed')).toBe(0);
    expect(notices).toContain('channel_vacated:only-on-doomed');
    expect(await a.connectionCount('app')).toBe(0);
  });

  it('fills the hole when a node lost its subscriber connection for a while', async () => {
    const [a, b] = [await node(), await node()];
    const [hubA, hubB] = [hubOn(a), hubOn(b)];
    const onA = collect(hubA, 'gap');
    hubB.broadcast({ channel: 'gap', event: 'before', data: 0 });
    await onA.until(1);
    // Kill A's subscriber connection inside Redis: messages published meanwhile never reach A.
    const clients = (await b.commands.call('CLIENT', 'LIST')) as string;
    const line = clients.split('\n').find((l) => l.includes(`name=inkproof-sub-${a.nodeId}`))!;
    const id = /id=(\d+)/.exec(line)![1];
    await b.commands.call('CLIENT', 'KILL', 'ID', id);
    for (let i = 1; i <= 20; i++) hubB.broadcast({ channel: 'gap', event: 'during', data: i });
    await until(async () => (await hubB.lastSeqAsync('gap')) === 21);
    hubB.broadcast({ channel: 'gap', event: 'after', data: 21 });
    expect(seqs(await onA.until(22))).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('goes on after Redis restarts empty: seqs keep growing, presence and counts are registered again', async () => {
    const [a, b] = [await node(), await node()];
    const [hubA, hubB] = [hubOn(a), hubOn(b)];
    let reregistered = 0;
    a.onResync(async () => {
      await a.presenceJoin('app', 'presence-z', '1.1', 'ann', null, 100);
      reregistered++;
    });
    await a.presenceJoin('app', 'presence-z', '1.1', 'ann', null, 100);
    const onA = collect(hubA, 'restart');
    for (let i = 0; i < 5; i++) hubB.broadcast({ channel: 'restart', event: 'e', data: i });
    await onA.until(5);
    await redis.restart();
    // Published while Redis comes back: queued by ioredis, then stored and delivered.
    hubB.broadcast({ channel: 'restart', event: 'after', data: 'x' });
    const got = await onA.until(6, 20_000);
    expect(seqs(got)).toEqual([1, 2, 3, 4, 5, 6]);
    await until(() => reregistered > 0, 20_000);
    expect([...(await b.presenceMembers('app', 'presence-z')).keys()]).toEqual(['ann']);
    hubA.broadcast({ channel: 'restart', event: 'later', data: 'y' });
    expect(seqs(await onA.until(7))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  }, 40_000);
});

async function until(test: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
