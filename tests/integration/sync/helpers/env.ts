/**
 * An in-process Inkproof sync server for the compatibility and protocol tests: a core in a temp
 * folder, a configured app for pusher-js/Echo clients, two accounts with API tokens, and channel
 * rules for test channels beside the core's own (documents, rewrites, library, queue).
 */
import { createCore, type Core } from '../../../../src-main/core/core';
import { silentLogger } from '../../../../src-main/core/logger';
import type { AppInput } from '../../../../src-main/server/pusher/apps';
import { startServer, type RunningServer, type ServerOptions } from '../../../../src-main/server/server';
import { tempDir } from '../../../helpers/temp';

export const APP = { id: 'app-1', key: 'key-1', secret: 'secret-of-app-1' } as const;
export const SERVER_TOKEN = 'server-token';

export interface SyncEnv {
  core: Core;
  server: RunningServer;
  base: string;
  port: number;
  dataDir: string;
  users: Record<'alice' | 'bob', { id: number; name: string; token: string }>;
  close(): Promise<void>;
}

export async function startSyncEnv(
  opts: { apps?: AppInput[]; server?: Partial<ServerOptions> } = {},
): Promise<SyncEnv> {
  const t = tempDir('inkproof-sync-');
  const core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1, progressIntervalMs: 0 });
  // Test channels: anyone signed in may join chat rooms (presence) and private rooms.
  core.hub.authorizer.channel('chat.{room}', (user) => ({ user_info: { name: user.name ?? String(user.id) } }));
  core.hub.authorizer.channel('room.{room}', () => true);
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token: SERVER_TOKEN,
    apps: opts.apps ?? [{ ...APP }],
    logger: silentLogger(),
    shutdownSpreadMs: 50,
    ...opts.server,
  });
  const users = {} as SyncEnv['users'];
  for (const name of ['alice', 'bob'] as const) {
    const account = await server.accounts.add(name);
    users[name] = { id: account.id, name, token: server.accounts.issueToken(name, 'test').token };
  }
  return {
    core,
    server,
    base: server.url,
    port: server.port,
    dataDir: t.dir,
    users,
    async close() {
      await server.close();
      await core.close({ drainMs: 0 });
      t.cleanup();
    },
  };
}

/** Resolves when `test` holds, checking on every event of an emitter-like source; never sleeps. */
export function until<T>(
  subscribe: (cb: (v: T) => void) => () => void,
  test: (v: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let off = () => {};
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    off = subscribe((v) => {
      if (!test(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}
