/**
 * The event catalogue (docs/architecture.md §3): every broadcast event's name, the channel pattern it is sent
 * on, and the zod schema of its payload. The seven seed events keep the seed's names and fields.
 */
import { z } from 'zod';
import { CHANNEL_PATTERNS } from './channels';
import { criticalSectionSchema, JOB_STATUSES, JOB_TYPES, VERDICTS } from './models';
import { SYNC_STATES } from './sync';

const isoDate = z.string().datetime({ offset: true });
const id = z.number().int().positive();
const percent = z.number().min(0).max(100);

export const eventSchemas = {
  // documents.{documentId}
  'document.analyzed': z
    .object({
      document_id: id,
      /** null only when the text is not scored (verdict too_short or unsupported_language). */
      ai_confidence: percent.nullable(),
      critical_sections: z.array(criticalSectionSchema),
      analyzed_at: isoDate,
      verdict: z.enum(VERDICTS),
      /** Share (0–1) of the words in passages judged AI; null when not scored. */
      ai_share: z.number().min(0).max(1).nullable(),
      /** Words of the analysed text (a library row shows them without asking for the document). */
      word_count: z.number().int().nonnegative().optional(),
    })
    .strict(),
  'sample.validated': z
    .object({
      sample_id: id,
      document_id: id,
      rewrite_id: id.nullable(),
      ai_confidence: percent.nullable(),
      validated_at: isoDate,
    })
    .strict(),

  // rewrites.{rewriteId}
  'rewrite.queued': z
    .object({
      rewrite_id: id,
      document_id: id,
      status: z.literal('queued'),
      queued_at: isoDate,
      estimated_time: z.number().nonnegative(),
    })
    .strict(),
  'rewrite.processing': z
    .object({ rewrite_id: id, document_id: id, status: z.literal('processing'), started_at: isoDate })
    .strict(),
  'rewrite.progress': z
    .object({
      rewrite_id: id,
      progress: z.number().int().min(0).max(100),
      status: z.literal('processing'),
      /** Sections finished and in all, when the engine works section by section ("section 3 of 10"). */
      sections_done: z.number().int().nonnegative().optional(),
      sections_total: z.number().int().positive().optional(),
    })
    .strict(),
  'rewrite.completed': z
    .object({
      rewrite_id: id,
      document_id: id,
      status: z.literal('completed'),
      completed_at: isoDate,
      diff_summary: z
        .object({
          additions: z.number().int().nonnegative(),
          deletions: z.number().int().nonnegative(),
          similarity: percent,
          note: z.string().max(1000).optional(),
        })
        .strict(),
    })
    .strict(),
  'rewrite.failed': z
    .object({
      rewrite_id: id,
      document_id: id,
      status: z.literal('failed'),
      error: z.string().min(1),
      failed_at: isoDate,
    })
    .strict(),

  // library.{userId}
  'document.imported': z
    .object({
      document_id: id,
      name: z.string(),
      format: z.string(),
      size_bytes: z.number().int().nonnegative(),
      imported_at: isoDate,
    })
    .strict(),
  'document.analysis_started': z.object({ document_id: id, started_at: isoDate }).strict(),
  'document.analysis_failed': z
    .object({ document_id: id, error: z.string().min(1), code: z.string(), failed_at: isoDate })
    .strict(),
  'document.updated': z
    .object({
      document_id: id,
      version: z.number().int().positive(),
      updated_at: isoDate,
      /** Present when the name changed (a rename, here or on another device). */
      name: z.string().optional(),
    })
    .strict(),
  'document.deleted': z.object({ document_id: id, deleted_at: isoDate }).strict(),

  // queue.{userId}
  'job.updated': z
    .object({
      id,
      type: z.enum(JOB_TYPES),
      subject_id: id,
      status: z.enum(JOB_STATUSES),
      progress: z.number().int().min(0).max(100),
      attempts: z.number().int().nonnegative(),
      error: z.string().nullable(),
      created_at: isoDate,
      started_at: isoDate.nullable(),
      finished_at: isoDate.nullable(),
      runtime: z.number().nonnegative().nullable(),
    })
    .strict(),
  // The data folder's disk is full or failing (sent live to every connected account, never logged:
  // the log is on that disk), and when it works again. Work waits meanwhile and resumes by itself.
  'storage.failed': z
    .object({ code: z.enum(['storage_full', 'storage_unavailable']), message: z.string().min(1), failed_at: isoDate })
    .strict(),
  'storage.recovered': z.object({ recovered_at: isoDate }).strict(),

  // sync.{userId}: the device's sync status changed (a summary; getSyncStatus has all of it)
  'sync.status': z
    .object({
      state: z.enum(SYNC_STATES),
      pending: z.number().int().nonnegative(),
      message: z.string().nullable(),
      conflicts: z.number().int().nonnegative(),
      /** Documents whose sync badge may have changed. */
      documents: z.array(id),
    })
    .strict(),

  // sync-library.{libraryId} (on a sync server): new records up to `head` are in the library's log.
  // Only the head: records are read with the token (so a revoked device learns nothing more).
  'sync.changes': z.object({ head: z.number().int().positive(), device_id: z.string() }).strict(),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];

/** Which channel pattern (the name without its `private-` prefix) each event goes out on. */
export const EVENT_CHANNELS: Record<EventName, string> = {
  'document.analyzed': CHANNEL_PATTERNS.document,
  'sample.validated': CHANNEL_PATTERNS.document,
  'rewrite.queued': CHANNEL_PATTERNS.rewrite,
  'rewrite.processing': CHANNEL_PATTERNS.rewrite,
  'rewrite.progress': CHANNEL_PATTERNS.rewrite,
  'rewrite.completed': CHANNEL_PATTERNS.rewrite,
  'rewrite.failed': CHANNEL_PATTERNS.rewrite,
  'document.imported': CHANNEL_PATTERNS.library,
  'document.analysis_started': CHANNEL_PATTERNS.library,
  'document.analysis_failed': CHANNEL_PATTERNS.library,
  'document.updated': CHANNEL_PATTERNS.library,
  'document.deleted': CHANNEL_PATTERNS.library,
  'job.updated': CHANNEL_PATTERNS.queue,
  'storage.failed': CHANNEL_PATTERNS.queue,
  'storage.recovered': CHANNEL_PATTERNS.queue,
  'sync.status': CHANNEL_PATTERNS.sync,
  'sync.changes': CHANNEL_PATTERNS.syncLibrary,
};

/** An event before it is broadcast. `data` is any JSON value for events from outside the catalogue. */
export interface BroadcastEvent<D = unknown> {
  channel: string;
  event: string;
  data: D;
}

/** What every subscriber receives (docs/architecture.md §2). `seq` grows by one per channel. */
export interface Envelope<D = unknown> extends BroadcastEvent<D> {
  seq: number;
  /** Milliseconds since the epoch when the hub accepted it. */
  ts: number;
  /** Client events on presence channels: the sender's user id (Pusher adds it to the frame). */
  user_id?: string;
}

export type CatalogueEvent = { [N in EventName]: { channel: string; event: N; data: EventPayload<N> } }[EventName];

export const envelopeSchema = z.object({
  channel: z.string(),
  event: z.string(),
  data: z.unknown(),
  seq: z.number().int().positive(),
  ts: z.number(),
  user_id: z.string().optional(),
});

/** Answer of a replay request: the missed envelopes in order, or a signal to reload state. */
export type ReplayResult = { events: Envelope[] } | { resync: true; last_seq: number };
