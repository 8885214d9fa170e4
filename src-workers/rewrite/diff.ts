/**
 * Word-level diff between an original and its revision, as hunks the user accepts or rejects one
 * by one, plus the summary the `rewrite.completed` event carries.
 *
 * Myers' diff is quadratic in the worst case, which a long document with changes everywhere
 * reaches. Revisions keep the paragraph structure, so when both texts have the same number of
 * paragraphs each pair is diffed on its own: linear in the number of paragraphs.
 */
import { diffWordsWithSpace } from 'diff';
import type { DiffHunk, DiffSummary } from '../../src-shared/models';
import { countWords, paragraphs } from '../text/segment';

export interface WordDiff {
  hunks: DiffHunk[];
  diff_summary: DiffSummary;
}

interface Tally {
  hunks: DiffHunk[];
  additions: number;
  deletions: number;
  common: number;
}

export function wordDiff(original: string, revised: string): WordDiff {
  const tally: Tally = { hunks: [], additions: 0, deletions: 0, common: 0 };
  const a = paragraphs(original);
  const b = paragraphs(revised);
  if (a.length === b.length && a.length > 1) {
    let prevA = 0;
    let prevB = 0;
    for (let i = 0; i < a.length; i++) {
      diffSegment(original.slice(prevA, a[i].start), revised.slice(prevB, b[i].start), prevA, tally);
      diffSegment(original.slice(a[i].start, a[i].end), revised.slice(b[i].start, b[i].end), a[i].start, tally);
      prevA = a[i].end;
      prevB = b[i].end;
    }
    diffSegment(original.slice(prevA), revised.slice(prevB), prevA, tally);
  } else {
    diffSegment(original, revised, 0, tally);
  }
  const total = countWords(original) + countWords(revised);
  const similarity = total === 0 ? 100 : Math.round(((2 * tally.common) / total) * 1000) / 10;
  return { hunks: tally.hunks, diff_summary: { additions: tally.additions, deletions: tally.deletions, similarity } };
}

function diffSegment(before: string, after: string, offset: number, tally: Tally): void {
  if (before === after) {
    tally.common += countWords(before);
    return;
  }
  const parts = diffWordsWithSpace(before, after);
  let pos = offset;
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
      tally.common += countWords(part.value);
      pos += part.value.length;
      open = null;
      continue;
    }
    if (!open) {
      open = { id: tally.hunks.length, start: pos, end: pos, before: '', after: '' };
      tally.hunks.push(open);
    }
    if (part.removed) {
      tally.deletions += countWords(part.value);
      open.before += part.value;
      pos += part.value.length;
      open.end = pos;
    } else {
      tally.additions += countWords(part.value);
      open.after += part.value;
    }
  }
}
