/**
 * A full disk or a failing one, wherever it shows (import, job claim, event log, settings): a typed
 * error to the request, a `storage.failed` event to every connected account, and no crash. Work
 * waits and resumes by itself once writes succeed again (`storage.recovered`).
 *
 * The events are ephemeral (never written to the log, which is on the failing disk) and go to
 * every account's queue channel.
 */
import type { Logger } from 'pino';
import { queueChannel } from '../../src-shared/channels';
import { InkproofError } from '../../src-shared/errors';
import { isoNow } from './clock';
import type { BroadcastHub } from './hub/hub';

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const IO_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'EIO', 'EROFS']);

/** The typed error for a storage failure, or null when `err` is something else. */
export function storageError(err: unknown): InkproofError | null {
  if (InkproofError.is(err)) return err.code === 'storage_full' || err.code === 'storage_unavailable' ? err : null;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (FULL_CODES.has(code))
    return new InkproofError(
      'storage_full',
      'The disk that holds Inkproof’s data is full. Free some space: waiting work then carries on by itself.',
      { retryable: true },
    );
  if (IO_CODES.has(code) || code.startsWith('SQLITE_IOERR'))
    return new InkproofError(
      'storage_unavailable',
      'Inkproof’s data folder cannot be written right now (a disk error). Waiting work carries on once it can.',
      { retryable: true },
    );
  return null;
}

/** Tracks whether the data folder can be written, and says so on transitions. */
export class StorageHealth {
  private failing: InkproofError | null = null;
  private hub: BroadcastHub | null = null;

  constructor(
    /** The accounts to tell (read from the store, which reads fine on a full disk). */
    private readonly accounts: () => number[],
    private readonly logger?: Logger,
  ) {}

  /** The hub the events go out through (it also reports its own log failures here). */
  attach(hub: BroadcastHub): void {
    this.hub = hub;
  }

  get ok(): boolean {
    return this.failing === null;
  }

  /**
   * Reports an error seen while writing; returns the typed error when it is a storage failure
   * (and null otherwise, so callers rethrow what is not theirs to handle).
   */
  failed(err: unknown): InkproofError | null {
    const typed = storageError(err);
    if (!typed) return null;
    if (this.failing === null) {
      this.failing = typed;
      this.logger?.error({ err }, 'the data folder cannot be written; work waits until it can');
      this.announce('storage.failed', { code: typed.code, message: typed.message, failed_at: isoNow() });
    }
    return typed;
  }

  /** A write succeeded: if writes were failing, they work again. */
  succeeded(): void {
    if (this.failing === null) return;
    this.failing = null;
    this.logger?.info('the data folder can be written again; work resumes');
    this.announce('storage.recovered', { recovered_at: isoNow() });
  }

  private announce(event: 'storage.failed' | 'storage.recovered', data: Record<string, unknown>): void {
    const hub = this.hub;
    if (!hub) return;
    // Later in the turn: this may be called from inside the hub's own flush.
    setImmediate(() => {
      for (const userId of this.accounts()) {
        try {
          hub.broadcast({ channel: queueChannel(userId), event, data }, { ephemeral: true });
        } catch (err) {
          this.logger?.error({ err }, 'could not announce the state of the data folder');
        }
      }
    });
  }
}
