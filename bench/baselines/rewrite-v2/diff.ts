/**
 * Word-level diff of a revision into hunks the user accepts or rejects one by one. Offsets are
 * into the original text (`before === original.slice(start, end)`); changes separated only by a
 * space are one hunk (one phrase); accepting every hunk gives exactly the revised text.
 */
import { diffArrays } from 'diff';
import type { DiffHunk, DiffSummary } from '../../../src-shared/models';

// Word characters: ASCII letters and digits, and any character from U+00C0 up except the
// general-punctuation and CJK-punctuation blocks (quotes, dashes, ellipses are not words).
const W = 'A-Za-z0-9\\u00C0-\\u1FFF\\u2070-\\u2FFF\\u3040-\\uFFFF';
const WORD = `[${W}]+(?:['’][${W}]+)*(?:[-.][${W}]+)*`;
// A word or one other character, with the spaces after it (fewer, larger tokens diff faster).
const DIFF_TOKEN_RE = new RegExp(`(?:${WORD}|[\\s\\S])[ \\t]*`, 'g');
const WORD_RE = new RegExp(WORD, 'g');

export function diffTokens(s: string): string[] {
  return s.match(DIFF_TOKEN_RE) ?? [];
}

function isWordCode(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c <= 0x1fff) ||
    (c >= 0x2070 && c <= 0x2fff) ||
    c >= 0x3040
  );
}

function isWord(tok: string): boolean {
  return isWordCode(tok.charCodeAt(0));
}

/** Words as the diff counts them. */
export function countWordTokens(s: string): number {
  let n = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(s) !== null) n++;
  return n;
}

/** Splits a text into sentence-sized pieces: cut after . ! ? (and closing quotes) plus the spaces that follow. Joined, the pieces are the text. */
export function sentencePieces(s: string): string[] {
  const out: string[] = [];
  const re = /[.!?]+["'”’)\]]*\s+/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const end = m.index + m[0].length;
    out.push(s.slice(last, end));
    last = end;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

export interface RawHunk {
  start: number;
  end: number;
  after: string;
}

export interface PieceDiff {
  hunks: RawHunk[];
  additions: number;
  deletions: number;
}

/**
 * Diffs `before` (which sits at `offset` in the original) against `after`: sentences first (the
 * ones a revision left alone are skipped), then words within each changed stretch.
 */
export function diffPiece(before: string, after: string, offset: number): PieceDiff {
  const sa = sentencePieces(before);
  const sb = sentencePieces(after);
  if (sa.length + sb.length <= 4) return diffWords(before, after, offset);
  const out: PieceDiff = { hunks: [], additions: 0, deletions: 0 };
  let pos = offset;
  let pendingA = '';
  let pendingB = '';
  let pendingAt = pos;
  const flush = () => {
    if (pendingA === '' && pendingB === '') return;
    const d = diffWords(pendingA, pendingB, pendingAt);
    out.hunks.push(...d.hunks);
    out.additions += d.additions;
    out.deletions += d.deletions;
    pendingA = '';
    pendingB = '';
  };
  for (const c of diffArrays(sa, sb)) {
    const text = c.value.join('');
    if (c.added) {
      if (pendingA === '' && pendingB === '') pendingAt = pos;
      pendingB += text;
    } else if (c.removed) {
      if (pendingA === '' && pendingB === '') pendingAt = pos;
      pendingA += text;
      pos += text.length;
    } else {
      flush();
      pos += text.length;
    }
  }
  flush();
  return mergeHunks(out, before, offset);
}

function diffWords(before: string, after: string, offset: number): PieceDiff {
  const a = diffTokens(before);
  const b = diffTokens(after);
  // The common head and tail need no diffing.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const changes = diffArrays(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const raw: RawHunk[] = [];
  let pos = offset;
  for (let i = 0; i < head; i++) pos += a[i].length;
  let additions = 0;
  let deletions = 0;
  let open: RawHunk | null = null;
  for (const c of changes) {
    const value = c.value.join('');
    if (c.added) {
      additions += c.value.filter(isWord).length;
      if (!open) open = { start: pos, end: pos, after: '' };
      open.after += value;
    } else if (c.removed) {
      deletions += c.value.filter(isWord).length;
      if (!open) open = { start: pos, end: pos, after: '' };
      pos += value.length;
      open.end = pos;
    } else {
      if (open) {
        raw.push(open);
        open = null;
      }
      pos += value.length;
    }
  }
  if (open) raw.push(open);
  return mergeHunks({ hunks: raw, additions, deletions }, before, offset);
}

/** One hunk per phrase: changes separated only by spaces merge (never across a line break); shared edge whitespace is trimmed. */
function mergeHunks(d: PieceDiff, before: string, offset: number): PieceDiff {
  const { additions, deletions } = d;
  const merged: RawHunk[] = [];
  for (const h of d.hunks) {
    const last = merged[merged.length - 1];
    if (last) {
      const between = before.slice(last.end - offset, h.start - offset);
      if (/^[ \t]*$/.test(between)) {
        last.after += between + h.after;
        last.end = h.end;
        continue;
      }
    }
    merged.push({ ...h });
  }
  // Whitespace both sides share at a hunk's edges is not part of the change.
  for (const h of merged) {
    while (h.end > h.start && h.after.length > 0) {
      const c = before[h.end - 1 - offset];
      if (!/\s/.test(c) || h.after[h.after.length - 1] !== c) break;
      h.end--;
      h.after = h.after.slice(0, -1);
    }
    while (h.end > h.start && h.after.length > 0) {
      const c = before[h.start - offset];
      if (!/\s/.test(c) || h.after[0] !== c) break;
      h.start++;
      h.after = h.after.slice(1);
    }
  }
  return { hunks: merged, additions, deletions };
}

/** Sequential ids from 0, `before` filled from the original. */
export function toHunks(original: string, raw: readonly RawHunk[]): DiffHunk[] {
  return raw.map((h, i) => ({
    id: i,
    start: h.start,
    end: h.end,
    before: original.slice(h.start, h.end),
    after: h.after,
  }));
}

export function summarize(
  originalWords: number,
  revisedWords: number,
  additions: number,
  deletions: number,
): DiffSummary {
  const common = Math.max(0, originalWords - deletions);
  const total = originalWords + revisedWords;
  const similarity = total === 0 ? 100 : Math.round((2 * common * 1000) / total) / 10;
  return { additions, deletions, similarity };
}

export interface WordDiff {
  hunks: DiffHunk[];
  diff_summary: DiffSummary;
}

const PARA_SEP = /\n[ \t]*\n+/g;

/**
 * Whole-text diff (used when a revision was not made piece by piece, e.g. by the first reviser).
 * Myers' diff is quadratic in the worst case, which a long document with changes everywhere
 * reaches; revisions keep the paragraph structure, so when both texts have the same paragraph
 * separators each paragraph is diffed on its own: linear in the number of paragraphs.
 */
export function wordDiff(original: string, revised: string): WordDiff {
  const sepA = [...original.matchAll(PARA_SEP)];
  const sepB = [...revised.matchAll(PARA_SEP)];
  const raw: RawHunk[] = [];
  let additions = 0;
  let deletions = 0;
  const piece = (a0: number, a1: number, b0: number, b1: number) => {
    const before = original.slice(a0, a1);
    const after = revised.slice(b0, b1);
    if (before === after) return;
    const d = diffPiece(before, after, a0);
    raw.push(...d.hunks);
    additions += d.additions;
    deletions += d.deletions;
  };
  if (sepA.length === sepB.length && sepA.every((m, i) => m[0] === sepB[i][0])) {
    let pa = 0;
    let pb = 0;
    for (let i = 0; i < sepA.length; i++) {
      piece(pa, sepA[i].index!, pb, sepB[i].index!);
      pa = sepA[i].index! + sepA[i][0].length;
      pb = sepB[i].index! + sepB[i][0].length;
    }
    piece(pa, original.length, pb, revised.length);
  } else {
    piece(0, original.length, 0, revised.length);
  }
  return {
    hunks: toHunks(original, raw),
    diff_summary: summarize(countWordTokens(original), countWordTokens(revised), additions, deletions),
  };
}
