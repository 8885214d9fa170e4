// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../src-shared/models';
import { HighlightedText, segmentText, selectionOffsets } from '../../../src-renderer/components/HighlightedText';
import { ProgressBar } from '../../../src-renderer/components/ProgressBar';
import { ScoreCard } from '../../../src-renderer/components/ScoreCard';
import { formatDuration, formatPercent, remainingSeconds } from '../../../src-renderer/store/format';
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
  it('shows AI confidence with one decimal, as the seed does', () => {
    expect(formatPercent(73.44)).toBe('73.4%');
    expect(formatPercent(100)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('estimates the time left of a revision from the estimate, then from the rate so far', () => {
    const t0 = Date.parse('2026-01-01T00:00:00.000Z');
    const queued = {
      status: 'queued',
      progress: 0,
      estimated_time: 30,
      queued_at: '2026-01-01T00:00:00.000Z',
      started_at: null,
    };
    expect(remainingSeconds(queued, t0 + 10_000)).toBe(20);
    const running = { ...queued, status: 'processing', progress: 50, started_at: '2026-01-01T00:00:10.000Z' };
    expect(remainingSeconds(running, t0 + 20_000)).toBe(10);
    expect(remainingSeconds({ ...running, status: 'completed' }, t0)).toBe(0);
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

describe('highlighted text', () => {
  const text = 'Alpha beta gamma. Delta epsilon zeta. Eta theta iota.';
  const sections = [
    { start: 18, end: 37, text: 'Delta epsilon zeta.', confidence: 91.26, explanations: [] },
    { start: 0, end: 17, text: 'Alpha beta gamma.', confidence: 64.5, explanations: [] },
  ];

  it('splits the text into plain and highlighted segments, clipping overlaps', () => {
    expect(segmentText(text.length, sections)).toEqual([
      { start: 0, end: 17, section: 1 },
      { start: 17, end: 18, section: -1 },
      { start: 18, end: 37, section: 0 },
      { start: 37, end: 53, section: -1 },
    ]);
    expect(
      segmentText(10, [
        { start: 2, end: 6 },
        { start: 4, end: 8 },
      ]),
    ).toEqual([
      { start: 0, end: 2, section: -1 },
      { start: 2, end: 6, section: 0 },
      { start: 6, end: 8, section: 1 },
      { start: 8, end: 10, section: -1 },
    ]);
  });

  it('marks each section with a band class, a visible tag and a text for screen readers (not colour alone)', () => {
    const el = render(<HighlightedText text={text} sections={sections} />);
    const marks = [...el.querySelectorAll('mark')];
    expect(marks.map((m) => m.dataset.band)).toEqual(['medium', 'high']);
    expect(marks.map((m) => m.querySelector('.hl-tag')!.textContent)).toEqual(['§1 · 64.5%', '§2 · 91.3%']);
    expect(marks[1].querySelector('.sr-only')!.textContent).toContain('Critical section 2, high confidence 91.3%');
    // The spans with offsets rebuild the text exactly.
    const rebuilt = [...el.querySelectorAll<HTMLElement>('[data-start]')].map((s) => s.textContent).join('');
    expect(rebuilt).toBe(text);
  });

  it('maps a selection back to offsets in the text, ignoring the tags', () => {
    const el = render(<HighlightedText text={text} sections={sections} />);
    const spans = [...el.querySelectorAll<HTMLElement>('[data-start]')];
    const inSecond = spans.find((s) => s.dataset.start === '18')!.firstChild!;
    const inLast = spans.find((s) => s.dataset.start === '37')!.firstChild!;
    const range = document.createRange();
    range.setStart(inSecond, 6);
    range.setEnd(inLast, 4);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    const off = selectionOffsets(el, sel)!;
    expect(off).toEqual({ start: 24, end: 41 });
    expect(text.slice(off.start, off.end)).toBe('epsilon zeta. Eta');
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

  it('the score card shows one decimal, the verdict and the signals', () => {
    const el = render(
      <ScoreCard
        doc={{
          ai_confidence: 87.25,
          verdict: 'ai',
          word_count: 412,
          analyzed_at: '2026-01-01T00:00:00.000Z',
          analysis_model: 'heuristic-v1',
          explanations: [
            { signal: 'a', label: 'Overused words: delve, tapestry', direction: 'ai', weight: 2 },
            { signal: 'b', label: 'Uses contractions', direction: 'human', weight: -0.5 },
          ],
        }}
      />,
    );
    expect(el.querySelector('[data-testid="ai-confidence"]')!.textContent).toBe('87.3%');
    expect(el.textContent).toContain('Likely AI-generated');
    expect([...el.querySelectorAll('.signal')].map((s) => s.textContent)).toEqual([
      '▲Points to AI: Overused words: delve, tapestry',
      '▼Points to a human writer: Uses contractions',
    ]);
  });

  it('shows a note of weight 0 as a note, after the signals and pointing neither way', () => {
    const el = render(
      <ScoreCard
        doc={{
          ai_confidence: 31.4,
          verdict: 'uncertain',
          word_count: 70,
          analyzed_at: '2026-01-01T00:00:00.000Z',
          analysis_model: 'ngram-stylo-lr-v3',
          explanations: [
            { signal: 'length', label: 'a short text (70 words): less certain', direction: 'human', weight: 0 },
            { signal: 'b', label: 'Uses contractions', direction: 'human', weight: -0.5 },
          ],
        }}
      />,
    );
    expect([...el.querySelectorAll('.signal')].map((s) => s.textContent)).toEqual([
      '▼Points to a human writer: Uses contractions',
      'Note: a short text (70 words): less certain',
    ]);
    expect(el.querySelector('.signal-note .signal-dir')).toBeNull();
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

  it('sorts 10,000 documents fast enough to do on every keystroke', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => d(i + 1, `Document ${i}.txt`, (i * 37) % 100));
    const t0 = performance.now();
    const out = selectDocuments(many, 'document 9', 'all', 'ai_confidence', 'desc');
    expect(out.length).toBe(1111);
    expect(performance.now() - t0).toBeLessThan(200);
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
