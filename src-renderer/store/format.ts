/** How numbers, times and states read on screen. */
import type { DocumentStatus, JobStatus, RewriteStatus, Verdict } from '../../src-shared/models';

/** AI confidence as the seed shows it: one decimal and a percent sign. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(1)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "12 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** "about 12 s left", "less than a second left". */
export function formatLeft(seconds: number): string {
  return seconds < 1 ? 'less than a second left' : `about ${formatDuration(seconds)} left`;
}

/** An estimate: "under a second", "12 s". */
export function formatEstimate(seconds: number): string {
  return seconds < 1 ? 'under a second' : formatDuration(seconds);
}

/** Run times are often under a second. */
export function formatRuntime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return formatDuration(seconds);
}

let dateTimeFormat: Intl.DateTimeFormat | null = null;

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  // Building a formatter is costly; one serves every call.
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(d);
}

export function formatClock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** "just now", "5 min ago", "3 h ago", then the date. */
export function formatAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const s = Math.round((now - t) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(t).toLocaleDateString();
}

export const DOCUMENT_STATUS_LABEL: Record<DocumentStatus, string> = {
  queued: 'Queued',
  analyzing: 'Analyzing…',
  analyzed: 'Analyzed',
  failed: 'Failed',
};

export const REWRITE_STATUS_LABEL: Record<RewriteStatus, string> = {
  queued: 'Queued',
  processing: 'Revising',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const JOB_STATUS_LABEL: Record<JobStatus, string> = {
  queued: 'Pending',
  processing: 'Processing',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  ai: 'Likely AI-generated',
  mixed: 'Mixed: AI-generated and human-written passages',
  human: 'Likely human-written',
  uncertain: 'Uncertain',
  too_short: 'Too short to judge',
  unsupported_language: 'Language not supported',
};

/** Confidence bands used for highlighting: each has a colour AND a pattern and a label. */
export type Band = 'high' | 'medium' | 'low';
export function band(confidence: number): Band {
  if (confidence >= 80) return 'high';
  if (confidence >= 60) return 'medium';
  return 'low';
}
export const BAND_LABEL: Record<Band, string> = { high: 'high', medium: 'medium', low: 'low' };

/**
 * Seconds left of a revision: before it starts, the server's estimate minus the time waited; once
 * it runs, the rate so far (elapsed ÷ progress) with the estimate as a floor-free fallback.
 */
export function remainingSeconds(
  r: {
    status: string;
    progress: number;
    estimated_time: number | null;
    queued_at: string | null;
    started_at: string | null;
  },
  now = Date.now(),
): number | null {
  if (r.status === 'completed' || r.status === 'failed' || r.status === 'cancelled') return 0;
  const est = r.estimated_time;
  if (r.status === 'processing' && r.started_at) {
    const elapsed = Math.max(0, (now - Date.parse(r.started_at)) / 1000);
    if (r.progress >= 5 && r.progress < 100) return (elapsed * (100 - r.progress)) / r.progress;
    if (est !== null) return Math.max(0, est - elapsed);
    return null;
  }
  if (est !== null && r.queued_at) return Math.max(0, est - Math.max(0, (now - Date.parse(r.queued_at)) / 1000));
  return est;
}
