/**
 * Applying a revision's hunks to the original text. Pure, no dependencies: the core uses it for
 * `applyRewrite(id, acceptedHunks)` and the renderer for its live preview, so both produce the
 * same text. Hunk offsets are into the ORIGINAL text (`before === original.slice(start, end)`),
 * hunks do not overlap, and accepting all of them gives exactly the revised text; accepting none
 * gives the original.
 */
import type { DiffHunk } from './models';

/**
 * Returns the original with the accepted hunks applied. `accepted` lists hunk ids, or 'all'.
 * Unknown ids are ignored. Throws if a hunk does not match the original (its `before` is not at
 * [start, end)) or hunks overlap, because applying it would silently corrupt the text.
 */
export function applyHunks(original: string, hunks: readonly DiffHunk[], accepted: readonly number[] | 'all'): string {
  const take = accepted === 'all' ? null : new Set(accepted);
  const chosen = hunks
    .filter((h) => take === null || take.has(h.id))
    .slice()
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const h of chosen) {
    if (h.start < pos || h.end < h.start || h.end > original.length) {
      throw new RangeError(`Change ${h.id} overlaps another change or lies outside the text.`);
    }
    if (original.slice(h.start, h.end) !== h.before) {
      throw new RangeError(`Change ${h.id} does not match the text it was made for.`);
    }
    out += original.slice(pos, h.start) + h.after;
    pos = h.end;
  }
  return out + original.slice(pos);
}

/** Checks hunks against an original: ids unique, offsets in range and ordered, `before` matching. */
export function hunksMatch(original: string, hunks: readonly DiffHunk[]): boolean {
  const ids = new Set<number>();
  let pos = 0;
  for (const h of [...hunks].sort((a, b) => a.start - b.start)) {
    if (ids.has(h.id) || h.start < pos || h.end < h.start || h.end > original.length) return false;
    if (original.slice(h.start, h.end) !== h.before) return false;
    ids.add(h.id);
    pos = h.end;
  }
  return true;
}
