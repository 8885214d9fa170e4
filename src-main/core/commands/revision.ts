/**
 * A revision's text with its structure: the document version it was made from, with the accepted
 * changes applied and the blocks (headings, lists, marks…) carried through them. Used to apply a
 * revision as a new version and to export a revision, so both give the same document.
 */
import { applyRevision, type StructuredText } from '../../../src-shared/blocks';
import { InkproofError } from '../../../src-shared/errors';
import type { DiffHunk } from '../../../src-shared/models';
import type { Services } from '../services';

export function revisedDocument(
  s: Services,
  rewrite: { document_id: number; document_version: number; hunks: string | null },
  accepted: readonly number[] | 'all',
): StructuredText {
  const original = s.documents.version(rewrite.document_id, rewrite.document_version);
  if (!original)
    throw new InkproofError('not_found', 'The document version this revision was made from no longer exists.');
  const hunks = JSON.parse(rewrite.hunks ?? '[]') as DiffHunk[];
  try {
    return applyRevision(original, hunks, accepted);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new InkproofError(
      'conflict',
      `This revision no longer fits the text it was made for (${err.message}); start a new revision.`,
    );
  }
}
