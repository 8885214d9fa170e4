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
 */
import type { Logger } from 'pino';
import { CHANNEL_NAME_RE } from '../../../src-shared/channels';
import type { SubscriptionMessage, Unsubscribe } from '../../../src-shared/bridge';
import { InkproofError } from '../../../src-shared/errors';
import type { BroadcastEvent, Envelope, ReplayResult } from '../../../src-shared/events';
import type { Db } from '../store/db';
import { ChannelAuthorizer } from './authorizer';
import { ChannelHistory, DurableEventLog } from './history';

export type HubListener = (message: SubscriptionMessage) => void;
export type TapListener = (envelope: Envelope, meta: { except?: string }) => void;

export interface BroadcastOptions {
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
}

interface Entry {
  listener: HubListener;
  connectionId: string | undefined;
  lastSeq: number;
}

interface Queued {
  env: Envelope;
  except: string | undefined;
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
  }

  broadcast<D>(event: BroadcastEvent<D>, opts: BroadcastOptions = {}): Envelope<D> {
    if (this.closed) throw new InkproofError('internal', 'The broadcast hub has been shut down.');
    if (!CHANNEL_NAME_RE.test(event.channel)) throw new InkproofError('invalid_input', `"${event.channel}" is not a valid channel name.`);
    const env: Envelope<D> = { channel: event.channel, event: event.event, data: event.data, seq: this.history.nextSeq(event.channel), ts: Date.now() };
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
    this.scopeDepth++;
    try {
      const result = db.transaction(() => {
        const r = fn();
        this.persistQueued();
        return r;
      })();
      return result;
    } catch (err) {
      for (let i = this.queued.length - 1; i >= 0; i--) this.history.releaseSeq(this.queued[i].env.channel, this.queued[i].env.seq);
      this.queued = [];
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
    const entry: Entry = { listener, connectionId: opts.connectionId, lastSeq: -1 };
    if (opts.since !== undefined && opts.since !== null) {
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

  replay(channel: string, since: number): ReplayResult {
    return this.history.since(channel, since);
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
    while (this.ready.length > 0) {
      const batch = this.ready;
      this.ready = [];
      for (const q of batch) this.deliver(q);
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
