/**
 * Bench task: posts `count` progress messages, one every `intervalMs`, each stamped with the
 * absolute time it was posted, so the receiver can measure the latency of the whole path.
 */
import { performance } from 'node:perf_hooks';
import type { ProgressPort } from '../../src-shared/tasks';

export default async function progressClock(input: {
  count: number;
  intervalMs: number;
  port: ProgressPort & { postMessage(m: unknown): void };
}): Promise<{ ok: true; value: number }> {
  const start = performance.now();
  for (let i = 1; i <= input.count; i++) {
    // Pace by the clock rather than by timers, which drift.
    const due = start + i * input.intervalMs;
    while (performance.now() < due) await new Promise((r) => setImmediate(r));
    input.port.postMessage({
      progress: Math.floor((i * 100) / input.count),
      done: i,
      sentAt: performance.timeOrigin + performance.now(),
    });
  }
  input.port.close();
  return { ok: true, value: input.count };
}
