/**
 * How a text is laid out for reading and review, as plain data (no DOM, so it is tested alone and
 * a 10,000-word document costs one pass): its paragraphs (from the document's blocks when the
 * extraction kept them, otherwise the text's blank-line paragraphs), and within each paragraph the
 * runs of text that share one sentence, one set of inline marks and one signal highlight — or one
 * change of a revision. Offsets are always into the extracted text, so a selection maps back.
 */
import type { BlockKind, DiffHunk, SentenceScore, Span, TextBlock, TextMark } from '../../src-shared/models';

export interface Paragraph {
  start: number;
  end: number;
  kind: BlockKind;
  /** Heading level, or a list item's depth. */
  level?: number;
  ordered?: boolean;
  /** A numbered list item's number: its place among the items of its list at its depth. */
  number?: number;
  marks: readonly TextMark[];
}

/** The paragraphs of a text: its blocks when there are any, else what blank lines separate. */
export function paragraphsOf(text: string, blocks: readonly TextBlock[] = []): Paragraph[] {
  if (blocks.length > 0) {
    const out: Paragraph[] = [];
    let pos = 0;
    // Numbers of the open numbered lists, by depth: a block that is no list item closes them all.
    const counters: number[] = [];
    for (const b of [...blocks].sort((a, c) => a.start - c.start)) {
      const start = Math.max(pos, Math.min(text.length, b.start));
      const end = Math.max(start, Math.min(text.length, b.end));
      if (end <= start) continue;
      let number: number | undefined;
      if (b.kind !== 'list_item') counters.length = 0;
      else {
        const depth = b.level ?? 1;
        counters.length = depth;
        counters[depth - 1] = b.ordered ? (counters[depth - 1] ?? 0) + 1 : 0;
        if (b.ordered) number = counters[depth - 1];
      }
      out.push({ start, end, kind: b.kind, level: b.level, ordered: b.ordered, number, marks: b.marks ?? [] });
      pos = end;
    }
    return out;
  }
  const out: Paragraph[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let pos = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    // Leading blank space of the text belongs to no paragraph.
    let start = pos;
    while (start < end && /\s/.test(text[start])) start++;
    if (end > start) out.push({ start, end, kind: 'paragraph', marks: [] });
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return out;
}

export interface Run {
  start: number;
  end: number;
  /** Index into the sentences, or -1 between sentences. */
  sentence: number;
  marks: readonly TextMark[];
  /** Inside the words or phrases behind a signal. */
  signal: boolean;
}

/** Cut points of ranges clipped to [lo, hi). */
function addCuts(cuts: Set<number>, ranges: readonly Span[], lo: number, hi: number): void {
  for (const r of ranges) {
    if (r.end <= lo || r.start >= hi) continue;
    cuts.add(Math.max(lo, r.start));
    cuts.add(Math.min(hi, r.end));
  }
}

/**
 * A paragraph cut into runs. `sentences` and `spans` must be sorted by start; `cursor` keeps the
 * position in both across paragraphs, so that laying out a whole text is linear.
 */
export function runsOf(
  p: Paragraph,
  sentences: readonly SentenceScore[],
  spans: readonly Span[],
  cursor: { sentence: number; span: number } = { sentence: 0, span: 0 },
): Run[] {
  while (cursor.sentence < sentences.length && sentences[cursor.sentence].end <= p.start) cursor.sentence++;
  while (cursor.span < spans.length && spans[cursor.span].end <= p.start) cursor.span++;
  const mySentences: number[] = [];
  for (let i = cursor.sentence; i < sentences.length && sentences[i].start < p.end; i++) mySentences.push(i);
  const mySpans: Span[] = [];
  for (let i = cursor.span; i < spans.length && spans[i].start < p.end; i++) mySpans.push(spans[i]);

  const cuts = new Set<number>([p.start, p.end]);
  addCuts(
    cuts,
    mySentences.map((i) => sentences[i]),
    p.start,
    p.end,
  );
  addCuts(cuts, p.marks, p.start, p.end);
  addCuts(cuts, mySpans, p.start, p.end);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  let si = 0;
  let sp = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k];
    const end = points[k + 1];
    while (si < mySentences.length && sentences[mySentences[si]].end <= start) si++;
    const sentence = si < mySentences.length && sentences[mySentences[si]].start <= start ? mySentences[si] : -1;
    while (sp < mySpans.length && mySpans[sp].end <= start) sp++;
    let signal = false;
    for (let j = sp; j < mySpans.length && mySpans[j].start <= start; j++)
      if (mySpans[j].end > start) {
        signal = true;
        break;
      }
    const marks = p.marks.filter((m) => m.start <= start && m.end >= end);
    runs.push({ start, end, sentence, marks, signal });
  }
  return runs;
}

/** Runs grouped by sentence, in order: what one sentence element wraps. */
export function groupBySentence(runs: readonly Run[]): { sentence: number; runs: Run[] }[] {
  const out: { sentence: number; runs: Run[] }[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.sentence === r.sentence && r.sentence >= 0) last.runs.push(r);
    else out.push({ sentence: r.sentence, runs: [r] });
  }
  return out;
}

/** Sorted, merged spans: overlapping evidence of several signals marks the text once. */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

// ---- revisions --------------------------------------------------------------------------------

/** A piece of a paragraph under review: original text, or one change. */
export type ReviewPiece = { kind: 'text'; start: number; end: number } | { kind: 'change'; hunk: DiffHunk };

export interface ReviewParagraph extends Paragraph {
  pieces: ReviewPiece[];
  /** The section it belongs to (see `sectionsOf`). */
  section: number;
}

/**
 * The paragraphs of an original with a revision's changes placed in them. A change that runs
 * across a paragraph break (two sentences joined) joins those paragraphs, so that every change
 * lies whole in one paragraph.
 */
export function reviewParagraphs(
  original: string,
  hunks: readonly DiffHunk[],
  blocks: readonly TextBlock[] = [],
): ReviewParagraph[] {
  const paras = paragraphsOf(original, blocks);
  const sorted = [...hunks].sort((a, b) => a.start - b.start || a.end - b.end);
  // Join paragraphs a change crosses.
  const joined: Paragraph[] = [];
  let hi = 0;
  for (const p of paras) {
    const last = joined[joined.length - 1];
    let crosses = false;
    while (hi < sorted.length && sorted[hi].start < p.start) {
      if (last && sorted[hi].end > last.end) crosses = true;
      hi++;
    }
    if (crosses && last) joined[joined.length - 1] = { ...last, end: p.end, marks: [...last.marks, ...p.marks] };
    else joined.push(p);
  }
  // Changes between paragraphs (in the blank lines) go with the paragraph before them.
  const out: ReviewParagraph[] = joined.map((p) => ({ ...p, pieces: [], section: 0 }));
  let pi = 0;
  const owner = (h: DiffHunk): number => {
    while (pi + 1 < out.length && out[pi + 1].start <= h.start) pi++;
    return pi;
  };
  const byPara = new Map<number, DiffHunk[]>();
  for (const h of sorted) {
    if (out.length === 0) break;
    const i = owner(h);
    (byPara.get(i) ?? byPara.set(i, []).get(i)!).push(h);
  }
  out.forEach((p, i) => {
    const list = byPara.get(i) ?? [];
    let pos = p.start;
    for (const h of list) {
      if (h.start > pos) p.pieces.push({ kind: 'text', start: pos, end: Math.min(h.start, p.end) });
      p.pieces.push({ kind: 'change', hunk: h });
      pos = Math.max(pos, h.end);
    }
    if (pos < p.end) p.pieces.push({ kind: 'text', start: pos, end: p.end });
    if (list.length) p.end = Math.max(p.end, list[list.length - 1].end);
  });
  assignSections(out);
  return out;
}

/**
 * Sections for "accept all in this section": what runs from one heading to the next when the
 * document is divided by headings (two or more), otherwise each paragraph — a single title
 * heading would make the whole text one section. Then a heading goes with the paragraph after
 * it, so the first section is section 1 and is named by its title.
 */
function assignSections(paras: ReviewParagraph[]): void {
  const byHeadings = paras.filter((p) => p.kind === 'heading').length >= 2;
  let section = -1;
  let afterHeading = false;
  for (const p of paras) {
    const opens = section < 0 || (byHeadings ? p.kind === 'heading' : !afterHeading);
    if (opens) section++;
    p.section = section;
    afterHeading = p.kind === 'heading';
  }
}

/** Widens [start, end) to whole words of `text`, for a change's context. */
export function wholeWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s > 0 && /[\p{L}\p{N}'’-]/u.test(text[s - 1])) s--;
  while (e < text.length && /[\p{L}\p{N}'’-]/u.test(text[e])) e++;
  return { start: s, end: e };
}
