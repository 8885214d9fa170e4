/**
 * The hub's event log: per-channel rings of recent envelopes in memory (what replay answers
 * from), backed for durable channels by SQLite batches so that the log survives a restart.
 *
 * One row per flushed batch instead of one per event keeps durable broadcasting cheap: a burst of
 * events costs one INSERT. The log is bounded twice: rings keep the last `perChannel` envelopes,
 * and batches older than `retentionMs` (or beyond `maxBatches`) are pruned. A channel's last seq is
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

export class ChannelHistory {
  private readonly rings = new Map<string, Envelope[]>();
  private readonly seqs = new Map<string, number>();
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

  lastSeq(channel: string): number {
    return this.seqs.get(channel) ?? 0;
  }

  /** Reserves the next seq of a channel. */
  nextSeq(channel: string): number {
    const seq = (this.seqs.get(channel) ?? 0) + 1;
    this.seqs.set(channel, seq);
    return seq;
  }

  /** Gives a reserved seq back (a broadcast inside a rolled-back transaction). */
  releaseSeq(channel: string, seq: number): void {
    if (this.seqs.get(channel) === seq) this.seqs.set(channel, seq - 1);
  }

  raiseSeq(channel: string, seq: number): void {
    if (seq > (this.seqs.get(channel) ?? 0)) this.seqs.set(channel, seq);
  }

  append(env: Envelope): void {
    let ring = this.rings.get(env.channel);
    if (!ring) {
      ring = [];
      this.rings.set(env.channel, ring);
    }
    ring.push(env);
    this.total++;
    // Amortised trimming: cut a chunk at a time rather than shift() per event.
    if (ring.length > this.perChannel * 1.25) this.total -= ring.splice(0, ring.length - this.perChannel).length;
    this.raiseSeq(env.channel, env.seq);
    if (this.total > this.maxTotal) this.shrink();
  }

  /** Halves every ring (older envelopes go first); channels left empty drop their ring. */
  private shrink(): void {
    let total = 0;
    for (const [channel, ring] of this.rings) {
      const keep = ring.length >> 1;
      if (keep === 0) this.rings.delete(channel);
      else {
        ring.splice(0, ring.length - keep);
        total += keep;
      }
    }
    this.total = total;
  }

  /** Missed envelopes after `since`, or resync when some of them are no longer kept. */
  since(channel: string, since: number): ReplayResult {
    const last = this.lastSeq(channel);
    if (since >= last) return { events: [] };
    const ring = this.rings.get(channel) ?? [];
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

  /** The most recent envelope kept for a channel. */
  last(channel: string): Envelope | null {
    const ring = this.rings.get(channel);
    return ring && ring.length > 0 ? ring[ring.length - 1] : null;
  }

  dropChannel(channel: string): void {
    this.total -= this.rings.get(channel)?.length ?? 0;
    this.rings.delete(channel);
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
