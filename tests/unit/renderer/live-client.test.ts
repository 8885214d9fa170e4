import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveClient, type LiveItem } from '../../../src-renderer/live/client';
import { FrameBatcher, MIN_GAP_MS } from '../../../src-renderer/live/frame';
import { FakeBridge, ManualClock } from './fakes';

function setup(opts: { pollIntervalMs?: number } = {}) {
  const bridge = new FakeBridge();
  const clock = new ManualClock();
  const live = new LiveClient({ bridge, clock, pollIntervalMs: opts.pollIntervalMs });
  const batches: LiveItem[][] = [];
  live.addSink((b) => batches.push(b));
  return { bridge, clock, live, batches };
}

describe('Echo-like API', () => {
  it('listens to an event on a private channel, with or without the leading dot', () => {
    const { bridge, clock, live } = setup();
    const seen: unknown[] = [];
    live.private('documents.12').listen('.document.analyzed', (d) => seen.push(d));
    live.private('documents.12').listen('sample.validated', (d) => seen.push(d));
    expect(bridge.subscribeCalls).toEqual([{ channel: 'private-documents.12', since: null }]);
    bridge.publish('private-documents.12', 'document.analyzed', { ai_confidence: 71.4 });
    bridge.publish('private-documents.12', 'sample.validated', { ai_confidence: 20 });
    bridge.publish('private-documents.12', 'other.event', {});
    clock.frame();
    expect(seen).toEqual([{ ai_confidence: 71.4 }, { ai_confidence: 20 }]);
  });

  it('stopListening removes the listener and drops the subscription when nothing listens', () => {
    const { bridge, clock, live } = setup();
    const cb = vi.fn();
    const ch = live.private('documents.3').listen('.document.analyzed', cb);
    ch.stopListening('.document.analyzed', cb);
    expect(live.isSubscribed('private-documents.3')).toBe(false);
    bridge.publish('private-documents.3', 'document.analyzed', {});
    clock.frame();
    expect(cb).not.toHaveBeenCalled();
    expect(bridge.subs.size).toBe(0);
  });

  it('leave() ends every listener of the channel and remembers its position', () => {
    const { bridge, clock, live } = setup();
    const cb = vi.fn();
    live.private('rewrites.5').listen('.rewrite.progress', cb).listen('.rewrite.completed', cb);
    bridge.publish('private-rewrites.5', 'rewrite.progress', { progress: 10 });
    clock.frame();
    live.leave('rewrites.5');
    expect(bridge.subs.size).toBe(0);
    expect(live.lastSeq('private-rewrites.5')).toBe(1);
  });

  it('listenToAll gets every event of its channel; the firehose gets everything once', () => {
    const { bridge, clock, live } = setup();
    const all = vi.fn();
    const fire = vi.fn();
    live.private('documents.1').listenToAll(all);
    live.firehose().listenToAll(fire);
    // The fake routes '*' like any channel: publish on both, as the server's two streams would.
    const env = bridge.publish('private-documents.1', 'document.analyzed', { a: 1 });
    for (const s of bridge.subs) if (s.channel === '*') s.cb({ type: 'event', envelope: env });
    clock.frame();
    expect(all).toHaveBeenCalledTimes(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });
});

describe('seq tracking', () => {
  it('drops an envelope delivered twice', () => {
    const { bridge, clock, live } = setup();
    const cb = vi.fn();
    live.private('documents.9').listen('.document.analyzed', cb);
    const env = bridge.publish('private-documents.9', 'document.analyzed', {});
    bridge.redeliver(env);
    bridge.redeliver(env);
    clock.frame();
    expect(cb).toHaveBeenCalledTimes(1);
    expect(live.lastSeq('private-documents.9')).toBe(1);
  });

  it('coming back to a channel subscribes with since = the last seq seen, and replays what was missed in order', () => {
    const { bridge, clock, live } = setup();
    const seen: number[] = [];
    const cb = (d: { progress: number }) => seen.push(d.progress);
    live.private('rewrites.2').listen('.rewrite.progress', cb);
    bridge.publish('private-rewrites.2', 'rewrite.progress', { progress: 10 });
    clock.frame();
    live.leave('rewrites.2');
    bridge.publish('private-rewrites.2', 'rewrite.progress', { progress: 40 });
    bridge.publish('private-rewrites.2', 'rewrite.progress', { progress: 70 });
    live.private('rewrites.2').listen('.rewrite.progress', cb);
    clock.frame();
    expect(bridge.subscribeCalls.at(-1)).toEqual({ channel: 'private-rewrites.2', since: 1 });
    expect(seen).toEqual([10, 40, 70]);
  });

  it('hold({since: 0}) replays the whole retained history of a channel seen for the first time', () => {
    const { bridge, clock, live, batches } = setup();
    bridge.publish('private-rewrites.8', 'rewrite.queued', { estimated_time: 3 });
    bridge.publish('private-rewrites.8', 'rewrite.processing', {});
    const release = live.hold('private-rewrites.8', { since: 0 });
    clock.frame();
    expect(batches.flat().map((i) => (i.kind === 'event' ? i.envelope.event : i.kind))).toEqual([
      'rewrite.queued',
      'rewrite.processing',
    ]);
    release();
    expect(live.isSubscribed('private-rewrites.8')).toBe(false);
  });

  it('a resync reaches the resync handlers (to reload by command) and moves the position', () => {
    const { bridge, clock, live, batches } = setup();
    const reloads: string[] = [];
    live.onResync((c) => reloads.push(c));
    for (let i = 0; i < 5; i++) bridge.publish('private-library.1', 'document.imported', { i });
    live.hold('private-library.1', { since: null });
    clock.frame();
    live.leave('library.1');
    bridge.prunedBefore.set('private-library.1', 100);
    for (let i = 0; i < 3; i++) bridge.publish('private-library.1', 'document.imported', { i });
    // It never saw an event; rejoining from 0 finds the early history pruned: resync.
    live.hold('private-library.1', { since: 0 });
    clock.frame();
    expect(reloads).toEqual(['private-library.1']);
    expect(live.lastSeq('private-library.1')).toBe(8);
    expect(batches.flat().some((i) => i.kind === 'resync')).toBe(true);
  });
});

describe('per-frame batching', () => {
  it('delivers a lone event at once and a burst in one batch per frame', () => {
    const { bridge, clock, live, batches } = setup();
    live.hold('private-queue.1', { since: null });
    bridge.publish('private-queue.1', 'job.updated', { n: 0 });
    clock.runSoon();
    expect(batches).toHaveLength(1);
    // Same frame: everything waits for the next one.
    for (let n = 1; n <= 500; n++) bridge.publish('private-queue.1', 'job.updated', { n });
    clock.runSoon();
    expect(batches).toHaveLength(1);
    clock.frame();
    expect(batches).toHaveLength(2);
    expect(batches[1]).toHaveLength(500);
    // A quiet frame later, a lone event is again immediate.
    clock.frame();
    bridge.publish('private-queue.1', 'job.updated', { n: 501 });
    clock.runSoon();
    expect(batches).toHaveLength(3);
  });

  it('never delivers more than once per frame, however events interleave with frames', () => {
    const clock = new ManualClock();
    const deliveries: number[] = [];
    // A delivery made inside a frame callback belongs to that new frame.
    let current = 0;
    const b = new FrameBatcher<number>(() => deliveries.push(current), clock);
    for (let f = 0; f < 50; f++) {
      for (let i = 0; i < 20; i++) {
        b.push(i);
        if (i % 7 === 0) clock.runSoon();
      }
      current++;
      clock.frame();
    }
    const perFrame = new Map<number, number>();
    for (const f of deliveries) perFrame.set(f, (perFrame.get(f) ?? 0) + 1);
    expect(Math.max(...perFrame.values())).toBe(1);
  });
});

describe('per-frame batching of isolated events', () => {
  it('delivers an isolated event at once even after another one in the same frame, but never a third', () => {
    const clock = new ManualClock();
    const deliveries: number[][] = [];
    const b = new FrameBatcher<number>((batch) => deliveries.push(batch), clock);
    b.push(1); // the job was reported started…
    clock.runSoon();
    clock.advance(MIN_GAP_MS); // …and its analysis arrives a few ms later, in the same frame
    b.push(2);
    clock.runSoon();
    expect(deliveries).toEqual([[1], [2]]);
    clock.advance(MIN_GAP_MS); // a third in that frame waits, however isolated
    b.push(3);
    clock.runSoon();
    expect(deliveries).toHaveLength(2);
    clock.frame();
    expect(deliveries).toEqual([[1], [2], [3]]);
  });

  it('holds an event that comes right after a delivery (a burst) for the next frame', () => {
    const clock = new ManualClock();
    const deliveries: number[][] = [];
    const b = new FrameBatcher<number>((batch) => deliveries.push(batch), clock);
    b.push(1);
    clock.runSoon();
    clock.advance(MIN_GAP_MS - 1);
    b.push(2);
    b.push(3);
    clock.runSoon();
    expect(deliveries).toEqual([[1]]);
    clock.frame();
    expect(deliveries).toEqual([[1], [2, 3]]);
  });
});

describe('reconnect and polling', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls every 5 s while down and stops once live again', async () => {
    const { bridge, live } = setup();
    const poll = vi.fn();
    live.addPoller(poll);
    expect(live.status.polling).toBe(false);
    bridge.drop('reconnecting');
    expect(live.status).toMatchObject({ connection: 'reconnecting', polling: true });
    await vi.advanceTimersByTimeAsync(4999);
    expect(poll).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(1);
    bridge.setState('offline');
    expect(live.status.connection).toBe('offline');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(poll).toHaveBeenCalledTimes(3);
    expect(live.status.lastPollAt).not.toBeNull();
    bridge.restore();
    expect(live.status).toMatchObject({ connection: 'live', polling: false });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it('after a reconnect the missed events are applied before the status says live', () => {
    const { bridge, clock, live, batches } = setup();
    live.hold('private-rewrites.4', { since: 0 });
    bridge.publish('private-rewrites.4', 'rewrite.progress', { progress: 10 });
    clock.frame();
    bridge.drop();
    bridge.publish('private-rewrites.4', 'rewrite.progress', { progress: 60 });
    bridge.publish('private-rewrites.4', 'rewrite.completed', {});
    clock.frame();
    expect(batches.flat()).toHaveLength(1);
    let appliedWhenLive = -1;
    live.onStatus((s) => {
      if (s.connection === 'live' && appliedWhenLive < 0) appliedWhenLive = batches.flat().length;
    });
    bridge.restore();
    expect(appliedWhenLive).toBe(3);
    const events = batches.flat().map((i) => (i.kind === 'event' ? i.envelope.event : ''));
    expect(events).toEqual(['rewrite.progress', 'rewrite.progress', 'rewrite.completed']);
    expect(
      batches
        .flat()
        .slice(1)
        .every((i) => i.kind === 'event' && i.replayed),
    ).toBe(true);
  });
});
