/**
 * Analysis jobs: extract the text of a newly imported file (in a worker), then score it (in a
 * worker), then store the result and broadcast `document.analyzed` in one transaction.
 */
import { documentChannel, libraryChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import type { EventPayload } from '../../../src-shared/events';
import type { AnalysisResult } from '../../../src-shared/models';
import type { AnalyzeInput, AnalyzeOutput, ExtractOutput, ExtractTaskInput } from '../../../src-shared/tasks';
import { isoNow } from '../clock';
import type { JobHandler } from '../queue/scheduler';
import type { Services } from '../services';

/** What the broadcast carries of a section: its text at most ~300 characters. */
export function sectionSummary(s: { start: number; end: number; text: string; confidence: number }) {
  return {
    start: s.start,
    end: s.end,
    text: s.text.length <= 300 ? s.text : s.text.slice(0, 299).trimEnd() + '…',
    confidence: s.confidence,
  };
}

/** The `document.analyzed` event of a stored analysis result. */
export function analyzedEvent(
  documentId: number,
  result: AnalysisResult,
  analyzedAt: string,
): { channel: string; event: 'document.analyzed'; data: EventPayload<'document.analyzed'> } {
  return {
    channel: documentChannel(documentId),
    event: 'document.analyzed',
    data: {
      document_id: documentId,
      ai_confidence: result.ai_confidence,
      critical_sections: result.critical_sections.map(sectionSummary),
      analyzed_at: analyzedAt,
      verdict: result.verdict,
      // Results stored before shares existed have none.
      ai_share: result.ai_share ?? null,
      // The library shows a document's words as soon as its analysis arrives.
      word_count: result.word_count,
    },
  };
}

export function analyzeHandler(s: Services): JobHandler {
  return {
    type: 'analyze',
    maxAttempts: 3,
    timeoutMs: 120_000,
    started(job, userId) {
      s.documents.setStatus(job.subject_id, 'analyzing');
      s.hub.broadcast({
        channel: libraryChannel(userId),
        event: 'document.analysis_started',
        data: { document_id: job.subject_id, started_at: isoNow() },
      });
    },
    async run({ job, signal, progress }) {
      const doc = s.documents.row(job.subject_id);
      if (!doc) throw new InkproofError('not_found', 'The document was deleted.');
      let text = doc.text;
      let extracted: ExtractOutput | null = null;
      if (text === null) {
        // The worker reads the file itself: the bytes never cross this event loop.
        const source = s.sources.locate(doc.id);
        if (!source)
          throw new InkproofError('not_found', 'The original file of this document is missing; import it again.');
        extracted = await s.pool.run<ExtractTaskInput, ExtractOutput>(
          'extract',
          { name: doc.name, ...source, max_bytes: s.settings.importLimit(doc.user_id) },
          { signal },
        );
        text = extracted.text;
        progress(40);
      }
      const result = await s.pool.run<AnalyzeInput, AnalyzeOutput>('analyze', { text }, { signal });
      const version = doc.version;
      return () => {
        const current = s.documents.row(doc.id);
        if (!current) return;
        if (extracted) {
          s.documents.setExtracted(doc.id, extracted.text, extracted.format, extracted.word_count, extracted.blocks);
          s.sync.outbox.version(doc.id, 1);
          s.sources.forget(doc.id);
        }
        // A newer version may have been applied while this one was analysed: keep the result on
        // its own version and leave the document to the newer analysis.
        if (current.version !== version) {
          const saved = s.documents.saveAnalysisRow(doc.id, version, result);
          s.sync.outbox.analysis(doc.id, version, saved.analysisId);
          s.documents.setStatus(doc.id, current.status);
          return;
        }
        const { analyzedAt, analysisId } = s.documents.saveAnalysisRow(doc.id, version, result);
        // The result syncs: no other device analyses this version again.
        s.sync.outbox.analysis(doc.id, version, analysisId);
        s.hub.broadcast(analyzedEvent(doc.id, result, analyzedAt));
      };
    },
    failed(job, userId, error, cancelled) {
      if (!s.documents.row(job.subject_id)) return;
      const message = cancelled ? 'The analysis was cancelled.' : error.message;
      s.documents.setStatus(job.subject_id, 'failed', { code: error.code, message });
      // A file this device imported and could not read: other devices show the same failure.
      if (!cancelled) s.sync.outbox.importFailed(job.subject_id);
      s.hub.broadcast({
        channel: libraryChannel(userId),
        event: 'document.analysis_failed',
        data: { document_id: job.subject_id, error: message, code: error.code, failed_at: isoNow() },
      });
    },
    requeued(job) {
      if (s.documents.row(job.subject_id)) s.documents.setStatus(job.subject_id, 'queued');
    },
  };
}
