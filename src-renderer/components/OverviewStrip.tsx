/**
 * The whole document at a glance, beside the text (VS Code's overview ruler, GPTZero's
 * highlights in miniature): one mark per sentence at its place in the text, coloured by its
 * band, and a frame showing which part is on screen. A click brings the sentence under the
 * pointer into view. The same places are reachable from the keyboard through the passages in the
 * sidebar and the text itself, so the strip is for the pointer only.
 *
 * The marks are drawn on a canvas, once per document, size and theme (a long document has
 * hundreds of sentences: as elements they cost more to build than the text beside them), and
 * scrolling moves only the frame, by a transform on its own layer — no layout, no repaint.
 */
import { memo, useEffect, useRef } from 'react';
import type { SentenceScore } from '../../src-shared/models';
import { sentenceBand, type SentenceBand } from './DocumentText';

/** Each band's colour and opacity, from the page's own tones (so light and dark agree with the text). */
const BAND_STYLE: Record<SentenceBand, { color: string; alpha: number }> = {
  ai: { color: '--tone-ai', alpha: 1 },
  lean: { color: '--tone-mixed', alpha: 1 },
  unclear: { color: '--tone-neutral', alpha: 0.45 },
  human: { color: '--tone-human', alpha: 0.35 },
};

/** The sentence whose place in the text is nearest `at` (a character offset). */
export function sentenceAt(sentences: readonly SentenceScore[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function draw(canvas: HTMLCanvasElement, sentences: readonly SentenceScore[], length: number): void {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) return;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(dpr, dpr);
  ctx.clearRect(0, 0, width, height);
  for (const [band, style] of Object.entries(BAND_STYLE)) {
    // A custom property's computed value is its text (light-dark(…)): the colour it resolves to
    // is read back through a real property.
    canvas.style.color = `var(${style.color})`;
    ctx.fillStyle = getComputedStyle(canvas).color;
    ctx.globalAlpha = style.alpha;
    for (const s of sentences) {
      if (sentenceBand(s.score) !== band) continue;
      const top = (s.start / length) * height;
      ctx.fillRect(1, top, width - 2, Math.max(2, ((s.end - s.start) / length) * height));
    }
  }
  canvas.dataset.drawn = String(sentences.length);
}

export const OverviewStrip = memo(function OverviewStrip({
  sentences,
  length,
  onPick,
  textSelector = '[data-testid="document-text"]',
}: {
  sentences: readonly SentenceScore[];
  length: number;
  onPick: (sentence: number) => void;
  textSelector?: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);

  // The marks: drawn again when the strip's size or the theme changes.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || length === 0) return;
    const redraw = () => draw(canvas, sentences, length);
    redraw();
    const resized = new ResizeObserver(redraw);
    resized.observe(canvas);
    const themed = new MutationObserver(redraw);
    themed.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', redraw);
    return () => {
      resized.disconnect();
      themed.disconnect();
      scheme.removeEventListener('change', redraw);
    };
  }, [sentences, length]);

  // The frame of what is on screen.
  useEffect(() => {
    const scroller = document.getElementById('main');
    if (!scroller) return;
    let raf = 0;
    const measure = () => {
      raf = 0;
      const el = document.querySelector<HTMLElement>(textSelector);
      const frame = frameRef.current;
      if (!el || !frame) return;
      const box = el.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      const strip = frame.parentElement!.clientHeight;
      if (box.height <= 0) return;
      const top = Math.max(0, (view.top - box.top) / box.height);
      const bottom = Math.min(1, (view.bottom - box.top) / box.height);
      frame.hidden = !(bottom > top);
      // Its height changes only when the window or the text does.
      const height = `${Math.round(Math.max(0, bottom - top) * strip)}px`;
      if (frame.style.height !== height) frame.style.height = height;
      frame.style.transform = `translateY(${(top * strip).toFixed(1)}px)`;
    };
    const onScroll = () => {
      if (!raf) raf = requestAnimationFrame(measure);
    };
    measure();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (raf) cancelAnimationFrame(raf);
    };
  }, [textSelector, length]);

  if (length === 0 || sentences.length === 0) return null;
  return (
    <div
      className="overview"
      aria-hidden="true"
      data-testid="overview"
      data-marks={sentences.length}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        onPick(sentenceAt(sentences, ((e.clientY - box.top) / box.height) * length));
      }}
    >
      <canvas ref={canvasRef} className="ov-marks" />
      <div className="ov-frame" ref={frameRef} hidden />
    </div>
  );
});
