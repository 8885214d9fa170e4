/**
 * Shared wrapper of every task entry: turns thrown errors into values (an Error's own fields do not
 * survive the trip between threads), turns a cancel request from the caller (a message on the
 * progress port) into an AbortSignal for the work, and always closes the progress port last,
 * which is what the pool waits for before it resolves.
 */
import { InkproofError } from '../../src-shared/errors';
import type { ProgressMessage, ProgressPort, TaskControlMessage, TaskResult } from '../../src-shared/tasks';

export async function runTask<T>(
  port: ProgressPort | undefined,
  work: (progress: (m: ProgressMessage) => void, signal: AbortSignal) => T | Promise<T>,
): Promise<TaskResult<T>> {
  const progress = (m: ProgressMessage) => port?.postMessage(m);
  const controller = new AbortController();
  port?.on?.('message', (m: TaskControlMessage) => {
    if (m?.cancel === true) controller.abort(new InkproofError('cancelled', 'The task was cancelled.'));
  });
  try {
    return { ok: true, value: await work(progress, controller.signal) };
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
