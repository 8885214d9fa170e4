/**
 * One server for bench/http.ts, in its own process: `inkproof serve`'s server (startServer with a
 * core that runs no jobs) with its limits as shipped (`limited`), or with every limit lifted and the
 * JSON shape check off (`unlimited`) — the same code otherwise. Tells its port over IPC, and its CPU
 * time when asked.
 */
import type { ServerLimits } from '../../src-main/server/limits';
import { startBenchServer } from '../lib/inkproof-server';

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

const { server, stop } = await startBenchServer({
  app: { id: 'inkproof', key: 'inkproof', secret: 'bench-secret' },
  limits: process.argv[2] === 'unlimited' ? UNLIMITED : undefined,
});
process.send!({ port: server.port });
process.on('message', async (m: string) => {
  // The CPU this process has used, so that the bench can count what a request costs the server.
  if (m === 'cpu') return process.send!({ cpu: process.cpuUsage() });
  await stop();
  process.exit(0);
});
