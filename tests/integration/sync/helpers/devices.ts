/**
 * Devices and a sync server in one process, for the sync model's tests: a server core behind
 * `startServer` with accounts, and device cores (each its own data folder) that sync with it over
 * real HTTP and a real WebSocket. Waiting is event-driven: a condition is checked again on every
 * event a device's hub delivers (documents, jobs, sync status), never on a timer.
 */
import { createCore, type Core } from '../../../../src-main/core/core';
import { silentLogger } from '../../../../src-main/core/logger';
import type { SyncEngineOptions } from '../../../../src-main/core/sync/engine';
import type { AppInput } from '../../../../src-main/server/pusher/apps';
import { startServer, type RunningServer } from '../../../../src-main/server/server';
import { tempDir } from '../../../helpers/temp';

/** What a condition resolves with: its value, once it is neither false nor empty. */
export type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

export interface SyncServerEnv {
  core: Core;
  server: RunningServer;
  url: string;
  dir: string;
  close(): Promise<void>;
}

export async function startSyncServer(
  app: AppInput = { id: 'inkproof', key: 'inkproof', secret: 'sync-test-secret' },
): Promise<SyncServerEnv> {
  const t = tempDir('inkproof-sync-server-');
  const core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1 });
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token: 'server-token',
    app,
    logger: silentLogger(),
    shutdownSpreadMs: 10,
    // Every test signs two devices in from this one address; the login limit has its own tests
    // (accounts.test.ts, security/requests.test.ts).
    loginAttemptsPerMinute: 10_000,
  });
  return {
    core,
    server,
    url: server.url,
    dir: t.dir,
    async close() {
      await server.close();
      await core.close({ drainMs: 0 });
      t.cleanup();
    },
  };
}

export interface Device {
  name: string;
  core: Core;
  ctx: { user: Core['localUser'] };
  /** Resolves with the first truthy value of `check`, evaluated now and after every event of this device. */
  until<T>(check: () => T | Promise<T>, what: string, timeoutMs?: number): Promise<Truthy<T>>;
  close(): Promise<void>;
}

export function startDevice(name: string, opts: SyncEngineOptions & { dir?: string } = {}): Device {
  const t = opts.dir ? null : tempDir(`inkproof-device-${name}-`);
  const core = createCore({
    dataDir: opts.dir ?? t!.dir,
    logger: silentLogger(),
    threads: 1,
    progressIntervalMs: 0,
    sync: { backoff: { baseMs: 50, maxMs: 400 }, timeoutMs: 5000, ...opts },
  });
  return {
    name,
    core,
    ctx: { user: core.localUser },
    until: (check, what, timeoutMs = 20_000) => untilEvent(core, check, `${what} on ${name}`, timeoutMs),
    async close() {
      await core.close({ drainMs: 0 });
      t?.cleanup();
    },
  };
}

export function untilEvent<T>(
  core: Core,
  check: () => T | Promise<T>,
  what: string,
  timeoutMs: number,
): Promise<Truthy<T>> {
  return new Promise((resolve, reject) => {
    let done = false;
    let running = false;
    let again = false;
    const finish = (err: Error | null, value?: Truthy<T>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      untap();
      if (err) reject(err);
      else resolve(value!);
    };
    const evaluate = async () => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const v = await check();
        if (v) finish(null, v as Truthy<T>);
      } catch (err) {
        finish(err as Error);
      } finally {
        running = false;
        if (again && !done) {
          again = false;
          void evaluate();
        }
      }
    };
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    const untap = core.hub.tap(() => void evaluate());
    void evaluate();
  });
}

/** Revises a document on a device with the rule-based reviser and applies every change: a new version. */
export async function reviseAndApply(d: Device, id: number): Promise<number> {
  const { rewrite } = await d.core.api.rewriteDocument({ id, options: { scope: 'document', strength: 3 } }, d.ctx);
  await d.until(
    async () => (await d.core.api.getRewrite({ id: rewrite.id }, d.ctx)).status === 'completed',
    'revision',
  );
  const { version } = await d.core.api.applyRewrite({ id: rewrite.id, accepted_hunks: 'all' }, d.ctx);
  return version;
}

/** The device's documents by name. */
export async function docsByName(d: Device) {
  const { documents } = await d.core.api.listDocuments({}, d.ctx);
  return new Map(documents.map((doc) => [doc.name, doc]));
}
