/**
 * An `inkproof serve` server for benchmarks: a core in a temporary folder that runs no jobs, and the
 * server on a free port of 127.0.0.1, with whatever options the benchmark needs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/logger';
import { startServer, type RunningServer, type ServerOptions } from '../../src-main/server/server';

export async function startBenchServer(
  opts: Partial<ServerOptions>,
): Promise<{ core: Core; server: RunningServer; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-bench-'));
  const core = createCore({ dataDir: dir, logger: silentLogger(), threads: 1, start: false });
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token: 'bench',
    logger: silentLogger(),
    shutdownSpreadMs: 0,
    ...opts,
  });
  return {
    core,
    server,
    async stop() {
      await server.close();
      await core.close({ drainMs: 0 });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
