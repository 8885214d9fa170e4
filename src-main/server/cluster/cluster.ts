/**
 * State that the server processes of one deployment share (docs/architecture.md §10): which channels are
 * occupied and by how many subscriptions, the presence members of every presence channel (one global
 * list, not one per process), the connection count of each app, rate-limit counters, and signals
 * between processes (a member joined or left, terminate a user's connections). `MemoryCluster` is
 * the single-process implementation; `RedisCluster` shares all of it through Redis.
 *
 * Presence is counted per connection: `presenceJoin` reports `first` only for a user's first
 * connection to the channel, `presenceLeave` reports `last` only after the last one is gone —
 * across every process.
 */
import crypto from 'node:crypto';
import type { HubBackend } from '../../core/hub/backend';

export type ClusterSignal =
  | { type: 'member_added'; app: string; channel: string; user_id: string; user_info: unknown; socket_id: string }
  | { type: 'member_removed'; app: string; channel: string; user_id: string }
  | { type: 'terminate'; app: string; user_id: string };

/** Something the cluster found out by itself (a dead process's connections were cleaned up). */
export type ClusterNotice =
  | { type: 'channel_vacated'; app: string; channel: string }
  | { type: 'member_removed'; app: string; channel: string; user_id: string };

export type PresenceJoin = { refused: true } | { refused: false; first: boolean; members: Map<string, unknown> };

export interface Cluster {
  readonly nodeId: string;
  /** True when several processes share this state (Redis). */
  readonly shared: boolean;
  /** The hub backend for an app's channels, or null for the in-process hub. */
  hubBackend(appId: string): HubBackend | null;
  /** Signals reach every process, this one included. */
  onSignal(fn: (s: ClusterSignal) => void): void;
  signal(s: ClusterSignal): Promise<void>;
  onNotice(fn: (n: ClusterNotice) => void): void;
  /** The shared store forgot this process (Redis restarted empty): register every connection again. */
  onResync?(fn: () => Promise<void>): void;

  /** Adds `delta` subscriptions to a channel; returns the channel's total subscriptions after. */
  adjustChannel(app: string, channel: string, delta: number): Promise<number>;
  /** Occupied channels with their subscription counts. */
  channels(app: string): Promise<Map<string, number>>;
  channelCount(app: string, channel: string): Promise<number>;

  presenceJoin(
    app: string,
    channel: string,
    socketId: string,
    userId: string,
    userInfo: unknown,
    maxMembers: number,
  ): Promise<PresenceJoin>;
  /** Null when the socket was not a member. */
  presenceLeave(app: string, channel: string, socketId: string): Promise<{ user_id: string; last: boolean } | null>;
  presenceMembers(app: string, channel: string): Promise<Map<string, unknown>>;

  /** Counts a new connection of an app; false (and nothing counted) when `max` > 0 is reached. */
  acquireConnection(app: string, max: number): Promise<boolean>;
  releaseConnection(app: string): Promise<void>;
  connectionCount(app: string): Promise<number>;

  /** A fixed-window counter: true while `key` has been hit at most `limit` times in the window. */
  hit(key: string, limit: number, windowMs: number): Promise<boolean>;

  /** 'ready', or why shared state is not reachable right now. */
  status(): string;
  close(): Promise<void>;
}

export const newNodeId = (): string => `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;

interface PresenceState {
  sockets: Map<string, string>;
  counts: Map<string, number>;
  members: Map<string, unknown>;
}

/** Everything in this process: the single-node server. */
export class MemoryCluster implements Cluster {
  readonly nodeId = newNodeId();
  readonly shared = false;
  private readonly signalHandlers: ((s: ClusterSignal) => void)[] = [];
  private readonly channelCounts = new Map<string, Map<string, number>>();
  private readonly presence = new Map<string, PresenceState>();
  private readonly conns = new Map<string, number>();
  private readonly windows = new Map<string, { start: number; n: number }>();

  hubBackend(): HubBackend | null {
    return null;
  }

  onSignal(fn: (s: ClusterSignal) => void): void {
    this.signalHandlers.push(fn);
  }

  async signal(s: ClusterSignal): Promise<void> {
    for (const fn of this.signalHandlers) fn(s);
  }

  onNotice(): void {
    // A single process has no other process whose connections could need cleaning up.
  }

  private counts(app: string): Map<string, number> {
    let m = this.channelCounts.get(app);
    if (!m) this.channelCounts.set(app, (m = new Map()));
    return m;
  }

  async adjustChannel(app: string, channel: string, delta: number): Promise<number> {
    const m = this.counts(app);
    const n = Math.max(0, (m.get(channel) ?? 0) + delta);
    if (n === 0) m.delete(channel);
    else m.set(channel, n);
    return n;
  }

  async channels(app: string): Promise<Map<string, number>> {
    return new Map(this.counts(app));
  }

  async channelCount(app: string, channel: string): Promise<number> {
    return this.counts(app).get(channel) ?? 0;
  }

  private presenceOf(app: string, channel: string, create: boolean): PresenceState | undefined {
    const key = `${app}\n${channel}`;
    let p = this.presence.get(key);
    if (!p && create) this.presence.set(key, (p = { sockets: new Map(), counts: new Map(), members: new Map() }));
    return p;
  }

  async presenceJoin(
    app: string,
    channel: string,
    socketId: string,
    userId: string,
    userInfo: unknown,
    maxMembers: number,
  ): Promise<PresenceJoin> {
    const p = this.presenceOf(app, channel, true)!;
    if (p.sockets.has(socketId)) return { refused: false, first: false, members: new Map(p.members) };
    if (!p.members.has(userId) && p.members.size >= maxMembers) {
      if (p.sockets.size === 0) this.presence.delete(`${app}\n${channel}`);
      return { refused: true };
    }
    p.sockets.set(socketId, userId);
    const n = (p.counts.get(userId) ?? 0) + 1;
    p.counts.set(userId, n);
    p.members.set(userId, userInfo);
    return { refused: false, first: n === 1, members: new Map(p.members) };
  }

  async presenceLeave(
    app: string,
    channel: string,
    socketId: string,
  ): Promise<{ user_id: string; last: boolean } | null> {
    const p = this.presenceOf(app, channel, false);
    const userId = p?.sockets.get(socketId);
    if (!p || userId === undefined) return null;
    p.sockets.delete(socketId);
    const n = (p.counts.get(userId) ?? 1) - 1;
    if (n > 0) {
      p.counts.set(userId, n);
      return { user_id: userId, last: false };
    }
    p.counts.delete(userId);
    p.members.delete(userId);
    if (p.sockets.size === 0) this.presence.delete(`${app}\n${channel}`);
    return { user_id: userId, last: true };
  }

  async presenceMembers(app: string, channel: string): Promise<Map<string, unknown>> {
    return new Map(this.presenceOf(app, channel, false)?.members ?? []);
  }

  async acquireConnection(app: string, max: number): Promise<boolean> {
    const n = this.conns.get(app) ?? 0;
    if (max > 0 && n >= max) return false;
    this.conns.set(app, n + 1);
    return true;
  }

  async releaseConnection(app: string): Promise<void> {
    this.conns.set(app, Math.max(0, (this.conns.get(app) ?? 0) - 1));
  }

  async connectionCount(app: string): Promise<number> {
    return this.conns.get(app) ?? 0;
  }

  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (this.windows.size > 100_000)
        for (const [k, v] of this.windows) if (now - v.start >= windowMs) this.windows.delete(k);
      this.windows.set(key, (w = { start: now, n: 0 }));
    }
    w.n++;
    return w.n <= limit;
  }

  status(): string {
    return 'ready';
  }

  async close(): Promise<void> {}
}
