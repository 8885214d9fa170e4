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
  /** Original, result and hunks, loaded by command once it has completed. */
  detail: RewriteDetail | null;
  applied_version: number | null;
}

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
  settings: SettingsView | null;
}

export const LOG_LIMIT = 5000;

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
    settings: null,
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
  };
}

export const FINAL_REWRITE: ReadonlySet<RewriteStatus> = new Set(['completed', 'failed', 'cancelled']);
export const PENDING_DOCUMENT = new Set(['queued', 'analyzing']);
