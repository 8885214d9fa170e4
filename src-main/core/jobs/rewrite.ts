/**
 * Revision jobs: run the reviser in a worker with progress over its port, coalesced into
 * `rewrite.progress` events that never go backwards (not even across a crash and a retry) and end
 * with 100 before `rewrite.completed`.
 */
import { rewriteChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import type { RewriteInput, RewriteOutput } from '../../../src-shared/tasks';
import { isoNow } from '../clock';
import { ProgressCoalescer } from '../hub/coalescer';
import type { JobHandler } from '../queue/scheduler';
import type { Services } from '../services';

export function rewriteHandler(s: Services): JobHandler {
  const progressEvents = new ProgressCoalescer(
    s.progressIntervalMs,
    (key, progress) => {
      const id = Number(key);
      s.rewrites.setProgress(id, progress);
      s.hub.broadcast({
        channel: rewriteChannel(id),
        event: 'rewrite.progress',
        data: { rewrite_id: id, progress, status: 'processing' },
      });
    },
    (err) => {
      if (!s.storage.failed(err)) s.logger.error({ err }, 'revision progress could not be stored');
    },
  );

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
    timeoutMs: 15 * 60_000,
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
      const text = s.documents.versionText(row.document_id, row.document_version);
      if (text === null)
        throw new InkproofError('not_found', 'The document version this revision was made for no longer exists.');
      const key = String(row.id);
      // Progress already announced by an earlier attempt is the floor of this one.
      progressEvents.seed(key, row.progress);
      const result = await s.pool.run<RewriteInput, RewriteOutput>(
        'rewrite',
        { text, options: JSON.parse(row.options), ranges: s.rewrites.ranges(row.id), llm: s.settings.machine().llm },
        {
          signal,
          onProgress: (m) => {
            progressEvents.push(key, m.progress);
            progress(m.progress);
          },
        },
      );
      return () => {
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
    requeued(job) {
      progressEvents.drop(String(job.subject_id));
      const row = s.rewrites.row(job.subject_id);
      if (!row) return;
      s.rewrites.requeue(row.id);
      queuedEvent(row.id, row.document_id, s.scheduler.estimate(job));
    },
  };
}
