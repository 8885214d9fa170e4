/**
 * The hub's seam to a shared backend (docs/architecture.md §10: several server processes share fan-out and
 * the catch-up log, e.g. through Redis). Without a backend the hub is the in-process fast path it
 * always was: seq from memory, log in memory/SQLite, delivery at the end of the turn.
 *
 * With a backend, the backend owns the seq counters and the log: the hub hands it each flushed
 * batch (`publish`), the backend assigns every envelope its per-channel seq atomically with
 * appending it to the shared log, and delivers it back — to this process and every other one —
 * through `sink.deliver`, in seq order per channel. Replay is asynchronous (`replay`).
 */
import type { Envelope, ReplayResult } from '../../../src-shared/events';

export interface BackendItem {
  /** `seq` is 0 until the backend assigns it (the backend sets it on this object once stored). */
  env: Envelope;
  except?: string;
  /** Highest seq this process knows for the channel: the backend never assigns a seq at or below it
   *  (so seqs keep growing even if the shared store lost its data). */
  floor: number;
}

export interface HubBackendSink {
  /** An envelope from the shared fan-out, with its seq, in seq order per channel. */
  deliver(env: Envelope, except: string | undefined): void;
  /** Channels with local subscribers: after a lost connection the backend fetches what they missed. */
  channels(): Iterable<string>;
  /** Highest seq this process knows for a channel. */
  lastSeq(channel: string): number;
}

export interface HubBackend {
  start(sink: HubBackendSink): void;
  /** Stores and fans out a batch; resolves once stored (each item's `env.seq` then set). */
  publish(items: BackendItem[]): Promise<void>;
  replay(channel: string, since: number): Promise<ReplayResult>;
  /** The most recent envelope of a channel, if the log still has it. */
  last(channel: string): Promise<Envelope | null>;
  /** The channel's current seq (0 when it never had an event). */
  lastSeq(channel: string): Promise<number>;
  /** Drops the logs of these channels (a deleted document's), keeping their seqs. */
  forget?(channels: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
