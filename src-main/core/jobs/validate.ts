/** Sample checks: run the detector on a passage or a revision and broadcast `sample.validated`. */
import { documentChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import type { ValidateInput, ValidateOutput } from '../../../src-shared/tasks';
import type { JobHandler } from '../queue/scheduler';
import type { Services } from '../services';

export function validateHandler(s: Services): JobHandler {
  return {
    type: 'validate',
    maxAttempts: 3,
    timeoutMs: 120_000,
    started() {},
    async run({ job, signal }) {
      const sample = s.samples.get(job.subject_id);
      const text = s.samples.text(job.subject_id);
      if (!sample || text === null) throw new InkproofError('not_found', 'The sample was deleted with its document.');
      const result = await s.pool.run<ValidateInput, ValidateOutput>('validate', { text }, { signal });
      return () => {
        if (!s.samples.get(sample.id)) return;
        const validatedAt = s.samples.complete(sample.id, result.ai_confidence, result.verdict);
        s.hub.broadcast({
          channel: documentChannel(sample.document_id),
          event: 'sample.validated',
          data: {
            sample_id: sample.id,
            document_id: sample.document_id,
            rewrite_id: sample.rewrite_id,
            ai_confidence: result.ai_confidence,
            validated_at: validatedAt,
          },
        });
      };
    },
    failed(job, _userId, error, cancelled) {
      if (s.samples.get(job.subject_id))
        s.samples.fail(job.subject_id, cancelled ? 'The check was cancelled.' : error.message);
    },
  };
}
