/** `inkproof serve`: the core, the HTTP API, live events, the sync server and the browser version. */
import crypto from 'node:crypto';
import { InkproofError } from '../../src-shared/errors';
import { createCore } from '../core/core';
import { createLogger } from '../core/logger';
import { resolveDataDir } from '../core/paths';
import { openDatabase } from '../core/store/db';
import { SettingsStore } from '../core/store/settings';
import type { SyncEngineOptions } from '../core/sync/engine';
import { MemorySecretStore } from '../core/sync/secrets';
import { createCluster } from '../server/cluster';
import { parseAllowedHosts, randomToken } from '../server/security';
import { startServer, type RunningServer } from '../server/server';
import { loadApps } from '../server/pusher/apps';
import type { Core } from '../core/core';
import type { Cluster } from '../server/cluster/cluster';

export interface ServeOptions {
  host: string;
  port: number;
  data?: string;
  token?: string;
  debug?: boolean;
  /** Share fan-out, presence, the catch-up log and limits with other server processes (redis://HOST:PORT). */
  redis?: string;
  /** JSON file with several apps. */
  apps?: string;
  /** Milliseconds over which connections are closed (4200) at shutdown. */
  shutdownSpreadMs?: number;
  /** Other Host header values to accept (NAME or NAME:PORT, comma-separated), e.g. behind a proxy. */
  allowedHosts?: string;
  /** Sync this data folder's library with a remote server (docs/sync.md). */
  sync?: string;
  /** Its API token (default: INKPROOF_SYNC_TOKEN). */
  syncToken?: string;
  /** This device's name there. */
  syncDevice?: string;
}

export interface Serving {
  core: Core;
  server: RunningServer;
  cluster: Cluster;
  openUrl: string;
  stop(): Promise<void>;
}

/** The app secret of a data folder when INKPROOF_APP_SECRET is not set: made once, then kept. */
function storedSecret(dataDir: string): string {
  const db = openDatabase({ dataDir });
  try {
    const settings = new SettingsStore(db);
    let secret = settings.getValue('app_secret');
    if (!secret) {
      secret = crypto.randomBytes(20).toString('hex');
      settings.setValue('app_secret', secret);
    }
    return secret;
  } finally {
    db.close();
  }
}

export async function serve(opts: ServeOptions): Promise<Serving> {
  const logger = createLogger({ debug: opts.debug });
  const dataDir = resolveDataDir(opts.data);
  const apps = loadApps({ file: opts.apps, fallbackSecret: () => storedSecret(dataDir) });
  const redisUrl = opts.redis ?? process.env.INKPROOF_REDIS_URL;
  const cluster = await createCluster({ redisUrl, logger, appIds: apps.map((a) => a.id) });
  const syncToken = opts.syncToken || process.env.INKPROOF_SYNC_TOKEN || undefined;
  if (opts.sync && !syncToken)
    throw new InkproofError(
      'invalid_input',
      '--sync needs an API token of the sync server: --sync-token T or INKPROOF_SYNC_TOKEN (make one there with `inkproof user token NAME --name DEVICE`).',
    );
  let core: Core;
  try {
    core = createCore({
      dataDir,
      logger,
      hubBackend: cluster.hubBackend(apps[0].id),
      // A token given on the command line is kept in memory only; one from signing in, in the data folder.
      sync: opts.sync ? { secrets: new MemorySecretStore(syncToken), ...syncTuning() } : syncTuning(),
    });
  } catch (err) {
    await cluster.close();
    throw err;
  }
  if (opts.sync) void core.sync.connectInBackground(opts.sync, syncToken!, opts.syncDevice);
  const token = opts.token || process.env.INKPROOF_TOKEN || randomToken();
  let server: RunningServer;
  try {
    server = await startServer({
      core,
      host: opts.host,
      port: opts.port,
      token,
      apps,
      logger,
      cluster,
      shutdownSpreadMs: opts.shutdownSpreadMs,
      allowedHosts: parseAllowedHosts(opts.allowedHosts ?? process.env.INKPROOF_ALLOWED_HOSTS),
    });
  } catch (err) {
    await core.close({ drainMs: 0 });
    await cluster.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new InkproofError(
        'conflict',
        `Port ${opts.port} on ${opts.host} is already in use; choose another with --port.`,
      );
    if (code === 'EACCES')
      throw new InkproofError(
        'forbidden',
        `Not allowed to listen on port ${opts.port}; choose a port above 1023 with --port.`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new InkproofError('invalid_input', `Cannot listen on "${opts.host}": no such address on this machine.`);
    throw err;
  }
  logger.info(
    {
      dataDir,
      host: server.host,
      port: server.port,
      apps: apps.map((a) => a.id),
      node: cluster.nodeId,
      redis: redisUrl ? redactUrl(redisUrl) : undefined,
    },
    'serving',
  );
  let stopping: Promise<void> | null = null;
  return {
    core,
    server,
    cluster,
    openUrl: `${server.url}/?token=${encodeURIComponent(token)}`,
    stop() {
      stopping ??= (async () => {
        await server.close();
        // Running jobs get a few seconds to finish; the rest go back to the queue.
        await core.close({ drainMs: 5000 });
        await cluster.close();
      })();
      return stopping;
    },
  };
}

/** Sync tuning from the environment (tests and benchmarks shorten the waits). */
function syncTuning(): SyncEngineOptions {
  const num = (name: string) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : undefined;
  };
  return {
    timeoutMs: num('INKPROOF_SYNC_TIMEOUT_MS'),
    backoff: { baseMs: num('INKPROOF_SYNC_BACKOFF_MS'), maxMs: num('INKPROOF_SYNC_BACKOFF_MAX_MS') },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis';
  }
}

/** Runs until SIGINT/SIGTERM, then shuts down gracefully. */
export async function serveUntilSignalled(opts: ServeOptions): Promise<void> {
  const s = await serve(opts);
  process.stdout.write(`Inkproof is running at ${s.openUrl}\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      // Ctrl+C reaches every process of the terminal's group and a wrapper (npm start) passes it on
      // as well: a second signal must not cut the graceful shutdown short.
      if (stopping) return;
      stopping = true;
      process.stderr.write(`\n${signal} received: finishing running work and closing connections…\n`);
      s.stop().then(resolve, (err) => {
        process.stderr.write(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`);
        resolve();
      });
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  });
}
