/**
 * The broadcast hub (DESIGN.md §2): named events on named channels, a seq per channel, an event
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
 * through an SQLite outbox in the same transaction, so the atomicity above still holds.
 */
import type { Logger } from 'pino';
import { CHANNEL_NAME_RE } from '../../../src-shared/channels';
import type { SubscriptionMessage, Unsubscribe } from '../../../src-shared/bridge';
import { InkproofError } from '../../../src-shared/errors';
import type { BroadcastEvent, Envelope, ReplayResult } from '../../../src-shared/events';
import type { Db } from '../store/db';
import { ChannelAuthorizer } from './authorizer';
import type { BackendItem, HubBackend } from './backend';
import { ChannelHistory, DurableEventLog } from './history';
import type { HubOutbox } from './outbox';

export type HubListener = (message: SubscriptionMessage) => void;
export type TapListener = (envelope: Envelope, meta: { except?: string }) => void;

export interface BroadcastOptions {
  /** Client events on presence channels: the sender's user id, added to the frame as Pusher does. */
  userId?: string;
  /** Connection that caused the event; it does not receive it live (Laravel's `toOthers`). */
  except?: string;
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
}

interface Entry {
  listener: HubListener;
  connectionId: string | undefined;
  lastSeq: number;
  /** With a backend: live envelopes held back while the replay is fetched. */
  pending: Envelope[] | null;
  pendingExcept?: (string | undefined)[];
  closed?: boolean;
}

interface Queued {
  env: Envelope;
  except: string | undefined;
}

interface ReadyBatch {
  items: Queued[];
  outboxId: number | null;
}

export class BroadcastHub {
  readonly authorizer: ChannelAuthorizer;
  readonly history: ChannelHistory;
  private readonly durable: DurableEventLog | null;
  private readonly isDurable: (channel: string) => boolean;
  private readonly logger: Logger | undefined;
  private readonly debug: boolean;
  private readonly maxQueued: number;
  private readonly subs = new Map<string, Set<Entry>>();
  private readonly taps = new Set<TapListener>();
  private queued: Queued[] = [];
  private ready: Queued[] = [];
  private readonly backend: HubBackend | null;
  private readonly outbox: HubOutbox | null;
  private readyRemote: ReadyBatch[] = [];
  private readonly publishing = new Set<Promise<void>>();
  private flushScheduled = false;
  private scopeDepth = 0;
  private closed = false;
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
    if (this.backend) {
      this.backend.start({
        deliver: (env, except) => this.receive(env, except),
        channels: () => this.subs.keys(),
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
    if (!CHANNEL_NAME_RE.test(event.channel)) throw new InkproofError('invalid_input', `"${event.channel}" is not a valid channel name.`);
    // With a backend the seq is assigned when the backend stores the envelope (0 until then).
    const env: Envelope<D> = { channel: event.channel, event: event.event, data: event.data, seq: this.backend ? 0 : this.history.nextSeq(event.channel), ts: Date.now() };
    if (opts.userId !== undefined) env.user_id = opts.userId;
    this.queued.push({ env, except: opts.except });
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
  atomically<T>(db: Db, fn: () => T): T {
    if (this.scopeDepth > 0) return fn();
    this.flush();
    const readyMark = this.readyRemote.length;
    this.scopeDepth++;
    try {
      const result = db.transaction(() => {
        const r = fn();
        this.persistQueued();
        return r;
      })();
      return result;
    } catch (err) {
      if (!this.backend) for (let i = this.queued.length - 1; i >= 0; i--) this.history.releaseSeq(this.queued[i].env.channel, this.queued[i].env.seq);
      this.queued = [];
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
    const entry: Entry = { listener, connectionId: opts.connectionId, lastSeq: -1, pending: null };
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
    let set = this.subs.get(channel);
    if (!set) {
      set = new Set();
      this.subs.set(channel, set);
    }
    set.add(entry);
    return () => {
      entry.closed = true;
      const s = this.subs.get(channel);
      if (!s) return;
      s.delete(entry);
      if (s.size === 0) this.subs.delete(channel);
    };
  }

  /** Sees every delivered envelope: the event log view, `inkproof tail`, debug logs, test fakes. */
  tap(listener: TapListener): Unsubscribe {
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  /** What came after `since` on a channel (in-process hub only: with a backend use replayAsync). */
  replay(channel: string, since: number): ReplayResult {
    if (this.backend) throw new InkproofError('internal', 'This hub shares its log through a backend: use replayAsync().');
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
      this.readyRemote.push({ items: row.envs.map((env) => ({ env: { ...env, seq: 0 }, except: undefined })), outboxId: row.id });
      n += row.envs.length;
    }
    this.deliverReady();
    return n;
  }

  lastSeq(channel: string): number {
    return this.history.lastSeq(channel);
  }

  subscriberCount(channel: string): number {
    return this.subs.get(channel)?.size ?? 0;
  }

  /** Channels with at least one subscriber. */
  occupiedChannels(): string[] {
    return [...this.subs.keys()];
  }

  /** Delivers what is queued and refuses further broadcasts. */
  close(): void {
    this.flush();
    this.closed = true;
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
    if (this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    if (this.backend) {
      let outboxId: number | null = null;
      if (this.outbox) {
        const durable: Envelope[] = [];
        for (const q of batch) if (this.isDurable(q.env.channel)) durable.push(q.env);
        if (durable.length > 0) {
          outboxId = this.outbox.add(durable);
          this.stats.persisted += durable.length;
        }
      }
      this.readyRemote.push({ items: batch, outboxId });
      return;
    }
    if (this.durable) {
      const durable: Envelope[] = [];
      for (const q of batch) if (this.isDurable(q.env.channel)) durable.push(q.env);
      if (durable.length > 0) {
        this.durable.persist(durable);
        this.stats.persisted += durable.length;
      }
    }
    for (const q of batch) {
      this.history.append(q.env);
      this.ready.push(q);
    }
  }

  private deliverReady(): void {
    if (this.scopeDepth > 0) return;
    if (this.backend) {
      const batches = this.readyRemote;
      this.readyRemote = [];
      for (const b of batches) this.publishRemote(b);
      return;
    }
    while (this.ready.length > 0) {
      const batch = this.ready;
      this.ready = [];
      for (const q of batch) this.deliver(q);
    }
  }

  private publishRemote(b: ReadyBatch): void {
    const items: BackendItem[] = b.items.map((q) => ({ env: q.env, except: q.except, floor: this.history.lastSeq(q.env.channel) }));
    const p = this.backend!.publish(items).then(
      () => {
        if (b.outboxId !== null) this.outbox!.remove(b.outboxId);
      },
      (err) => this.logger?.error({ err, events: items.length }, 'the hub backend did not take a batch (durable events stay in the outbox)'),
    );
    this.publishing.add(p);
    void p.finally(() => this.publishing.delete(p));
  }

  /** An envelope back from the shared backend (from this process or another one). */
  private receive(env: Envelope, except: string | undefined): void {
    this.history.raiseSeq(env.channel, env.seq);
    this.deliver({ env, except });
  }

  /** With a backend: live envelopes are held back until the replay has been delivered. */
  private replayFromBackend(channel: string, entry: Entry, since: number): void {
    entry.lastSeq = since;
    entry.pending = [];
    entry.pendingExcept = [];
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
            this.history.raiseSeq(channel, env.seq);
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
    const excepts = entry.pendingExcept ?? [];
    entry.pending = null;
    entry.pendingExcept = undefined;
    held.forEach((env, i) => this.deliverTo(entry, env, excepts[i]));
  }

  private deliverTo(entry: Entry, env: Envelope, except: string | undefined): void {
    if (except !== undefined && entry.connectionId === except) return;
    if (env.seq <= entry.lastSeq) return;
    entry.lastSeq = env.seq;
    this.stats.deliveries++;
    try {
      entry.listener({ type: 'event', envelope: env });
    } catch (err) {
      this.logger?.error({ err, channel: env.channel, event: env.event }, 'subscriber failed');
    }
  }

  private deliver(q: Queued): void {
    const { env, except } = q;
    for (const tap of this.taps) {
      try {
        tap(env, { except });
      } catch (err) {
        this.logger?.error({ err }, 'event tap failed');
      }
    }
    const set = this.subs.get(env.channel);
    if (this.debug) this.logger?.debug({ channel: env.channel, event: env.event, seq: env.seq, subscribers: set?.size ?? 0, except }, 'hub broadcast');
    if (!set) return;
    const message: SubscriptionMessage = { type: 'event', envelope: env };
    for (const entry of set) {
      if (entry.pending) {
        entry.pending.push(env);
        entry.pendingExcept!.push(except);
        continue;
      }
      if (except !== undefined && entry.connectionId === except) continue;
      if (env.seq <= entry.lastSeq) continue;
      entry.lastSeq = env.seq;
      this.stats.deliveries++;
      try {
        entry.listener(message);
      } catch (err) {
        this.logger?.error({ err, channel: env.channel, event: env.event }, 'subscriber failed');
      }
    }
  }
}

function safeCall(listener: HubListener, message: SubscriptionMessage, logger?: Logger): void {
  try {
    listener(message);
  } catch (err) {
    logger?.error({ err }, 'subscriber failed during replay');
  }
}
