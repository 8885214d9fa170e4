/**
 * The worker pool (docs/architecture.md §6): piscina with a finite queue, an explicit idle timeout and
 * cores − 1 threads. Progress travels over a MessagePort transferred with the task; the worker
 * closes its port when it is done and the caller waits for that close before resolving, so no
 * progress message can arrive after the result. Cancel with an AbortSignal: a task with a progress
 * port is first asked over it to stop (it aborts its own work — a local model's HTTP request, for
 * one — and the thread stays warm), and has its thread ended only if it has not stopped after
 * `cancelGraceMs`; a task without a port has its thread ended at once.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { InkproofError } from '../../src-shared/errors';
import type { ProgressMessage, TaskControlMessage, TaskName, TaskResult } from '../../src-shared/tasks';

export interface PoolOptions {
  threads?: number;
  maxQueue?: number;
  idleTimeoutMs?: number;
  /** Resolves a task name to its module file; defaults to the TypeScript sources under tsx. */
  resolveTask?: (name: TaskName) => string;
  /** How long a cancelled task may take to stop by itself before its thread is ended. */
  cancelGraceMs?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (message: ProgressMessage) => void;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function sourceTaskFile(name: TaskName): string {
  return path.resolve(here, '../../src-workers/tasks', `${name}.ts`);
}

export function defaultThreads(): number {
  const fromEnv = Number(process.env.INKPROOF_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
}

/**
 * TypeScript task files need tsx in the worker unless the process already runs under it. The
 * loader is given by absolute URL so that it resolves from any working directory.
 */
function execArgvFor(file: string): string[] | undefined {
  if (!file.endsWith('.ts')) return undefined;
  const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
  return hasTsx ? undefined : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

export class WorkerPool {
  private readonly piscina: Piscina;
  private readonly resolveTask: (name: TaskName) => string;
  private readonly cancelGraceMs: number;
  readonly threads: number;
  private destroyed = false;

  constructor(opts: PoolOptions = {}) {
    this.threads = opts.threads ?? defaultThreads();
    this.resolveTask = opts.resolveTask ?? sourceTaskFile;
    this.cancelGraceMs = opts.cancelGraceMs ?? 2000;
    const probe = this.resolveTask('analyze');
    this.piscina = new Piscina({
      minThreads: 0,
      maxThreads: this.threads,
      maxQueue: opts.maxQueue ?? 1000,
      idleTimeout: opts.idleTimeoutMs ?? 30_000,
      // With 'sync' an idle worker blocks in Atomics.wait, so the close of its progress port is
      // not seen until the next task arrives; 'async' keeps the worker's event loop turning.
      atomics: 'async',
      execArgv: execArgvFor(probe),
    });
  }

  get queueSize(): number {
    return this.piscina.queueSize;
  }

  /** Runs a task; resolves with its value, rejects with an InkproofError. */
  async run<I extends object, O>(task: TaskName, input: I, opts: RunOptions = {}): Promise<O> {
    if (this.destroyed) throw new InkproofError('internal', 'The worker pool has been shut down.');
    const filename = pathToFileURL(this.resolveTask(task)).href;
    // Tasks that report progress get a port (and, through it, a request to stop when cancelled).
    const channel = opts.onProgress ? new MessageChannel() : null;
    let closed: Promise<void> = Promise.resolve();
    if (channel && opts.onProgress) {
      const onProgress = opts.onProgress;
      channel.port1.on('message', (m: ProgressMessage) => onProgress(m));
      closed = new Promise((resolve) => channel.port1.once('close', () => resolve()));
    }
    const cancel = channel ? this.cooperativeCancel(channel.port1, opts.signal) : null;
    let result: TaskResult<O>;
    try {
      result = (await this.piscina.run(channel ? { ...input, port: channel.port2 } : input, {
        filename,
        signal: cancel?.signal ?? opts.signal,
        transferList: channel ? [channel.port2] : undefined,
      })) as TaskResult<O>;
    } catch (err) {
      channel?.port1.close();
      throw translate(err, opts.signal);
    } finally {
      cancel?.dispose();
    }
    // The worker closes its port after its last progress message; waiting for the close here
    // guarantees every progress message was handled before the result is.
    await closed;
    if (!result.ok) {
      // A task that stopped because it was asked to answers `cancelled`; the caller's reason says why.
      if (opts.signal?.aborted && result.error.code === 'cancelled') throw translate(opts.signal.reason, opts.signal);
      throw new InkproofError(result.error.code, result.error.message, {
        issues: result.error.issues,
        retryable: result.error.retryable,
      });
    }
    return result.value;
  }

  /**
   * On the caller's abort: asks the task to stop (a message on its port), and ends its thread
   * through piscina's own signal only if it is still running `cancelGraceMs` later.
   */
  private cooperativeCancel(port: MessagePort, signal?: AbortSignal) {
    if (!signal) return null;
    // Cancelled before it started: nothing to ask, piscina drops it at once.
    if (signal.aborted) return { signal, dispose: () => {} };
    const hard = new AbortController();
    let timer: NodeJS.Timeout | null = null;
    const onAbort = () => {
      port.postMessage({ cancel: true } satisfies TaskControlMessage);
      timer = setTimeout(() => hard.abort(signal.reason), this.cancelGraceMs);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return {
      signal: hard.signal,
      dispose: () => {
        signal.removeEventListener('abort', onAbort);
        if (timer) clearTimeout(timer);
      },
    };
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.piscina.destroy();
  }
}

function translate(err: unknown, signal?: AbortSignal): InkproofError {
  if (InkproofError.is(err)) return err;
  const e = err as { name?: string; message?: string; code?: string };
  if (signal?.aborted || e?.name === 'AbortError') {
    const reason = signal?.reason;
    if (InkproofError.is(reason)) return reason;
    return new InkproofError('cancelled', 'The task was cancelled.');
  }
  if (typeof e?.message === 'string' && /queue is at limit|Task queue is at limit/i.test(e.message)) {
    return new InkproofError('queue_full', 'Too much work is waiting; try again in a moment.', { retryable: true });
  }
  // A worker that crashed or ran out of memory: worth another try.
  return new InkproofError('internal', `A worker failed: ${e?.message ?? String(err)}`, { retryable: true });
}
