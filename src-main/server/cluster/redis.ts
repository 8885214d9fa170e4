/**
 * Scale-out through Redis (docs/architecture.md §10; the model of Reverb and Soketi, with a shared catch-up
 * log on top): every server process connects with ioredis and shares
 *
 * - fan-out and the catch-up log (`RedisHubBackend`): one Lua script assigns an envelope its
 *   per-channel seq (INCR), appends it to the channel's log (a capped list) and PUBLISHes it on the
 *   app's fan-out channel, all atomically — so every process receives every channel's envelopes in
 *   seq order, and replay (`since`) reads the same log on any process;
 * - presence (one global member list per channel, counted per connection), channel subscription
 *   counts, connection counts per app, rate-limit counters — Lua scripts on hashes;
 * - signals (member added/removed, terminate a user's connections) on a pub/sub channel.
 *
 * Failures: each process heartbeats into a sorted set; when one stops (killed), another cleans up
 * its presence members and channel counts (and announces member_removed). A process whose
 * subscriber connection dropped fetches what it missed from the log (gap filling), so its clients
 * see no hole. When Redis restarts empty (or others took this process for dead), the process
 * notices at its next heartbeat (it is no longer registered), registers its own connections again
 * and pushes the seqs it knows; every publish also carries the publisher's highest known seq, so
 * seqs keep growing. Redis being down delays commands (ioredis queues them, in order) instead of
 * failing them: broadcasting resumes by itself.
 *
 * Keys are built inside scripts for presence cleanup, so this needs a single Redis (or Sentinel),
 * not Redis Cluster.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Envelope, ReplayResult } from '../../../src-shared/events';
import type { BackendItem, HubBackend, HubBackendSink } from '../../core/hub/backend';
import { newNodeId, type Cluster, type ClusterNotice, type ClusterSignal, type PresenceJoin } from './cluster';

export interface RedisClusterOptions {
  url: string;
  logger: Logger;
  appIds: string[];
  prefix?: string;
  /** How often this process says it is alive. */
  heartbeatMs?: number;
  /** Silence after which a process counts as dead and is cleaned up. */
  nodeTimeoutMs?: number;
  /** Envelopes kept per channel in the shared log. */
  logLength?: number;
  /** Seconds an idle channel's log is kept. */
  logTtlSeconds?: number;
  /** How long to wait for Redis at start. */
  connectTimeoutMs?: number;
}

const LUA_PUBLISH = `
local fanout = ARGV[1]
local maxlen = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local out = {}
for i = 1, #KEYS / 2 do
  local seqKey = KEYS[2 * i - 1]
  local logKey = KEYS[2 * i]
  local base = 3 + 3 * (i - 1)
  local floor = tonumber(ARGV[base + 1])
  local cur = tonumber(redis.call('GET', seqKey) or '0')
  if cur < floor then redis.call('SET', seqKey, floor) end
  local seq = redis.call('INCR', seqKey)
  local entry = ARGV[base + 2] .. '\\n' .. ARGV[base + 3] .. ',"seq":' .. seq .. '}'
  redis.call('RPUSH', logKey, entry)
  redis.call('LTRIM', logKey, -maxlen, -1)
  redis.call('EXPIRE', logKey, ttl)
  redis.call('PUBLISH', fanout, entry)
  out[i] = seq
end
return out
`;

const LUA_REPLAY = `
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local since = tonumber(ARGV[1])
if since >= last then
  -- A client saw seqs this Redis no longer knows (it lost its data): never hand them out again.
  if since > last and since < 1125899906842624 and redis.call('EXISTS', KEYS[1]) == 0 then
    redis.call('SET', KEYS[1], since)
  end
  return {last}
end
local n = last - since
if n > redis.call('LLEN', KEYS[2]) then return {last, 'R'} end
local items = redis.call('LRANGE', KEYS[2], -n, -1)
table.insert(items, 1, last)
return items
`;

const LUA_RAISE = `
for i = 1, #KEYS do
  local cur = tonumber(redis.call('GET', KEYS[i]) or '0')
  local floor = tonumber(ARGV[i])
  if cur < floor then redis.call('SET', KEYS[i], floor) end
end
return #KEYS
`;

const LUA_PRESENCE_JOIN = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return {0, redis.call('HGETALL', KEYS[3])}
end
if redis.call('HEXISTS', KEYS[3], ARGV[2]) == 0 and redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[4]) then
  return {-1}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local n = redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
redis.call('SADD', KEYS[4], ARGV[5] .. '\\n' .. ARGV[1])
local first = 0
if n == 1 then first = 1 end
return {first, redis.call('HGETALL', KEYS[3])}
`;

const LUA_PRESENCE_LEAVE = `
local user = redis.call('HGET', KEYS[1], ARGV[1])
if not user then return {} end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[2] .. '\\n' .. ARGV[1])
local n = redis.call('HINCRBY', KEYS[2], user, -1)
if n <= 0 then
  redis.call('HDEL', KEYS[2], user)
  redis.call('HDEL', KEYS[3], user)
  return {user, 1}
end
return {user, 0}
`;

const LUA_ADJUST = `
local g = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
local n = redis.call('HINCRBY', KEYS[2], ARGV[1], ARGV[2])
if n <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
if g <= 0 then
  redis.call('HDEL', KEYS[1], ARGV[1])
  g = 0
end
return g
`;

const LUA_ACQUIRE = `
local n = redis.call('INCR', KEYS[1])
local max = tonumber(ARGV[1])
if max > 0 and n > max then
  redis.call('DECR', KEYS[1])
  return 0
end
redis.call('INCR', KEYS[2])
return 1
`;

const LUA_RELEASE = `
local n = redis.call('DECR', KEYS[1])
if n < 0 then redis.call('SET', KEYS[1], 0) end
local m = redis.call('DECR', KEYS[2])
if m < 0 then redis.call('SET', KEYS[2], 0) end
return n
`;

const LUA_HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`;

/** Returns whether this process was still registered (not after Redis lost its data, nor after
 *  others declared it dead), and the processes that stopped answering. */
const LUA_HEARTBEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local was = redis.call('ZSCORE', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[1], now, ARGV[1])
local known = 0
if was then known = 1 end
return {known, redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))}
`;

/** Removes a (dead or leaving) process's presence members, channel counts and connection count of one app. */
const LUA_CLEANUP = `
local removed = {}
for _, e in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local nl = string.find(e, '\\n', 1, true)
  local channel = string.sub(e, 1, nl - 1)
  local socket = string.sub(e, nl + 1)
  local base = ARGV[1] .. 'presence:' .. channel
  local user = redis.call('HGET', base .. ':sockets', socket)
  if user then
    redis.call('HDEL', base .. ':sockets', socket)
    local n = redis.call('HINCRBY', base .. ':counts', user, -1)
    if n <= 0 then
      redis.call('HDEL', base .. ':counts', user)
      redis.call('HDEL', base .. ':members', user)
      table.insert(removed, channel)
      table.insert(removed, user)
    end
  end
end
redis.call('DEL', KEYS[1])
local vacated = {}
local chans = redis.call('HGETALL', KEYS[2])
for i = 1, #chans, 2 do
  local g = redis.call('HINCRBY', KEYS[3], chans[i], -tonumber(chans[i + 1]))
  if g <= 0 then
    redis.call('HDEL', KEYS[3], chans[i])
    table.insert(vacated, chans[i])
  end
end
redis.call('DEL', KEYS[2])
local c = tonumber(redis.call('GET', KEYS[5]) or '0')
if c > 0 then
  local g = redis.call('DECRBY', KEYS[4], c)
  if g < 0 then redis.call('SET', KEYS[4], 0) end
end
redis.call('DEL', KEYS[5])
return {removed, vacated}
`;

type ScriptFn = (...args: (string | number)[]) => Promise<unknown>;
const SCRIPTS = {
  inkPublish: LUA_PUBLISH,
  inkReplay: LUA_REPLAY,
  inkRaise: LUA_RAISE,
  inkPresenceJoin: LUA_PRESENCE_JOIN,
  inkPresenceLeave: LUA_PRESENCE_LEAVE,
  inkAdjust: LUA_ADJUST,
  inkAcquire: LUA_ACQUIRE,
  inkRelease: LUA_RELEASE,
  inkHit: LUA_HIT,
  inkHeartbeat: LUA_HEARTBEAT,
  inkCleanup: LUA_CLEANUP,
} as const;
type ScriptName = keyof typeof SCRIPTS;

/** A log entry and a fan-out message: `except\n{envelope}`. */
function parseEntry(raw: string): { env: Envelope; except: string | undefined } | null {
  const nl = raw.indexOf('\n');
  if (nl < 0) return null;
  try {
    const env = JSON.parse(raw.slice(nl + 1)) as Envelope;
    return { env, except: nl > 0 ? raw.slice(0, nl) : undefined };
  } catch {
    return null;
  }
}

function pairs(flat: unknown): Map<string, unknown> {
  const m = new Map<string, unknown>();
  const list = flat as string[];
  for (let i = 0; i + 1 < list.length; i += 2) {
    let info: unknown = null;
    try {
      info = JSON.parse(list[i + 1]);
    } catch {
      /* keep null */
    }
    m.set(list[i], info);
  }
  return m;
}

export class RedisCluster implements Cluster {
  readonly nodeId = newNodeId();
  readonly shared = true;
  private readonly cmd: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly heartbeatMs: number;
  private readonly nodeTimeoutMs: number;
  readonly logLength: number;
  readonly logTtlSeconds: number;
  private readonly signalHandlers: ((s: ClusterSignal) => void)[] = [];
  private readonly noticeHandlers: ((n: ClusterNotice) => void)[] = [];
  private readonly resyncHandlers: (() => Promise<void>)[] = [];
  private readonly fanoutHandlers = new Map<string, (raw: string) => void>();
  private readonly backends = new Map<string, RedisHubBackend>();
  private heartbeat: NodeJS.Timeout | null = null;
  private registered = false;
  private closed = false;
  private beating = false;

  private constructor(private readonly opts: RedisClusterOptions) {
    this.prefix = opts.prefix ?? 'inkproof:';
    this.heartbeatMs = opts.heartbeatMs ?? 2000;
    this.nodeTimeoutMs = opts.nodeTimeoutMs ?? Math.max(this.heartbeatMs * 4, 5000);
    this.logLength = opts.logLength ?? 500;
    this.logTtlSeconds = opts.logTtlSeconds ?? 24 * 3600;
    const common = {
      // Commands wait while Redis is away (queued, then sent in order) instead of failing.
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 5), 1000),
      lazyConnect: true,
      connectionName: `inkproof-${this.nodeId}`,
    };
    this.cmd = new Redis(opts.url, common);
    this.sub = new Redis(opts.url, { ...common, connectionName: `inkproof-sub-${this.nodeId}` });
    for (const [name, lua] of Object.entries(SCRIPTS)) this.cmd.defineCommand(name, { lua });
    for (const r of [this.cmd, this.sub]) {
      r.on('error', (err: Error) => opts.logger.debug({ err: err.message }, 'redis connection error'));
    }
    this.cmd.on('ready', () => {
      // Back after a lost connection: find out at once whether Redis still knows this process.
      if (this.registered) void this.beat();
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString();
      if (name === this.signalsKey) {
        let s: ClusterSignal;
        try {
          s = JSON.parse(message.toString()) as ClusterSignal;
        } catch {
          return;
        }
        for (const fn of this.signalHandlers) fn(s);
        return;
      }
      this.fanoutHandlers.get(name)?.(message.toString());
    });
    let subscribedOnce = false;
    this.sub.on('ready', () => {
      if (!subscribedOnce) {
        subscribedOnce = true;
        return;
      }
      // Back after a lost connection. Once Redis has confirmed the subscriptions (so nothing newer
      // can be missed), fetch what was published while this process was not listening.
      void this.sub
        .subscribe(this.signalsKey, ...[...this.backends.values()].map((b) => b.fanoutKey))
        .then(() => {
          for (const b of this.backends.values()) b.recover();
        })
        .catch((err: Error) => opts.logger.debug({ err: err.message }, 'resubscribing failed'));
    });
  }

  /** Connects both connections (waiting for Redis at most `connectTimeoutMs`) and starts the heartbeat. */
  static async connect(opts: RedisClusterOptions): Promise<RedisCluster> {
    const c = new RedisCluster(opts);
    const timeoutMs = opts.connectTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all([c.cmd.connect(), c.sub.connect()]),
        new Promise(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`Redis at ${opts.url} did not answer within ${timeoutMs / 1000} s.`)),
              timeoutMs,
            )),
        ),
      ]);
    } catch (err) {
      c.cmd.disconnect();
      c.sub.disconnect();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    await c.sub.subscribe(c.signalsKey);
    for (const appId of opts.appIds) {
      const b = new RedisHubBackend(c, c.appPrefix(appId));
      c.backends.set(appId, b);
      c.fanoutHandlers.set(b.fanoutKey, (raw) => b.onMessage(raw));
      await c.sub.subscribe(b.fanoutKey);
    }
    await c.beat();
    c.heartbeat = setInterval(() => void c.beat(), c.heartbeatMs);
    c.heartbeat.unref();
    return c;
  }

  get signalsKey(): string {
    return `${this.prefix}signals`;
  }
  private get nodesKey(): string {
    return `${this.prefix}nodes`;
  }
  appPrefix(appId: string): string {
    return `${this.prefix}app:${appId}:`;
  }
  private nodeKey(appId: string, node: string, what: string): string {
    return `${this.appPrefix(appId)}node:${node}:${what}`;
  }
  private presenceKeys(appId: string, channel: string): string[] {
    const base = `${this.appPrefix(appId)}presence:${channel}`;
    return [`${base}:sockets`, `${base}:counts`, `${base}:members`, this.nodeKey(appId, this.nodeId, 'presence')];
  }

  script(name: ScriptName): ScriptFn {
    const fn = (this.cmd as unknown as Record<string, ScriptFn>)[name];
    return fn.bind(this.cmd);
  }

  hubBackend(appId: string): HubBackend | null {
    return this.backends.get(appId) ?? null;
  }

  /** Called when Redis lost its data: the server registers its connections again. */
  onResync(fn: () => Promise<void>): void {
    this.resyncHandlers.push(fn);
  }

  onSignal(fn: (s: ClusterSignal) => void): void {
    this.signalHandlers.push(fn);
  }

  async signal(s: ClusterSignal): Promise<void> {
    await this.cmd.publish(this.signalsKey, JSON.stringify(s));
  }

  onNotice(fn: (n: ClusterNotice) => void): void {
    this.noticeHandlers.push(fn);
  }

  async adjustChannel(app: string, channel: string, delta: number): Promise<number> {
    return Number(
      await this.script('inkAdjust')(
        2,
        `${this.appPrefix(app)}channels`,
        this.nodeKey(app, this.nodeId, 'channels'),
        channel,
        delta,
      ),
    );
  }

  async channels(app: string): Promise<Map<string, number>> {
    const all = await this.cmd.hgetall(`${this.appPrefix(app)}channels`);
    const m = new Map<string, number>();
    for (const [k, v] of Object.entries(all)) if (Number(v) > 0) m.set(k, Number(v));
    return m;
  }

  async channelCount(app: string, channel: string): Promise<number> {
    return Math.max(0, Number((await this.cmd.hget(`${this.appPrefix(app)}channels`, channel)) ?? 0));
  }

  async presenceJoin(
    app: string,
    channel: string,
    socketId: string,
    userId: string,
    userInfo: unknown,
    maxMembers: number,
  ): Promise<PresenceJoin> {
    const r = (await this.script('inkPresenceJoin')(
      4,
      ...this.presenceKeys(app, channel),
      socketId,
      userId,
      JSON.stringify(userInfo ?? null),
      maxMembers,
      channel,
    )) as [number, string[]];
    if (Number(r[0]) === -1) return { refused: true };
    return { refused: false, first: Number(r[0]) === 1, members: pairs(r[1]) };
  }

  async presenceLeave(
    app: string,
    channel: string,
    socketId: string,
  ): Promise<{ user_id: string; last: boolean } | null> {
    const r = (await this.script('inkPresenceLeave')(4, ...this.presenceKeys(app, channel), socketId, channel)) as
      [string, number] | [];
    if (r.length === 0) return null;
    return { user_id: String(r[0]), last: Number(r[1]) === 1 };
  }

  async presenceMembers(app: string, channel: string): Promise<Map<string, unknown>> {
    const all = await this.cmd.hgetall(this.presenceKeys(app, channel)[2]);
    return pairs(Object.entries(all).flat());
  }

  async acquireConnection(app: string, max: number): Promise<boolean> {
    return (
      Number(
        await this.script('inkAcquire')(2, `${this.appPrefix(app)}conns`, this.nodeKey(app, this.nodeId, 'conns'), max),
      ) === 1
    );
  }

  async releaseConnection(app: string): Promise<void> {
    await this.script('inkRelease')(2, `${this.appPrefix(app)}conns`, this.nodeKey(app, this.nodeId, 'conns'));
  }

  async connectionCount(app: string): Promise<number> {
    return Math.max(0, Number((await this.cmd.get(`${this.appPrefix(app)}conns`)) ?? 0));
  }

  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    return Number(await this.script('inkHit')(1, `${this.prefix}rl:${key}`, windowMs)) <= limit;
  }

  status(): string {
    return this.cmd.status === 'ready' && this.sub.status === 'ready' ? 'ready' : `redis ${this.cmd.status}`;
  }

  /** Says this process is alive, notices dead ones and an emptied Redis. */
  private async beat(): Promise<void> {
    if (this.closed || this.beating) return;
    this.beating = true;
    try {
      const [known, dead] = (await this.script('inkHeartbeat')(1, this.nodesKey, this.nodeId, this.nodeTimeoutMs)) as [
        number,
        string[],
      ];
      if (!this.registered) this.registered = true;
      else if (Number(known) !== 1) await this.reregister();
      for (const node of dead) if (node !== this.nodeId) await this.cleanupNode(node);
    } catch (err) {
      this.opts.logger.debug({ err: (err as Error).message }, 'cluster heartbeat failed');
    } finally {
      this.beating = false;
    }
  }

  /**
   * Redis no longer knows this process (it lost its data, or others took this process for dead and
   * cleaned up after it): push the seqs it knows and register its connections again.
   */
  private async reregister(): Promise<void> {
    this.opts.logger.warn(
      { node: this.nodeId },
      'Redis no longer knew this server process (restarted without persistence?): registering it again',
    );
    for (const appId of this.opts.appIds) await this.cleanupApp(appId, this.nodeId, false);
    for (const b of this.backends.values()) await b.pushFloors();
    for (const fn of this.resyncHandlers) await fn();
  }

  /** Removes what a dead process left behind, once (the first process to claim it does it). */
  private async cleanupNode(node: string): Promise<void> {
    const claimed = await this.cmd.set(
      `${this.prefix}cleanup:${node}`,
      this.nodeId,
      'PX',
      this.nodeTimeoutMs * 2,
      'NX',
    );
    if (claimed !== 'OK') return;
    this.opts.logger.warn(
      { node },
      'a server process stopped answering: removing its connections from presence and channel counts',
    );
    for (const appId of this.opts.appIds) await this.cleanupApp(appId, node);
    await this.cmd.zrem(this.nodesKey, node);
  }

  private async cleanupApp(appId: string, node: string, announce = true): Promise<void> {
    const r = (await this.script('inkCleanup')(
      5,
      this.nodeKey(appId, node, 'presence'),
      this.nodeKey(appId, node, 'channels'),
      `${this.appPrefix(appId)}channels`,
      `${this.appPrefix(appId)}conns`,
      this.nodeKey(appId, node, 'conns'),
      this.appPrefix(appId),
    )) as [string[], string[]];
    const [removed, vacated] = r;
    if (!announce) return;
    for (let i = 0; i + 1 < removed.length; i += 2) {
      const n: ClusterNotice = { type: 'member_removed', app: appId, channel: removed[i], user_id: removed[i + 1] };
      await this.signal({ type: 'member_removed', app: appId, channel: removed[i], user_id: removed[i + 1] });
      for (const fn of this.noticeHandlers) fn(n);
    }
    for (const channel of vacated)
      for (const fn of this.noticeHandlers) fn({ type: 'channel_vacated', app: appId, channel });
  }

  get commands(): Redis {
    return this.cmd;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    const tidy = async () => {
      if (this.cmd.status === 'ready') {
        // Whatever is left of this process's state goes now rather than after the node timeout.
        for (const appId of this.opts.appIds) await this.cleanupApp(appId, this.nodeId);
        await this.cmd.zrem(this.nodesKey, this.nodeId);
      }
      await Promise.allSettled([this.cmd.quit(), this.sub.quit()]);
    };
    let timer: NodeJS.Timeout | undefined;
    // Redis may be away: do not wait for it forever.
    await Promise.race([
      tidy().catch((err) => this.opts.logger.debug({ err: (err as Error).message }, 'cluster cleanup at close failed')),
      new Promise((r) => (timer = setTimeout(r, 2000))),
    ]);
    clearTimeout(timer);
    for (const b of this.backends.values()) void b.close();
    this.cmd.disconnect();
    this.sub.disconnect();
  }
}

interface ChannelState {
  last: number;
  filling: boolean;
  queue: { env: Envelope; except: string | undefined }[];
}

/** The hub's shared backend for one app: seqs, log and fan-out in Redis. */
export class RedisHubBackend implements HubBackend {
  private sink: HubBackendSink | null = null;
  private readonly state = new Map<string, ChannelState>();
  private stopped = false;
  readonly fanoutKey: string;

  constructor(
    private readonly cluster: RedisCluster,
    private readonly prefix: string,
  ) {
    this.fanoutKey = `${prefix}fanout`;
  }

  start(sink: HubBackendSink): void {
    this.sink = sink;
  }

  async close(): Promise<void> {
    this.stopped = true;
  }

  private seqKey(channel: string): string {
    return `${this.prefix}seq:${channel}`;
  }
  private logKey(channel: string): string {
    return `${this.prefix}log:${channel}`;
  }

  async publish(items: BackendItem[]): Promise<void> {
    for (let i = 0; i < items.length; i += 256) {
      const chunk = items.slice(i, i + 256);
      const keys: string[] = [];
      const args: (string | number)[] = [this.fanoutKey, this.cluster.logLength, this.cluster.logTtlSeconds];
      for (const it of chunk) {
        keys.push(this.seqKey(it.env.channel), this.logKey(it.env.channel));
        const body: Record<string, unknown> = {
          channel: it.env.channel,
          event: it.env.event,
          data: it.env.data,
          ts: it.env.ts,
        };
        if (it.env.user_id !== undefined) body.user_id = it.env.user_id;
        args.push(it.floor, it.except ?? '', JSON.stringify(body).slice(0, -1));
      }
      const seqs = (await this.cluster.script('inkPublish')(keys.length, ...keys, ...args)) as number[];
      chunk.forEach((it, j) => (it.env.seq = Number(seqs[j])));
    }
  }

  async replay(channel: string, since: number): Promise<ReplayResult> {
    const r = (await this.cluster.script('inkReplay')(2, this.seqKey(channel), this.logKey(channel), since)) as [
      number,
      ...string[],
    ];
    const last = Number(r[0]);
    if (r[1] === 'R') return { resync: true, last_seq: last };
    const events: Envelope[] = [];
    for (const raw of r.slice(1) as string[]) {
      const e = parseEntry(raw);
      if (e) events.push(e.env);
    }
    return { events };
  }

  async last(channel: string): Promise<Envelope | null> {
    const raw = await this.cmdIndex(channel);
    return raw ? (parseEntry(raw)?.env ?? null) : null;
  }

  private cmdIndex(channel: string): Promise<string | null> {
    return this.cluster.commands.lindex(this.logKey(channel), -1);
  }

  async lastSeq(channel: string): Promise<number> {
    return Number((await this.cluster.commands.get(this.seqKey(channel))) ?? 0);
  }

  /** Drops the channels' logs; their seq counters stay, so a replay of them answers resync. */
  async forget(channels: readonly string[]): Promise<void> {
    if (channels.length > 0) await this.cluster.commands.del(...channels.map((c) => this.logKey(c)));
  }

  /** A fan-out message: delivered in seq order; a hole (missed messages) is filled from the log first. */
  onMessage(raw: string): void {
    if (this.stopped || !this.sink) return;
    const e = parseEntry(raw);
    if (!e) return;
    this.receive(e.env, e.except);
  }

  private channelState(channel: string): ChannelState {
    let s = this.state.get(channel);
    if (!s) this.state.set(channel, (s = { last: 0, filling: false, queue: [] }));
    return s;
  }

  private receive(env: Envelope, except: string | undefined): void {
    const s = this.channelState(env.channel);
    if (s.filling) {
      s.queue.push({ env, except });
      return;
    }
    if (s.last > 0 && env.seq > s.last + 1) {
      s.queue.push({ env, except });
      void this.fill(env.channel, s);
      return;
    }
    this.emit(env, except, s);
  }

  private emit(env: Envelope, except: string | undefined, s: ChannelState): void {
    if (env.seq <= s.last) return;
    s.last = env.seq;
    this.sink!.deliver(env, except);
  }

  /** Fetches what this process missed of a channel, then goes on with what arrived meanwhile. */
  private async fill(channel: string, s: ChannelState): Promise<void> {
    if (s.filling) return;
    s.filling = true;
    try {
      const since = s.last;
      const raws = (await this.cluster.script('inkReplay')(2, this.seqKey(channel), this.logKey(channel), since)) as [
        number,
        ...string[],
      ];
      if (raws[1] !== 'R') {
        for (const raw of raws.slice(1) as string[]) {
          const e = parseEntry(raw);
          if (e) this.emit(e.env, e.except, s);
        }
      }
      // On 'R' the log no longer has the hole: subscribers see a gap in seq and can resync.
    } catch {
      /* Redis away: what is queued is delivered below, the next message or reconnect retries */
    } finally {
      s.filling = false;
      const queued = s.queue;
      s.queue = [];
      for (const q of queued) this.emit(q.env, q.except, s);
    }
  }

  /** After the subscriber connection came back: check every channel with local subscribers. */
  recover(): void {
    if (this.stopped || !this.sink) return;
    for (const channel of this.sink.channels()) {
      const s = this.state.get(channel);
      if (s && s.last > 0) void this.fill(channel, s);
    }
  }

  /** Redis lost its data: make sure its seq counters do not go below what this process has seen. */
  async pushFloors(): Promise<void> {
    if (!this.sink) return;
    const keys: string[] = [];
    const floors: number[] = [];
    for (const [channel, s] of this.state) {
      const floor = Math.max(s.last, this.sink.lastSeq(channel));
      if (floor > 0) {
        keys.push(this.seqKey(channel));
        floors.push(floor);
      }
    }
    for (let i = 0; i < keys.length; i += 500) {
      await this.cluster.script('inkRaise')(
        keys.slice(i, i + 500).length,
        ...keys.slice(i, i + 500),
        ...floors.slice(i, i + 500),
      );
    }
  }
}
