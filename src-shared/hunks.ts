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

/**
 * Which hunks, applied to `original`, give `text`: how an applied revision shows what was applied
 * (the version's text is the record). Null when no choice of hunks gives that text. When two
 * choices give the same text either is a true account of it.
 */
export function acceptedHunksOf(original: string, hunks: readonly DiffHunk[], text: string): number[] | null {
  const sorted = [...hunks].sort((a, b) => a.start - b.start);
  // Depth-first over the hunks, remembering (hunk, position in text) pairs that led nowhere.
  const dead = new Set<string>();
  const chosen: number[] = [];
  const walk = (i: number, pos: number, at: number): boolean => {
    if (i === sorted.length) return text.length - at === original.length - pos && text.endsWith(original.slice(pos));
    const key = `${i}:${at}`;
    if (dead.has(key)) return false;
    const h = sorted[i];
    const gap = original.slice(pos, h.start);
    if (text.startsWith(gap, at)) {
      const here = at + gap.length;
      if (text.startsWith(h.after, here)) {
        chosen.push(h.id);
        if (walk(i + 1, h.end, here + h.after.length)) return true;
        chosen.pop();
      }
      if (text.startsWith(h.before, here) && walk(i + 1, h.end, here + h.before.length)) return true;
    }
    dead.add(key);
    return false;
  };
  return walk(0, 0, 0) ? chosen : null;
}
