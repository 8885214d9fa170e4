/**
 * Records that commands return and engines produce. Field names are snake_case on every wire
 * (HTTP, IPC, events), as in the seed's payloads.
 */
import { z } from 'zod';
import { JOB_TYPES, LLM_KINDS, REWRITE_MODES } from './constants';

export { JOB_TYPES, LLM_KINDS, MIN_SCORED_WORDS, REWRITE_MODES, SENTENCE_READS_AS_AI } from './constants';

export const DOCUMENT_FORMATS = ['txt', 'md', 'html', 'docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const DOCUMENT_STATUSES = ['queued', 'analyzing', 'analyzed', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * `mixed`: the document holds real passages of both kinds (see `ai_share`); `uncertain`: the
 * evidence is too weak either way; `too_short` and `unsupported_language` are not scored.
 */
export const VERDICTS = ['ai', 'mixed', 'human', 'uncertain', 'too_short', 'unsupported_language'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What the broadcast carries for a section: offsets into the extracted text, text at most ~300 chars. */
export const criticalSectionSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  confidence: z.number().min(0).max(100),
});
export type CriticalSection = z.infer<typeof criticalSectionSchema>;

/**
 * One signal that moved a score, in words a user understands. An explanation of weight 0 is a
 * note about the score (a short text, an unsupported language), evidence for neither side.
 */
export interface Explanation {
  /** Stable id of the signal, e.g. "overused_vocabulary". */
  signal: string;
  /** A sentence for the user: "6 words language models overuse: delve, pivotal, …". */
  label: string;
  /** Which way it pushed the score. */
  direction: 'ai' | 'human';
  /** Its contribution to the log-odds (positive towards AI). */
  weight: number;
  /** Where the words and phrases behind it stand in the text (offsets into the extracted text), if anywhere. */
  spans?: Span[];
}

/** A range of the extracted text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface SectionAnalysis extends CriticalSection {
  explanations: Explanation[];
}

/** A sentence's own score: offsets into the extracted text, `score` in percent (one decimal). */
export interface SentenceScore {
  start: number;
  end: number;
  score: number;
}

/** The analysis engine's result, stored in full; events carry a summary of it. */
export interface AnalysisResult {
  /** Calibrated probability in percent with one decimal; null when the text is not scored. */
  ai_confidence: number | null;
  verdict: Verdict;
  critical_sections: SectionAnalysis[];
  explanations: Explanation[];
  /** Every sentence with its score, in text order; empty when the text is not scored. */
  sentences: SentenceScore[];
  /**
   * Share (0–1, two decimals) of the text's words that lie in passages judged AI; null when the
   * text is not scored.
   */
  ai_share: number | null;
  word_count: number;
  /** ISO 639-3 code from language detection, or "und". */
  language: string;
  /** Which engine and model produced it, e.g. "heuristic-v1". */
  model: string;
}

export interface DocumentSummary {
  id: number;
  name: string;
  format: DocumentFormat;
  status: DocumentStatus;
  word_count: number | null;
  size_bytes: number;
  ai_confidence: number | null;
  verdict: Verdict | null;
  /** Share (0–1) of the words in passages judged AI; null until analysed or when not scored. */
  ai_share: number | null;
  error: string | null;
  version: number;
  created_at: string;
  analyzed_at: string | null;
}

/**
 * The structure of an extracted text, kept beside it so that display, revision and export keep a
 * document's formatting: the text itself stays plain (paragraphs separated by blank lines), and
 * each block says what one of its paragraphs was. Offsets are into the extracted text.
 */
export const BLOCK_KINDS = ['paragraph', 'heading', 'list_item', 'quote', 'code'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];
export const MARK_KINDS = ['strong', 'emphasis', 'code', 'link'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export interface TextMark {
  kind: MarkKind;
  start: number;
  end: number;
  /** The link's target, for `link` marks. */
  href?: string;
}

export interface TextBlock {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level (1–6), or a list item's nesting depth (1 = top level). */
  level?: number;
  /** Numbered list item. */
  ordered?: boolean;
  /** Inline formatting within the block. */
  marks?: TextMark[];
}

export interface DocumentDetail extends DocumentSummary {
  text: string | null;
  /** The text's blocks in order; empty when the source had no structure beyond paragraphs. */
  blocks: TextBlock[];
  critical_sections: SectionAnalysis[];
  explanations: Explanation[];
  sentences: SentenceScore[];
  analysis_model: string | null;
  versions: DocumentVersionInfo[];
}

export interface DocumentVersionInfo {
  version: number;
  created_at: string;
  rewrite_id: number | null;
  word_count: number;
  /** The latest analysis of this version; null until it is analysed or when it is not scored. */
  ai_confidence: number | null;
  verdict: Verdict | null;
  ai_share: number | null;
}

export type RewriteMode = (typeof REWRITE_MODES)[number];
export const REWRITE_SCOPES = ['document', 'sections'] as const;
export type RewriteScope = (typeof REWRITE_SCOPES)[number];
export const REWRITE_ENGINES = ['rules', 'llm'] as const;
export type RewriteEngine = (typeof REWRITE_ENGINES)[number];

export const rewriteOptionsSchema = z.object({
  mode: z.enum(REWRITE_MODES),
  strength: z.number().int().min(1).max(3),
  scope: z.enum(REWRITE_SCOPES),
  engine: z.enum(REWRITE_ENGINES),
  frozen_terms: z.array(z.string().min(1).max(200)).max(500),
});
export type RewriteOptions = z.infer<typeof rewriteOptionsSchema>;

export const REWRITE_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type RewriteStatus = (typeof REWRITE_STATUSES)[number];

export interface DiffSummary {
  additions: number;
  deletions: number;
  similarity: number;
  /**
   * What the reader should know about the revision as a whole, e.g. that a text judged
   * human-written was revised only where the detector flags it.
   */
  note?: string;
}

/** A change the user can accept or reject: `before` at [start, end) of the original becomes `after`. */
export interface DiffHunk {
  id: number;
  start: number;
  end: number;
  before: string;
  after: string;
  /** What the change addresses, for the reader: "stock opener removed", "long sentence split". */
  reason?: string;
  /** Something the reader should know about how it was made, e.g. a fallback of the LLM engine. */
  note?: string;
}

export interface RewriteSummary {
  id: number;
  document_id: number;
  document_version: number;
  status: RewriteStatus;
  progress: number;
  options: RewriteOptions;
  error: string | null;
  diff_summary: DiffSummary | null;
  queued_at: string;
  started_at: string | null;
  completed_at: string | null;
  applied_version: number | null;
}

export interface RewriteDetail extends RewriteSummary {
  original: string;
  result: string | null;
  /**
   * The changes. While `partial` is true these are the changes of the sections finished so far,
   * each with the id it keeps in the final result; once completed, all of them.
   */
  hunks: DiffHunk[];
  /** True while the revision runs and `hunks` holds only the finished sections' changes. */
  partial: boolean;
  /** Sections finished and in all (critical sections, or paragraphs for a whole document); null when not known. */
  sections_done: number | null;
  sections_total: number | null;
}

export interface SampleRecord {
  id: number;
  document_id: number;
  rewrite_id: number | null;
  text_length: number;
  status: 'queued' | 'completed' | 'failed';
  ai_confidence: number | null;
  verdict: Verdict | null;
  error: string | null;
  created_at: string;
  validated_at: string | null;
}

export type JobType = (typeof JOB_TYPES)[number];
export const JOB_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRecord {
  id: number;
  type: JobType;
  /** The document, rewrite or sample the job works on. */
  subject_id: number;
  status: JobStatus;
  progress: number;
  attempts: number;
  max_attempts: number;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** When a retry after a transient error becomes due. */
  run_after: string | null;
  /** Seconds from start to finish of the last run. */
  runtime: number | null;
  /** Work units (words) of the job, for throughput and estimates. */
  units: number;
}

export interface QueueTypeStats {
  queued: number;
  processing: number;
  completed: number;
  failed: number;
  cancelled: number;
  /** Moving measure of words per second per worker thread, null before the first completed job. */
  throughput: number | null;
  /** Median runtime of recent completed jobs in seconds. */
  median_runtime: number | null;
}

export interface QueueStats {
  concurrency: number;
  by_type: Record<JobType, QueueTypeStats>;
  /** Jobs completed in the last minute. */
  completed_last_minute: number;
  failed_last_minute: number;
}

export const THEMES = ['system', 'light', 'dark'] as const;

const MAX_FILE_BYTES = z
  .number()
  .int()
  .min(1024)
  .max(1024 * 1024 * 1024);

/** A host name or IP address the local model may be reached at, besides this machine's own. */
export const llmHostSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|\[[0-9A-Fa-f:.]+\])$/, {
    message: 'A host is a name like "gpu-box.lan", an IPv4 address, or an IPv6 address in brackets.',
  });

/**
 * Every setting, in one schema. Two kinds, kept apart by who may change them:
 *
 * - per account (`ACCOUNT_SETTING_KEYS`): revision defaults, frozen terms, theme, and the account's
 *   own import limit, which can only be lowered below the machine's ceiling. No account sees or
 *   changes another's.
 * - per machine (`MACHINE_SETTING_KEYS`): the local model (its address, limited by default to this
 *   machine plus `allowed_hosts`) and the ceiling of the limits — changed only by the owner of the
 *   data folder (the desktop app, the command line, an admin account of `inkproof serve`).
 *
 * A caller reads the settings in force for it: its account's values and the machine's.
 */
export const settingsSchema = z.object({
  /** Defaults of a new revision. */
  revision: rewriteOptionsSchema.pick({ mode: true, strength: true, scope: true, engine: true }),
  frozen_terms: rewriteOptionsSchema.shape.frozen_terms,
  theme: z.enum(THEMES),
  limits: z.object({
    /** Largest file this account may import, in bytes: at most `machine_limits.max_file_bytes`. */
    max_file_bytes: MAX_FILE_BYTES,
  }),
  llm: z.object({
    kind: z.enum(LLM_KINDS),
    url: z.string().max(2000),
    model: z.string().max(200),
    context_tokens: z.number().int().min(256).max(1_000_000),
    timeout_seconds: z.number().int().min(1).max(3600),
    /**
     * Hosts besides loopback (127.0.0.0/8, ::1, localhost) that `url` may name; absent means
     * none. The address is checked against them when saved and again by the revision worker before
     * each request.
     */
    allowed_hosts: z.array(llmHostSchema).max(100).optional(),
  }),
  machine_limits: z.object({
    /** Ceiling of every account's import limit, in bytes. */
    max_file_bytes: MAX_FILE_BYTES,
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const ACCOUNT_SETTING_KEYS = ['revision', 'frozen_terms', 'theme', 'limits'] as const;
export const MACHINE_SETTING_KEYS = ['llm', 'machine_limits'] as const;
export const accountSettingsSchema = settingsSchema.pick({
  revision: true,
  frozen_terms: true,
  theme: true,
  limits: true,
});
export const machineSettingsSchema = settingsSchema.pick({ llm: true, machine_limits: true });
export type AccountSettings = z.infer<typeof accountSettingsSchema>;
export type MachineSettings = z.infer<typeof machineSettingsSchema>;

/** What `getSettings` answers: the settings in force for the caller, and whether it may change the machine's. */
export interface SettingsView extends Settings {
  can_change_machine: boolean;
}

export const DEFAULT_MACHINE_SETTINGS: MachineSettings = {
  llm: {
    kind: 'openai',
    url: 'http://127.0.0.1:8081',
    model: '',
    context_tokens: 4096,
    timeout_seconds: 120,
    allowed_hosts: [],
  },
  machine_limits: { max_file_bytes: 20 * 1024 * 1024 },
};

export const DEFAULT_SETTINGS: Settings = {
  revision: { mode: 'standard', strength: 2, scope: 'sections', engine: 'rules' },
  frozen_terms: [],
  theme: 'system',
  limits: { max_file_bytes: DEFAULT_MACHINE_SETTINGS.machine_limits.max_file_bytes },
  ...DEFAULT_MACHINE_SETTINGS,
};
