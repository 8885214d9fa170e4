/**
 * The text as it was written — headings, lists, quotes, emphasis, paragraphs — with a light
 * shade on each sentence the detector finds AI-like (darker the likelier), the words behind a
 * signal underlined, and a tooltip on hover or focus with the sentence's score and reasons.
 *
 * The text is one focusable region operated from the keyboard: ↑/↓ move from sentence to
 * sentence, Enter selects the sentence and Shift+Enter its paragraph (for "Check selected
 * passage"), Shift+↑/↓ extend the selection, Escape clears it. Every text node carries its offset
 * (`data-start`) so that any selection maps back to offsets in the text.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  SENTENCE_READS_AS_AI,
  type SectionAnalysis,
  type SentenceScore,
  type Span,
  type TextBlock,
  type TextMark,
} from '../../src-shared/models';
import { groupBySentence, paragraphsOf, runsOf, type Paragraph, type Run } from '../review/layout';
import { Block } from './Block';
import { splitSignals } from '../review/signals';
import { roundedPercent } from '../review/verdict';

export type SentenceBand = 'ai' | 'lean' | 'unclear' | 'human';
/** Shading bands of a sentence score. */
export function sentenceBand(score: number): SentenceBand {
  if (score >= SENTENCE_READS_AS_AI) return 'ai';
  if (score >= 60) return 'lean';
  if (score >= 40) return 'unclear';
  return 'human';
}
export const BAND_WORDS: Record<SentenceBand, string> = {
  ai: 'reads as AI-generated',
  lean: 'leans towards AI',
  unclear: 'unclear',
  human: 'reads as human',
};

function wrapMarks(marks: readonly TextMark[], child: ReactNode): ReactNode {
  let out = child;
  for (const m of marks) {
    if (m.kind === 'strong') out = <strong>{out}</strong>;
    else if (m.kind === 'emphasis') out = <em>{out}</em>;
    else if (m.kind === 'code') out = <code>{out}</code>;
    else if (m.kind === 'link')
      out = (
        <span className="link-text" title={m.href}>
          {out}
        </span>
      );
  }
  return out;
}

function RunText({ text, run }: { text: string; run: Run }) {
  const inner = <span data-start={run.start}>{text.slice(run.start, run.end)}</span>;
  const marked = wrapMarks(run.marks, inner);
  return run.signal ? <mark className="sig">{marked}</mark> : <>{marked}</>;
}

const ParagraphView = memo(function ParagraphView({
  text,
  p,
  runs,
  sentences,
  active,
}: {
  text: string;
  p: Paragraph;
  runs: Run[];
  sentences: readonly SentenceScore[];
  /** The active sentence when it lies in this paragraph, else -1 (so other paragraphs skip rendering). */
  active: number;
}) {
  const groups = groupBySentence(runs);
  const body = groups.flatMap((g) => {
    // Between sentences: plain text needs no element (its offset follows from the text before it).
    if (g.sentence < 0)
      return g.runs.map((r) =>
        r.marks.length === 0 && !r.signal ? text.slice(r.start, r.end) : <RunText key={r.start} text={text} run={r} />,
      );
    const s = sentences[g.sentence];
    const props = {
      className: `s band-${sentenceBand(s.score)}${g.sentence === active ? ' active' : ''}`,
      'data-s': g.sentence,
      tabIndex: -1,
    };
    const [only] = g.runs;
    // A sentence of plain text is one element carrying its own offset (half the elements of a long text).
    if (g.runs.length === 1 && only.marks.length === 0 && !only.signal)
      return (
        <span key={only.start} {...props} data-start={only.start}>
          {text.slice(only.start, only.end)}
        </span>
      );
    return (
      <span key={only.start} {...props}>
        {g.runs.map((r) => (
          <RunText key={r.start} text={text} run={r} />
        ))}
      </span>
    );
  });
  return <Block p={p}>{body}</Block>;
});

interface Tip {
  sentence: number;
  x: number;
  y: number;
}

export const DocumentText = memo(function DocumentText({
  text,
  blocks,
  sentences,
  spans,
  sections,
  active,
  onActive,
}: {
  text: string;
  blocks: readonly TextBlock[];
  sentences: readonly SentenceScore[];
  /** Where the words behind signals stand, merged and sorted. */
  spans: readonly Span[];
  sections: readonly SectionAnalysis[];
  active: number;
  onActive: (sentence: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const layout = useMemo(() => {
    const paras = paragraphsOf(text, blocks);
    const cursor = { sentence: 0, span: 0 };
    return paras.map((p) => ({ p, runs: runsOf(p, sentences, spans, cursor) }));
  }, [text, blocks, sentences, spans]);
  const paraOf = useMemo(() => {
    // The paragraph of each sentence, to re-render only the two paragraphs an active change touches.
    const m = new Int32Array(sentences.length).fill(-1);
    layout.forEach(({ runs }, i) => runs.forEach((r) => r.sentence >= 0 && m[r.sentence] < 0 && (m[r.sentence] = i)));
    return m;
  }, [layout, sentences.length]);

  const sentenceEl = (i: number) => ref.current?.querySelector<HTMLElement>(`.s[data-s="${i}"]`) ?? null;
  const showTip = useCallback((el: HTMLElement, i: number) => {
    const box = el.getBoundingClientRect();
    const host = ref.current!.getBoundingClientRect();
    setTip({ sentence: i, x: Math.max(0, box.left - host.left), y: box.bottom - host.top + 4 });
  }, []);

  const focusSentence = (i: number) => {
    const el = sentenceEl(i);
    if (!el) return;
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
    onActive(i);
    showTip(el, i);
  };
  const select = (from: number, to: number) => {
    const a = sentenceEl(Math.min(from, to));
    const b = sentenceEl(Math.max(from, to));
    if (!a || !b) return;
    const range = document.createRange();
    range.setStartBefore(a);
    range.setEndAfter(b);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  };
  const anchor = useRef<number | null>(null);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (sentences.length === 0) return;
    const cur = active >= 0 ? active : -1;
    const move = (d: number) => Math.max(0, Math.min(sentences.length - 1, cur < 0 ? 0 : cur + d));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = move(e.key === 'ArrowDown' ? 1 : -1);
      if (e.shiftKey) {
        anchor.current ??= cur < 0 ? next : cur;
        select(anchor.current, next);
      } else anchor.current = null;
      focusSentence(next);
    } else if (e.key === 'Enter' && cur >= 0) {
      if (e.shiftKey) {
        const para = layout[paraOf[cur]];
        const inPara = para.runs.filter((r) => r.sentence >= 0).map((r) => r.sentence);
        select(Math.min(...inPara), Math.max(...inPara));
      } else select(cur, cur);
      anchor.current = cur;
    } else if (e.key === 'Escape') {
      window.getSelection()?.removeAllRanges();
      anchor.current = null;
      setTip(null);
      return;
    } else if (e.key === 'Home' || e.key === 'End') {
      focusSentence(e.key === 'Home' ? 0 : sentences.length - 1);
    } else return;
    e.preventDefault();
  };

  // The tooltip follows the pointer over sentences and the focus among them.
  const onOver = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.s');
    if (!el) return;
    const i = Number(el.dataset.s);
    if (tip?.sentence !== i) showTip(el, i);
  };
  const onFocus = (e: React.FocusEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.s');
    if (el) {
      const i = Number(el.dataset.s);
      onActive(i);
      showTip(el, i);
    }
  };
  const onClick = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.s');
    if (el && window.getSelection()?.isCollapsed !== false) onActive(Number(el.dataset.s));
  };
  useEffect(() => {
    // The focused sentence points at the tooltip that describes it.
    const el = active >= 0 ? sentenceEl(active) : null;
    el?.setAttribute('aria-describedby', 'sentence-tip');
    return () => el?.removeAttribute('aria-describedby');
  }, [active]);

  return (
    <div className="doc-text-host">
      <div
        ref={ref}
        className="doc-text"
        data-testid="document-text"
        role="region"
        aria-label="Document text"
        aria-describedby="text-keys"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMouseOver={onOver}
        onMouseLeave={() => setTip((t) => (t && active === t.sentence ? t : null))}
        onFocus={(e) => {
          if (e.target === ref.current && active < 0 && sentences.length > 0) return;
          onFocus(e);
        }}
        onClick={onClick}
      >
        {layout.map(({ p, runs }, i) => (
          <ParagraphView
            key={p.start}
            text={text}
            p={p}
            runs={runs}
            sentences={sentences}
            active={active >= 0 && paraOf[active] === i ? active : -1}
          />
        ))}
        {tip && tip.sentence < sentences.length && (
          <SentenceTip
            tip={tip}
            sentence={sentences[tip.sentence]}
            total={sentences.length}
            text={text}
            sections={sections}
            spans={spans}
          />
        )}
      </div>
      <p id="text-keys" className="sr-only">
        Up and down arrows move from sentence to sentence; Enter selects the sentence, Shift+Enter its paragraph, Shift
        with the arrows extends the selection.
      </p>
    </div>
  );
});

function SentenceTip({
  tip,
  sentence,
  total,
  text,
  sections,
  spans,
}: {
  tip: Tip;
  sentence: SentenceScore;
  total: number;
  text: string;
  sections: readonly SectionAnalysis[];
  spans: readonly Span[];
}) {
  const section = sections.find((s) => s.start <= sentence.start && s.end >= sentence.end);
  const n = section ? [...sections].sort((a, b) => a.start - b.start).indexOf(section) + 1 : 0;
  const reasons = section ? splitSignals(section.explanations).signals.filter((s) => s.direction === 'ai') : [];
  const words = spans
    .filter((s) => s.start >= sentence.start && s.end <= sentence.end)
    .map((s) => text.slice(s.start, s.end));
  const band = sentenceBand(sentence.score);
  return (
    <div
      id="sentence-tip"
      role="tooltip"
      className={`sentence-tip band-${band}`}
      style={{ left: tip.x, top: tip.y }}
      data-testid="sentence-tip"
    >
      <p>
        <strong>
          Sentence {tip.sentence + 1} of {total}: {roundedPercent(sentence.score)} likely AI
        </strong>{' '}
        — {BAND_WORDS[band]}.
      </p>
      {section && (
        <p>
          In passage {n} ({roundedPercent(section.confidence)} likely AI)
          {reasons.length > 0 ? `: ${reasons.map((r) => r.text.toLowerCase()).join('; ')}.` : '.'}
        </p>
      )}
      {words.length > 0 && <p>Words behind the signals here: {[...new Set(words)].slice(0, 6).join(', ')}.</p>}
    </div>
  );
}

/**
 * The text nodes of a rendered text with their offsets in the text: a node whose element carries
 * `data-start` starts there; a bare node (the space between two sentences) continues the text
 * before it in its paragraph, or starts its paragraph (`data-para-start`).
 */
function textPieces(container: HTMLElement): { node: Text; start: number }[] {
  const out: { node: Text; start: number }[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let para: Element | null = null;
  let end = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const parent = n.parentElement!;
    const block = parent.closest<HTMLElement>('[data-para-start]');
    if (!block || parent.closest('.bullet')) continue;
    const own = parent.dataset.start;
    const start = own !== undefined ? Number(own) : block === para ? end : Number(block.dataset.paraStart);
    out.push({ node: n, start });
    end = start + n.data.length;
    para = block;
  }
  return out;
}

/** Offsets in the text of the current selection inside `container`, or null. */
export function selectionOffsets(
  container: HTMLElement,
  selection: Selection | null = window.getSelection(),
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const pieces = textPieces(container);
  const last = pieces[pieces.length - 1];
  const total = last ? last.start + last.node.data.length : 0;
  // A point between two text nodes (in the blank lines between paragraphs, or next to an element)
  // belongs to the text after it when it starts the selection and to the text before it when it ends it.
  const offsetOf = (node: Node, offset: number, isEnd: boolean): number => {
    let before = 0;
    for (const { node: t, start } of pieces) {
      const r = document.createRange();
      r.selectNodeContents(t);
      const cmp = r.comparePoint(node, offset);
      if (cmp < 0) return isEnd ? before : start;
      if (cmp === 0) return node === t ? start + offset : start;
      before = start + t.data.length;
    }
    return total;
  };
  const start = offsetOf(range.startContainer, range.startOffset, false);
  const end = offsetOf(range.endContainer, range.endOffset, true);
  return end > start ? { start, end } : null;
}
