/**
 * Shared wrapper of every task entry: turns thrown errors into values (an Error's own fields do not
 * survive the trip between threads) and always closes the progress port last, which is what the
 * pool waits for before it resolves.
 */
import { InkproofError } from '../../src-shared/errors';
import type { ProgressMessage, ProgressPort, TaskResult } from '../../src-shared/tasks';

export async function runTask<T>(
  port: ProgressPort | undefined,
  work: (progress: (m: ProgressMessage) => void) => T | Promise<T>,
): Promise<TaskResult<T>> {
  const progress = (m: ProgressMessage) => port?.postMessage(m);
  try {
    return { ok: true, value: await work(progress) };
  } catch (err) {
    if (InkproofError.is(err)) return { ok: false, error: { ...err.toJSON(), retryable: err.retryable } };
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong while processing: ${message}`, retryable: false },
    };
  } finally {
    port?.close();
  }
}
