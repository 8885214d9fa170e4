/**
 * The sync engine of a device (docs/sync.md): plain Node, the same in the desktop app, in
 * `inkproof serve --sync` and in the tests.
 *
 *   outbox ──push (in order, one batch in flight)──▶ server ──receipts──▶ ack (one transaction)
 *   server ──"sync.changes" on the library channel──▶ pull since cursor (paged) ──▶ apply (one transaction a page)
 *
 * It listens on the library's private channel over the Pusher protocol (the shared ChannelSocket,
 * over `ws`), and after every (re)connection pulls what it missed since its cursor; a `resync`
 * answer also just means "pull since the cursor". Nothing waits on a timer to find work: a local
 * change wakes the pusher, a notification wakes the puller; timers only pace retries (exponential
 * backoff with jitter). A refused token stops everything, with the local data untouched.
 */
import os from 'node:os';
import WebSocket from 'ws';
import type { Logger } from 'pino';
import { ChannelRefused, ChannelSocket, type SocketLike } from '../../../src-shared/channel-socket';
import { syncChannel, syncLibraryChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import type { CommandArgs } from '../../../src-shared/commands';
import type { DocumentSyncState, SyncChange, SyncState, SyncStatus } from '../../../src-shared/sync';
import { iso, isoNow } from '../clock';
import type { Services } from '../services';
import { RemoteApplier, type ApplyResult } from './apply';
import { DeviceStore, type DeviceRow } from './device';
import { SyncOutbox } from './outbox';
import type { SecretStore } from './secrets';
import { SerialRunner } from './runner';
import { SyncFailure, SyncTransport } from './transport';
import { VersionGraph } from './versions';

export interface SyncEngineOptions {
  fetch?: typeof fetch;
  /** Opens the live socket; default: `ws`. */
  openSocket?: (url: string) => SocketLike;
  /** Per HTTP request. */
  timeoutMs?: number;
  backoff?: { baseMs?: number; maxMs?: number };
  random?: () => number;
  /** Most changes and bytes in one push. */
  batch?: { changes?: number; bytes?: number };
  /** Records per page of a pull. */
  pageSize?: number;
}

interface Failure {
  /** `storage`: this device's own data folder cannot be written (a full or failing disk). */
  kind: SyncFailure['kind'] | 'storage' | 'internal';
  message: string;
}

const CLIENT_VERSION = '0.1.0';

export class SyncEngine {
  readonly device: DeviceStore;
  readonly outbox: SyncOutbox;
  readonly graph: VersionGraph;
  private readonly applier: RemoteApplier;
  private readonly log: Logger;
  private transport: SyncTransport | null = null;
  private socket: ChannelSocket | null = null;
  private running = false;
  private readonly pusher: SerialRunner;
  private readonly puller: SerialRunner;
  private failure: Failure | null = null;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAt: number | null = null;
  private statusScheduled = false;
  private lastBroadcast = '';
  private readonly touched = new Set<number>();
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly s: Services,
    /** The account whose library this device syncs: the data folder's owner (the local account). */
    readonly userId: number,
    private readonly secrets: SecretStore,
    private readonly opts: SyncEngineOptions = {},
  ) {
    this.log = s.logger.child({ part: 'sync' });
    this.device = new DeviceStore(s.db);
    this.device.claim(`${os.hostname()}\n${s.db.name}`);
    this.outbox = new SyncOutbox(s.db, this.device);
    this.graph = new VersionGraph(s.db);
    this.applier = new RemoteApplier(s, this.outbox, this.graph, this.device, userId);
    // While a retry is scheduled, kicks wait for it rather than hammering a failing server.
    const noRetryPending = () => this.retryTimer === null;
    this.pusher = new SerialRunner(
      () => this.push(),
      noRetryPending,
      () => this.settle(),
    );
    this.puller = new SerialRunner(
      () => this.pull(),
      noRetryPending,
      () => this.settle(),
    );
    this.outbox.onRecorded(() => {
      this.kickPush();
      this.statusChanged();
    });
  }

  /** Starts syncing if this device is signed in and has its token. */
  start(): void {
    if (this.running || !this.device.signedIn() || !this.secrets.get()) return;
    const row = this.device.row();
    this.running = true;
    this.transport = new SyncTransport({
      serverUrl: row.server_url!,
      token: () => this.secrets.get(),
      fetch: this.opts.fetch,
      timeoutMs: this.opts.timeoutMs,
      socketId: () => this.socket?.socketId ?? null,
    });
    this.openSocket(row);
    this.kickPush();
    this.kickPull();
    this.statusChanged();
  }

  /** Stops syncing (shutdown, sign out); what is waiting stays in the outbox. */
  async stop(): Promise<void> {
    this.running = false;
    this.socket?.close();
    this.socket = null;
    this.clearRetry();
    // A request in flight gets a moment to finish: aborted mid-way it can leave the server holding a
    // half-open connection. One that hangs is aborted.
    const transport = this.transport;
    const abort = setTimeout(() => transport?.abort(), 2000);
    await this.whenIdle();
    clearTimeout(abort);
    this.transport = null;
  }

  // ---- commands ---------------------------------------------------------------------------------

  status(): SyncStatus {
    const row = this.device.row();
    const state = this.state(row);
    return {
      state,
      pending: this.outbox.count(),
      message: this.message(state, row),
      server_url: row.server_url,
      account: row.account_name,
      library: row.library_id,
      device_id: row.device_id,
      device_name: this.device.deviceName(),
      last_synced_at: row.last_synced_at,
      retry_at: this.retryAt && (state === 'offline' || state === 'error') ? iso(this.retryAt) : null,
      conflicts: this.graph.conflicted(this.userId).length,
      token_kept: this.secrets.where,
    };
  }

  /**
   * Signs this device in to a server: with a password (the server issues a token named after the
   * device) or with a token the user gives (exchanged for one of the device's own). Another
   * library than before starts over: the whole local library is journalled for it.
   */
  async connect(args: CommandArgs<'connectSync'>, opts: { exchangeToken?: boolean } = {}): Promise<SyncStatus> {
    const serverUrl = normalizeServerUrl(args.server_url);
    const deviceName = args.device_name?.trim() || this.device.deviceName();
    const t = new SyncTransport({
      serverUrl,
      token: () => null,
      fetch: this.opts.fetch,
      timeoutMs: this.opts.timeoutMs,
    });
    const token = await asCommandError(async () => {
      if ('password' in args.credentials) {
        return (await t.login(args.credentials.name, args.credentials.password, deviceName)).token;
      }
      if (opts.exchangeToken === false) return args.credentials.token;
      return (await t.deviceToken(args.credentials.token, deviceName)).token;
    }, 'Wrong user name or password, or the token is not valid on that server.');
    const hello = await asCommandError(() => t.hello(token), 'The server does not accept this token.');
    const libraryId = args.library ?? hello.account.id;
    if (!hello.libraries.some((l) => l.id === libraryId))
      throw new InkproofError('forbidden', 'That library is not yours and was not shared with your account.');
    await this.stop();
    this.s.hub.atomically(this.s.db, () => {
      const { fresh } = this.device.connect({
        serverUrl,
        accountId: hello.account.id,
        accountName: hello.account.name,
        libraryId,
        libraries: hello.libraries,
        deviceName,
        appKey: hello.app_key,
        socketToken: hello.socket_token,
      });
      this.outbox.invalidate();
      if (fresh) {
        this.outbox.clear();
        this.s.db.prepare('DELETE FROM sync_tombstones').run();
        const n = this.outbox.enrollAll(this.userId, this.s.settings.forUser(this.userId).frozen_terms);
        this.log.info({ server: serverUrl, library: libraryId, changes: n }, 'attached to a new library');
      }
    });
    this.secrets.set(token);
    this.failure = null;
    this.attempt = 0;
    this.start();
    return this.status();
  }

  /**
   * The headless device's start (`inkproof serve --sync URL --sync-token T`): the token as given;
   * while the server cannot be reached the device keeps working and tries again with backoff.
   */
  async connectInBackground(serverUrl: string, token: string, deviceName?: string): Promise<void> {
    const url = normalizeServerUrl(serverUrl);
    this.secrets.set(token);
    const row = this.device.row();
    if (row.server_url === url && row.library_id !== null && row.sign_out_reason !== 'server') {
      // Attached to it before: sync at once; the server checks the token on the first request.
      this.s.db.prepare('UPDATE sync_device SET signed_out_at = NULL, sign_out_reason = NULL WHERE id = 1').run();
      this.outbox.invalidate();
      this.start();
      return;
    }
    try {
      await this.connect(
        { server_url: url, credentials: { token }, device_name: deviceName, library: undefined },
        { exchangeToken: false },
      );
    } catch (err) {
      if (InkproofError.is(err) && err.code === 'sync_unavailable') {
        this.failure = { kind: 'network', message: err.message };
        this.scheduleRetry(() => void this.connectInBackground(url, token, deviceName));
        this.statusChanged();
        return;
      }
      this.log.error({ err }, 'could not sign in to the sync server');
      this.failure = { kind: 'unauthorized', message: InkproofError.is(err) ? err.message : String(err) };
      this.statusChanged();
    }
  }

  /** Signs out: the server revokes this device's token; local documents and waiting changes stay. */
  async disconnect(): Promise<SyncStatus> {
    await this.stop();
    const row = this.device.row();
    const token = this.secrets.get();
    if (row.server_url && token) {
      const t = new SyncTransport({
        serverUrl: row.server_url,
        token: () => token,
        fetch: this.opts.fetch,
        timeoutMs: Math.min(this.opts.timeoutMs ?? 5000, 5000),
      });
      try {
        await t.logout();
      } catch (err) {
        this.log.warn({ err }, 'could not revoke the token on the server');
      }
    }
    this.secrets.clear();
    this.device.signOut('user', isoNow());
    this.failure = null;
    this.statusChanged();
    return this.status();
  }

  /** Tries again now (the status bar's Retry). */
  retry(): SyncStatus {
    this.clearRetry();
    this.attempt = 0;
    if (!this.running) this.start();
    this.socket?.reconnectNow();
    this.kickPush();
    this.kickPull();
    return this.status();
  }

  badges(): Record<string, DocumentSyncState> {
    const attached = this.device.attached();
    const rows = this.s.db
      .prepare(
        `SELECT d.id, d.gid, (SELECT count(*) FROM document_versions v WHERE v.document_id = d.id AND v.server_seq IS NULL) AS unsynced
           FROM documents d WHERE d.user_id = ?`,
      )
      .all(this.userId) as { id: number; gid: string; unsynced: number }[];
    const pending = this.outbox.pendingDocuments();
    const conflicted = new Set(this.graph.conflicted(this.userId));
    const out: Record<string, DocumentSyncState> = {};
    for (const r of rows) {
      out[r.id] = !attached
        ? 'local'
        : conflicted.has(r.id)
          ? 'conflict'
          : pending.has(r.gid) || r.unsynced > 0
            ? 'pending'
            : 'synced';
    }
    return out;
  }

  /** Resolves when neither a push nor a pull is running (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (!this.pusher.running && !this.puller.running) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  // ---- the live channel -------------------------------------------------------------------------

  private openSocket(row: DeviceRow): void {
    const channel = syncLibraryChannel(row.library_id!);
    const socket = new ChannelSocket({
      url: () => this.socketUrl(row),
      open: this.opts.openSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike),
      authorize: async (socketId, ch) => {
        try {
          return await this.transport!.authorizeChannel(socketId, ch);
        } catch (err) {
          if (err instanceof SyncFailure && (err.kind === 'unauthorized' || err.kind === 'refused'))
            throw new ChannelRefused(ch, err.status ?? 0);
          throw err;
        }
      },
      backoff: { baseMs: this.opts.backoff?.baseMs ?? 250, maxMs: this.opts.backoff?.maxMs ?? 5000 },
      random: this.opts.random,
      // A refused channel usually means a refused token: the next request says for sure.
      onRefused: () => this.kickPull(),
      // So does a connection the server closed as unauthorized (it closes a revoked token's sockets).
      onServerRefused: () => this.kickPull(),
    });
    socket.onConnection((state) => {
      if (state === 'live') {
        // Whatever happened while away: catch up from the cursor, and send what waits.
        this.kickPull();
        this.kickPush();
      }
      this.statusChanged();
    });
    socket.subscribe(channel, row.channel_seq, (m) => {
      if (m.type === 'resync') {
        this.kickPull();
        return;
      }
      this.device.setChannelSeq(m.envelope.seq);
      const head = (m.envelope.data as { head?: unknown })?.head;
      if (typeof head !== 'number' || head > this.device.row().cursor) this.kickPull();
    });
    this.socket = socket;
    socket.start();
  }

  private socketUrl(row: DeviceRow): string {
    const u = new URL(`${row.server_url}/app/${encodeURIComponent(row.app_key)}`);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.searchParams.set('protocol', '7');
    u.searchParams.set('client', 'inkproof-sync');
    u.searchParams.set('version', CLIENT_VERSION);
    u.searchParams.set('flash', 'false');
    const token = this.secrets.get();
    if (row.socket_token && token) u.searchParams.set('token', token);
    return u.toString();
  }

  // ---- pushing ----------------------------------------------------------------------------------

  private kickPush(): void {
    if (this.running) this.pusher.kick();
  }

  private async push(): Promise<void> {
    try {
      while (this.running) {
        const changes = this.nextBatch();
        if (changes === null) break;
        if (changes.length === 0) continue;
        const row = this.device.row();
        const res = await this.transport!.push({
          library: row.library_id!,
          device: { id: row.device_id, name: this.device.deviceName() },
          changes,
        });
        this.acknowledge(changes, res.receipts);
        this.succeeded();
      }
    } catch (err) {
      this.failed(err);
    }
  }

  /** The next changes to send, oldest first; [] after dropping entries with nothing left to send; null when none wait. */
  private nextBatch(): SyncChange[] | null {
    const maxChanges = this.opts.batch?.changes ?? 500;
    const maxBytes = this.opts.batch?.bytes ?? 4 * 1024 * 1024;
    const entries = this.outbox.head(maxChanges);
    if (entries.length === 0) return null;
    const changes: SyncChange[] = [];
    const gone: string[] = [];
    let bytes = 0;
    for (const e of entries) {
      const change = this.outbox.materialize(e);
      if (change === null) {
        gone.push(e.key);
        continue;
      }
      const size = change.kind === 'version' ? change.text.length * 2 + 512 : 1024;
      if (changes.length > 0 && bytes + size > maxBytes) break;
      bytes += size;
      changes.push(change);
    }
    if (gone.length > 0) this.s.db.transaction(() => this.outbox.remove(gone))();
    return changes;
  }

  private acknowledge(
    changes: SyncChange[],
    receipts: { key: string; status: string; seq: number | null; reason: string | null }[],
  ): void {
    const byKey = new Map(changes.map((c) => [c.key, c]));
    const touched = new Set<string>();
    const restore = this.s.db.prepare('UPDATE sync_tombstones SET restore = 1 WHERE doc = ?');
    const onServer = this.s.db.prepare('UPDATE document_versions SET server_seq = ? WHERE vid = ?');
    this.s.db.transaction(() => {
      const done: string[] = [];
      for (const r of receipts) {
        const change = byKey.get(r.key);
        if (!change) continue;
        done.push(r.key);
        if ('doc' in change) touched.add(change.doc);
        if (r.status === 'refused') {
          this.log.info({ kind: change.kind, reason: r.reason }, 'the server refused a change');
          if (change.kind === 'delete' && r.reason === 'unseen_versions') restore.run(change.doc);
          continue;
        }
        if (change.kind === 'version' && r.seq !== null) onServer.run(r.seq, change.vid);
      }
      this.outbox.remove(done);
      this.device.setSynced(isoNow());
      // This push's records got consecutive seqs (the server stores a push in one transaction): if
      // they follow the cursor, nothing of another device lies between, and the cursor moves past.
      const seqs = receipts.filter((r) => r.status === 'applied' && r.seq !== null).map((r) => r.seq!);
      const cursor = this.device.row().cursor;
      if (seqs.length > 0 && Math.min(...seqs) === cursor + 1 && Math.max(...seqs) === cursor + seqs.length)
        this.device.setCursor(cursor + seqs.length, isoNow());
    })();
    for (const gid of touched) this.touchGid(gid);
    if (receipts.some((r) => r.status === 'refused')) this.kickPull();
  }

  // ---- pulling ----------------------------------------------------------------------------------

  private kickPull(): void {
    if (this.running) this.puller.kick();
  }

  private async pull(): Promise<void> {
    this.statusChanged();
    try {
      const pageSize = this.opts.pageSize ?? 500;
      for (;;) {
        if (!this.running) return;
        const row = this.device.row();
        const page = await this.transport!.changes(row.library_id!, row.cursor, pageSize, row.device_id);
        this.afterApply(this.applier.applyPage(page.records, page.next));
        if (!page.more) break;
      }
      await this.restorePending();
      this.succeeded();
    } catch (err) {
      this.failed(err);
    }
  }

  /** Documents the server still has that this device deleted: fetch and apply them again. */
  private async restorePending(): Promise<void> {
    const docs = this.s.db.prepare('SELECT doc FROM sync_tombstones WHERE restore = 1').all() as { doc: string }[];
    for (const { doc } of docs) {
      if (!this.running) return;
      const { records, deleted } = await this.transport!.document(this.device.row().library_id!, doc);
      if (deleted) {
        this.s.db.prepare('UPDATE sync_tombstones SET restore = 0 WHERE doc = ?').run(doc);
        continue;
      }
      this.afterApply(this.applier.restore(doc, records));
    }
  }

  private afterApply(result: ApplyResult): void {
    for (const id of result.touched) this.touched.add(id);
    for (const job of result.orphanJobs)
      for (const j of this.s.jobs.active(job.type, job.subject))
        void this.s.scheduler.cancel(j.id).catch((err) => this.log.warn({ err }, 'could not cancel a job'));
    this.statusChanged();
  }

  // ---- failures, retries, status ----------------------------------------------------------------

  /** A push or a pull went through, its answer written (so the data folder can be written again). */
  private succeeded(): void {
    this.s.storage.succeeded();
    if (this.failure || this.attempt > 0) {
      this.failure = null;
      this.attempt = 0;
      this.statusChanged();
    }
  }

  private failed(err: unknown): void {
    // Stopped meanwhile (shutdown, sign out): what failed is simply left for next time.
    if (!this.running) return;
    if (err instanceof SyncFailure && err.kind === 'unauthorized') {
      this.log.warn('the sync server refused this device token: syncing stops');
      this.failure = { kind: 'unauthorized', message: err.message };
      this.device.signOut('server', isoNow());
      this.secrets.clear();
      this.running = false;
      this.socket?.close();
      this.socket = null;
      this.clearRetry();
      this.statusChanged();
      return;
    }
    // This device's disk is full or failing: a page or an acknowledgement could not be written (and
    // nothing of it was). The user is told like for any other write (storage.failed), and here; the
    // retry applies it once there is room.
    const storage = this.s.storage.failed(err);
    if (storage) this.failure = { kind: 'storage', message: storage.message };
    else if (err instanceof SyncFailure) this.failure = { kind: err.kind, message: err.message };
    else {
      this.log.error({ err }, 'sync failed');
      this.failure = { kind: 'internal', message: 'Something went wrong while syncing; the details are in the log.' };
    }
    this.scheduleRetry(() => {
      this.kickPush();
      this.kickPull();
    });
    this.statusChanged();
  }

  private scheduleRetry(run: () => void): void {
    if (this.retryTimer) return;
    this.attempt++;
    const base = this.opts.backoff?.baseMs ?? 500;
    const max = this.opts.backoff?.maxMs ?? 30_000;
    const exp = Math.min(max, base * 2 ** (this.attempt - 1));
    const delay = Math.round(exp * (0.5 + (this.opts.random ?? Math.random)() * 0.5));
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryAt = null;
      run();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
  }

  private settle(): void {
    this.statusChanged();
    if (this.pusher.running || this.puller.running) return;
    for (const resolve of [...this.idle]) resolve();
    this.idle.clear();
  }

  private touchGid(gid: string): void {
    const row = this.s.db.prepare('SELECT id FROM documents WHERE gid = ?').get(gid) as { id: number } | undefined;
    if (row) this.touched.add(row.id);
    this.statusChanged();
  }

  private state(row: DeviceRow): SyncState {
    if (row.server_url === null || row.library_id === null) return 'off';
    if (row.signed_out_at !== null) return row.sign_out_reason === 'server' ? 'signed_out' : 'off';
    if (this.failure?.kind === 'unauthorized') return 'signed_out';
    if (this.failure?.kind === 'network') return 'offline';
    if (this.failure) return 'error';
    if (this.socket?.connectionState === 'offline') return 'offline';
    if (!this.running) return this.secrets.get() ? 'syncing' : 'signed_out';
    if (this.pusher.running || this.puller.running || this.outbox.count() > 0) return 'syncing';
    return 'synced';
  }

  private message(state: SyncState, row: DeviceRow): string | null {
    switch (state) {
      case 'off':
        return row.server_url ? `Signed out of ${row.server_url}.` : null;
      case 'signed_out':
        return `The sync server no longer accepts this device (its token was revoked or has expired). Your documents stay on this device; sign in again to sync.`;
      case 'offline':
        return `${row.server_url ?? 'The sync server'} cannot be reached. Changes are kept on this device and sent when it is back.`;
      case 'error':
        return this.failure?.message ?? null;
      default:
        return null;
    }
  }

  /** Tells the interface, at most once per turn of the event loop, when something it shows changed. */
  private statusChanged(): void {
    if (this.statusScheduled) return;
    this.statusScheduled = true;
    setImmediate(() => {
      this.statusScheduled = false;
      if (!this.s.db.open) return;
      const st = this.status();
      const documents = [...this.touched];
      this.touched.clear();
      const summary = JSON.stringify([st.state, st.pending, st.message, st.conflicts]);
      if (summary === this.lastBroadcast && documents.length === 0) return;
      this.lastBroadcast = summary;
      try {
        this.s.hub.broadcast({
          channel: syncChannel(this.userId),
          event: 'sync.status',
          data: { state: st.state, pending: st.pending, message: st.message, conflicts: st.conflicts, documents },
        });
      } catch {
        /* the hub is shut down: nobody is listening */
      }
    });
  }
}

/** The server's base address: its origin and path, without a query (a pasted browser address keeps working). */
export function normalizeServerUrl(raw: string): string {
  const u = new URL(raw.trim());
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/** Runs a sign-in step, turning a transport failure into a typed error for the user. */
async function asCommandError<T>(fn: () => Promise<T>, unauthorized: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof SyncFailure)) throw err;
    switch (err.kind) {
      case 'network':
        throw new InkproofError(
          'sync_unavailable',
          `${err.message} Check the address, and that the server is running.`,
        );
      case 'unauthorized':
        throw new InkproofError('unauthorized', unauthorized);
      case 'refused':
        throw new InkproofError('invalid_input', err.message);
      default:
        throw new InkproofError('sync_unavailable', err.message);
    }
  }
}
