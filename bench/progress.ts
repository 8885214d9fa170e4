/**
 * Progress latency: from a worker's postMessage to a hub subscriber, at 1,000 progress events/s,
 * through the pool's transferred MessagePort and the hub (seq, log, queued delivery). Baseline in
 * the same run: the same worker and port with the main thread's own listener and no hub.
 * Coalescing (at most one rewrite.progress per ~50 ms by design) is off here: this measures the
 * transport, not the deliberate throttle.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BroadcastHub } from '../src-main/core/hub/hub';
import { WorkerPool } from '../src-main/core/pool';
import { percentile, printTable } from './lib/stats';

const here = path.dirname(fileURLToPath(import.meta.url));
const COUNT = 5000;
const INTERVAL_MS = 1;

interface Stamped {
  progress: number;
  sentAt?: number;
}

async function measure(pool: WorkerPool, viaHub: boolean): Promise<number[]> {
  const latencies: number[] = [];
  const now = () => performance.timeOrigin + performance.now();
  let onProgress: (m: Stamped) => void;
  let hub: BroadcastHub | null = null;
  if (viaHub) {
    hub = new BroadcastHub();
    hub.subscribe('private-rewrites.1', (msg) => {
      if (msg.type === 'event') latencies.push(now() - (msg.envelope.data as { sentAt: number }).sentAt);
    });
    onProgress = (m) =>
      hub!.broadcast({
        channel: 'private-rewrites.1',
        event: 'rewrite.progress',
        data: { rewrite_id: 1, progress: m.progress, status: 'processing', sentAt: m.sentAt },
      });
  } else {
    onProgress = (m) => latencies.push(now() - m.sentAt!);
  }
  await pool.run('rewrite', { count: COUNT, intervalMs: INTERVAL_MS }, { onProgress: onProgress as never });
  hub?.close();
  return latencies.sort((a, b) => a - b);
}

const pool = new WorkerPool({ threads: 1, resolveTask: () => path.join(here, 'tasks/progress-clock.ts') });
try {
  await measure(pool, false); // warm-up: worker start, JIT
  const bare = await measure(pool, false);
  const hub = await measure(pool, true);
  const row = (name: string, l: number[]) => [
    name,
    l.length,
    percentile(l, 50).toFixed(3),
    percentile(l, 99).toFixed(3),
    l[l.length - 1].toFixed(3),
  ];
  printTable(
    `Progress latency, worker postMessage → subscriber, ${COUNT.toLocaleString('en-US')} events at ${1000 / INTERVAL_MS}/s (ms; target p99 ≤ 5 ms)`,
    ['path', 'events', 'p50', 'p99', 'max'],
    [row('MessagePort → main-thread listener (baseline)', bare), row('MessagePort → hub → subscriber', hub)],
  );
} finally {
  await pool.destroy();
}
