/**
 * A block's inline marks in the two shapes the writers need: properly nested spans (Markdown
 * writes delimiters that must nest) and flat runs (Word writes runs, each with its formatting).
 * Both cut marks at line breaks, since a mark cannot carry a line break in either format, and
 * leave whitespace at the ends of bold, italic and link marks outside them.
 */
import type { MarkKind, TextBlock, TextMark } from '../../../src-shared/models';

export interface Span {
  kind: MarkKind;
  start: number;
  end: number;
  href?: string;
  children: Span[];
}

/** Outer marks first when two start together: a link holds formatting, code holds nothing. */
const NESTING: Record<MarkKind, number> = { link: 0, strong: 1, emphasis: 2, code: 3 };

/** The block's marks cut at line breaks and trimmed (code keeps its spaces), in text order. */
function lineMarks(text: string, block: TextBlock): TextMark[] {
  const out: TextMark[] = [];
  for (const m of block.marks ?? []) {
    let from = Math.max(m.start, block.start);
    const to = Math.min(m.end, block.end);
    while (from < to) {
      const nl = text.indexOf('\n', from);
      const end = nl < 0 || nl >= to ? to : nl;
      let s = from;
      let e = end;
      if (m.kind !== 'code') {
        while (s < e && /\s/.test(text[s])) s++;
        while (e > s && /\s/.test(text[e - 1])) e--;
      }
      if (e > s) out.push({ ...m, start: s, end: e });
      from = end + 1;
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || NESTING[a.kind] - NESTING[b.kind]);
}

/**
 * Marks as a tree of properly nested spans: a mark that starts inside another and ends after it
 * is cut in two at the other's end, code is cut to be the innermost mark, and a link inside a
 * link keeps only its text.
 */
export function nestedSpans(text: string, block: TextBlock): Span[] {
  const queue = codeInnermost(lineMarks(text, block));
  const roots: Span[] = [];
  const stack: Span[] = [];
  while (queue.length > 0) {
    const m = queue.shift()!;
    while (stack.length > 0 && stack[stack.length - 1].end <= m.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && (parent.kind === 'code' || (m.kind === 'link' && stack.some((s) => s.kind === 'link')))) continue;
    let end = m.end;
    if (parent && m.end > parent.end) {
      end = parent.end;
      insertSorted(queue, { ...m, start: parent.end });
    }
    const span: Span = { kind: m.kind, start: m.start, end, children: [] };
    if (m.href !== undefined) span.href = m.href;
    (parent ? parent.children : roots).push(span);
    stack.push(span);
  }
  return roots;
}

/**
 * Code marks cut wherever another mark starts or ends inside them, so that code is always the
 * innermost mark (formatting around part of a code span is formatting around a code span).
 */
function codeInnermost(marks: TextMark[]): TextMark[] {
  const edges = marks.filter((m) => m.kind !== 'code').flatMap((m) => [m.start, m.end]);
  const out: TextMark[] = [];
  for (const m of marks) {
    if (m.kind !== 'code') {
      out.push(m);
      continue;
    }
    const cuts = [...new Set(edges.filter((e) => e > m.start && e < m.end))].sort((a, b) => a - b);
    let from = m.start;
    for (const c of [...cuts, m.end]) {
      out.push({ ...m, start: from, end: c });
      from = c;
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || NESTING[a.kind] - NESTING[b.kind]);
}

function insertSorted(queue: TextMark[], m: TextMark): void {
  let i = 0;
  while (i < queue.length && (queue[i].start < m.start || (queue[i].start === m.start && queue[i].end >= m.end))) i++;
  queue.splice(i, 0, m);
}

/** A run of a block's text with one formatting throughout. */
export interface Run {
  text: string;
  strong: boolean;
  emphasis: boolean;
  code: boolean;
  href: string | null;
}

/** The block's text cut into runs wherever its formatting changes (line breaks stay inside runs). */
export function flatRuns(text: string, block: TextBlock): Run[] {
  const marks = lineMarks(text, block);
  // One sweep over the marks' ends: at each cut, the marks that start there open and those that end close.
  const ends = [...marks].sort((a, b) => a.end - b.end);
  const count: Record<MarkKind, number> = { strong: 0, emphasis: 0, code: 0, link: 0 };
  const links: TextMark[] = [];
  const runs: Run[] = [];
  let opened = 0;
  let closed = 0;
  let pos = block.start;
  while (pos < block.end) {
    while (closed < ends.length && ends[closed].end <= pos) {
      const m = ends[closed++];
      count[m.kind]--;
      if (m.kind === 'link') links.splice(links.indexOf(m), 1);
    }
    while (opened < marks.length && marks[opened].start <= pos) {
      const m = marks[opened++];
      count[m.kind]++;
      if (m.kind === 'link') links.push(m);
    }
    const next = Math.min(
      block.end,
      opened < marks.length ? marks[opened].start : block.end,
      closed < ends.length ? ends[closed].end : block.end,
    );
    runs.push({
      text: text.slice(pos, next),
      strong: count.strong > 0,
      emphasis: count.emphasis > 0,
      code: count.code > 0,
      href: links.length > 0 ? (links[links.length - 1].href ?? null) : null,
    });
    pos = next;
  }
  return runs;
}
