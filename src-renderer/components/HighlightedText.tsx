/**
 * The extracted text with its critical sections highlighted. A section is told apart by colour
 * AND by a visible tag (its number and confidence) and an underline whose style follows the
 * confidence band (solid, dashed, dotted), so no information depends on colour alone. Text nodes
 * carry their offset (`data-start`) so a selection maps back to offsets in the text.
 */
import { memo } from 'react';
import type { CriticalSection } from '../../src-shared/models';
import { band, BAND_LABEL, formatPercent } from '../store/format';

export interface Segment {
  start: number;
  end: number;
  /** Index into the sorted sections, or -1 for plain text. */
  section: number;
}

/** Splits [0, length) into plain and highlighted segments; overlapping sections are clipped. */
export function segmentText(length: number, sections: readonly Pick<CriticalSection, 'start' | 'end'>[]): Segment[] {
  const sorted = sections.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let pos = 0;
  for (const s of sorted) {
    const start = Math.max(pos, Math.min(length, s.start));
    const end = Math.max(start, Math.min(length, s.end));
    if (end <= start) continue;
    if (start > pos) out.push({ start: pos, end: start, section: -1 });
    out.push({ start, end, section: s.i });
    pos = end;
  }
  if (pos < length) out.push({ start: pos, end: length, section: -1 });
  return out;
}

export const HighlightedText = memo(function HighlightedText({
  text,
  sections,
}: {
  text: string;
  sections: readonly CriticalSection[];
}) {
  const segments = segmentText(text.length, sections);
  // Sections are numbered in reading order.
  const order = sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start)
    .reduce((m, { i }, n) => m.set(i, n + 1), new Map<number, number>());
  return (
    <div className="doc-text" data-testid="document-text">
      {segments.map((seg) => {
        const slice = <span data-start={seg.start}>{text.slice(seg.start, seg.end)}</span>;
        if (seg.section < 0) return <span key={seg.start}>{slice}</span>;
        const s = sections[seg.section];
        const b = band(s.confidence);
        const n = order.get(seg.section) ?? 0;
        return (
          <mark
            key={seg.start}
            id={`section-${n}`}
            className={`hl hl-${b}`}
            data-confidence={s.confidence}
            data-band={b}
          >
            <span className="hl-tag" aria-hidden="true">
              §{n} · {formatPercent(s.confidence)}
            </span>
            <span className="sr-only">
              Critical section {n}, {BAND_LABEL[b]} confidence {formatPercent(s.confidence)}:{' '}
            </span>
            {slice}
            <span className="sr-only"> (end of section {n})</span>
          </mark>
        );
      })}
    </div>
  );
});

/** Offsets in the text of the current selection inside `container`, or null. */
export function selectionOffsets(
  container: HTMLElement,
  selection: Selection | null = window.getSelection(),
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const spans = [...container.querySelectorAll<HTMLElement>('[data-start]')];
  const total = spans.length
    ? Number(spans[spans.length - 1].dataset.start) + (spans[spans.length - 1].textContent?.length ?? 0)
    : 0;
  const offsetOf = (node: Node, offset: number): number => {
    for (const span of spans) {
      const t = span.firstChild;
      if (!t) continue;
      const r = document.createRange();
      r.selectNodeContents(t);
      const cmp = r.comparePoint(node, offset);
      const start = Number(span.dataset.start);
      if (cmp < 0) return start;
      if (cmp === 0) return node === t ? start + offset : start;
    }
    return total;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}
