/**
 * The whole document at a glance, beside the text (VS Code's overview ruler, GPTZero's
 * highlights in miniature): one mark per sentence at its place in the text, coloured by its
 * score, and a frame showing which part is on screen. A click on a mark brings its sentence into
 * view. The same places are reachable from the keyboard through the passages in the sidebar and
 * the text itself, so the strip is for the pointer only.
 */
import { memo, useEffect, useState } from 'react';
import type { SentenceScore } from '../../src-shared/models';
import { sentenceBand } from './DocumentText';

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
  const [frame, setFrame] = useState<{ top: number; height: number } | null>(null);
  useEffect(() => {
    const scroller = document.getElementById('main');
    if (!scroller) return;
    let raf = 0;
    const measure = () => {
      raf = 0;
      const el = document.querySelector<HTMLElement>(textSelector);
      if (!el) return;
      const box = el.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      if (box.height <= 0) return;
      const top = Math.max(0, (view.top - box.top) / box.height);
      const bottom = Math.min(1, (view.bottom - box.top) / box.height);
      setFrame(bottom > top ? { top, height: bottom - top } : null);
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
      onClick={(e) => {
        const el = (e.target as HTMLElement).closest<HTMLElement>('[data-s]');
        if (el) onPick(Number(el.dataset.s));
        else {
          // Between marks: the nearest sentence to the click.
          const box = e.currentTarget.getBoundingClientRect();
          const at = ((e.clientY - box.top) / box.height) * length;
          let best = 0;
          for (let i = 0; i < sentences.length; i++)
            if (Math.abs(sentences[i].start - at) < Math.abs(sentences[best].start - at)) best = i;
          onPick(best);
        }
      }}
    >
      {sentences.map((s, i) => (
        <div
          key={i}
          data-s={i}
          className={`ov-mark band-${sentenceBand(s.score)}`}
          style={{
            top: `${(s.start / length) * 100}%`,
            height: `max(2px, ${((s.end - s.start) / length) * 100}%)`,
          }}
          title={`Sentence ${i + 1}: ${Math.round(s.score)}% likely AI`}
        />
      ))}
      {frame && <div className="ov-frame" style={{ top: `${frame.top * 100}%`, height: `${frame.height * 100}%` }} />}
    </div>
  );
});
