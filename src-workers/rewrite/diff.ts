/**
 * Word-level diff between an original and its revision, as hunks the user accepts or rejects one
 * by one, plus the summary the `rewrite.completed` event carries.
 */
import { diffWordsWithSpace } from 'diff';
import type { DiffHunk, DiffSummary } from '../../src-shared/models';
import { countWords } from '../text/segment';

export interface WordDiff {
  hunks: DiffHunk[];
  diff_summary: DiffSummary;
}

export function wordDiff(original: string, revised: string): WordDiff {
  const parts = diffWordsWithSpace(original, revised);
  const hunks: DiffHunk[] = [];
  let pos = 0;
  let additions = 0;
  let deletions = 0;
  let common = 0;
  let open: DiffHunk | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.added && !part.removed) {
      // Whitespace between two changes joins them into one hunk, so a rephrased phrase is one decision.
      const next = parts[i + 1];
      if (open && next && (next.added || next.removed) && /^\s+$/.test(part.value)) {
        open.before += part.value;
        open.after += part.value;
        pos += part.value.length;
        open.end = pos;
        continue;
      }
      common += countWords(part.value);
      pos += part.value.length;
      open = null;
      continue;
    }
    if (!open) {
      open = { id: hunks.length, start: pos, end: pos, before: '', after: '' };
      hunks.push(open);
    }
    if (part.removed) {
      deletions += countWords(part.value);
      open.before += part.value;
      pos += part.value.length;
      open.end = pos;
    } else {
      additions += countWords(part.value);
      open.after += part.value;
    }
  }
  const total = countWords(original) + countWords(revised);
  const similarity = total === 0 ? 100 : Math.round(((2 * common) / total) * 1000) / 10;
  return { hunks, diff_summary: { additions, deletions, similarity } };
}
