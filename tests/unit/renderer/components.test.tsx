// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../src-shared/models';
import { DocumentText, selectionOffsets } from '../../../src-renderer/components/DocumentText';
import { ProgressBar } from '../../../src-renderer/components/ProgressBar';
import { SignalList } from '../../../src-renderer/components/SignalList';
import { VerdictCard } from '../../../src-renderer/components/VerdictCard';
import { splitSignals } from '../../../src-renderer/review/signals';
import { formatDuration, secondsLeft } from '../../../src-renderer/store/format';
import { filterEvents } from '../../../src-renderer/views/EventsView';
import { selectDocuments } from '../../../src-renderer/views/LibraryView';
import { milestone } from '../../../src-renderer/views/RevisionView';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | null = null;
let host: HTMLElement | null = null;
function render(node: React.ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
}
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

describe('formatting', () => {
  it('estimates the time left of a revision only once there is a basis for it', () => {
    const t0 = Date.parse('2026-01-01T00:00:10.000Z');
    const base = { status: 'processing', progress: 0, started_at: '2026-01-01T00:00:00.000Z' };
    // Nothing done yet: no estimate at all.
    expect(secondsLeft({ ...base, sections_done: 0, sections_total: 10 }, t0)).toBeNull();
    expect(secondsLeft({ ...base, sections_done: null, sections_total: null }, t0)).toBeNull();
    // 2 of 10 sections in 10 s: 40 s for the other 8.
    expect(secondsLeft({ ...base, progress: 20, sections_done: 2, sections_total: 10 }, t0)).toBe(40);
    // Without sections, from the share of the text done.
    expect(secondsLeft({ ...base, progress: 50, sections_done: null, sections_total: null }, t0)).toBe(10);
    expect(secondsLeft({ ...base, status: 'queued', sections_done: null, sections_total: null }, t0)).toBeNull();
    expect(formatDuration(75)).toBe('1 min 15 s');
  });

  it('announces revision milestones', () => {
    const base = { estimated_time: 12, error: null, diff_summary: null };
    expect(milestone({ ...base, status: 'queued', progress: 0 })).toBe('Revision queued; estimated time 12 s.');
    expect(milestone({ ...base, status: 'processing', progress: 3 })).toBe('Revision started.');
    expect(milestone({ ...base, status: 'processing', progress: 57 })).toBe('Revision 50% done.');
    expect(
      milestone({
        ...base,
        status: 'completed',
        progress: 100,
        diff_summary: { additions: 2, deletions: 3, similarity: 90 },
      }),
    ).toContain('2 words added, 3 removed');
    expect(milestone({ ...base, status: 'failed', progress: 10, error: 'No model' })).toBe(
      'Revision failed: No model.',
    );
  });
});

describe('the document text', () => {
  const text = '# Title\n\nAlpha beta gamma. Delta epsilon zeta.\n\nEta theta iota.';
  // "Title" is a heading; the first paragraph carries an emphasis mark.
  const blocks = [
    { kind: 'heading' as const, start: 2, end: 7, level: 1 },
    { kind: 'paragraph' as const, start: 9, end: 46, marks: [{ kind: 'emphasis' as const, start: 15, end: 19 }] },
    { kind: 'list_item' as const, start: 48, end: 63, level: 1 },
  ];
  const sentences = [
    { start: 9, end: 26, score: 91 },
    { start: 27, end: 46, score: 12 },
    { start: 48, end: 63, score: 65 },
  ];
  const doc = (extra: Partial<React.ComponentProps<typeof DocumentText>> = {}) => (
    <DocumentText
      text={text}
      blocks={blocks}
      sentences={sentences}
      spans={[{ start: 33, end: 40 }]}
      sections={[]}
      active={-1}
      onActive={() => {}}
      {...extra}
    />
  );

  it('keeps the structure (heading, emphasis, list item) and shades each sentence by its band', () => {
    const el = render(doc());
    expect(el.querySelector('h3')!.textContent).toBe('Title');
    expect(el.querySelector('em')!.textContent).toBe('beta');
    expect(el.querySelector('.kind-list_item')!.textContent).toContain('Eta theta iota.');
    expect([...el.querySelectorAll<HTMLElement>('.s')].map((s) => s.className)).toEqual([
      's band-ai',
      's band-human',
      's band-lean',
    ]);
    // The words behind a signal are marked inside their sentence.
    expect(el.querySelector('mark.sig')!.textContent).toBe('epsilon');
    // The spans with offsets rebuild the text, blank lines aside.
    const spans = [...el.querySelectorAll<HTMLElement>('[data-start]')];
    for (const s of spans) expect(text.slice(Number(s.dataset.start)).startsWith(s.textContent!)).toBe(true);
  });

  it('maps a selection back to offsets in the text', () => {
    const el = render(doc());
    const spans = [...el.querySelectorAll<HTMLElement>('[data-start]')];
    const at = (offset: number) => {
      const span = spans.filter((s) => Number(s.dataset.start) <= offset).at(-1)!;
      return [span.firstChild!, offset - Number(span.dataset.start)] as const;
    };
    const range = document.createRange();
    range.setStart(...at(33));
    range.setEnd(...at(51));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    const off = selectionOffsets(el, sel)!;
    expect(off).toEqual({ start: 33, end: 51 });
    expect(text.slice(off.start, off.end)).toBe('epsilon zeta.\n\nEta');
  });

  it('is operated from the keyboard: arrows move between sentences, Enter selects one', () => {
    function Host() {
      const [active, setActive] = useState(-1);
      return doc({ active, onActive: setActive });
    }
    const el = render(<Host />);
    const region = el.querySelector<HTMLElement>('[data-testid="document-text"]')!;
    const press = (key: string, shiftKey = false) =>
      act(() => {
        (document.activeElement ?? region).dispatchEvent(
          new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }),
        );
      });
    region.focus();
    press('ArrowDown');
    press('ArrowDown');
    expect(document.activeElement).toBe(el.querySelector('.s[data-s="1"]'));
    press('Enter');
    expect(selectionOffsets(el)).toEqual({ start: 27, end: 46 });
    // Shift+Enter: the sentence's paragraph; Shift+Down extends into the next one.
    press('Enter', true);
    expect(selectionOffsets(el)).toEqual({ start: 9, end: 46 });
    press('ArrowDown', true);
    expect(selectionOffsets(el)).toEqual({ start: 27, end: 63 });
  });
});

describe('controls', () => {
  it('the progress bar is an ARIA progressbar with its value and a readable text', () => {
    const el = render(<ProgressBar value={42.6} label="Revision progress" valueText="43%, about 5 s left" />);
    const bar = el.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('43');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-label')).toBe('Revision progress');
    expect(bar.getAttribute('aria-valuetext')).toBe('43%, about 5 s left');
  });

  it('the verdict card: words, share and a colour that agree, the probability rounded, how to read it', () => {
    const el = render(
      <VerdictCard
        doc={{
          ai_confidence: 99.7,
          ai_share: 0.49,
          verdict: 'mixed',
          word_count: 3000,
          text: null,
          critical_sections: Array.from({ length: 10 }, (_, i) => ({
            start: i * 10,
            end: i * 10 + 5,
            text: '',
            confidence: 90,
            explanations: [],
          })),
          analyzed_at: '2026-01-01T00:00:00.000Z',
          analysis_model: 'm',
          explanations: [
            { signal: 'predictability', label: 'average bigram surprisal 10.7 bits', direction: 'ai', weight: 1.2 },
            { signal: 'length', label: 'only 52 words', direction: 'human', weight: 0 },
          ],
        }}
      />,
    );
    expect(el.querySelector('.verdict-card')!.className).toContain('tone-mixed');
    expect(el.querySelector('[data-testid="verdict"]')!.textContent).toContain('Mixed');
    expect(el.querySelector('[data-testid="verdict-summary"]')!.textContent).toBe(
      '49% of the text reads as AI-generated, in 10 passages',
    );
    expect(el.querySelector('[data-testid="ai-confidence"]')!.textContent).toBe('>99%');
    expect(el.querySelector('[data-testid="how-to-read"]')!.textContent).toContain('evidence, not proof');
    // The length note is a note, not a signal; no statistics jargon on screen.
    expect(el.querySelectorAll('[data-testid="signal"]')).toHaveLength(1);
    expect(el.querySelectorAll('[data-testid="note"]')).toHaveLength(1);
    expect(el.textContent).not.toMatch(/bits|surprisal|bigram/);
  });

  it('signal bars: length by weight, towards AI on one side and human on the other', () => {
    const { signals } = splitSignals([
      { signal: 'stock_phrases', label: 'stock phrases: in today’s world', direction: 'ai', weight: 2 },
      { signal: 'contractions', label: 'contractions', direction: 'human', weight: -1 },
    ]);
    const el = render(<SignalList signals={signals} />);
    const items = [...el.querySelectorAll<HTMLElement>('[data-testid="signal"]')];
    expect(items.map((i) => i.className)).toEqual(['signal signal-ai', 'signal signal-human']);
    expect(items[0].querySelector<HTMLElement>('.half-ai .fill')!.style.width).toBe('100%');
    expect(items[1].querySelector<HTMLElement>('.half-human .fill')!.style.width).toBe('50%');
    expect(items[0].querySelector('.half-human .fill')).toBeNull();
  });

  it('shows a note of weight 0 as a note, apart from the signals and pointing neither way', () => {
    const el = render(
      <VerdictCard
        doc={{
          ai_confidence: 31.4,
          ai_share: null,
          verdict: 'uncertain',
          word_count: 70,
          analyzed_at: '2026-01-01T00:00:00.000Z',
          analysis_model: 'ngram-stylo-lr-v3',
          text: null,
          critical_sections: [],
          explanations: [
            { signal: 'length', label: 'a short text (70 words): less certain', direction: 'human', weight: 0 },
            { signal: 'b', label: 'Uses contractions', direction: 'human', weight: -0.5 },
          ],
        }}
      />,
    );
    expect([...el.querySelectorAll('[data-testid="signal"]')].map((s) => s.className)).toEqual(['signal signal-human']);
    expect([...el.querySelectorAll('[data-testid="note"]')].map((s) => s.textContent)).toEqual([
      'ⓘ A short text (70 words): less certain.',
    ]);
  });
});

describe('library and event log selection', () => {
  const d = (
    id: number,
    name: string,
    conf: number | null,
    status: DocumentSummary['status'] = 'analyzed',
  ): DocumentSummary => ({
    id,
    name,
    format: 'txt',
    status,
    word_count: 1,
    size_bytes: 1,
    ai_confidence: conf,
    ai_share: null,
    verdict: null,
    error: null,
    version: 1,
    created_at: new Date(1_700_000_000_000 + id * 1000).toISOString(),
    analyzed_at: null,
  });
  const docs = [
    d(1, 'Report 10.txt', 20),
    d(2, 'report 2.txt', 90),
    d(3, 'Notes.md', null, 'queued'),
    d(4, 'essay.docx', 55),
  ];

  it('searches by name and sorts by each column, unscored documents last', () => {
    expect(selectDocuments(docs, 'report', 'all', 'name', 'asc').map((x) => x.id)).toEqual([2, 1]);
    expect(selectDocuments(docs, '', 'all', 'ai_confidence', 'desc').map((x) => x.id)).toEqual([2, 4, 1, 3]);
    expect(selectDocuments(docs, '', 'all', 'ai_confidence', 'asc').map((x) => x.id)).toEqual([1, 4, 2, 3]);
    expect(selectDocuments(docs, '', 'all', 'created_at', 'desc').map((x) => x.id)).toEqual([4, 3, 2, 1]);
    expect(selectDocuments(docs, '', 'queued', 'created_at', 'desc').map((x) => x.id)).toEqual([3]);
  });

  it('filters and sorts 10,000 documents', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => d(i + 1, `Document ${i}.txt`, (i * 37) % 100));
    const out = selectDocuments(many, 'document 9', 'all', 'ai_confidence', 'desc');
    expect(out.length).toBe(1111);
    expect(out.every((x, i) => i === 0 || (out[i - 1].ai_confidence ?? 0) >= (x.ai_confidence ?? 0))).toBe(true);
  });

  it('filters the event log by channel glob, event glob and payload text', () => {
    const e = (key: number, channel: string, event: string, data: unknown) => ({
      key,
      channel,
      event,
      data,
      seq: key,
      receivedAt: 0,
    });
    const items = [
      e(1, 'private-documents.1', 'document.analyzed', { ai_confidence: 80 }),
      e(2, 'private-rewrites.4', 'rewrite.progress', { progress: 40 }),
      e(3, 'private-rewrites.4', 'rewrite.completed', { diff_summary: {} }),
      e(4, 'private-library.1', 'document.imported', { name: 'essay.docx' }),
    ];
    expect(filterEvents(items, { channel: 'rewrites.*', event: '', text: '' }).map((x) => x.key)).toEqual([2, 3]);
    expect(filterEvents(items, { channel: '', event: 'document.*', text: '' }).map((x) => x.key)).toEqual([1, 4]);
    expect(filterEvents(items, { channel: '', event: 'progress', text: '' }).map((x) => x.key)).toEqual([2]);
    expect(filterEvents(items, { channel: 'library', event: '', text: 'essay' }).map((x) => x.key)).toEqual([4]);
  });
});
