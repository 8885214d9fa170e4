/**
 * One server for bench/http.ts, in its own process: `inkproof serve`'s server (startServer with a
 * core that runs no jobs) with its limits as shipped (`limited`), or with every limit lifted and the
 * JSON shape check off (`unlimited`) — the same code otherwise. Prints its port over IPC.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/logger';
import type { ServerLimits } from '../../src-main/server/limits';
import { startServer } from '../../src-main/server/server';

const BIG = Number.MAX_SAFE_INTEGER;
const UNLIMITED: ServerLimits = {
  loginBodyBytes: BIG,
  channelAuthBodyBytes: BIG,
  jsonBodyBytes: BIG,
  jsonImportBytes: BIG,
  jsonDepth: Infinity,
  jsonValues: Infinity,
  uploadFiles: 1_000_000,
  uploadFields: 1_000_000,
  uploadFieldBytes: BIG,
  uploadsInMemory: 1_000_000,
  uploadIdleMs: 2 ** 31 - 1,
  streamBufferBytes: BIG,
  streamsPerUser: 1_000_000,
  lingerBytes: BIG,
  lingerMs: 2 ** 31 - 1,
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-bench-http-'));
const core = createCore({ dataDir: dir, logger: silentLogger(), threads: 1, start: false });
const server = await startServer({
  core,
  host: '127.0.0.1',
  port: 0,
  token: 'bench',
  app: { id: 'inkproof', key: 'inkproof', secret: 'bench-secret' },
  logger: silentLogger(),
  shutdownSpreadMs: 0,
  limits: process.argv[2] === 'unlimited' ? UNLIMITED : undefined,
});
process.send!({ port: server.port });
process.on('message', async () => {
  await server.close();
  await core.close({ drainMs: 0 });
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
