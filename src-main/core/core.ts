/**
 * Assembles a running core: store, hub, worker pool, durable queue and commands. Runs under plain
 * Node (CLI, server, tests) and inside Electron's main process alike.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { CHANNEL_PATTERNS, idParam } from '../../src-shared/channels';
import type { TaskName } from '../../src-shared/tasks';
import { LOCAL_USER_ID } from './accounts/accounts';
import { createCommands, type CoreApi } from './commands';
import { ChannelAuthorizer, type HubUser } from './hub/authorizer';
import type { HubBackend } from './hub/backend';
import { ChannelHistory, DurableEventLog } from './hub/history';
import { BroadcastHub } from './hub/hub';
import { HubOutbox } from './hub/outbox';
import { analyzeHandler } from './jobs/analyze';
import { rewriteHandler } from './jobs/rewrite';
import { RewritePartials } from './jobs/rewrite-partials';
import { validateHandler } from './jobs/validate';
import { createLogger } from './logger';
import { WorkerPool } from './pool';
import { JobScheduler } from './queue/scheduler';
import type { Services } from './services';
import { openDatabase } from './store/db';
import { DocumentStore } from './store/documents';
import { JobStore } from './store/jobs';
import { RewriteStore } from './store/rewrites';
import { SampleStore } from './store/samples';
import { SettingsStore } from './store/settings';
import { SourceStore } from './store/sources';
import { SyncEngine, type SyncEngineOptions } from './sync/engine';
import { FileSecretStore, MemorySecretStore, SYNC_TOKEN_FILE, type SecretStore } from './sync/secrets';
import { StorageHealth } from './storage';

export interface CoreOptions {
  /** Data folder, or ':memory:'. */
  dataDir: string;
  logger?: Logger;
  threads?: number;
  resolveTask?: (name: TaskName) => string;
  nativeBinding?: string;
  progressIntervalMs?: number;
  backoffBaseMs?: number;
  /** Start taking jobs at once (default true). */
  start?: boolean;
  /** First pause before the queue tries a failing disk again (doubles up to 30 s). */
  storageRetryMs?: number;
  /** A shared hub backend (e.g. Redis, for several server processes); absent: the in-process hub. */
  hubBackend?: HubBackend | null;
  /** Sync with a remote server: where the token is kept (default: a file in the data folder), and tuning. */
  sync?: SyncEngineOptions & { secrets?: SecretStore };
}

export interface Core extends Services {
  api: CoreApi;
  /** The desktop app's own account. */
  localUser: HubUser;
  close(opts?: { drainMs?: number }): Promise<void>;
}

/** App channels keep their history in SQLite; anything else (e.g. sync-server channels) in memory. */
const DURABLE_PREFIXES = [
  'private-documents.',
  'private-rewrites.',
  'private-library.',
  'private-queue.',
  // A sync server's library channels: their seqs must outlive a restart, or devices would take new
  // notifications for ones they have already seen.
  'private-sync-library.',
];
export const isAppChannel = (channel: string): boolean => DURABLE_PREFIXES.some((p) => channel.startsWith(p));

export function registerChannelAuthorization(
  authorizer: ChannelAuthorizer,
  s: Pick<Services, 'documents' | 'rewrites'>,
): void {
  // Mirrors the seed's routes/channels.php.
  authorizer.channel(CHANNEL_PATTERNS.document, (user, { documentId }) => {
    const id = idParam(documentId);
    return id !== null && s.documents.ownerOf(id) === user.id;
  });
  authorizer.channel(CHANNEL_PATTERNS.rewrite, (user, { rewriteId }) => {
    const id = idParam(rewriteId);
    return id !== null && s.rewrites.ownerOf(id) === user.id;
  });
  authorizer.channel(CHANNEL_PATTERNS.library, (user, { userId }) => idParam(userId) === user.id);
  authorizer.channel(CHANNEL_PATTERNS.queue, (user, { userId }) => idParam(userId) === user.id);
  authorizer.channel(CHANNEL_PATTERNS.sync, (user, { userId }) => idParam(userId) === user.id);
}

export function createCore(opts: CoreOptions): Core {
  const logger = opts.logger ?? createLogger();
  const db = openDatabase({ dataDir: opts.dataDir, nativeBinding: opts.nativeBinding });
  const history = new ChannelHistory();
  const durable = new DurableEventLog(db);
  const loaded = durable.load(history);
  const storage = new StorageHealth(
    () => db.prepare('SELECT id FROM users ORDER BY id LIMIT 1000').pluck().all() as number[],
    logger,
  );
  const hub = new BroadcastHub({
    onLogFailure: (err) => storage.failed(err),
    onLogWritten: () => storage.succeeded(),
    history,
    durable,
    isDurable: isAppChannel,
    authorizer: new ChannelAuthorizer(),
    logger,
    backend: opts.hubBackend ?? null,
    outbox: opts.hubBackend ? new HubOutbox(db) : null,
  });
  storage.attach(hub);
  // Events a previous run stored with its state change but could not hand to the backend.
  const resent = hub.resendOutbox();
  if (resent > 0) logger.info({ events: resent }, 're-sent events left in the outbox by the previous run');
  const sources = new SourceStore(db, opts.dataDir);
  // Files a crash (or an account removed with its documents) left without a document.
  sources
    .sweep()
    .then((removed) => {
      if (removed > 0) logger.info({ files: removed }, 'removed original files no document refers to');
    })
    .catch((err) => logger.warn({ err }, 'could not look for original files no document refers to'));
  const pool = new WorkerPool({ threads: opts.threads, resolveTask: opts.resolveTask });
  const jobs = new JobStore(db);
  const scheduler = new JobScheduler({
    db,
    hub,
    jobs,
    concurrency: pool.threads,
    logger,
    backoffBaseMs: opts.backoffBaseMs,
    storage,
    storageRetryMs: opts.storageRetryMs,
  });
  const services: Services = {
    db,
    hub,
    pool,
    scheduler,
    logger,
    jobs,
    documents: new DocumentStore(db),
    sources,
    rewrites: new RewriteStore(db),
    rewritePartials: new RewritePartials(),
    samples: new SampleStore(db),
    settings: new SettingsStore(db),
    // Set just below: the engine needs the other services.
    sync: null as unknown as SyncEngine,
    storage,
    progressIntervalMs: opts.progressIntervalMs ?? 50,
  };
  // The owner of the data folder (the desktop app, the server's own token): may change the machine's
  // settings, and is the account this device syncs.
  const localUser: HubUser = { id: LOCAL_USER_ID, name: 'local', admin: true };
  const secrets =
    opts.sync?.secrets ??
    (opts.dataDir === ':memory:'
      ? new MemorySecretStore()
      : new FileSecretStore(path.join(opts.dataDir, SYNC_TOKEN_FILE)));
  services.sync = new SyncEngine(services, localUser.id, secrets, opts.sync);
  registerChannelAuthorization(hub.authorizer, services);
  scheduler.register(analyzeHandler(services));
  scheduler.register(rewriteHandler(services));
  scheduler.register(validateHandler(services));
  logger.debug({ dataDir: opts.dataDir, events: loaded, threads: pool.threads }, 'core ready');
  if (opts.start !== false) {
    scheduler.start();
    services.sync.start();
  }

  let closing: Promise<void> | null = null;
  return {
    ...services,
    api: createCommands(services, localUser.id),
    localUser,
    close(closeOpts = {}) {
      closing ??= (async () => {
        await services.sync.stop();
        await scheduler.stop(closeOpts.drainMs ?? 5000);
        hub.close();
        // Batches on their way to a shared backend remove their outbox rows when stored.
        await hub.settled();
        await pool.destroy();
        await sources.settled();
        db.close();
        sources.close();
      })();
      return closing;
    },
  };
}
