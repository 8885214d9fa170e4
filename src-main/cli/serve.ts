/** `inkproof serve`: the core, the HTTP API, live events and the browser version. */
import crypto from 'node:crypto';
import { InkproofError } from '../../src-shared/errors';
import { createCore } from '../core/core';
import { createLogger } from '../core/logger';
import { resolveDataDir } from '../core/paths';
import { randomToken } from '../server/security';
import { startServer, type RunningServer } from '../server/server';
import type { PusherApp } from '../server/pusher/apps';
import type { Core } from '../core/core';

export interface ServeOptions {
  host: string;
  port: number;
  data?: string;
  token?: string;
  debug?: boolean;
}

export interface Serving {
  core: Core;
  server: RunningServer;
  openUrl: string;
  stop(): Promise<void>;
}

/** The Pusher app of this data folder: key and secret from the environment, or a secret kept in the store. */
function pusherApp(core: Core): PusherApp {
  let secret = process.env.INKPROOF_APP_SECRET;
  if (!secret) {
    secret = core.settings.getValue('app_secret') ?? crypto.randomBytes(20).toString('hex');
    core.settings.setValue('app_secret', secret);
  }
  return {
    id: process.env.INKPROOF_APP_ID || 'inkproof',
    key: process.env.INKPROOF_APP_KEY || 'inkproof',
    secret,
    clientEvents: false,
    activityTimeout: 30,
    maxMessageBytes: 100 * 1024,
  };
}

export async function serve(opts: ServeOptions): Promise<Serving> {
  const logger = createLogger({ debug: opts.debug });
  const dataDir = resolveDataDir(opts.data);
  const core = createCore({ dataDir, logger });
  const token = opts.token || process.env.INKPROOF_TOKEN || randomToken();
  let server: RunningServer;
  try {
    server = await startServer({ core, host: opts.host, port: opts.port, token, app: pusherApp(core), logger });
  } catch (err) {
    await core.close({ drainMs: 0 });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new InkproofError('conflict', `Port ${opts.port} on ${opts.host} is already in use; choose another with --port.`);
    if (code === 'EACCES') throw new InkproofError('forbidden', `Not allowed to listen on port ${opts.port}; choose a port above 1023 with --port.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InkproofError('invalid_input', `Cannot listen on "${opts.host}": no such address on this machine.`);
    throw err;
  }
  logger.info({ dataDir, host: server.host, port: server.port }, 'serving');
  let stopping: Promise<void> | null = null;
  return {
    core,
    server,
    openUrl: `${server.url}/?token=${encodeURIComponent(token)}`,
    stop() {
      stopping ??= (async () => {
        await server.close();
        // Running jobs get a few seconds to finish; the rest go back to the queue.
        await core.close({ drainMs: 5000 });
      })();
      return stopping;
    },
  };
}

/** Runs until SIGINT/SIGTERM, then shuts down gracefully. */
export async function serveUntilSignalled(opts: ServeOptions): Promise<void> {
  const s = await serve(opts);
  process.stdout.write(`Inkproof is running at ${s.openUrl}\n`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      process.stderr.write(`\n${signal} received: finishing running work and closing connections…\n`);
      s.stop().then(resolve, (err) => {
        process.stderr.write(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`);
        resolve();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}
