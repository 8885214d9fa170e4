/**
 * The hub's shared-backend seam (src-main/core/hub/backend.ts) with a scripted in-memory backend:
 * seqs come from the backend, delivery is what the backend fans back out, replay is asynchronous
 * and never loses or repeats an event, and the SQLite outbox keeps `atomically()` all-or-nothing
 * and survives a crash before the backend had the events.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SubscriptionMessage } from '../../../src-shared/bridge';
import type { Envelope, ReplayResult } from '../../../src-shared/events';
import type { BackendItem, HubBackend, HubBackendSink } from '../../../src-main/core/hub/backend';
import { BroadcastHub } from '../../../src-main/core/hub/hub';
import { HubOutbox } from '../../../src-main/core/hub/outbox';
import { openDatabase, type Db } from '../../../src-main/core/store/db';
import { tempDir } from '../../helpers/temp';

/** A backend in memory: one seq counter and log per channel, fan-out to every attached hub. */
class MemoryBackend {
  readonly seqs = new Map<string, number>();
  readonly log = new Map<string, { env: Envelope; except?: string }[]>();
  readonly sinks: HubBackendSink[] = [];
  published = 0;
  /** While set, publish() waits for it (Redis away). */
  gate: Promise<void> | null = null;
  failNext = false;

  node(): HubBackend {
    return {
      start: (sink) => void this.sinks.push(sink),
      publish: async (items: BackendItem[]) => {
        if (this.gate) await this.gate;
        if (this.failNext) {
          this.failNext = false;
          throw new Error('backend down');
        }
        for (const it of items) {
          const seq = Math.max(this.seqs.get(it.env.channel) ?? 0, it.floor) + 1;
          this.seqs.set(it.env.channel, seq);
          it.env.seq = seq;
          const stored = { ...it.env, seq };
          const list = this.log.get(it.env.channel) ?? [];
          list.push({ env: stored, except: it.except });
          this.log.set(it.env.channel, list);
          this.published++;
          // Fan-out arrives later, like a pub/sub message.
          setImmediate(() => this.sinks.forEach((s) => s.deliver({ ...stored }, it.except)));
        }
      },
      replay: async (channel: string, since: number): Promise<ReplayResult> => {
        await new Promise((r) => setImmediate(r));
        const list = this.log.get(channel) ?? [];
        return { events: list.filter((e) => e.env.seq > since).map((e) => e.env) };
      },
      last: async (channel: string) => this.log.get(channel)?.at(-1)?.env ?? null,
      lastSeq: async (channel: string) => this.seqs.get(channel) ?? 0,
      close: async () => undefined,
    };
  }
}

const names = (list: SubscriptionMessage[]) =>
  list.map((m) => (m.type === 'event' ? `${m.envelope.event}#${m.envelope.seq}` : `resync@${m.last_seq}`));
const settle = () => new Promise((r) => setImmediate(() => setImmediate(r)));
async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !test(); i++) await new Promise((r) => setImmediate(r));
  expect(test()).toBe(true);
}

describe('hub with a shared backend', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  const db = (): Db => {
    const t = tempDir();
    const d = openDatabase({ dataDir: t.dir });
    cleanups.push(() => {
      d.close();
      t.cleanup();
    });
    return d;
  };

  it('takes seqs from the backend and delivers what the backend fans out, to every process', async () => {
    const backend = new MemoryBackend();
    const a = new BroadcastHub({ backend: backend.node() });
    const b = new BroadcastHub({ backend: backend.node() });
    const onA: SubscriptionMessage[] = [];
    const onB: SubscriptionMessage[] = [];
    a.subscribe('room', (m) => onA.push(m), { connectionId: '1.1' });
    b.subscribe('room', (m) => onB.push(m));
    const env = a.broadcast({ channel: 'room', event: 'one', data: 1 });
    expect(env.seq).toBe(0); // assigned by the backend
    b.broadcast({ channel: 'room', event: 'two', data: 2 }, { except: '1.1' });
    await until(() => onB.length === 2);
    expect(names(onB)).toEqual(['one#1', 'two#2']);
    expect(names(onA)).toEqual(['one#1']);
    expect(env.seq).toBe(1);
    expect(a.shared).toBe(true);
    expect(() => a.replay('room', 0)).toThrow(/replayAsync/);
    expect(await a.replayAsync('room', 1)).toEqual({ events: [expect.objectContaining({ event: 'two', seq: 2 })] });
    expect(await b.lastSeqAsync('room')).toBe(2);
    expect((await b.lastEnvelope('room'))?.event).toBe('two');
  });

  it('replays from the backend before live events, holding live ones back, without repeats', async () => {
    const backend = new MemoryBackend();
    const hub = new BroadcastHub({ backend: backend.node() });
    for (let i = 1; i <= 3; i++) hub.broadcast({ channel: 'c', event: `e${i}`, data: i });
    await settle();
    const got: SubscriptionMessage[] = [];
    hub.subscribe('c', (m) => got.push(m), { since: 1 });
    // Published while the replay is on its way: must come after e2 and e3, once.
    hub.broadcast({ channel: 'c', event: 'e4', data: 4 });
    await until(() => got.length === 3);
    await settle();
    expect(names(got)).toEqual(['e2#2', 'e3#3', 'e4#4']);
  });

  it('keeps atomically() all-or-nothing through the outbox, and re-sends what a crash left there', async () => {
    const d = db();
    d.exec('CREATE TABLE t (v INTEGER)');
    const backend = new MemoryBackend();
    const outbox = new HubOutbox(d);
    const hub = new BroadcastHub({ backend: backend.node(), outbox, isDurable: (c) => c.startsWith('private-') });
    const got: SubscriptionMessage[] = [];
    hub.subscribe('private-x', (m) => got.push(m));
    expect(() =>
      hub.atomically(d, () => {
        d.prepare('INSERT INTO t VALUES (1)').run();
        hub.broadcast({ channel: 'private-x', event: 'lost', data: null });
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    // The backend is away: the committed event waits in the outbox.
    let open!: () => void;
    backend.gate = new Promise((r) => (open = r));
    hub.atomically(d, () => {
      d.prepare('INSERT INTO t VALUES (2)').run();
      hub.broadcast({ channel: 'private-x', event: 'kept', data: null });
    });
    expect(outbox.pending().map((r) => r.envs.map((e) => e.event))).toEqual([['kept']]);
    // A crash now: another process (same data folder) starts and re-sends it.
    backend.gate = null;
    const restarted = new BroadcastHub({ backend: backend.node(), outbox, isDurable: (c) => c.startsWith('private-') });
    expect(restarted.resendOutbox()).toBe(1);
    await until(() => got.length === 1);
    expect(names(got)).toEqual(['kept#1']);
    await restarted.settled();
    expect(outbox.pending()).toEqual([]);
    expect(d.prepare('SELECT v FROM t').all()).toEqual([{ v: 2 }]);
    open();
    // The first process's attempt goes through too: delivery is at least once (a second seq), never lost.
    await hub.settled();
    await until(() => got.length === 2);
  });

  it('keeps a batch the backend refused in the outbox', async () => {
    const d = db();
    const backend = new MemoryBackend();
    const outbox = new HubOutbox(d);
    const hub = new BroadcastHub({ backend: backend.node(), outbox, isDurable: () => true });
    backend.failNext = true;
    hub.atomically(d, () => void hub.broadcast({ channel: 'private-y', event: 'e', data: null }));
    await hub.settled();
    expect(outbox.pending()).toHaveLength(1);
    expect(backend.published).toBe(0);
  });

  it('never hands out a seq below what the process has seen (the backend lost its data)', async () => {
    const backend = new MemoryBackend();
    const hub = new BroadcastHub({ backend: backend.node() });
    const got: SubscriptionMessage[] = [];
    hub.subscribe('c', (m) => got.push(m));
    for (let i = 0; i < 3; i++) hub.broadcast({ channel: 'c', event: 'e', data: i });
    await until(() => got.length === 3);
    backend.seqs.clear();
    backend.log.clear();
    hub.broadcast({ channel: 'c', event: 'after', data: null });
    await until(() => got.length === 4);
    expect(names(got)).toEqual(['e#1', 'e#2', 'e#3', 'after#4']);
  });
});
