/**
 * The reducer of live events: a batch in (at most one per frame), one state patch out, plus the
 * toasts to show. Pure, so that it is tested without a DOM and a burst costs one store update.
 *
 * Replays may bring events the state already reflects (after a reload, or our own actions, which
 * the server does not echo back to us): every case is idempotent, and timestamps keep an old event
 * from undoing newer state.
 */
import type { EventPayload } from '../../src-shared/events';
import type { DocumentDetail, DocumentSummary, JobRecord } from '../../src-shared/models';
import type { LiveItem } from '../live/client';
import { FIREHOSE_CHANNEL } from '../live/client';
import { roundedPercent } from '../review/verdict';
import {
  emptyRewrite,
  FINAL_REWRITE,
  LOG_LIMIT,
  type AppState,
  type LoggedEvent,
  type RewriteState,
  type Toast,
} from './state';

export type ToastInput = Omit<Toast, 'id'>;

export interface Reduction {
  patch: Partial<AppState>;
  toasts: ToastInput[];
  /** Channels whose state must be reloaded by command (resync). */
  reload: string[];
  /** Some job changed: queue statistics are stale. */
  jobsChanged: boolean;
}

/** Copy-on-write of a Map: copied once per batch, on first change. */
class Cow<K, V> {
  private copy: Map<K, V> | null = null;
  constructor(private readonly base: Map<K, V>) {}
  get(k: K): V | undefined {
    return (this.copy ?? this.base).get(k);
  }
  has(k: K): boolean {
    return (this.copy ?? this.base).has(k);
  }
  set(k: K, v: V): void {
    (this.copy ??= new Map(this.base)).set(k, v);
  }
  delete(k: K): void {
    if (!this.has(k)) return;
    (this.copy ??= new Map(this.base)).delete(k);
  }
  result(): Map<K, V> | null {
    return this.copy;
  }
}

let logKey = 0;

const later = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && Date.parse(a) > Date.parse(b);

export function reduceBatch(state: AppState, batch: LiveItem[], now = Date.now()): Reduction {
  const docs = new Cow(state.docs);
  const details = new Cow(state.details);
  const rewrites = new Cow(state.rewrites);
  const samples = new Cow(state.samples);
  const jobs = new Cow(state.jobs);
  const toasts: ToastInput[] = [];
  const reload: string[] = [];
  const logged: LoggedEvent[] = [];
  let jobsChanged = false;
  const analyzed: { id: number; name: string; payload: EventPayload<'document.analyzed'> }[] = [];
  /** Whether an event happened while this window was open (not history replayed on joining a channel). */
  const current = (env: { ts: number }) => env.ts >= state.sessionStart;

  const patchDoc = (id: number, patch: Partial<DocumentSummary>) => {
    const d = docs.get(id);
    if (d) docs.set(id, { ...d, ...patch });
    const det = details.get(id);
    if (det) details.set(id, { ...det, ...patch } as DocumentDetail);
  };
  const nameOf = (id: number) => docs.get(id)?.name ?? details.get(id)?.name ?? `Document ${id}`;
  const rewriteOf = (id: number): RewriteState => rewrites.get(id) ?? emptyRewrite(id);

  for (const item of batch) {
    if (item.kind === 'resync') {
      reload.push(item.channel);
      continue;
    }
    const env = item.envelope;
    if (item.via === FIREHOSE_CHANNEL) {
      logged.push({
        key: ++logKey,
        channel: env.channel,
        event: env.event,
        data: env.data,
        seq: env.seq,
        receivedAt: now,
      });
      continue;
    }
    switch (env.event) {
      case 'document.imported': {
        const p = env.data as EventPayload<'document.imported'>;
        if (!docs.has(p.document_id)) {
          docs.set(p.document_id, {
            id: p.document_id,
            name: p.name,
            format: p.format as DocumentSummary['format'],
            status: 'queued',
            word_count: null,
            size_bytes: p.size_bytes,
            ai_share: null,
            ai_confidence: null,
            verdict: null,
            error: null,
            version: 1,
            created_at: p.imported_at,
            analyzed_at: null,
          });
        }
        break;
      }
      case 'document.analysis_started': {
        const p = env.data as EventPayload<'document.analysis_started'>;
        const d = docs.get(p.document_id) ?? details.get(p.document_id);
        // An analysis that finished after this start makes the start old news.
        if (!d || (d.status === 'analyzed' && later(d.analyzed_at, p.started_at))) break;
        patchDoc(p.document_id, { status: 'analyzing', error: null });
        break;
      }
      case 'document.analysis_failed': {
        const p = env.data as EventPayload<'document.analysis_failed'>;
        const before = docs.get(p.document_id) ?? details.get(p.document_id);
        patchDoc(p.document_id, { status: 'failed', error: p.error });
        if (before && before.status !== 'failed')
          toasts.push({
            kind: 'error',
            message: `Could not analyse ${nameOf(p.document_id)}: ${p.error}`,
            route: `/documents/${p.document_id}`,
          });
        break;
      }
      case 'document.updated': {
        const p = env.data as EventPayload<'document.updated'>;
        const d = docs.get(p.document_id) ?? details.get(p.document_id);
        if (d && p.version > d.version) patchDoc(p.document_id, { version: p.version, status: 'queued' });
        // A rename (here, or on another device through sync).
        if (d && p.name !== undefined && p.name !== d.name) patchDoc(p.document_id, { name: p.name });
        break;
      }
      case 'document.deleted': {
        const p = env.data as EventPayload<'document.deleted'>;
        docs.delete(p.document_id);
        details.delete(p.document_id);
        break;
      }
      case 'document.analyzed': {
        const p = env.data as EventPayload<'document.analyzed'>;
        const d = docs.get(p.document_id) ?? details.get(p.document_id);
        if (d && d.analyzed_at && later(d.analyzed_at, p.analyzed_at)) break;
        patchDoc(p.document_id, {
          status: 'analyzed',
          ai_confidence: p.ai_confidence,
          verdict: p.verdict,
          ai_share: p.ai_share,
          analyzed_at: p.analyzed_at,
          error: null,
          ...(p.word_count !== undefined ? { word_count: p.word_count } : {}),
        });
        const det = details.get(p.document_id);
        if (det) {
          // The summary's sections have no explanations: keep those of matching sections until the detail is reloaded.
          const old = new Map(det.critical_sections.map((s) => [`${s.start}:${s.end}`, s.explanations]));
          details.set(p.document_id, {
            ...det,
            critical_sections: p.critical_sections.map((s) => ({
              ...s,
              explanations: old.get(`${s.start}:${s.end}`) ?? [],
            })),
          });
        }
        // A toast for an analysis seen finishing, not for history replayed when a channel is joined.
        if (d && d.status !== 'analyzed' && current(env))
          analyzed.push({ id: p.document_id, name: nameOf(p.document_id), payload: p });
        break;
      }
      case 'sample.validated': {
        const p = env.data as EventPayload<'sample.validated'>;
        const s = samples.get(p.sample_id);
        samples.set(p.sample_id, {
          id: p.sample_id,
          document_id: p.document_id,
          rewrite_id: p.rewrite_id,
          status: 'completed',
          ai_confidence: p.ai_confidence,
          verdict: s?.verdict ?? null,
          validated_at: p.validated_at,
          label: s?.label ?? (p.rewrite_id ? `Revision #${p.rewrite_id}` : 'Passage'),
          created_at: s?.created_at ?? p.validated_at,
        });
        if (s && s.status !== 'completed' && !s.quiet) {
          toasts.push({
            kind: 'info',
            message: `${s.label} checked: ${p.ai_confidence === null ? 'no score (too short, or not English)' : `${roundedPercent(p.ai_confidence)} likely AI`}`,
            route: `/documents/${p.document_id}`,
          });
        }
        break;
      }
      case 'rewrite.queued': {
        const p = env.data as EventPayload<'rewrite.queued'>;
        const r = rewriteOf(p.rewrite_id);
        // Only a failed or cancelled revision is queued again; a completed one is history replayed.
        if (r.status === 'completed') break;
        rewrites.set(p.rewrite_id, {
          ...r,
          document_id: p.document_id,
          status: 'queued',
          queued_at: p.queued_at,
          estimated_time: p.estimated_time,
          error: null,
          completed_at: null,
        });
        break;
      }
      case 'rewrite.processing': {
        const p = env.data as EventPayload<'rewrite.processing'>;
        const r = rewriteOf(p.rewrite_id);
        if (r.status === 'completed') break;
        rewrites.set(p.rewrite_id, {
          ...r,
          document_id: p.document_id,
          status: 'processing',
          started_at: p.started_at,
        });
        break;
      }
      case 'rewrite.progress': {
        const p = env.data as EventPayload<'rewrite.progress'>;
        const r = rewriteOf(p.rewrite_id);
        if (r.status === 'completed' || r.status === 'failed' || r.status === 'cancelled') break;
        const moreSections = p.sections_done !== undefined && p.sections_done > (r.sections_done ?? -1);
        if (p.progress <= r.progress && r.status === 'processing' && !moreSections) break;
        rewrites.set(p.rewrite_id, {
          ...r,
          status: 'processing',
          progress: Math.max(r.progress, p.progress),
          sections_done:
            p.sections_done !== undefined ? Math.max(r.sections_done ?? 0, p.sections_done) : r.sections_done,
          sections_total: p.sections_total ?? r.sections_total,
        });
        break;
      }
      case 'rewrite.completed': {
        const p = env.data as EventPayload<'rewrite.completed'>;
        // Toasts for work seen in flight, not for the history of a revision opened later: the
        // state before this batch knew it running, and it finished while this window was open.
        const known = state.rewrites.get(p.rewrite_id);
        const r = rewriteOf(p.rewrite_id);
        const first = !!known && !FINAL_REWRITE.has(known.status) && current(env);
        rewrites.set(p.rewrite_id, {
          ...r,
          document_id: p.document_id,
          status: 'completed',
          progress: 100,
          completed_at: p.completed_at,
          diff_summary: p.diff_summary,
          error: null,
        });
        if (first) {
          const ds = p.diff_summary;
          toasts.push({
            kind: 'success',
            message: `Revision of ${nameOf(p.document_id)} is ready: ${ds.additions} words added, ${ds.deletions} removed, ${Math.round(ds.similarity)}% similar.`,
            route: `/rewrites/${p.rewrite_id}`,
          });
        }
        break;
      }
      case 'rewrite.failed': {
        const p = env.data as EventPayload<'rewrite.failed'>;
        const known = state.rewrites.get(p.rewrite_id);
        const r = rewriteOf(p.rewrite_id);
        const cancelled = /cancel/i.test(p.error);
        const first = !!known && !FINAL_REWRITE.has(known.status) && current(env);
        rewrites.set(p.rewrite_id, {
          ...r,
          document_id: p.document_id,
          status: cancelled ? 'cancelled' : 'failed',
          error: p.error,
        });
        if (first) {
          toasts.push({
            kind: cancelled ? 'info' : 'error',
            message: cancelled ? `Revision of ${nameOf(p.document_id)} was cancelled.` : `Revision failed: ${p.error}`,
            route: `/rewrites/${p.rewrite_id}`,
          });
        }
        break;
      }
      case 'job.updated': {
        const p = env.data as EventPayload<'job.updated'>;
        const old = jobs.get(p.id);
        const job: JobRecord = {
          max_attempts: old?.max_attempts ?? 3,
          run_after: old?.run_after ?? null,
          units: old?.units ?? 0,
          ...old,
          ...p,
        };
        jobs.set(p.id, job);
        jobsChanged = true;
        if (p.type === 'rewrite' && (p.status === 'queued' || p.status === 'processing')) {
          // A revision started elsewhere (another window, the CLI): track it so its progress shows.
          const r = rewrites.get(p.subject_id);
          if (!r) rewrites.set(p.subject_id, { ...emptyRewrite(p.subject_id), status: p.status, progress: p.progress });
        }
        break;
      }
      case 'storage.failed':
        toasts.push({ kind: 'error', message: (env.data as EventPayload<'storage.failed'>).message });
        break;
      case 'storage.recovered':
        toasts.push({ kind: 'success', message: 'There is room on the disk again: waiting work carries on.' });
        break;
      default:
        break;
    }
  }

  if (analyzed.length === 1) {
    const a = analyzed[0];
    toasts.push({
      kind: 'success',
      message: `Analysis complete: ${a.name} — ${analyzedOutcome(a.payload)}.`,
      route: `/documents/${a.id}`,
    });
  } else if (analyzed.length > 1) {
    toasts.push({ kind: 'success', message: `Analysis complete for ${analyzed.length} documents.` });
  }

  const patch: Partial<AppState> = {};
  const d = docs.result();
  if (d) patch.docs = d;
  const det = details.result();
  if (det) patch.details = det;
  const rw = rewrites.result();
  if (rw) patch.rewrites = rw;
  const sm = samples.result();
  if (sm) patch.samples = sm;
  const jb = jobs.result();
  if (jb) patch.jobs = jb;
  if (logged.length > 0) patch.log = appendLog(state.log, logged);
  return { patch, toasts, reload, jobsChanged };
}

/** What an analysis found, in a few words, for its notification. */
export function analyzedOutcome(p: EventPayload<'document.analyzed'>): string {
  switch (p.verdict) {
    case 'too_short':
      return 'too short to judge';
    case 'unsupported_language':
      return 'not in English, so not scored';
    case 'uncertain':
      return `uncertain (${roundedPercent(p.ai_confidence)} likely AI)`;
    case 'mixed':
      return `mixed${p.ai_share !== null ? `, ${Math.round(p.ai_share * 100)}% reads as AI-generated` : ''}`;
    case 'ai':
      return `likely AI (${roundedPercent(p.ai_confidence)})`;
    case 'human':
      return `likely human (${roundedPercent(p.ai_confidence)} likely AI)`;
  }
}

/** Newest first, bounded; while paused, new entries wait in `held`. */
export function appendLog(log: AppState['log'], entries: LoggedEvent[]): AppState['log'] {
  const newestFirst = entries.slice().reverse();
  if (log.paused) return { ...log, held: [...newestFirst, ...log.held].slice(0, LOG_LIMIT) };
  return { ...log, items: [...newestFirst, ...log.items].slice(0, LOG_LIMIT) };
}
