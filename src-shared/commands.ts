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
}
export type CommandResult<C extends CommandName> = CommandResults[C];

/** The CoreApi as seen from any caller. */
export type CommandApi = { [C in CommandName]: (args: CommandArgs<C>) => Promise<CommandResult<C>> };
