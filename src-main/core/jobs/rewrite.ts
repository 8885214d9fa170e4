/**
 * Revision jobs: run the reviser in a worker with progress over its port, coalesced into
 * `rewrite.progress` events that never go backwards (not even across a crash and a retry) and end
 * with 100 before `rewrite.completed`. The worker works section by section: each progress event
 * says how many sections are done, and each finished section's changes are kept as the
 * revision's partial result (`RewritePartials`) until the whole result is stored.
 */
import { revisableRanges } from '../../../src-shared/blocks';
import { rewriteChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import type { AnalysisResult } from '../../../src-shared/models';
import type { RewriteInput, RewriteOutput, SectionSignals } from '../../../src-shared/tasks';
import { isoNow } from '../clock';
import { ProgressCoalescer } from '../hub/coalescer';
import type { JobHandler } from '../queue/scheduler';
import type { Services } from '../services';

export function rewriteHandler(s: Services): JobHandler {
  const progressEvents = new ProgressCoalescer(
    s.progressIntervalMs,
    (key, progress, steps) => {
      const id = Number(key);
      s.rewrites.setProgress(id, progress);
      s.hub.broadcast({
        channel: rewriteChannel(id),
        event: 'rewrite.progress',
        data: {
          rewrite_id: id,
          progress,
          status: 'processing',
          ...(steps ? { sections_done: steps.done, sections_total: steps.total } : {}),
        },
      });
    },
    (err) => {
      if (!s.storage.failed(err)) s.logger.error({ err }, 'revision progress could not be stored');
    },
  );

  const isLlm = (rewriteId: number) => {
    const row = s.rewrites.row(rewriteId);
    return row !== null && (JSON.parse(row.options) as { engine?: string }).engine === 'llm';
  };

  const queuedEvent = (rewriteId: number, documentId: number, estimated: number) =>
    s.hub.broadcast({
      channel: rewriteChannel(rewriteId),
      event: 'rewrite.queued',
      data: {
        rewrite_id: rewriteId,
        document_id: documentId,
        status: 'queued',
        queued_at: isoNow(),
        estimated_time: estimated,
      },
    });

  return {
    type: 'rewrite',
    maxAttempts: 3,
    // A local model may take a second per word on a laptop; every request also has its own idle timeout.
    timeoutMs: (job) => 15 * 60_000 + (isLlm(job.subject_id) ? job.units * 1000 : 0),
    started(job) {
      const row = s.rewrites.row(job.subject_id);
      if (!row) return;
      const startedAt = s.rewrites.markProcessing(row.id);
      s.hub.broadcast({
        channel: rewriteChannel(row.id),
        event: 'rewrite.processing',
        data: { rewrite_id: row.id, document_id: row.document_id, status: 'processing', started_at: startedAt },
      });
    },
    async run({ job, signal, progress }) {
      const row = s.rewrites.row(job.subject_id);
      if (!row) throw new InkproofError('not_found', 'The revision was deleted with its document.');
      const original = s.documents.version(row.document_id, row.document_version);
      if (original === null)
        throw new InkproofError('not_found', 'The document version this revision was made for no longer exists.');
      const { text } = original;
      const key = String(row.id);
      // Progress already announced by an earlier attempt is the floor of this one.
      progressEvents.seed(key, row.progress);
      const analysis = s.documents.latestAnalysis(row.document_id, row.document_version);
      s.rewritePartials.begin(row.id);
      const result = await s.pool.run<RewriteInput, RewriteOutput>(
        'rewrite',
        {
          text,
          options: JSON.parse(row.options),
          // Code blocks and inline code stay as they are, like code the reviser finds in plain text.
          ranges: revisableRanges(text.length, original.blocks, s.rewrites.ranges(row.id)),
          llm: s.settings.machine().llm,
          signals: analysis ? analysisSignals(analysis) : [],
        },
        {
          signal,
          onProgress: (m) => {
            s.rewritePartials.add(row.id, m);
            const steps =
              m.sections_total !== undefined && m.sections_done !== undefined
                ? { done: m.sections_done, total: m.sections_total }
                : undefined;
            progressEvents.push(key, m.progress, undefined, steps);
            progress(m.progress);
          },
        },
      );
      return () => {
        s.rewritePartials.forget(row.id);
        if (!s.rewrites.row(row.id)) return;
        progressEvents.finish(key);
        const completedAt = s.rewrites.complete(row.id, result.text, result.hunks, result.diff_summary, result.engine);
        s.hub.broadcast({
          channel: rewriteChannel(row.id),
          event: 'rewrite.completed',
          data: {
            rewrite_id: row.id,
            document_id: row.document_id,
            status: 'completed',
            completed_at: completedAt,
            diff_summary: result.diff_summary,
          },
        });
      };
    },
    failed(job, _userId, error, cancelled) {
      progressEvents.drop(String(job.subject_id));
      s.rewritePartials.forget(job.subject_id);
      const row = s.rewrites.row(job.subject_id);
      if (!row) return;
      const message = cancelled ? 'The revision was cancelled.' : error.message;
      const failedAt = s.rewrites.fail(row.id, cancelled ? 'cancelled' : 'failed', message);
      s.hub.broadcast({
        channel: rewriteChannel(row.id),
        event: 'rewrite.failed',
        data: {
          rewrite_id: row.id,
          document_id: row.document_id,
          status: 'failed',
          error: message,
          failed_at: failedAt,
        },
      });
    },
    // A local model revises a few words a second, the rules hundreds of thousands: measured apart.
    rateClass: (job) => (isLlm(job.subject_id) ? 'llm' : null),
    requeued(job) {
      progressEvents.drop(String(job.subject_id));
      s.rewritePartials.forget(job.subject_id);
      const row = s.rewrites.row(job.subject_id);
      if (!row) return;
      s.rewrites.requeue(row.id);
      queuedEvent(row.id, row.document_id, s.scheduler.estimate(job));
    },
  };
}

/**
 * What the analysis found, for the LLM engine's prompts: each critical section with the signals
 * that pushed it towards AI, and each document-level signal at the words behind it.
 */
export function analysisSignals(analysis: AnalysisResult): SectionSignals[] {
  const towardsAi = (e: { direction: string }) => e.direction === 'ai';
  const out: SectionSignals[] = [];
  for (const c of analysis.critical_sections) {
    const labels = c.explanations.filter(towardsAi).map((e) => e.label);
    if (labels.length) out.push({ start: c.start, end: c.end, labels });
  }
  for (const e of analysis.explanations.filter(towardsAi))
    for (const sp of e.spans ?? []) out.push({ start: sp.start, end: sp.end, labels: [e.label] });
  return out;
}
