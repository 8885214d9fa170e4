/**
 * The hub's event log: per-channel rings of recent envelopes in memory (what replay answers
 * from), backed for durable channels by SQLite batches so that the log survives a restart.
 *
 * One row per flushed batch instead of one per event keeps durable broadcasting cheap: a burst of
 * events costs one INSERT. The log is bounded: rings keep the last `perChannel` envelopes (and at
 * most `maxTotal` over all channels), and batches older than `retentionMs` (or beyond `maxBatches`) are pruned. A channel's last seq is
 * kept in channel_seqs when its events are pruned, so seq never starts again at 1.
 */
import type { Envelope, ReplayResult } from '../../../src-shared/events';
import type { Db } from '../store/db';

export interface HistoryOptions {
  /** Envelopes kept per channel for replay. */
  perChannel?: number;
  /**
   * Envelopes kept in memory over all channels: with many channels (a sync server) memory stays
   * bounded; when the total passes it, every ring drops its older half (a later replay from there
   * answers resync, as for anything pruned).
   */
  maxTotal?: number;
}

/**
 * Everything the hub keeps about one channel, in one record so that a broadcast costs a single
 * map lookup: its last seq, its recent envelopes, and (owned by the hub) its subscribers.
 */
export interface ChannelState {
  readonly name: string;
  seq: number;
  ring: Envelope[];
  /** Set by the hub once the name has been checked. */
  checked: boolean;
  /** Whether the channel's events go to the durable log; decided by the hub on first use. */
  durable: boolean | null;
  /** The hub's subscribers, replaced (never mutated) on change so delivery can iterate safely. */
  subscribers: readonly unknown[];
}

export class ChannelHistory {
  private readonly channels = new Map<string, ChannelState>();
  readonly perChannel: number;
  readonly maxTotal: number;
  private total = 0;

  constructor(opts: HistoryOptions = {}) {
    this.perChannel = opts.perChannel ?? 500;
    this.maxTotal = opts.maxTotal ?? 100_000;
  }

  /** Envelopes kept in memory over all channels. */
  get size(): number {
    return this.total;
  }

  /** The record of a channel, created on first use. */
  state(channel: string): ChannelState {
    let st = this.channels.get(channel);
    if (st === undefined) {
      st = { name: channel, seq: 0, ring: [], checked: false, durable: null, subscribers: [] };
      this.channels.set(channel, st);
    }
    return st;
  }

  peek(channel: string): ChannelState | undefined {
    return this.channels.get(channel);
  }

  lastSeq(channel: string): number {
    return this.channels.get(channel)?.seq ?? 0;
  }

  /** Reserves the next seq of a channel. */
  nextSeq(channel: string): number {
    return ++this.state(channel).seq;
  }

  /** Gives a reserved seq back (a broadcast inside a rolled-back transaction). */
  releaseSeq(channel: string, seq: number): void {
    const st = this.channels.get(channel);
    if (st && st.seq === seq) st.seq = seq - 1;
  }

  raiseSeq(channel: string, seq: number): void {
    const st = this.state(channel);
    if (seq > st.seq) st.seq = seq;
  }

  append(env: Envelope, st: ChannelState = this.state(env.channel)): void {
    const ring = st.ring;
    ring.push(env);
    this.total++;
    // Amortised trimming: cut a chunk at a time rather than shift() per event.
    if (ring.length > this.perChannel * 1.25) this.total -= ring.splice(0, ring.length - this.perChannel).length;
    if (env.seq > st.seq) st.seq = env.seq;
    if (this.total > this.maxTotal) this.shrink();
  }

  /** Halves every ring, older envelopes first. */
  private shrink(): void {
    let total = 0;
    for (const st of this.channels.values()) {
      const keep = st.ring.length >> 1;
      if (keep === 0) st.ring = [];
      else st.ring.splice(0, st.ring.length - keep);
      total += keep;
    }
    this.total = total;
  }

  /** The most recent envelope kept for a channel. */
  last(channel: string): Envelope | null {
    const ring = this.channels.get(channel)?.ring;
    return ring && ring.length > 0 ? ring[ring.length - 1] : null;
  }

  /** Missed envelopes after `since`, or resync when some of them are no longer kept. */
  since(channel: string, since: number): ReplayResult {
    const st = this.channels.get(channel);
    const last = st?.seq ?? 0;
    if (since >= last) return { events: [] };
    const ring = st?.ring ?? [];
    const first = ring.length > 0 ? ring[0].seq : last + 1;
    if (first > since + 1) return { resync: true, last_seq: last };
    // Rings are ordered by seq: binary search for the first envelope after `since`.
    let lo = 0;
    let hi = ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ring[mid].seq <= since) lo = mid + 1;
      else hi = mid;
    }
    return { events: ring.slice(lo) };
  }

  dropChannel(channel: string): void {
    const st = this.channels.get(channel);
    if (st) {
      this.total -= st.ring.length;
      st.ring = [];
    }
  }

  /** Names of channels with at least one subscriber. */
  occupied(): string[] {
    const out: string[] = [];
    for (const st of this.channels.values()) if (st.subscribers.length > 0) out.push(st.name);
    return out;
  }
}

export interface DurableLogOptions {
  retentionMs?: number;
  maxBatches?: number;
}

/** SQLite persistence of envelope batches. */
export class DurableEventLog {
  private readonly insert;
  private readonly retentionMs: number;
  private readonly maxBatches: number;
  private writes = 0;

  constructor(
    private readonly db: Db,
    opts: DurableLogOptions = {},
  ) {
    this.retentionMs = opts.retentionMs ?? 7 * 24 * 3600 * 1000;
    this.maxBatches = opts.maxBatches ?? 50_000;
    this.insert = db.prepare('INSERT INTO event_batches (created_at, events) VALUES (?, ?)');
  }

  /** Writes one batch. Runs inside the caller's transaction when there is one. */
  persist(batch: Envelope[]): void {
    if (batch.length === 0) return;
    let lines = '';
    for (const env of batch) lines += JSON.stringify(env) + '\n';
    this.insert.run(batch[batch.length - 1].ts, lines);
    if (++this.writes % 1000 === 0) this.prune();
  }

  /** Reloads the log into a history after a restart. */
  load(history: ChannelHistory): number {
    for (const row of this.db.prepare('SELECT channel, seq FROM channel_seqs').iterate() as Iterable<{ channel: string; seq: number }>) {
      history.raiseSeq(row.channel, row.seq);
    }
    let n = 0;
    for (const row of this.db.prepare('SELECT events FROM event_batches ORDER BY id').iterate() as Iterable<{ events: string }>) {
      for (const line of row.events.split('\n')) {
        if (!line) continue;
        history.append(JSON.parse(line) as Envelope);
        n++;
      }
    }
    return n;
  }

  prune(now = Date.now()): number {
    const cutoff = now - this.retentionMs;
    const keepFrom = this.db.prepare('SELECT id FROM event_batches ORDER BY id DESC LIMIT 1 OFFSET ?').get(this.maxBatches) as { id: number } | undefined;
    const old = this.db
      .prepare('SELECT id, events FROM event_batches WHERE created_at < ? OR id <= ? ORDER BY id')
      .all(cutoff, keepFrom?.id ?? 0) as { id: number; events: string }[];
    if (old.length === 0) return 0;
    const last = new Map<string, number>();
    for (const row of old) {
      for (const line of row.events.split('\n')) {
        if (!line) continue;
        const env = JSON.parse(line) as Envelope;
        last.set(env.channel, Math.max(last.get(env.channel) ?? 0, env.seq));
      }
    }
    const upsert = this.db.prepare('INSERT INTO channel_seqs (channel, seq) VALUES (?, ?) ON CONFLICT(channel) DO UPDATE SET seq = max(seq, excluded.seq)');
    const del = this.db.prepare('DELETE FROM event_batches WHERE id = ?');
    this.db.transaction(() => {
      for (const [channel, seq] of last) upsert.run(channel, seq);
      for (const row of old) del.run(row.id);
    })();
    return old.length;
  }
}
