/**
 * Word-level diff of a revision into hunks the user accepts or rejects one by one. Offsets are
 * into the original text (`before === original.slice(start, end)`); changes separated only by a
 * space are one hunk (one phrase); accepting every hunk gives exactly the revised text.
 */
import { diffArrays, type ArrayChange } from 'diff';
import type { DiffHunk, DiffSummary } from '../../src-shared/models';
import { sentenceSpans, tokenize } from '../text/segment';

/**
 * Diff tokens: the segmentation module's tokens, each with the spaces and tabs after it (fewer,
 * larger tokens diff faster); a line break is a token of its own.
 */
export function diffTokens(s: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(s)) {
    if (t.kind !== 'space') {
      out.push(t.text);
      continue;
    }
    // Spaces and tabs join the token before; any other whitespace character starts a token.
    let i = 0;
    while (i < t.text.length && (t.text[i] === ' ' || t.text[i] === '\t')) i++;
    if (i > 0) {
      if (out.length) out[out.length - 1] += t.text.slice(0, i);
      else out.push(t.text.slice(0, i));
    }
    while (i < t.text.length) {
      let j = i + 1;
      while (j < t.text.length && (t.text[j] === ' ' || t.text[j] === '\t')) j++;
      out.push(t.text.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** Longer inputs than this (both sides' items together) are diffed window by window. */
const WHOLE_DIFF_ITEMS = 8_000;
/** Items of each side a window holds. */
const WINDOW = 2_000;

/**
 * `diffArrays`, in windows where the input is long. Myers' diff costs (N + M) · D: a 20,000-word
 * sentence with a contraction every few words took six seconds, and a longer one would hold a
 * worker for minutes. A revision keeps the order of what it keeps, so a window of each side holds
 * the same stretch; the window's diff is kept up to its last run of shared items that starts in
 * its first three quarters (a match at a window's end may pair words that belong to different
 * stretches), and the next window starts after that run. The result is an edit script from a to
 * b — not always the shortest, but every change in it is one the revision made or one that
 * replaces a stretch it rewrote.
 */
export function diffLong(a: readonly string[], b: readonly string[]): ArrayChange<string>[] {
  if (a.length + b.length <= WHOLE_DIFF_ITEMS) return diffArrays(a as string[], b as string[]);
  const out: ArrayChange<string>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (a.length - i <= WINDOW && b.length - j <= WINDOW) {
      out.push(...diffArrays(a.slice(i), b.slice(j)));
      break;
    }
    const changes = diffArrays(a.slice(i, i + WINDOW), b.slice(j, j + WINDOW));
    // Where the last shared run that starts early enough ends, in each side.
    let cut = -1;
    let cutA = 0;
    let cutB = 0;
    let posA = 0;
    let posB = 0;
    changes.forEach((c, k) => {
      const n = c.value.length;
      if (!c.added && !c.removed && posA < (WINDOW * 3) / 4) {
        cut = k;
        cutA = posA + n;
        cutB = posB + n;
      }
      if (!c.added) posA += n;
      if (!c.removed) posB += n;
    });
    if (cut < 0) {
      // Nothing shared in the window: its stretch of each side is one replacement.
      const takeA = Math.min(WINDOW, a.length - i);
      const takeB = Math.min(WINDOW, b.length - j);
      if (takeA) out.push({ value: a.slice(i, i + takeA), count: takeA, added: false, removed: true });
      if (takeB) out.push({ value: b.slice(j, j + takeB), count: takeB, added: true, removed: false });
      i += takeA;
      j += takeB;
      continue;
    }
    out.push(...changes.slice(0, cut + 1));
    i += cutA;
    j += cutB;
  }
  return out;
}

function isWord(tok: string): boolean {
  return /^[\p{L}\p{N}]/u.test(tok);
}

/** Splits a text into sentence-sized pieces (each sentence with the whitespace after it). Joined, the pieces are the text. */
export function sentencePieces(s: string): string[] {
  const spans = sentenceSpans(s);
  const out: string[] = [];
  let last = 0;
  for (let i = 1; i < spans.length; i++) {
    out.push(s.slice(last, spans[i].start));
    last = spans[i].start;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

export interface RawHunk {
  start: number;
  end: number;
  after: string;
  /** Where `after` starts in the revised piece the diff was given. */
  at?: number;
  /** What the change addresses (see DiffHunk.reason). */
  reason?: string;
  note?: string;
}

export interface PieceDiff {
  hunks: RawHunk[];
  additions: number;
  deletions: number;
}

/**
 * Diffs `before` (which sits at `offset` in the original) against `after`: sentences first (the
 * ones a revision left alone are skipped), then words within each changed stretch — sentence by
 * sentence, each paired with what became of it (alignSentences), so no change straddles two
 * sentences: a word diff of the whole stretch matched words across them ("… is essential. It is
 * …"), and a change of one sentence then sat in the next, where the meaning guard could withhold
 * it with that sentence and lose it.
 */
export function diffPiece(before: string, after: string, offset: number): PieceDiff {
  const sa = sentencePieces(before);
  const sb = sentencePieces(after);
  const out: PieceDiff = { hunks: [], additions: 0, deletions: 0 };
  let pos = offset;
  let posB = 0;
  let pendingA: string[] = [];
  let pendingB: string[] = [];
  let pendingAt = pos;
  let pendingAtB = posB;
  const flush = () => {
    if (pendingA.length === 0 && pendingB.length === 0) return;
    const pairs = alignSentences(pendingA, pendingB);
    let at = pendingAt;
    let atB = pendingAtB;
    for (const [a, b] of pairs) {
      const d = diffWords(a, b, at, atB);
      for (const h of d.hunks) out.hunks.push(h);
      out.additions += d.additions;
      out.deletions += d.deletions;
      at += a.length;
      atB += b.length;
    }
    pendingA = [];
    pendingB = [];
  };
  for (const c of diffLong(sa, sb)) {
    const text = c.value.join('');
    if (pendingA.length === 0 && pendingB.length === 0) {
      pendingAt = pos;
      pendingAtB = posB;
    }
    if (c.added) {
      for (const v of c.value) pendingB.push(v);
      posB += text.length;
    } else if (c.removed) {
      for (const v of c.value) pendingA.push(v);
      pos += text.length;
    } else {
      flush();
      pos += text.length;
      posB += text.length;
    }
  }
  flush();
  return mergeHunks(out, before, offset);
}

/** Above this many sentence pairs a stretch is diffed word by word as one piece (alignment is quadratic). */
const MAX_ALIGN_CELLS = 40_000;

/** The words of a sentence, lower case, counted (a multiset); a plain scan, cheaper than tokenizing. */
function wordBag(s: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of s.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

function bagSize(bag: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}

/** Words of a and b not shared (the multiset difference both ways): what a diff of them would show. */
function unshared(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let common = 0;
  for (const [w, c] of a) common += Math.min(c, b.get(w) ?? 0);
  return bagSize(a) + bagSize(b) - 2 * common;
}

function mergeBags(...bags: ReadonlyMap<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const bag of bags) for (const [w, c] of bag) out.set(w, (out.get(w) ?? 0) + c);
  return out;
}

/**
 * Pairs the sentences of a changed stretch whose count changed (a sentence cut, two joined, one
 * split) by the fewest words changed: each sentence before goes to nothing (cut), to one sentence
 * after, or to two, three or four (split, a long half split again); two before may go to one
 * after (joined); a new sentence comes from nothing. A word diff of the whole stretch matched words across sentences instead (a cut
 * sentence's "the" with the next one's), so one change could hold the end of one sentence and
 * the start of another — and withholding it could cut a quotation in two.
 */
function alignSentences(a: readonly string[], b: readonly string[]): (readonly [string, string])[] {
  const m = a.length;
  const n = b.length;
  // Nothing to pair: one side empty, or one sentence that became one or more (a split).
  if (m === 0 || n === 0 || m === 1) return [[a.join(''), b.join('')]];
  if ((m + 1) * (n + 1) > MAX_ALIGN_CELLS)
    return m === n ? a.map((x, i) => [x, b[i]] as const) : [[a.join(''), b.join('')]];
  const ba = a.map(wordBag);
  const bb = b.map(wordBag);
  // The common case: each sentence revised in place, every one still mostly its own words.
  if (m === n && ba.every((x, i) => 2 * unshared(x, bb[i]) <= bagSize(x) + bagSize(bb[i])))
    return a.map((x, i) => [x, b[i]] as const);
  // Bags of runs of sentences (a split's parts, a join's pair), each made once.
  const mergedA = new Map<number, Map<string, number>>();
  const mergedB = new Map<number, Map<string, number>>();
  const merged = (cache: Map<number, Map<string, number>>, bags: Map<string, number>[], k: number, len: number) => {
    const key = k * 8 + len;
    let bag = cache.get(key);
    if (!bag) cache.set(key, (bag = mergeBags(...bags.slice(k, k + len))));
    return bag;
  };
  const sizeA = ba.map(bagSize);
  const sizeB = bb.map(bagSize);
  // What a group would change: its words not shared (pairs of sentences merged on demand).
  const groupCost = (i: number, di: number, j: number, dj: number): number => {
    if (di === 0) return sizeB[j];
    if (dj === 0) return sizeA[i];
    const left = di === 1 ? ba[i] : merged(mergedA, ba, i, di);
    const right = dj === 1 ? bb[j] : merged(mergedB, bb, j, dj);
    // A group of more than one pair pays a little more, so an unrelated sentence is cut rather
    // than paired.
    return unshared(left, right) + (di + dj > 2 ? 1 : 0);
  };
  // Sentences stay near their place: only pairings within a band around the diagonal are tried.
  const band = 4 + Math.abs(m - n);
  const near = (i: number, j: number) => Math.abs(Math.round((i * n) / m) - j) <= band;
  const cost: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const step: [number, number][][] = Array.from({ length: m + 1 }, () => new Array<[number, number]>(n + 1));
  cost[0][0] = 0;
  // A long sentence may be split more than once (a long half splits again): up to four parts.
  const moves: [number, number][] = [
    [1, 1],
    [1, 0],
    [0, 1],
    [1, 2],
    [2, 1],
    [1, 3],
    [1, 4],
  ];
  for (let i = 0; i <= m; i++)
    for (let j = 0; j <= n; j++) {
      if (cost[i][j] === Infinity) continue;
      for (const [di, dj] of moves) {
        const ni = i + di;
        const nj = j + dj;
        if (ni > m || nj > n || !near(ni, nj)) continue;
        const c = cost[i][j] + groupCost(i, di, j, dj);
        if (c < cost[ni][nj]) {
          cost[ni][nj] = c;
          step[ni][nj] = [di, dj];
        }
      }
    }
  if (cost[m][n] === Infinity) return [[a.join(''), b.join('')]];
  const groups: (readonly [string, string])[] = [];
  for (let i = m, j = n; i > 0 || j > 0;) {
    const [di, dj] = step[i][j];
    groups.push([a.slice(i - di, i).join(''), b.slice(j - dj, j).join('')]);
    i -= di;
    j -= dj;
  }
  return groups.reverse();
}

/** Word-level diff of `before` (at `offset` in the original) and `after` (at `offsetB` in the revised piece). */
function diffWords(before: string, after: string, offset: number, offsetB: number): PieceDiff {
  const a = diffTokens(before);
  const b = diffTokens(after);
  // The common head and tail need no diffing.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const changes = diffLong(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const raw: RawHunk[] = [];
  let pos = offset;
  for (let i = 0; i < head; i++) pos += a[i].length;
  let posB = offsetB;
  for (let i = 0; i < head; i++) posB += b[i].length;
  let additions = 0;
  let deletions = 0;
  let open: RawHunk | null = null;
  for (const c of changes) {
    const value = c.value.join('');
    if (c.added) {
      additions += c.value.filter(isWord).length;
      if (!open) open = { start: pos, end: pos, after: '', at: posB };
      open.after += value;
      posB += value.length;
    } else if (c.removed) {
      deletions += c.value.filter(isWord).length;
      if (!open) open = { start: pos, end: pos, after: '', at: posB };
      pos += value.length;
      open.end = pos;
    } else {
      if (open) {
        raw.push(open);
        open = null;
      }
      pos += value.length;
      posB += value.length;
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
      if (h.at !== undefined) h.at++;
    }
  }
  return { hunks: merged, additions, deletions };
}

/** Sequential ids from 0, `before` filled from the original. */
export function toHunks(original: string, raw: readonly RawHunk[]): DiffHunk[] {
  return raw.map((h, i) => {
    const hunk: DiffHunk = {
      id: i,
      start: h.start,
      end: h.end,
      before: original.slice(h.start, h.end),
      after: h.after,
    };
    if (h.reason) hunk.reason = h.reason;
    if (h.note) hunk.note = h.note;
    return hunk;
  });
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
