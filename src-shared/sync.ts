/**
 * The sync contract (docs/sync.md): what a device pushes to a sync server, what it pulls back, and
 * the status a device reports to its interface. Every record names documents and versions by
 * global ids (UUIDs) — a device's local numeric ids never leave it.
 *
 * A device pushes *changes* (each with an idempotency key); the server answers each with a
 * *receipt*, and stores accepted ones as *records* in its library's log, numbered by `seq`. Devices
 * pull records in seq order. The analysis result inside a record is opaque to the server beyond
 * the validation below: newer detectors may add fields, and they pass through untouched.
 */
import { z } from 'zod';
import { DOCUMENT_FORMATS, rewriteOptionsSchema, VERDICTS } from './models';
import { ERROR_CODES } from './errors';

/** Global ids: UUIDs as made by crypto.randomUUID() (lower-case, with dashes). */
export const GLOBAL_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const globalId = z.string().regex(GLOBAL_ID_RE, 'not a global id (UUID)');

const isoDate = z.string().datetime({ offset: true });
const deviceName = z.string().min(1).max(100);

/** Largest text of one version a server accepts (characters). */
export const MAX_SYNC_TEXT = 16 * 1024 * 1024;
/** Largest analysis result a server accepts (characters of JSON; checked by the server on push). */
export const MAX_SYNC_ANALYSIS_BYTES = 4 * 1024 * 1024;
/** Body limit of one push request: a batch is cut below this unless a single change is larger. */
export const SYNC_PUSH_BODY_LIMIT = 40 * 1024 * 1024;
/** Most JSON values in one push (the server's default for other bodies is 50,000). */
export const SYNC_PUSH_JSON_VALUES = 1_000_000;

/**
 * An analysis result as a sync record: the fields every device needs to show a score, checked;
 * anything else (sentence scores, signals, fields of newer detectors) kept as it is.
 */
export const syncedAnalysisSchema = z.looseObject({
  ai_confidence: z.number().min(0).max(100).nullable(),
  verdict: z.enum(VERDICTS),
  model: z.string().min(1).max(200),
  word_count: z.number().int().nonnegative(),
  language: z.string().max(20),
  critical_sections: z.array(z.looseObject({ start: z.number(), end: z.number(), confidence: z.number() })),
  explanations: z.array(z.unknown()),
  sentences: z.array(z.unknown()).optional(),
  ai_share: z.number().min(0).max(1).nullable().optional(),
});

export const VERSION_ORIGINS = ['import', 'revision', 'merge'] as const;
export type VersionOrigin = (typeof VERSION_ORIGINS)[number];

const key = globalId;

/** A document's identity and name: sent at import, on rename, and when its import failed. */
const documentChange = z
  .object({
    kind: z.literal('document'),
    key,
    doc: globalId,
    name: z.string().min(1).max(255),
    format: z.enum(DOCUMENT_FORMATS),
    size_bytes: z.number().int().nonnegative(),
    created_at: isoDate,
    /** Set when the file could not be read on the device that imported it. */
    import_error: z
      .object({ code: z.enum(ERROR_CODES), message: z.string().max(2000) })
      .strict()
      .nullable(),
  })
  .strict();

/** At most one block per paragraph, and a paragraph takes at least a character and its break. */
export const MAX_SYNC_BLOCKS = Math.ceil(MAX_SYNC_TEXT / 3);

/**
 * A version of a document's text. `parents`: the version(s) it was made on top of (two for a merge).
 * `blocks`: its structure (TextBlock, src-shared/blocks.ts; absent or empty for plain paragraphs),
 * carried as sent: the device that applies the version checks them against the text and keeps the
 * text without them when they do not fit — a version is never refused, nor its text lost, over them.
 */
const versionChange = z
  .object({
    kind: z.literal('version'),
    key,
    doc: globalId,
    vid: globalId,
    parents: z.array(globalId).max(16),
    origin: z.enum(VERSION_ORIGINS),
    text: z.string().max(MAX_SYNC_TEXT),
    blocks: z.array(z.unknown()).max(MAX_SYNC_BLOCKS).optional(),
    word_count: z.number().int().nonnegative(),
    created_at: isoDate,
  })
  .strict();

const analysisChange = z
  .object({
    kind: z.literal('analysis'),
    key,
    doc: globalId,
    vid: globalId,
    result: syncedAnalysisSchema,
    analyzed_at: isoDate,
  })
  .strict();

/** A delete: a tombstone that wins only over the versions listed in `seen`. */
const deleteChange = z
  .object({
    kind: z.literal('delete'),
    key,
    doc: globalId,
    seen: z.array(globalId).max(100_000),
  })
  .strict();

/** The account's frozen terms (kept byte for byte by revisions): the latest to reach the server wins. */
const frozenTermsChange = z
  .object({
    kind: z.literal('frozen_terms'),
    key,
    terms: rewriteOptionsSchema.shape.frozen_terms,
  })
  .strict();

export const syncChangeSchema = z.discriminatedUnion('kind', [
  documentChange,
  versionChange,
  analysisChange,
  deleteChange,
  frozenTermsChange,
]);
export type SyncChange = z.infer<typeof syncChangeSchema>;
export type SyncChangeKind = SyncChange['kind'];
export type SyncChangeOf<K extends SyncChangeKind> = Extract<SyncChange, { kind: K }>;

export const deviceSchema = z.object({ id: globalId, name: deviceName }).strict();
export type SyncDevice = z.infer<typeof deviceSchema>;

export const MAX_PUSH_CHANGES = 1000;

export const pushRequestSchema = z
  .object({
    library: z.number().int().positive(),
    device: deviceSchema,
    changes: z.array(syncChangeSchema).min(1).max(MAX_PUSH_CHANGES),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What became of one change: `applied` (stored now, with its seq), `duplicate` (stored before
 * under the same key or id: the seq it got then), `refused` (not stored, with the reason; e.g. a
 * delete that had not seen every version).
 */
export const receiptSchema = z
  .object({
    key,
    status: z.enum(['applied', 'duplicate', 'refused']),
    seq: z.number().int().nonnegative().nullable(),
    reason: z.enum(['unseen_versions', 'unknown_document', 'unknown_version']).nullable(),
  })
  .strict();
export type SyncReceipt = z.infer<typeof receiptSchema>;

export const pushResponseSchema = z.object({ receipts: z.array(receiptSchema), head: z.number().int() }).strict();
export type PushResponse = z.infer<typeof pushResponseSchema>;

const recordFields = { seq: z.number().int().positive(), device: deviceSchema, stored_at: isoDate };

/** A stored change as devices pull it: the change, its place in the log, and who made it. */
export const syncRecordSchema = z.discriminatedUnion('kind', [
  documentChange.extend(recordFields),
  versionChange.extend(recordFields),
  analysisChange.extend(recordFields),
  deleteChange.extend(recordFields),
  frozenTermsChange.extend(recordFields),
]);
export type SyncRecord = SyncChange & { seq: number; device: SyncDevice; stored_at: string };

export const changesResponseSchema = z
  .object({
    records: z.array(syncRecordSchema),
    /** Seq of the last record of this page (or `since` when the page is empty). */
    next: z.number().int().nonnegative(),
    /** The library's latest seq when the page was read. */
    head: z.number().int().nonnegative(),
    more: z.boolean(),
  })
  .strict();
export type ChangesResponse = { records: SyncRecord[]; next: number; head: number; more: boolean };

export const librarySchema = z
  .object({
    id: z.number().int().positive(),
    owner: z.string(),
    /** The caller's own library, or one shared with it explicitly. */
    role: z.enum(['owner', 'shared']),
    head: z.number().int().nonnegative(),
  })
  .strict();
export type SyncLibrary = z.infer<typeof librarySchema>;

/** `GET /api/sync/hello`: who the token belongs to, what it may sync, and how to listen live. */
export const helloResponseSchema = z
  .object({
    account: z.object({ id: z.number().int().positive(), name: z.string() }).strict(),
    libraries: z.array(librarySchema),
    /** Key of the Pusher app whose socket (`/app/{key}`) carries the library channels. */
    app_key: z.string().min(1).max(200),
    /** Whether that socket needs the token in its address. */
    socket_token: z.boolean(),
  })
  .strict();
export type HelloResponse = z.infer<typeof helloResponseSchema>;

export const deviceTokenResponseSchema = z
  .object({ token: z.string().min(10).max(500), token_id: z.number().int().positive(), name: z.string() })
  .strict();

// ---- the device's own status (what its interface shows) -----------------------------------------

/**
 * `off`: not signed in to a server; `synced`: nothing waiting; `syncing`: changes going out or
 * coming in; `offline`: the server cannot be reached (changes wait on this device); `error`: the
 * server answered badly (retried with backoff); `signed_out`: the server refused this device's token.
 */
export const SYNC_STATES = ['off', 'synced', 'syncing', 'offline', 'error', 'signed_out'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncStatus {
  state: SyncState;
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  /** A sentence for the user when something is wrong. */
  message: string | null;
  server_url: string | null;
  account: string | null;
  library: number | null;
  device_id: string;
  device_name: string;
  last_synced_at: string | null;
  /** When the next automatic retry is due (ISO), while offline or in error. */
  retry_at: string | null;
  /** Documents with conflicting versions to review. */
  conflicts: number;
  /** Where this device keeps its token, in words ("encrypted with the system's keychain …"). */
  token_kept: string;
}

/** A document's sync badge: `local` (not synced), `pending` (changes waiting), `synced`, `conflict`. */
export const DOCUMENT_SYNC_STATES = ['local', 'pending', 'synced', 'conflict'] as const;
export type DocumentSyncState = (typeof DOCUMENT_SYNC_STATES)[number];

export interface ConflictVersion {
  /** The local version number. */
  version: number;
  device_name: string | null;
  created_at: string;
  word_count: number;
  origin: VersionOrigin;
  current: boolean;
}

/** A document with more than one latest version: the current one and the others, to review. */
export interface DocumentConflict {
  document_id: number;
  name: string;
  versions: ConflictVersion[];
}
