/** Pieces both revision engines share: cancellation and the final checks (progress: sections.ts). */
import { InkproofError } from '../../src-shared/errors';
import type { DiffHunk } from '../../src-shared/models';
import type { RewriteInput } from '../../src-shared/tasks';
import { verifyProtected, type ProtectedSpan } from './protect';
import { normalizeRanges } from './units';

export type RewriteRequest = Omit<RewriteInput, 'port'>;

export function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new InkproofError('cancelled', 'The revision was cancelled.');
}

/** The apostrophe the document itself uses in contractions, so new ones match. */
export function apostropheStyle(text: string): string {
  const curly = (text.match(/[A-Za-z]’[A-Za-z]/g) ?? []).length;
  const straight = (text.match(/[A-Za-z]'[A-Za-z]/g) ?? []).length;
  return curly > straight ? '’' : "'";
}

/** The dash the document puts between clauses, if any: ' — ' or ' – '. */
export function dashStyle(text: string): string | null {
  const em = (text.match(/\s—\s|\w—\w/g) ?? []).length;
  const en = (text.match(/\s–\s/g) ?? []).length;
  if (em === 0 && en === 0) return null;
  return em >= en ? ' — ' : ' – ';
}

/** The paragraph separators (blank-line runs) of a text, which a revision must keep. */
export function paragraphSeparators(text: string): string[] {
  return text.match(/\n[ \t]*\n+/g) ?? [];
}

/** Checks what must hold for any revision, whichever engine made it. */
export function verifyRevision(
  original: string,
  revised: string,
  spans: readonly ProtectedSpan[],
  hunks: readonly DiffHunk[],
  ranges: readonly { start: number; end: number }[] | null,
): void {
  verifyProtected(revised, spans);
  const a = paragraphSeparators(original);
  const b = paragraphSeparators(revised);
  if (a.length !== b.length || a.some((s, i) => s !== b[i])) {
    throw new InkproofError('internal', 'The revision changed the paragraph structure, so it was not applied.');
  }
  if (ranges) {
    const rs = normalizeRanges(ranges, original.length);
    for (const h of hunks) {
      if (!rs.some((r) => h.start >= r.start && h.end <= r.end)) {
        throw new InkproofError(
          'internal',
          'The revision changed text outside the selected sections, so it was not applied.',
        );
      }
    }
  }
}
