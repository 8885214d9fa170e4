/**
 * The command API (docs/architecture.md §4): one typed surface used by the renderer (through a Bridge), the
 * HTTP server, the CLI and the tests. Arguments are validated with these zod schemas at every
 * boundary; results are plain JSON.
 */
import { z } from 'zod';
import type {
  DocumentDetail,
  DocumentSummary,
  JobRecord,
  QueueStats,
  RewriteDetail,
  RewriteSummary,
  SampleRecord,
  SettingsView,
} from './models';
import { DOCUMENT_STATUSES, JOB_STATUSES, JOB_TYPES, rewriteOptionsSchema, settingsSchema } from './models';
import type { ErrorBody } from './errors';
import type { Envelope, ReplayResult } from './events';
import type { DocumentConflict, DocumentSyncState, SyncStatus } from './sync';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Ids of a revision's changes, or every change. */
const acceptedHunks = z.union([z.array(z.number().int().nonnegative()).max(100000), z.literal('all')]);
const fileName = z.string().min(1).max(255);

/** A file to import: its text, its bytes (base64), or — only where the caller is trusted (Electron main, CLI) — a path. */
export const importFileSchema = z.union([
  z.object({ name: fileName, text: z.string() }).strict(),
  z.object({ name: fileName, base64: z.string() }).strict(),
  z.object({ name: fileName, path: z.string().min(1).max(4096) }).strict(),
]);
export type ImportFile = z.infer<typeof importFileSchema>;

/** The address of a sync server: http or https, nothing else. */
const syncServerUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'Give the server address as http://HOST:PORT or https://HOST.');

const rewriteOptionsPatch = rewriteOptionsSchema.partial().strict();

const deepPartialSettings = z
  .object({
    revision: settingsSchema.shape.revision.partial().strict(),
    frozen_terms: settingsSchema.shape.frozen_terms,
    llm: settingsSchema.shape.llm.partial().strict(),
    theme: settingsSchema.shape.theme,
    limits: settingsSchema.shape.limits.partial().strict(),
    machine_limits: settingsSchema.shape.machine_limits.partial().strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof deepPartialSettings>;

export const commandSchemas = {
  importDocuments: z.object({ files: z.array(importFileSchema).min(1).max(1000) }).strict(),
  listDocuments: z
    .object({
      query: z.string().max(500).optional(),
      status: z.enum(DOCUMENT_STATUSES).optional(),
      sort: z.enum(['created_at', 'name', 'ai_confidence', 'status']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
      limit: z.number().int().min(1).max(20000).optional(),
      offset: z.number().int().min(0).optional(),
    })
    .strict(),
  getDocument: z.object({ id, version: z.number().int().positive().optional() }).strict(),
  deleteDocument: z.object({ id }).strict(),
  analyzeDocument: z.object({ id }).strict(),
  rewriteDocument: z.object({ id, options: rewriteOptionsPatch.optional() }).strict(),
  getRewrite: z.object({ id }).strict(),
  applyRewrite: z.object({ id, accepted_hunks: acceptedHunks }).strict(),
  exportDocument: z
    .object({
      id,
      format: z.enum(['txt', 'md', 'docx']),
      version: z.number().int().positive().optional(),
      rewrite_id: id.optional(),
      /**
       * With `rewrite_id`: the changes the reader accepted, so that the export is what applying
       * them would give. Without it, a revision exports as applied (when it was) or in full.
       */
      accepted_hunks: acceptedHunks.optional(),
    })
    .strict()
    .refine((a) => a.accepted_hunks === undefined || a.rewrite_id !== undefined, {
      message: 'accepted_hunks goes with rewrite_id.',
    })
    .refine((a) => a.version === undefined || a.rewrite_id === undefined, {
      message: 'Give a version or a rewrite_id, not both.',
    }),
  validateSample: z
    .object({
      document_id: id,
      text: z.string().min(1).max(2_000_000).optional(),
      start: z.number().int().nonnegative().optional(),
      end: z.number().int().positive().optional(),
      rewrite_id: id.optional(),
    })
    .strict()
    .refine(
      (a) =>
        [a.text !== undefined, a.start !== undefined || a.end !== undefined, a.rewrite_id !== undefined].filter(Boolean)
          .length === 1,
      {
        message: 'Give exactly one of: text, a range (start and end), or rewrite_id.',
      },
    )
    .refine(
      (a) =>
        (a.start === undefined) === (a.end === undefined) && (a.start === undefined || a.start < (a.end as number)),
      {
        message: 'A range needs both start and end, with start before end.',
      },
    ),
  listJobs: z
    .object({
      status: z.enum(JOB_STATUSES).optional(),
      type: z.enum(JOB_TYPES).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    })
    .strict(),
  cancelJob: z.object({ id }).strict(),
  retryJob: z.object({ id }).strict(),
  getQueueStats: z.object({}).strict(),
  getEvents: z.object({ channel: z.string().min(1).max(164), since: z.number().int().min(0) }).strict(),
  /** The newest events of every channel the caller may read, newest first (the event log's history). */
  getRecentEvents: z.object({ limit: z.number().int().min(1).max(5000).optional() }).strict(),
  /** The signed-in account, whose library and queue channels the interface follows. */
  whoami: z.object({}).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: z.object({ patch: deepPartialSettings }).strict(),
  renameDocument: z.object({ id, name: fileName }).strict(),
  // Sync with a remote Inkproof server (docs/sync.md).
  getSyncStatus: z.object({}).strict(),
  connectSync: z
    .object({
      server_url: syncServerUrl,
      /** How this device is named on the server (its token's name); default: the machine's name. */
      device_name: z.string().trim().min(1).max(100).optional(),
      /** Sign in with the account's password, or give an API token (a token for this device is made from it). */
      credentials: z.union([
        z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) }).strict(),
        z.object({ token: z.string().trim().min(10).max(500) }).strict(),
      ]),
      /** Which library to sync: the account's own (default) or one shared with it. */
      library: id.optional(),
    })
    .strict(),
  disconnectSync: z.object({}).strict(),
  retrySync: z.object({}).strict(),
  getSyncBadges: z.object({}).strict(),
  listConflicts: z.object({}).strict(),
  resolveConflict: z.object({ id, keep_version: z.number().int().positive() }).strict(),
} as const;

export type CommandName = keyof typeof commandSchemas;
export const COMMAND_NAMES = Object.keys(commandSchemas) as CommandName[];
export type CommandArgs<C extends CommandName> = z.input<(typeof commandSchemas)[C]>;

export interface ImportResult {
  documents: DocumentSummary[];
  /** Files that were refused, each with the reason. */
  errors: { name: string; error: ErrorBody }[];
}

export interface ExportResult {
  name: string;
  mime: string;
  base64: string;
}

export interface CommandResults {
  importDocuments: ImportResult;
  listDocuments: { documents: DocumentSummary[]; total: number };
  getDocument: DocumentDetail;
  deleteDocument: { deleted: true; id: number };
  analyzeDocument: { document: DocumentSummary; job: JobRecord };
  rewriteDocument: { rewrite: RewriteSummary };
  getRewrite: RewriteDetail;
  applyRewrite: { document: DocumentSummary; version: number };
  exportDocument: ExportResult;
  validateSample: { sample: SampleRecord };
  listJobs: { jobs: JobRecord[] };
  cancelJob: { job: JobRecord };
  retryJob: { job: JobRecord };
  getQueueStats: QueueStats;
  getEvents: ReplayResult;
  getRecentEvents: { events: Envelope[] };
  whoami: { user: { id: number; name: string | null } };
  getSettings: SettingsView;
  updateSettings: SettingsView;
  renameDocument: { document: DocumentSummary };
  getSyncStatus: SyncStatus;
  connectSync: SyncStatus;
  disconnectSync: SyncStatus;
  retrySync: SyncStatus;
  /** Keys are document ids. */
  getSyncBadges: { documents: Record<string, DocumentSyncState> };
  listConflicts: { conflicts: DocumentConflict[] };
  resolveConflict: { document: DocumentSummary; version: number };
}
export type CommandResult<C extends CommandName> = CommandResults[C];

/** The CoreApi as seen from any caller. */
export type CommandApi = { [C in CommandName]: (args: CommandArgs<C>) => Promise<CommandResult<C>> };
