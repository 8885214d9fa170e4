/**
 * Contracts between the core and its worker tasks (src-workers/tasks). Tasks are pure: input in,
 * result out, progress over a transferred MessagePort. Errors come back as values, because an
 * Error's own fields (its code) do not survive the trip between threads.
 */
import type { ErrorBody } from './errors';
import type {
  AnalysisResult,
  DiffHunk,
  DiffSummary,
  DocumentFormat,
  RewriteOptions,
  Settings,
  TextBlock,
} from './models';

export type TaskResult<T> = { ok: true; value: T } | { ok: false; error: ErrorBody & { retryable?: boolean } };

/**
 * Minimal port shape so that src-shared stays free of Node and DOM types. The caller may send a
 * `TaskControlMessage` the other way: a request to stop, which the task turns into an AbortSignal.
 */
export interface ProgressPort {
  postMessage(message: ProgressMessage): void;
  close(): void;
  on?(event: 'message', listener: (message: TaskControlMessage) => void): unknown;
}

/** From the caller to a running task: stop as soon as you can (the pool ends the thread if it does not). */
export interface TaskControlMessage {
  cancel: true;
}

export interface ProgressMessage {
  /** Integer 0–100. */
  progress: number;
  /** Optional units done so far (words), for throughput. */
  done?: number;
  /** Sections finished and in all, for an engine that works section by section. */
  sections_done?: number;
  sections_total?: number;
  /**
   * The changes of the sections finished since the previous message, with the ids they keep in
   * the final result (a revision's partial results).
   */
  hunks?: DiffHunk[];
}

export interface ExtractInput {
  name: string;
  bytes: Uint8Array;
  /** Refuse anything (including a decompressed .docx) larger than this. */
  max_bytes: number;
}

/**
 * What the extract task is given: the bytes, or the file that holds them and its size when it was
 * stored — the worker reads it, so that a large file never crosses the core's event loop.
 */
export type ExtractTaskInput = ExtractInput | (Omit<ExtractInput, 'bytes'> & { path: string; size: number });
export interface ExtractOutput {
  text: string;
  /** What each paragraph of the text was (src-shared/blocks.ts); empty for plain paragraphs. */
  blocks: TextBlock[];
  format: DocumentFormat;
  word_count: number;
}

export interface AnalyzeInput {
  text: string;
}
export type AnalyzeOutput = AnalysisResult;

export interface RewriteInput {
  text: string;
  options: RewriteOptions;
  /** Character ranges to revise when the scope is `sections`; null means the whole text. */
  ranges: { start: number; end: number }[] | null;
  /** Local LLM settings, used when options.engine is `llm`. */
  llm: Settings['llm'] | null;
  /**
   * What the analysis found in the text: per critical section, the signals that pushed it towards
   * AI, in words (the explanations' labels). The LLM engine asks the model to fix these.
   */
  signals?: SectionSignals[];
  port?: ProgressPort;
}
/** Signals of one analysed section: offsets into the text, labels as the analysis wrote them. */
export interface SectionSignals {
  start: number;
  end: number;
  labels: string[];
}

export interface RewriteOutput {
  text: string;
  hunks: DiffHunk[];
  diff_summary: DiffSummary;
  /** Which engine produced it, e.g. "rules-v1". */
  engine: string;
}

export interface ValidateInput {
  text: string;
}
export type ValidateOutput = AnalysisResult;

/** Task file names, resolved by the pool to src-workers/tasks/<name>.ts or the built worker entry. */
export const TASK_NAMES = ['extract', 'analyze', 'rewrite', 'validate'] as const;
export type TaskName = (typeof TASK_NAMES)[number];
