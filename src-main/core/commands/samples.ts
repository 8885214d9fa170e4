/** Checking a sample (a selected passage, a revision's output, or given text) with the detector. */
import { InkproofError } from '../../../src-shared/errors';
import { countWords } from '../../../src-workers/text/segment';
import type { Services } from '../services';
import type { CoreApi } from './context';
import { ownedDocument } from './documents';

export function sampleCommands(s: Services): Pick<CoreApi, 'validateSample'> {
  return {
    async validateSample({ document_id, text, start, end, rewrite_id }, ctx) {
      const doc = ownedDocument(s, document_id, ctx);
      let sampleText: string;
      if (text !== undefined) {
        sampleText = text;
      } else if (rewrite_id !== undefined) {
        const rw = s.rewrites.row(rewrite_id);
        if (!rw || rw.document_id !== document_id)
          throw new InkproofError('not_found', `Document ${document_id} has no revision ${rewrite_id}.`);
        if (rw.result === null) throw new InkproofError('conflict', 'This revision has not finished yet.');
        sampleText = rw.result;
      } else {
        if (doc.text === null) throw new InkproofError('conflict', 'This document is still being read.');
        if ((end as number) > doc.text.length)
          throw new InkproofError(
            'invalid_input',
            `The range ends at ${end}, after the end of the text (${doc.text.length} characters).`,
          );
        sampleText = doc.text.slice(start, end);
      }
      if (sampleText.trim() === '') throw new InkproofError('invalid_input', 'The sample contains no text.');
      const sample = s.hub.atomically(s.db, () => {
        const sample = s.samples.insert(document_id, rewrite_id ?? null, sampleText);
        s.scheduler.enqueue(ctx.user.id, 'validate', sample.id, countWords(sampleText));
        return sample;
      });
      return { sample };
    },
  };
}
