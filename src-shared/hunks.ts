/**
 * Applying accepted diff hunks to the original text. Shared by the core (applyRewrite) and the
 * renderer (a live preview while the user accepts and rejects changes).
 */
import type { DiffHunk } from './models';

/** All hunks accepted gives the revision; none gives the original. Hunks must not overlap. */
export function applyHunks(original: string, hunks: DiffHunk[], accepted: number[] | 'all'): string {
  const take = accepted === 'all' ? null : new Set(accepted);
  const chosen = hunks.filter((h) => take === null || take.has(h.id)).sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const h of chosen) {
    if (h.start < pos || h.end > original.length || original.slice(h.start, h.end) !== h.before) {
      throw new RangeError(`Change ${h.id} does not fit the text it was made for.`);
    }
    out += original.slice(pos, h.start) + h.after;
    pos = h.end;
  }
  return out + original.slice(pos);
}
