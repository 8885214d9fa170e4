/**
 * The hub's event log: the most recent envelopes of every channel in memory (what replay answers
 * from), backed for durable channels by SQLite batches so that the log survives a restart.
 *
 * One row per flushed batch instead of one per event keeps durable broadcasting cheap: a burst of
 * events costs one INSERT. The log is bounded: memory keeps the last `capacity` envelopes over all
 * channels, and batches older than `retentionMs` (or beyond `maxBatches`) are pruned. A channel's
 * last seq is kept in channel_seqs when its events are pruned, so seq never starts again at 1.
 *
 * One channel cannot flood the others out of memory: a channel keeps at most `channelQuota`
 * envelopes (counted over the last one to two windows' worth of appends); past that its newer ones
 * are delivered but not kept (a replay from before them answers resync) until its older ones have
 * left the window. A deleted document's channels are forgotten,
 * in memory and in SQLite.
 */
import type { Envelope, ReplayResult } from '../../../src-shared/events';
import type { Db } from '../store/db';

export interface HistoryOptions {
  /**
   * Envelopes kept in memory over all channels; the oldest leaves first, whatever its channel, and
   * a replay from before it answers resync. Why not more: every kept envelope outlives V8's young
   * generation and is copied into the old one, so a busy many-channel server pays for the budget on
   * every broadcast (bench/hub.ts measures it). It covers a reconnect after a short outage; longer
   * gaps are what resync is for.
   */
  capacity?: number;
  /** Envelopes one channel may keep in memory (default: an eighth of the capacity). */
  channelQuota?: number;
}

/**
 * Everything the hub keeps about one channel, in one record so that a broadcast costs a single
 * map lookup: its last seq and (owned by the hub) its subscribers. Its envelopes are in the
 * shared buffer of the history.
 */
export interface ChannelState {
  readonly name: string;
  seq: number;
  /** Appends (over all channels) before this channel's newest kept envelope, or -1. */
  lastAt: number;
  /**
   * Envelopes appended in the history's current epoch (`capacity` appends) and in the one before:
   * together an upper bound of what the channel holds in the window, kept without touching other
   * channels' records when the buffer wraps.
   */
  epoch: number;
  inEpoch: number;
  inPreviousEpoch: number;
  /** Highest seq that was not kept (the channel was over its quota, or forgotten); 0 if none. */
  droppedUpTo: number;
  /** Set by the hub once the name has been checked. */
  checked: boolean;
  /** Whether the channel's events go to the durable log; decided by the hub on first use. */
  durable: boolean | null;
  /** The hub's subscribers, replaced (never mutated) on change so delivery can iterate safely. */
  subscribers: readonly unknown[];
}

export class ChannelHistory {
  private readonly channels = new Map<string, ChannelState>();
  readonly capacity: number;
  readonly channelQuota: number;
  /**
   * One circular buffer for every channel, in arrival order, with the channel of each slot beside
   * it. One preallocated pair of arrays rather than a ring per channel: with thousands of channels,
   * growing and compacting a ring each was most of the cost of a broadcast. Replay scans it, which
   * is rare (a reconnect) and bounded by the capacity.
   */
  private readonly envs: (Envelope | undefined)[];
  private readonly owners: (ChannelState | undefined)[];
  /** Envelopes appended since the start; the next one goes to slot appended % capacity. */
  private appended = 0;
  /** `appended` / capacity, and where the next epoch starts. */
  private epoch = 0;
  private epochEnd: number;

  constructor(opts: HistoryOptions = {}) {
    this.capacity = Math.max(1, Math.floor(opts.capacity ?? 20_000));
    this.channelQuota = Math.max(1, Math.floor(opts.channelQuota ?? this.capacity / 8));
    this.epochEnd = this.capacity;
    this.envs = new Array<Envelope | undefined>(this.capacity).fill(undefined);
    this.owners = new Array<ChannelState | undefined>(this.capacity).fill(undefined);
  }

  /** Envelopes kept in memory over all channels. */
  get size(): number {
    return Math.min(this.appended, this.capacity);
  }

  /** The record of a channel, created on first use. */
  state(channel: string): ChannelState {
    let st = this.channels.get(channel);
    if (st === undefined) {
      st = {
        name: channel,
        seq: 0,
        lastAt: -1,
        epoch: 0,
        inEpoch: 0,
        inPreviousEpoch: 0,
        droppedUpTo: 0,
        checked: false,
        durable: null,
        subscribers: [],
      };
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

  /** Keeps an envelope (unless its channel holds its quota); envelopes of one channel arrive in seq order. */
  append(env: Envelope, st: ChannelState = this.state(env.channel)): void {
    if (env.seq > st.seq) st.seq = env.seq;
    if (st.epoch !== this.epoch) {
      st.inPreviousEpoch = st.epoch === this.epoch - 1 ? st.inEpoch : 0;
      st.inEpoch = 0;
      st.epoch = this.epoch;
    }
    const slot = this.appended % this.capacity;
    if (st.inEpoch + st.inPreviousEpoch >= this.channelQuota && this.owners[slot] !== st) {
      st.droppedUpTo = env.seq;
      return;
    }
    this.envs[slot] = env;
    this.owners[slot] = st;
    st.inEpoch++;
    st.lastAt = this.appended++;
    if (this.appended === this.epochEnd) {
      this.epoch++;
      this.epochEnd += this.capacity;
    }
  }

  /**
   * Drops every kept envelope of these channels (a deleted document's). Their seqs stay, so a name
   * that came back would continue where it stopped, and a replay of them answers resync.
   */
  forget(channels: readonly string[]): void {
    const states = new Set<ChannelState>();
    for (const name of channels) {
      const st = this.channels.get(name);
      if (st === undefined) continue;
      states.add(st);
      st.inEpoch = 0;
      st.inPreviousEpoch = 0;
      st.lastAt = -1;
      st.droppedUpTo = st.seq;
    }
    if (states.size === 0) return;
    for (let slot = 0; slot < this.capacity; slot++) {
      const owner = this.owners[slot];
      if (owner !== undefined && states.has(owner)) {
        this.owners[slot] = undefined;
        this.envs[slot] = undefined;
      }
    }
  }

  /** The most recent envelope of a channel still kept, or null. */
  last(channel: string): Envelope | null {
    const st = this.channels.get(channel);
    if (st === undefined || !this.isKept(st.lastAt)) return null;
    return this.envs[st.lastAt % this.capacity]!;
  }

  /** Missed envelopes after `since`, or resync when some of them are no longer kept. */
  since(channel: string, since: number): ReplayResult {
    const st = this.channels.get(channel);
    const last = st?.seq ?? 0;
    if (since === last) return { events: [] };
    // A client ahead of the log (it was lost, or never written) reloads rather than wait for seqs it has seen.
    if (since > last) return { resync: true, last_seq: last };
    if (st === undefined || !this.isKept(st.lastAt) || since < st.droppedUpTo) return { resync: true, last_seq: last };
    // Newest to oldest, from the channel's newest kept envelope back to the one after `since`.
    const found: Envelope[] = [];
    const oldest = Math.max(0, this.appended - this.capacity);
    for (let at = st.lastAt; at >= oldest; at--) {
      const slot = at % this.capacity;
      if (this.owners[slot] !== st) continue;
      const env = this.envs[slot]!;
      if (env.seq <= since) break;
      // A hole (events the durable log could not keep, e.g. client events before a restart): reload.
      if (found.length > 0 && env.seq !== found[found.length - 1].seq - 1) return { resync: true, last_seq: last };
      found.push(env);
    }
    found.reverse();
    // Complete only if it starts right after `since`. (Envelopes broadcast in this turn have their
    // seq but are not kept yet: they reach a new subscriber live, at the flush.)
    if (found.length > 0 && found[0].seq !== since + 1) return { resync: true, last_seq: last };
    return { events: found };
  }

  /** Every kept envelope over all channels, newest first (the event log's history). */
  newestFirst(): Envelope[] {
    const out: Envelope[] = [];
    const oldest = Math.max(0, this.appended - this.capacity);
    for (let at = this.appended - 1; at >= oldest; at--) out.push(this.envs[at % this.capacity]!);
    return out;
  }

  /** Names of channels with at least one subscriber. */
  occupied(): string[] {
    const out: string[] = [];
    for (const st of this.channels.values()) if (st.subscribers.length > 0) out.push(st.name);
    return out;
  }

  private isKept(at: number): boolean {
    return at >= 0 && at >= this.appended - this.capacity;
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

  /**
   * Removes the envelopes of these channels from the stored batches (a deleted document's events
   * must not outlive it), keeping each channel's last seq in channel_seqs. Runs inside the caller's
   * transaction when there is one. Batches hold JSON lines that start with `{"channel":"…",`.
   */
  forget(channels: readonly string[], lastSeq: (channel: string) => number): void {
    if (channels.length === 0) return;
    const needles = channels.map((c) => `{"channel":${JSON.stringify(c)},`);
    const rows = this.db
      .prepare(`SELECT id, events FROM event_batches WHERE ${needles.map(() => 'instr(events, ?) > 0').join(' OR ')}`)
      .all(...needles) as { id: number; events: string }[];
    const update = this.db.prepare('UPDATE event_batches SET events = ? WHERE id = ?');
    const del = this.db.prepare('DELETE FROM event_batches WHERE id = ?');
    for (const row of rows) {
      const kept = row.events.split('\n').filter((line) => line && !needles.some((n) => line.startsWith(n)));
      if (kept.length === 0) del.run(row.id);
      else update.run(kept.join('\n') + '\n', row.id);
    }
    this.raiseSeqs(
      channels.filter((c) => lastSeq(c) > 0),
      lastSeq,
    );
  }

  /** Records the last seq of channels whose events could not be logged, so that seq never goes back. */
  raiseSeqs(channels: readonly string[], lastSeq: (channel: string) => number): void {
    const upsert = this.db.prepare(
      'INSERT INTO channel_seqs (channel, seq) VALUES (?, ?) ON CONFLICT(channel) DO UPDATE SET seq = max(seq, excluded.seq)',
    );
    this.db.transaction(() => {
      for (const channel of channels) upsert.run(channel, lastSeq(channel));
    })();
  }

  /** Reloads the log into a history after a restart. */
  load(history: ChannelHistory): number {
    for (const row of this.db.prepare('SELECT channel, seq FROM channel_seqs').iterate() as Iterable<{
      channel: string;
      seq: number;
    }>) {
      history.raiseSeq(row.channel, row.seq);
    }
    let n = 0;
    for (const row of this.db.prepare('SELECT events FROM event_batches ORDER BY id').iterate() as Iterable<{
      events: string;
    }>) {
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
    const keepFrom = this.db
      .prepare('SELECT id FROM event_batches ORDER BY id DESC LIMIT 1 OFFSET ?')
      .get(this.maxBatches) as { id: number } | undefined;
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
    const upsert = this.db.prepare(
      'INSERT INTO channel_seqs (channel, seq) VALUES (?, ?) ON CONFLICT(channel) DO UPDATE SET seq = max(seq, excluded.seq)',
    );
    const del = this.db.prepare('DELETE FROM event_batches WHERE id = ?');
    this.db.transaction(() => {
      for (const [channel, seq] of last) upsert.run(channel, seq);
      for (const row of old) del.run(row.id);
    })();
    return old.length;
  }
}
