/** How numbers, times and states read on screen. */
import type { DocumentStatus, JobStatus, RewriteStatus, Verdict } from '../../src-shared/models';

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

/**
 * Seconds left of a running revision, only once there is a basis for one: sections finished (or,
 * without sections, 5 % of the text) and the time they took. Null otherwise: no estimate is better
 * than "less than a second left" on a revision that has not really begun.
 */
export function secondsLeft(
  r: {
    status: string;
    progress: number;
    started_at: string | null;
    sections_done: number | null;
    sections_total: number | null;
  },
  now = Date.now(),
): number | null {
  if (r.status !== 'processing' || !r.started_at) return null;
  const elapsed = (now - Date.parse(r.started_at)) / 1000;
  if (!(elapsed > 0)) return null;
  const { sections_done: done, sections_total: total } = r;
  if (total) return done && done < total ? (elapsed * (total - done)) / done : null;
  return r.progress >= 5 && r.progress < 100 ? (elapsed * (100 - r.progress)) / r.progress : null;
}
