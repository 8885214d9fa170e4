import { afterEach, describe, expect, it } from 'vitest';
import type { SubscriptionMessage } from '../../../src-shared/bridge';
import { ChannelAuthorizer } from '../../../src-main/core/hub/authorizer';
import { fakeBroadcasts } from '../../../src-main/core/hub/fake';
import { ChannelHistory, DurableEventLog } from '../../../src-main/core/hub/history';
import { BroadcastHub } from '../../../src-main/core/hub/hub';
import { openDatabase, type Db } from '../../../src-main/core/store/db';
import { tempDir } from '../../helpers/temp';

const flush = () => new Promise<void>((r) => setImmediate(r));
const events = (list: SubscriptionMessage[]) =>
  list.map((m) => (m.type === 'event' ? `${m.envelope.event}#${m.envelope.seq}` : `resync@${m.last_seq}`));

describe('BroadcastHub', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('gives each channel its own seq and delivers in order after the current turn', async () => {
    const hub = new BroadcastHub();
    const got: SubscriptionMessage[] = [];
    hub.subscribe('a', (m) => got.push(m));
    hub.broadcast({ channel: 'a', event: 'x', data: 1 });
    hub.broadcast({ channel: 'b', event: 'y', data: 2 });
    hub.broadcast({ channel: 'a', event: 'z', data: 3 });
    expect(got).toEqual([]); // queued, not delivered synchronously
    await flush();
    expect(events(got)).toEqual(['x#1', 'z#2']);
    expect(hub.lastSeq('b')).toBe(1);
  });

  it('replays what a subscriber missed before live events, without duplicates', async () => {
    const hub = new BroadcastHub();
    for (let i = 0; i < 5; i++) hub.broadcast({ channel: 'c', event: `e${i + 1}`, data: i });
    await flush();
    const got: SubscriptionMessage[] = [];
    hub.subscribe('c', (m) => got.push(m), { since: 2 });
    hub.broadcast({ channel: 'c', event: 'e6', data: 6 });
    await flush();
    expect(events(got)).toEqual(['e3#3', 'e4#4', 'e5#5', 'e6#6']);
    expect(hub.replay('c', 5)).toEqual({ events: [expect.objectContaining({ seq: 6 })] });
    expect(hub.replay('c', 6)).toEqual({ events: [] });
  });

  it('answers resync once the gap has been pruned from the bounded log', async () => {
    const hub = new BroadcastHub({ history: new ChannelHistory({ capacity: 4, channelQuota: 4 }) });
    for (let i = 0; i < 20; i++) hub.broadcast({ channel: 'c', event: 'e', data: i });
    await flush();
    expect(hub.replay('c', 1)).toEqual({ resync: true, last_seq: 20 });
    const got: SubscriptionMessage[] = [];
    hub.subscribe('c', (m) => got.push(m), { since: 1 });
    expect(got).toEqual([{ type: 'resync', channel: 'c', last_seq: 20 }]);
    expect('events' in hub.replay('c', 18)).toBe(true);
  });

  it('excludes the originating connection (toOthers) but not other subscribers', async () => {
    const hub = new BroadcastHub();
    const a: SubscriptionMessage[] = [];
    const b: SubscriptionMessage[] = [];
    hub.subscribe('c', (m) => a.push(m), { connectionId: '1.1' });
    hub.subscribe('c', (m) => b.push(m), { connectionId: '2.2' });
    hub.broadcast({ channel: 'c', event: 'e', data: null }, { except: '1.1' });
    await flush();
    expect(a).toHaveLength(0);
    expect(b).toHaveLength(1);
  });

  it('stops delivering after unsubscribe and survives a throwing subscriber', async () => {
    const hub = new BroadcastHub();
    const got: SubscriptionMessage[] = [];
    hub.subscribe('c', () => {
      throw new Error('boom');
    });
    const off = hub.subscribe('c', (m) => got.push(m));
    hub.broadcast({ channel: 'c', event: 'one', data: null });
    await flush();
    off();
    hub.broadcast({ channel: 'c', event: 'two', data: null });
    await flush();
    expect(events(got)).toEqual(['one#1']);
    expect(hub.subscriberCount('c')).toBe(1);
  });

  it('refuses invalid channel names', () => {
    const hub = new BroadcastHub();
    expect(() => hub.broadcast({ channel: 'not valid', event: 'e', data: null })).toThrow(/not a valid channel/);
  });

  describe('with the durable log', () => {
    function open(): { db: Db; hub: BroadcastHub } {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const db = openDatabase({ dataDir: t.dir });
      cleanups.unshift(() => db.close());
      const history = new ChannelHistory();
      const durable = new DurableEventLog(db);
      durable.load(history);
      return { db, hub: new BroadcastHub({ history, durable }) };
    }

    it('keeps state change and events atomic: a rolled-back transaction broadcasts nothing and reuses no seq', async () => {
      const { db, hub } = open();
      db.exec('CREATE TABLE t (v INTEGER)');
      const got: SubscriptionMessage[] = [];
      hub.subscribe('c', (m) => got.push(m));
      expect(() =>
        hub.atomically(db, () => {
          db.prepare('INSERT INTO t VALUES (1)').run();
          hub.broadcast({ channel: 'c', event: 'lost', data: null });
          throw new Error('fail');
        }),
      ).toThrow('fail');
      hub.atomically(db, () => {
        db.prepare('INSERT INTO t VALUES (2)').run();
        hub.broadcast({ channel: 'c', event: 'kept', data: null });
      });
      await flush();
      expect(events(got)).toEqual(['kept#1']);
      expect(db.prepare('SELECT v FROM t').all()).toEqual([{ v: 2 }]);
    });

    it('reloads the log and the seq counters after a restart', async () => {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const start = () => {
        const db = openDatabase({ dataDir: t.dir });
        const history = new ChannelHistory();
        new DurableEventLog(db).load(history);
        return { db, hub: new BroadcastHub({ history, durable: new DurableEventLog(db) }) };
      };
      const first = start();
      for (let i = 0; i < 3; i++) first.hub.broadcast({ channel: 'private-documents.1', event: 'e', data: i });
      first.hub.flush();
      first.db.close();

      const second = start();
      cleanups.unshift(() => second.db.close());
      expect(second.hub.lastSeq('private-documents.1')).toBe(3);
      const replay = second.hub.replay('private-documents.1', 1);
      expect('events' in replay && replay.events.map((e) => e.data)).toEqual([1, 2]);
      const env = second.hub.broadcast({ channel: 'private-documents.1', event: 'e', data: 3 });
      expect(env.seq).toBe(4);
      second.hub.close();
    });

    it('keeps seq growing after old batches are pruned', () => {
      const { db } = open();
      const history = new ChannelHistory();
      const durable = new DurableEventLog(db, { retentionMs: 0 });
      const hub = new BroadcastHub({ history, durable });
      hub.broadcast({ channel: 'c', event: 'e', data: 1 });
      hub.broadcast({ channel: 'c', event: 'e', data: 2 });
      hub.flush();
      expect(durable.prune(Date.now() + 1000)).toBe(1);
      const reloaded = new ChannelHistory();
      new DurableEventLog(db).load(reloaded);
      expect(reloaded.lastSeq('c')).toBe(2);
      expect(reloaded.since('c', 0)).toEqual({ resync: true, last_seq: 2 });
    });
  });
});

describe('ChannelHistory', () => {
  const env = (channel: string, seq: number) => ({ channel, event: 'e', data: seq, seq, ts: 0 });
  const seqs = (r: ReturnType<ChannelHistory['since']>) => ('events' in r ? r.events.map((e) => e.seq) : r);

  it('replays one channel out of interleaved ones, in seq order', () => {
    const h = new ChannelHistory({ capacity: 10, channelQuota: 10 });
    for (let i = 1; i <= 4; i++) {
      h.append(env('a', i));
      h.append(env('b', i));
    }
    expect(seqs(h.since('a', 1))).toEqual([2, 3, 4]);
    expect(seqs(h.since('b', 3))).toEqual([4]);
    expect(seqs(h.since('a', 4))).toEqual([]);
    expect(h.last('b')?.seq).toBe(4);
    expect(h.size).toBe(8);
  });

  it('lets the oldest envelope go first whatever its channel, and answers resync for a gap that reaches it', () => {
    const h = new ChannelHistory({ capacity: 3, channelQuota: 3 });
    h.append(env('quiet', 1));
    h.append(env('busy', 1));
    h.append(env('busy', 2));
    expect(seqs(h.since('quiet', 0))).toEqual([1]);
    h.append(env('busy', 3)); // quiet#1 leaves
    expect(h.since('quiet', 0)).toEqual({ resync: true, last_seq: 1 });
    expect(h.last('quiet')).toBeNull();
    expect(seqs(h.since('busy', 0))).toEqual([1, 2, 3]);
    h.append(env('busy', 4)); // busy#1 leaves
    expect(h.since('busy', 0)).toEqual({ resync: true, last_seq: 4 });
    expect(seqs(h.since('busy', 1))).toEqual([2, 3, 4]);
    expect(h.size).toBe(3);
  });
});

describe('ChannelHistory quotas and forgetting', () => {
  const env = (channel: string, seq: number) => ({ channel, event: 'e', data: seq, seq, ts: 0 });
  const seqs = (r: ReturnType<ChannelHistory['since']>) => ('events' in r ? r.events.map((e) => e.seq) : r);
  it("keeps a flooding channel to its quota, so that it cannot push another channel's events out", () => {
    const h = new ChannelHistory({ capacity: 10, channelQuota: 4 });
    h.append(env('quiet', 1));
    h.append(env('quiet', 2));
    for (let i = 1; i <= 50; i++) h.append(env('flood', i));
    expect(seqs(h.since('quiet', 0))).toEqual([1, 2]);
    // The flood's own newer events were delivered but not kept: a replay from before them reloads.
    expect(h.since('flood', 2)).toEqual({ resync: true, last_seq: 50 });
    expect(h.since('flood', 50)).toEqual({ events: [] });
    expect(h.size).toBe(6);
  });

  it('keeps a channel again once its older events have left the window', () => {
    const h = new ChannelHistory({ capacity: 6, channelQuota: 3 });
    for (let i = 1; i <= 4; i++) h.append(env('a', i)); // a#4 is over the quota
    for (let i = 1; i <= 3; i++) h.append(env('b', i)); // a#1 leaves the window
    h.append(env('a', 5));
    expect(h.since('a', 3)).toEqual({ resync: true, last_seq: 5 }); // a#4 was not kept
    expect(seqs(h.since('a', 4))).toEqual([5]);
  });

  it('answers resync for a client ahead of the log, and for a hole in it', () => {
    const h = new ChannelHistory({ capacity: 10, channelQuota: 10 });
    h.append(env('a', 1));
    h.append(env('a', 3)); // a#2 never reached the log (a client event before a restart)
    expect(h.since('a', 7)).toEqual({ resync: true, last_seq: 3 });
    expect(h.since('a', 0)).toEqual({ resync: true, last_seq: 3 });
    expect(seqs(h.since('a', 2))).toEqual([3]);
  });

  it('forgets the channels of a deleted document, keeping their seqs', () => {
    const h = new ChannelHistory({ capacity: 10, channelQuota: 10 });
    h.append(env('private-documents.9', 1));
    h.append(env('keep', 1));
    h.append(env('private-documents.9', 2));
    h.forget(['private-documents.9']);
    expect(h.since('private-documents.9', 0)).toEqual({ resync: true, last_seq: 2 });
    expect(h.last('private-documents.9')).toBeNull();
    expect(seqs(h.since('keep', 0))).toEqual([1]);
    h.append(env('private-documents.9', 3));
    expect(seqs(h.since('private-documents.9', 2))).toEqual([3]);
  });

  it('keeps client events out of the durable log and forgets channels there too', async () => {
    const db = openDatabase({ dataDir: ':memory:' });
    const log = new DurableEventLog(db);
    const hub = new BroadcastHub({ history: new ChannelHistory(), durable: log });
    hub.broadcast({ channel: 'private-documents.1', event: 'document.analyzed', data: { a: 1 } });
    hub.broadcast({ channel: 'private-documents.1', event: 'client-typing', data: {} }, { ephemeral: true });
    hub.broadcast({ channel: 'private-documents.2', event: 'document.analyzed', data: { a: 2 } });
    await flush();
    const stored = () =>
      (db.prepare('SELECT events FROM event_batches').all() as { events: string }[]).map((r) => r.events).join('');
    expect(stored()).not.toContain('client-typing');
    // In memory the client event is there for a reconnect.
    expect(seqs(hub.replay('private-documents.1', 0))).toEqual([1, 2]);
    hub.atomically(db, () => hub.forgetChannels(['private-documents.1']));
    expect(stored()).not.toContain('private-documents.1');
    expect(stored()).toContain('private-documents.2');
    const reloaded = new ChannelHistory();
    log.load(reloaded);
    expect(reloaded.lastSeq('private-documents.1')).toBe(2);
    expect(reloaded.since('private-documents.1', 0)).toEqual({ resync: true, last_seq: 2 });
  });
});

describe('ChannelAuthorizer', () => {
  it('opens public channels, decides private ones by the first matching pattern, refuses the rest', async () => {
    const auth = new ChannelAuthorizer().channel(
      'documents.{documentId}',
      (user, { documentId }) => user.id === 1 && documentId === '7',
    );
    const alice = { id: 1 };
    expect(await auth.authorize(null, 'news')).toBe(true);
    expect(await auth.authorize(alice, 'private-documents.7')).toBe(true);
    expect(await auth.authorize({ id: 2 }, 'private-documents.7')).toBe(false);
    expect(await auth.authorize(alice, 'private-other.7')).toBe(false);
    expect(await auth.authorize(null, 'private-documents.7')).toBe(false);
  });

  it('refuses when a callback throws', async () => {
    const auth = new ChannelAuthorizer().channel('x.{id}', () => {
      throw new Error('db down');
    });
    expect(await auth.authorize({ id: 1 }, 'private-x.1')).toBe(false);
  });
});

describe('fakeBroadcasts', () => {
  it('records broadcasts and asserts on them like Event::fake', async () => {
    const hub = new BroadcastHub();
    const fake = fakeBroadcasts(hub);
    fake.assertNothingBroadcast();
    hub.broadcast({
      channel: 'private-rewrites.3',
      event: 'rewrite.progress',
      data: { rewrite_id: 3, progress: 40, status: 'processing' },
    });
    hub.broadcast({
      channel: 'private-rewrites.3',
      event: 'rewrite.progress',
      data: { rewrite_id: 3, progress: 80, status: 'processing' },
    });
    await flush();
    fake.assertBroadcast('rewrites.*', 'rewrite.progress', (d) => d.progress === 80);
    fake.assertBroadcastTimes('private-rewrites.3', 'rewrite.progress', 2);
    fake.assertNotBroadcast('rewrites.*', 'rewrite.completed');
    expect(() => fake.assertBroadcast('rewrites.*', 'rewrite.progress', (d) => d.progress === 99)).toThrow(
      /none of the 2 matched/,
    );
    expect(() => fake.assertNothingBroadcast()).toThrow(/Expected nothing/);
  });

  it('fails an assertion on a payload that breaks the event catalogue', async () => {
    const hub = new BroadcastHub();
    const fake = fakeBroadcasts(hub);
    hub.broadcast({
      channel: 'private-rewrites.3',
      event: 'rewrite.progress',
      data: { rewrite_id: 3, progress: 140, status: 'processing', extra: true },
    });
    await flush();
    expect(() => fake.assertBroadcast('rewrites.*', 'rewrite.progress')).toThrow(/does not match the event catalogue/);
  });

  it('waits for an event instead of sleeping', async () => {
    const hub = new BroadcastHub();
    const fake = fakeBroadcasts(hub);
    const waiting = fake.waitFor('c', 'done');
    setTimeout(() => hub.broadcast({ channel: 'c', event: 'done', data: 1 }), 5);
    await expect(waiting).resolves.toMatchObject({ event: 'done', seq: 1 });
  });
});
