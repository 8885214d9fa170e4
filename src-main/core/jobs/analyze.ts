/**
 * Analysis jobs: extract the text of a newly imported file (in a worker), then score it (in a
 * worker), then store the result and broadcast `document.analyzed` in one transaction.
 */
import { documentChannel, libraryChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import type { EventPayload } from '../../../src-shared/events';
import type { AnalyzeInput, AnalyzeOutput, ExtractInput, ExtractOutput } from '../../../src-shared/tasks';
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
        const bytes = s.documents.source(doc.id);
        if (!bytes)
          throw new InkproofError('not_found', 'The original file of this document is missing; import it again.');
        extracted = await s.pool.run<ExtractInput, ExtractOutput>(
          'extract',
          { name: doc.name, bytes, max_bytes: s.settings.importLimit(doc.user_id) },
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
        if (extracted)
          s.documents.setExtracted(doc.id, extracted.text, extracted.format, extracted.word_count, extracted.blocks);
        // A newer version may have been applied while this one was analysed: keep the result on
        // its own version and leave the document to the newer analysis.
        if (current.version !== version) {
          s.documents.saveAnalysis(doc.id, version, result);
          s.documents.setStatus(doc.id, current.status);
          return;
        }
        const analyzedAt = s.documents.saveAnalysis(doc.id, version, result);
        const data: EventPayload<'document.analyzed'> = {
          document_id: doc.id,
          ai_confidence: result.ai_confidence,
          critical_sections: result.critical_sections.map(sectionSummary),
          analyzed_at: analyzedAt,
          verdict: result.verdict,
          ai_share: result.ai_share,
          word_count: result.word_count,
        };
        s.hub.broadcast({ channel: documentChannel(doc.id), event: 'document.analyzed', data });
      };
    },
    failed(job, userId, error, cancelled) {
      if (!s.documents.row(job.subject_id)) return;
      const message = cancelled ? 'The analysis was cancelled.' : error.message;
      s.documents.setStatus(job.subject_id, 'failed', { code: error.code, message });
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
