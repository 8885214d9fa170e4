import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InkproofError } from '../../../src-shared/errors';
import type { TaskName } from '../../../src-shared/tasks';
import { WorkerPool } from '../../../src-main/core/pool';

const fixtures: Record<TaskName, string> = {
  rewrite: path.resolve(__dirname, '../../fixtures/tasks/chatty.ts'),
  analyze: path.resolve(__dirname, '../../fixtures/tasks/sleepy.ts'),
  validate: path.resolve(__dirname, '../../fixtures/tasks/failing.ts'),
  extract: path.resolve(__dirname, '../../fixtures/tasks/failing.ts'),
};

describe('WorkerPool', () => {
  let pool: WorkerPool | null = null;
  afterEach(async () => {
    await pool?.destroy();
    pool = null;
  });

  it('delivers every progress message before the result', async () => {
    pool = new WorkerPool({ threads: 1, resolveTask: (n) => fixtures[n] });
    for (const count of [1, 500, 5000]) {
      const seen: number[] = [];
      const result = await pool.run<{ count: number }, number>(
        'rewrite',
        { count },
        { onProgress: (m) => seen.push(m.done!) },
      );
      expect(result).toBe(count);
      expect(seen).toHaveLength(count);
      expect(seen[seen.length - 1]).toBe(count);
    }
  });

  it('cancels a running task through its AbortSignal and keeps working afterwards', async () => {
    // This task ignores the request to stop: its thread is ended after the grace period.
    pool = new WorkerPool({ threads: 1, cancelGraceMs: 50, resolveTask: (n) => fixtures[n] });
    const controller = new AbortController();
    const running = pool.run('analyze', { ms: 60_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(new InkproofError('cancelled', 'Stop.')), 20);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    await expect(pool.run('analyze', { ms: 1 })).resolves.toBe('woke');
  });

  it('asks a running task to stop first: it stops by itself and its thread stays warm', async () => {
    // A grace period longer than the test's timeout: only a cooperative stop can pass.
    pool = new WorkerPool({
      threads: 1,
      cancelGraceMs: 600_000,
      resolveTask: (n) => (n === 'rewrite' ? path.resolve(__dirname, '../../fixtures/tasks/patient.ts') : fixtures[n]),
    });
    const runOnce = async () => {
      const controller = new AbortController();
      let thread = -1;
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const outcome = pool!
        .run(
          'rewrite',
          {},
          {
            signal: controller.signal,
            onProgress: (m) => {
              thread = m.done!;
              started();
            },
          },
        )
        .then(
          () => 'resolved',
          (e: InkproofError) => e,
        );
      await running;
      controller.abort(new InkproofError('cancelled', 'Stop now.'));
      return { thread, outcome: await outcome };
    };
    const first = await runOnce();
    expect(first.outcome).toMatchObject({ code: 'cancelled', message: 'Stop now.' });
    const second = await runOnce();
    expect(second.outcome).toMatchObject({ code: 'cancelled' });
    expect(second.thread).toBe(first.thread);
  });

  it('turns task errors into typed errors: typed ones as they are, unexpected ones as internal', async () => {
    pool = new WorkerPool({ threads: 1, resolveTask: (n) => fixtures[n] });
    await expect(pool.run('validate', { typed: true })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: 'This file is damaged.',
    });
    await expect(pool.run('validate', { typed: false })).rejects.toMatchObject({ code: 'internal' });
  });

  it('refuses work beyond its finite queue', async () => {
    pool = new WorkerPool({ threads: 1, maxQueue: 2, resolveTask: (n) => fixtures[n] });
    const runs = Array.from({ length: 6 }, () =>
      pool!.run('analyze', { ms: 200 }).then(
        () => 'ok',
        (e: InkproofError) => e.code,
      ),
    );
    const outcomes = await Promise.all(runs);
    expect(outcomes).toContain('queue_full');
    expect(outcomes).toContain('ok');
  });

  it('refuses work after it was shut down', async () => {
    const p = new WorkerPool({ threads: 1, resolveTask: (n) => fixtures[n] });
    await p.destroy();
    await expect(p.run('analyze', { ms: 1 })).rejects.toMatchObject({ code: 'internal' });
  });
});
