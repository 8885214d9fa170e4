/**
 * The broadcast hub (docs/architecture.md §2): named events on named channels, a seq per channel, an event
 * log with replay, exclusion of the originating connection (Laravel's `toOthers`), and queued
 * delivery that never blocks the code that broadcast.
 *
 * Delivery order: broadcast() assigns the seq and queues the envelope; at the end of the current
 * turn of the event loop (or at once when the queue is long) the queue is written to the log in
 * one batch and then fanned out. An envelope is therefore never delivered before it is in the log,
 * so nothing a subscriber has seen can be lost by a crash. `atomically()` makes the events of a
 * state change part of the same SQLite transaction as the change itself.
 *
 * With a shared backend (`HubOptions.backend`, e.g. Redis for several server processes) the flushed
 * batch goes to the backend instead, which assigns the seqs, keeps the shared log and fans the
 * envelopes back out to every process; this hub then delivers what comes back. Durable channels go
 * through an SQLite outbox in the same transaction, so the atomicity above still holds. Without a
 * backend nothing of this runs: the in-process path is unchanged.
 *
 * Ephemeral envelopes (client events) are delivered and kept in memory but never written to
 * SQLite. When the log cannot be written outside a transaction (a full disk), the batch is still
 * delivered and kept in memory, the failure is reported (`onLogFailure`) and the channels' seqs are
 * written as soon as the log works again (`onLogWritten`), so seqs never go back after a restart.
 */
import type { Logger } from 'pino';
import { CHANNEL_NAME_RE } from '../../../src-shared/channels';
import type { SubscriptionMessage, Unsubscribe } from '../../../src-shared/bridge';
import { InkproofError } from '../../../src-shared/errors';
import type { BroadcastEvent, Envelope, ReplayResult } from '../../../src-shared/events';
import type { Db } from '../store/db';
import { ChannelAuthorizer } from './authorizer';
import type { BackendItem, HubBackend } from './backend';
import { ChannelHistory, DurableEventLog, type ChannelState } from './history';
import type { HubOutbox } from './outbox';

export type HubListener = (message: SubscriptionMessage) => void;
export type TapListener = (envelope: Envelope, meta: { except?: string }) => void;

export interface BroadcastOptions {
  /** Client events on presence channels: the sender's user id, added to the frame as Pusher does. */
  userId?: string;
  /** Connection that caused the event; it does not receive it live (Laravel's `toOthers`). */
  except?: string;
  /** Delivered and kept in memory for replay, but never written to the durable log (client events). */
  ephemeral?: boolean;
}

export interface SubscribeOptions {
  /** Replay what came after this seq before live delivery; null or absent means live only. */
  since?: number | null;
  /** Identifies the subscriber's connection, for `except`. */
  connectionId?: string;
}

export interface HubOptions {
  history?: ChannelHistory;
  /** SQLite persistence for durable channels; absent means memory only. */
  durable?: DurableEventLog | null;
  /** Which channels are written to SQLite; others keep their history in memory only. */
  isDurable?: (channel: string) => boolean;
  authorizer?: ChannelAuthorizer;
  logger?: Logger;
  /** Queue length at which delivery happens at once instead of at the end of the turn. */
  maxQueued?: number;
  /** A shared backend (several processes); absent means the in-process hub. */
  backend?: HubBackend | null;
  /** With a backend: where durable channels' events wait until the backend has them. */
  outbox?: HubOutbox | null;
  /** The durable log (or outbox) could not be written outside a transaction; the batch was delivered anyway. */
  onLogFailure?: (err: unknown) => void;
  /** The durable log (or outbox) was written: after a failure, it works again. */
  onLogWritten?: () => void;
}

interface Entry {
  listener: HubListener;
  connectionId: string | undefined;
  lastSeq: number;
  /** With a backend: live envelopes held back (with their `except`) while the replay is fetched. */
  pending: { env: Envelope; except: string | undefined }[] | null;
  closed: boolean;
}

/** With a backend: a committed batch on its way to the backend, and its outbox row if any. */
interface RemoteBatch {
  batch: Batch;
  outboxId: number | null;
}

/** Envelopes on their way, as parallel arrays: no allocation per event beyond the envelope. */
class Batch {
  envs: Envelope[] = [];
  states: ChannelState[] = [];
  excepts: (string | undefined)[] = [];
  /** Envelopes that must not reach SQLite; null while there are none (the common case). */
  ephemeral: Set<Envelope> | null = null;
  get length(): number {
    return this.envs.length;
  }
  push(env: Envelope, st: ChannelState, except: string | undefined): void {
    this.envs.push(env);
    this.states.push(st);
    this.excepts.push(except);
  }
}

export class BroadcastHub {
  readonly authorizer: ChannelAuthorizer;
  readonly history: ChannelHistory;
  private readonly durable: DurableEventLog | null;
  private readonly isDurable: (channel: string) => boolean;
  private readonly logger: Logger | undefined;
  private readonly debug: boolean;
  private readonly maxQueued: number;
  private readonly taps = new Set<TapListener>();
  /** Broadcast, not yet in the log. */
  private queued = new Batch();
  /** In the log, not yet delivered. */
  private ready = new Batch();
  private flushScheduled = false;
  /** Milliseconds for `ts`, read once per turn of the event loop rather than once per event. */
  private now = 0;
  private nowValidUntilFlush = false;
  private scopeDepth = 0;
  private closed = false;
  private readonly backend: HubBackend | null;
  private readonly outbox: HubOutbox | null;
  /** With a backend: committed, not yet handed to the backend. */
  private readyRemote: RemoteBatch[] = [];
  private readonly publishing = new Set<Promise<void>>();
  private readonly onLogFailure: ((err: unknown) => void) | undefined;
  private readonly onLogWritten: (() => void) | undefined;
  /** Set when the log was written inside the current atomically() scope (reported once it commits). */
  private wroteInScope = false;
  /** Channels with events the durable log could not take: their seqs are written once it works again. */
  private unlogged: Set<string> | null = null;
  /** Counters for metrics. */
  readonly stats = { broadcasts: 0, deliveries: 0, persisted: 0 };

  constructor(opts: HubOptions = {}) {
    this.history = opts.history ?? new ChannelHistory();
    this.durable = opts.durable ?? null;
    this.isDurable = opts.isDurable ?? (() => this.durable !== null);
    this.authorizer = opts.authorizer ?? new ChannelAuthorizer();
    this.logger = opts.logger;
    this.debug = opts.logger?.isLevelEnabled('debug') ?? false;
    this.maxQueued = opts.maxQueued ?? 1024;
    this.backend = opts.backend ?? null;
    this.outbox = this.backend ? (opts.outbox ?? null) : null;
    this.onLogFailure = opts.onLogFailure;
    this.onLogWritten = opts.onLogWritten;
    if (this.backend) {
      this.backend.start({
        deliver: (env, except) => this.receive(env, except),
        channels: () => this.history.occupied(),
        lastSeq: (channel) => this.history.lastSeq(channel),
      });
    }
  }

  /** True when a shared backend assigns seqs and keeps the log (several processes). */
  get shared(): boolean {
    return this.backend !== null;
  }

  broadcast<D>(event: BroadcastEvent<D>, opts: BroadcastOptions = {}): Envelope<D> {
    if (this.closed) throw new InkproofError('internal', 'The broadcast hub has been shut down.');
    const st = this.history.state(event.channel);
    if (!st.checked) {
      if (!CHANNEL_NAME_RE.test(event.channel))
        throw new InkproofError('invalid_input', `"${event.channel}" is not a valid channel name.`);
      st.checked = true;
    }
    // With a backend the seq is assigned when the backend stores the envelope (0 until then).
    const env: Envelope<D> = {
      channel: event.channel,
      event: event.event,
      data: event.data,
      seq: this.backend ? 0 : ++st.seq,
      ts: this.clock(),
    };
    if (opts.userId !== undefined) env.user_id = opts.userId;
    this.queued.push(env, st, opts.except);
    if (opts.ephemeral) (this.queued.ephemeral ??= new Set()).add(env);
    this.stats.broadcasts++;
    if (this.scopeDepth === 0) {
      if (this.queued.length >= this.maxQueued) this.flush();
      else this.scheduleFlush();
    }
    return env;
  }

  /**
   * Runs `fn` in one SQLite transaction with the events it broadcasts: either the state change and
   * its events are both stored, or neither is (and no one sees the events).
   */
  atomically<T>(db: Db, fn: () => T, opts: { immediate?: boolean } = {}): T {
    if (this.scopeDepth > 0) return fn();
    this.flush();
    const readyMark = this.readyRemote.length;
    this.scopeDepth++;
    try {
      this.wroteInScope = false;
      const tx = db.transaction(() => {
        const r = fn();
        this.persistQueued();
        return r;
      });
      // `immediate` takes the write lock first: a transaction that reads before it writes cannot then
      // fail on a commit of another process (processes sharing a data folder).
      const result = opts.immediate ? tx.immediate() : tx();
      if (this.wroteInScope) this.onLogWritten?.();
      return result;
    } catch (err) {
      const envs = this.queued.envs;
      if (!this.backend)
        for (let i = envs.length - 1; i >= 0; i--) this.history.releaseSeq(envs[i].channel, envs[i].seq);
      this.queued = new Batch();
      // Batches written inside the failed transaction are gone from the outbox: drop them here too.
      this.readyRemote.length = readyMark;
      throw err;
    } finally {
      this.scopeDepth--;
      this.deliverReady();
    }
  }

  /** Writes queued envelopes to the log and delivers them. */
  flush(): void {
    this.persistQueued();
    this.deliverReady();
  }

  subscribe(channel: string, listener: HubListener, opts: SubscribeOptions = {}): Unsubscribe {
    const entry: Entry = { listener, connectionId: opts.connectionId, lastSeq: -1, pending: null, closed: false };
    if (this.backend && opts.since !== undefined && opts.since !== null) {
      this.replayFromBackend(channel, entry, opts.since);
    } else if (opts.since !== undefined && opts.since !== null) {
      const replay = this.history.since(channel, opts.since);
      entry.lastSeq = opts.since;
      if ('resync' in replay) {
        entry.lastSeq = replay.last_seq;
        safeCall(listener, { type: 'resync', channel, last_seq: replay.last_seq }, this.logger);
      } else {
        for (const env of replay.events) {
          entry.lastSeq = env.seq;
          safeCall(listener, { type: 'event', envelope: env }, this.logger);
        }
      }
    }
    const st = this.history.state(channel);
    st.subscribers = [...st.subscribers, entry];
    return () => {
      entry.closed = true;
      st.subscribers = st.subscribers.filter((e) => e !== entry);
    };
  }

  /**
   * Forgets everything kept of these channels (a deleted document's): in memory, in the SQLite log
   * (inside the caller's transaction when there is one) and in a shared backend's log.
   */
  forgetChannels(channels: readonly string[]): void {
    if (channels.length === 0) return;
    this.history.forget(channels);
    this.durable?.forget(channels, (c) => this.history.lastSeq(c));
    if (this.backend?.forget) {
      this.backend
        .forget(channels)
        .catch((err) => this.logger?.error({ err, channels }, 'the hub backend did not forget channels'));
    }
  }

  /** Sees every delivered envelope: the event log view, `inkproof tail`, debug logs, test fakes. */
  tap(listener: TapListener): Unsubscribe {
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  /** What came after `since` on a channel (in-process hub only: with a backend use replayAsync). */
  replay(channel: string, since: number): ReplayResult {
    if (this.backend)
      throw new InkproofError('internal', 'This hub shares its log through a backend: use replayAsync().');
    return this.history.since(channel, since);
  }

  /** What came after `since` on a channel, from the shared log when there is a backend. */
  replayAsync(channel: string, since: number): Promise<ReplayResult> {
    if (this.backend) return this.backend.replay(channel, since);
    return Promise.resolve(this.history.since(channel, since));
  }

  /** The most recent envelope of a channel still in the log (cache channels), or null. */
  lastEnvelope(channel: string): Promise<Envelope | null> {
    if (this.backend) return this.backend.last(channel);
    return Promise.resolve(this.history.last(channel));
  }

  /** The channel's current seq, from the shared backend when there is one. */
  lastSeqAsync(channel: string): Promise<number> {
    if (this.backend) return this.backend.lastSeq(channel).then((n) => Math.max(n, this.history.lastSeq(channel)));
    return Promise.resolve(this.history.lastSeq(channel));
  }

  /**
   * Resolves when every batch handed to the backend has been stored (or has failed), or after
   * `timeoutMs`: what is not stored by then stays in the outbox for the next run.
   */
  async settled(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.publishing.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.publishing]), new Promise((r) => (timer = setTimeout(r, left)))]);
      clearTimeout(timer);
    }
    return true;
  }

  /** Re-sends what a previous run left in the outbox (it died before the backend had it). */
  resendOutbox(): number {
    if (!this.backend || !this.outbox) return 0;
    let n = 0;
    for (const row of this.outbox.pending()) {
      const batch = new Batch();
      for (const env of row.envs) batch.push({ ...env, seq: 0 }, this.history.state(env.channel), undefined);
      this.readyRemote.push({ batch, outboxId: row.id });
      n += row.envs.length;
    }
    this.deliverReady();
    return n;
  }

  lastSeq(channel: string): number {
    return this.history.lastSeq(channel);
  }

  subscriberCount(channel: string): number {
    return this.history.peek(channel)?.subscribers.length ?? 0;
  }

  /** Channels with at least one subscriber. */
  occupiedChannels(): string[] {
    return this.history.occupied();
  }

  /** Delivers what is queued and refuses further broadcasts. */
  close(): void {
    this.flush();
    this.closed = true;
  }

  private clock(): number {
    if (!this.nowValidUntilFlush) {
      this.now = Date.now();
      this.nowValidUntilFlush = true;
    }
    return this.now;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.scopeDepth === 0) this.flush();
    });
  }

  private persistQueued(): void {
    const batch = this.queued;
    const n = batch.length;
    this.nowValidUntilFlush = false;
    if (n === 0) return;
    if (this.backend) {
      // Durable channels' events go into the outbox, inside the caller's transaction if any.
      let outboxId: number | null = null;
      if (this.outbox) {
        const durable = this.durableOf(batch);
        if (durable.length > 0) {
          if (this.writeLog(() => (outboxId = this.outbox!.add(durable)), durable))
            this.stats.persisted += durable.length;
        }
      }
      this.queued = new Batch();
      this.readyRemote.push({ batch, outboxId });
      return;
    }
    if (this.durable) {
      const durable = this.durableOf(batch);
      if (durable.length > 0 && this.writeLog(() => this.durable!.persist(durable), durable))
        this.stats.persisted += durable.length;
    }
    // Replaced only now: a failed write inside atomically() must still see its envelopes to undo them.
    this.queued = new Batch();
    for (let i = 0; i < n; i++) this.history.append(batch.envs[i], batch.states[i]);
    if (this.ready.length === 0) {
      this.ready = batch;
    } else {
      for (let i = 0; i < n; i++) this.ready.push(batch.envs[i], batch.states[i], batch.excepts[i]);
    }
  }

  /**
   * Writes to the log. Inside a transaction a failure fails the transaction (the state change and
   * its events go together); outside one it is reported and the batch goes on, delivered but not
   * logged (false is returned).
   */
  private writeLog(write: () => unknown, envs: Envelope[]): boolean {
    if (this.scopeDepth > 0) {
      write();
      this.wroteInScope = true;
      return true;
    }
    try {
      write();
    } catch (err) {
      this.unlogged ??= new Set();
      for (const env of envs) this.unlogged.add(env.channel);
      this.logger?.error(
        { err, events: envs.length },
        'the event log could not be written; events delivered without it',
      );
      this.onLogFailure?.(err);
      return false;
    }
    if (this.unlogged !== null) this.recoverLog();
    this.onLogWritten?.();
    return true;
  }

  /** After a failure: the seqs of channels whose events were not logged, so that they never go back. */
  private recoverLog(): void {
    const channels = [...this.unlogged!];
    try {
      this.durable?.raiseSeqs(channels, (c) => this.history.lastSeq(c));
    } catch (err) {
      this.onLogFailure?.(err);
      return;
    }
    this.unlogged = null;
  }

  /** The envelopes of a batch whose channels are kept in SQLite (decided once per channel), less ephemeral ones. */
  private durableOf(batch: Batch): Envelope[] {
    const durable: Envelope[] = [];
    const ephemeral = batch.ephemeral;
    for (let i = 0; i < batch.length; i++) {
      const st = batch.states[i];
      if (st.durable === null) st.durable = this.isDurable(st.name);
      if (st.durable && (ephemeral === null || !ephemeral.has(batch.envs[i]))) durable.push(batch.envs[i]);
    }
    return durable;
  }

  private deliverReady(): void {
    if (this.scopeDepth > 0) return;
    if (this.backend) {
      const list = this.readyRemote;
      this.readyRemote = [];
      for (const b of list) this.publishRemote(b);
      return;
    }
    while (this.ready.length > 0) {
      const batch = this.ready;
      this.ready = new Batch();
      const n = batch.length;
      for (let i = 0; i < n; i++) this.deliver(batch.envs[i], batch.states[i], batch.excepts[i]);
    }
  }

  private publishRemote(b: RemoteBatch): void {
    const items: BackendItem[] = [];
    for (let i = 0; i < b.batch.length; i++)
      items.push({ env: b.batch.envs[i], except: b.batch.excepts[i], floor: b.batch.states[i].seq });
    const p = this.backend!.publish(items).then(
      () => {
        if (b.outboxId !== null) this.outbox!.remove(b.outboxId);
      },
      (err) =>
        this.logger?.error(
          { err, events: items.length },
          'the hub backend did not take a batch (durable events stay in the outbox)',
        ),
    );
    this.publishing.add(p);
    void p.finally(() => this.publishing.delete(p));
  }

  /** An envelope back from the shared backend (from this process or another one), in seq order. */
  private receive(env: Envelope, except: string | undefined): void {
    const st = this.history.state(env.channel);
    if (env.seq > st.seq) st.seq = env.seq;
    this.deliver(env, st, except);
  }

  /** With a backend: live envelopes are held back until the replay has been delivered. */
  private replayFromBackend(channel: string, entry: Entry, since: number): void {
    entry.lastSeq = since;
    entry.pending = [];
    this.backend!.replay(channel, since).then(
      (replay) => {
        if (entry.closed) return;
        if ('resync' in replay) {
          entry.lastSeq = Math.max(entry.lastSeq, replay.last_seq);
          safeCall(entry.listener, { type: 'resync', channel, last_seq: replay.last_seq }, this.logger);
        } else {
          for (const env of replay.events) {
            if (env.seq <= entry.lastSeq) continue;
            entry.lastSeq = env.seq;
            safeCall(entry.listener, { type: 'event', envelope: env }, this.logger);
          }
        }
        this.releasePending(entry);
      },
      (err) => {
        this.logger?.error({ err, channel }, 'replay from the hub backend failed');
        if (entry.closed) return;
        // Nothing could be replayed: tell the subscriber to reload rather than silently skip events.
        safeCall(entry.listener, { type: 'resync', channel, last_seq: this.history.lastSeq(channel) }, this.logger);
        this.releasePending(entry);
      },
    );
  }

  private releasePending(entry: Entry): void {
    const held = entry.pending ?? [];
    entry.pending = null;
    for (const { env, except } of held) {
      if (env.seq <= entry.lastSeq || (except !== undefined && entry.connectionId === except)) continue;
      entry.lastSeq = env.seq;
      safeCall(entry.listener, { type: 'event', envelope: env }, this.logger);
    }
  }

  private deliver(env: Envelope, st: ChannelState, except: string | undefined): void {
    if (this.taps.size > 0) {
      for (const tap of this.taps) {
        try {
          tap(env, { except });
        } catch (err) {
          this.logger?.error({ err }, 'event tap failed');
        }
      }
    }
    const subscribers = st.subscribers as readonly Entry[];
    const count = subscribers.length;
    if (this.debug)
      this.logger?.debug(
        { channel: env.channel, event: env.event, seq: env.seq, subscribers: count, except },
        'hub broadcast',
      );
    if (count === 0) return;
    const message: SubscriptionMessage = { type: 'event', envelope: env };
    const seq = env.seq;
    for (let i = 0; i < count; i++) {
      const entry = subscribers[i];
      if (entry.pending !== null) {
        entry.pending.push({ env, except });
        continue;
      }
      if (seq <= entry.lastSeq || (except !== undefined && entry.connectionId === except)) continue;
      entry.lastSeq = seq;
      try {
        entry.listener(message);
      } catch (err) {
        this.logger?.error({ err, channel: env.channel, event: env.event }, 'subscriber failed');
      }
    }
    this.stats.deliveries += count;
  }
}

function safeCall(listener: HubListener, message: SubscriptionMessage, logger?: Logger): void {
  try {
    listener(message);
  } catch (err) {
    logger?.error({ err }, 'subscriber failed during replay');
  }
}
