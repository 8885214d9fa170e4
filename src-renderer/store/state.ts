/** The renderer's state: what the views show, kept current by commands and live events. */
import type {
  DiffSummary,
  DocumentDetail,
  DocumentSummary,
  JobRecord,
  QueueStats,
  RewriteDetail,
  RewriteStatus,
  SettingsView,
  Verdict,
} from '../../src-shared/models';

export interface RewriteState {
  id: number;
  document_id: number | null;
  status: RewriteStatus;
  progress: number;
  /** Seconds, from `rewrite.queued`: estimated from the queue ahead and measured throughput. */
  estimated_time: number | null;
  queued_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  error: string | null;
  diff_summary: DiffSummary | null;
  /**
   * Original, result and hunks, loaded by command: once it has completed, or while it runs when the
   * engine hands out the changes of finished sections (then `result` is null).
   */
  detail: RewriteDetail | null;
  applied_version: number | null;
  /** Sections finished and in all, when the engine reports them ("section 3 of 10"). */
  sections_done: number | null;
  sections_total: number | null;
}

/** The reader's decision on one change of a revision. */
export type Decision = 'accepted' | 'rejected';

export interface SampleState {
  id: number;
  document_id: number;
  rewrite_id: number | null;
  status: 'queued' | 'completed' | 'failed';
  ai_confidence: number | null;
  verdict: Verdict | null;
  validated_at: string | null;
  /** What was checked, for the list: "Selected passage", "Revision #3", … */
  label: string;
  created_at: string;
  /** Checked on the reader's behalf (the score of their accepted changes): no notification. */
  quiet?: boolean;
}

/** Finished work, for the activity list (the toasts' lasting record). */
export interface ActivityItem {
  id: number;
  /** ms since the epoch. */
  at: number;
  kind: Toast['kind'];
  message: string;
  route?: string;
}

export interface LoggedEvent {
  /** Unique within the page. */
  key: number;
  channel: string;
  event: string;
  data: unknown;
  seq: number;
  /** When it reached the window (ms since epoch). */
  receivedAt: number;
}

export interface Toast {
  id: number;
  kind: 'success' | 'error' | 'info';
  message: string;
  /** Where "Open" leads, if anywhere. */
  route?: string;
}

export interface EventLog {
  items: LoggedEvent[];
  paused: boolean;
  /** Received while paused, shown on resume. */
  held: LoggedEvent[];
}

export interface AppState {
  docs: Map<number, DocumentSummary>;
  libraryLoaded: boolean;
  details: Map<number, DocumentDetail>;
  rewrites: Map<number, RewriteState>;
  samples: Map<number, SampleState>;
  jobs: Map<number, JobRecord>;
  jobsLoaded: boolean;
  stats: QueueStats | null;
  log: EventLog;
  toasts: Toast[];
  /** Newest first, bounded. */
  activity: ActivityItem[];
  settings: SettingsView | null;
  /** The signed-in account, whose library and queue channels are followed; null until known. */
  user: { id: number; name: string | null } | null;
  /** Per revision, the reader's decisions on its changes (kept while the window is open). */
  decisions: Map<number, ReadonlyMap<number, Decision>>;
  /**
   * When this window started (ms since the epoch): events from before it are history, and
   * history replayed when a channel is joined never raises a notification.
   */
  sessionStart: number;
}

export const LOG_LIMIT = 5000;
/** At most this many notifications at once; the activity list keeps them all. */
export const TOAST_LIMIT = 3;
export const ACTIVITY_LIMIT = 100;

export function initialState(): AppState {
  return {
    docs: new Map(),
    libraryLoaded: false,
    details: new Map(),
    rewrites: new Map(),
    samples: new Map(),
    jobs: new Map(),
    jobsLoaded: false,
    stats: null,
    log: { items: [], paused: false, held: [] },
    toasts: [],
    activity: [],
    settings: null,
    user: null,
    decisions: new Map(),
    sessionStart: 0,
  };
}

export function emptyRewrite(id: number): RewriteState {
  return {
    id,
    document_id: null,
    status: 'queued',
    progress: 0,
    estimated_time: null,
    queued_at: null,
    started_at: null,
    completed_at: null,
    error: null,
    diff_summary: null,
    detail: null,
    applied_version: null,
    sections_done: null,
    sections_total: null,
  };
}

export const FINAL_REWRITE: ReadonlySet<RewriteStatus> = new Set(['completed', 'failed', 'cancelled']);
export const PENDING_DOCUMENT = new Set(['queued', 'analyzing']);
