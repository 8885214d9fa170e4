import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src-shared/events';
import type { DocumentSummary } from '../../../src-shared/models';
import type { LiveItem } from '../../../src-renderer/live/client';
import { appendLog, reduceBatch } from '../../../src-renderer/store/reduce';
import { emptyRewrite, initialState, type AppState } from '../../../src-renderer/store/state';

let seq = 0;
const ev = (channel: string, event: string, data: unknown, via = channel): LiveItem => ({
  kind: 'event',
  envelope: { channel, event, data, seq: ++seq, ts: 0 } as Envelope,
  via,
  replayed: false,
});

const doc = (id: number, patch: Partial<DocumentSummary> = {}): DocumentSummary => ({
  id,
  name: `doc${id}.txt`,
  format: 'txt',
  status: 'queued',
  word_count: null,
  size_bytes: 100,
  ai_confidence: null,
  ai_share: null,
  verdict: null,
  error: null,
  version: 1,
  created_at: '2026-01-01T00:00:00.000Z',
  analyzed_at: null,
  ...patch,
});

function apply(state: AppState, items: LiveItem[]): AppState {
  const r = reduceBatch(state, items);
  return { ...state, ...r.patch };
}

describe('library events', () => {
  it('imported adds a queued document once; deleted removes it', () => {
    let s = initialState();
    const imported = {
      document_id: 4,
      name: 'a.txt',
      format: 'txt',
      size_bytes: 12,
      imported_at: '2026-01-01T00:00:00.000Z',
    };
    s = apply(s, [
      ev('private-library.1', 'document.imported', imported),
      ev('private-library.1', 'document.imported', imported),
    ]);
    expect(s.docs.get(4)).toMatchObject({ name: 'a.txt', status: 'queued' });
    expect(s.docs.size).toBe(1);
    s = apply(s, [
      ev('private-library.1', 'document.deleted', { document_id: 4, deleted_at: '2026-01-01T00:00:01.000Z' }),
    ]);
    expect(s.docs.size).toBe(0);
  });

  it('an imported event never overwrites a document that is further along', () => {
    const s0 = { ...initialState(), docs: new Map([[4, doc(4, { status: 'analyzed', ai_confidence: 50 })]]) };
    const s = apply(s0, [
      ev('private-library.1', 'document.imported', {
        document_id: 4,
        name: 'x',
        format: 'txt',
        size_bytes: 1,
        imported_at: '2026-01-01T00:00:00.000Z',
      }),
    ]);
    expect(s.docs.get(4)!.status).toBe('analyzed');
  });

  it('analysis_started is ignored when an analysis finished after it started', () => {
    const s0 = {
      ...initialState(),
      docs: new Map([[1, doc(1, { status: 'analyzed', analyzed_at: '2026-01-01T00:00:10.000Z' })]]),
    };
    const old = apply(s0, [
      ev('private-library.1', 'document.analysis_started', { document_id: 1, started_at: '2026-01-01T00:00:05.000Z' }),
    ]);
    expect(old.docs.get(1)!.status).toBe('analyzed');
    const fresh = apply(s0, [
      ev('private-library.1', 'document.analysis_started', { document_id: 1, started_at: '2026-01-01T00:00:20.000Z' }),
    ]);
    expect(fresh.docs.get(1)!.status).toBe('analyzing');
  });

  it('analysis_failed marks the document and raises an error toast', () => {
    const s0 = { ...initialState(), docs: new Map([[2, doc(2)]]) };
    const r = reduceBatch(s0, [
      ev('private-library.1', 'document.analysis_failed', {
        document_id: 2,
        error: 'The file is encrypted.',
        code: 'encrypted_file',
        failed_at: '2026-01-01T00:00:00.000Z',
      }),
    ]);
    expect(r.patch.docs!.get(2)).toMatchObject({ status: 'failed', error: 'The file is encrypted.' });
    expect(r.toasts).toEqual([
      expect.objectContaining({ kind: 'error', message: expect.stringContaining('encrypted') }),
    ]);
  });
});

describe('document.analyzed', () => {
  const payload = (id: number, at: string, conf: number | null = 73.44) => ({
    document_id: id,
    ai_confidence: conf,
    critical_sections: [{ start: 0, end: 10, text: 'abc', confidence: 91.2 }],
    analyzed_at: at,
    verdict: 'ai',
    ai_share: 0.4,
    word_count: 412,
  });

  it('updates the summary and the open detail, keeping explanations of matching sections', () => {
    const detail = {
      ...doc(3, { status: 'analyzing' }),
      text: 'hello world',
      critical_sections: [
        {
          start: 0,
          end: 10,
          text: 'abc',
          confidence: 50,
          explanations: [{ signal: 's', label: 'L', direction: 'ai' as const, weight: 1 }],
        },
      ],
      explanations: [],
      sentences: [],
      blocks: [],
      analysis_model: null,
      versions: [],
    };
    const s0 = {
      ...initialState(),
      docs: new Map([[3, doc(3, { status: 'analyzing' })]]),
      details: new Map([[3, detail]]),
    };
    const r = reduceBatch(s0, [ev('private-documents.3', 'document.analyzed', payload(3, '2026-01-01T00:00:01.000Z'))]);
    expect(r.patch.docs!.get(3)).toMatchObject({
      status: 'analyzed',
      ai_confidence: 73.44,
      verdict: 'ai',
      ai_share: 0.4,
      word_count: 412,
    });
    const d = r.patch.details!.get(3)!;
    expect(d.critical_sections[0]).toMatchObject({ confidence: 91.2, explanations: [{ signal: 's' }] });
    // Rounded: no false precision.
    expect(r.toasts[0].message).toContain('likely AI (73%)');
  });

  it('an older analysis does not replace a newer one', () => {
    const s0 = {
      ...initialState(),
      docs: new Map([[3, doc(3, { status: 'analyzed', ai_confidence: 10, analyzed_at: '2026-01-02T00:00:00.000Z' })]]),
    };
    const s = apply(s0, [ev('private-documents.3', 'document.analyzed', payload(3, '2026-01-01T00:00:00.000Z', 99))]);
    expect(s.docs.get(3)!.ai_confidence).toBe(10);
  });

  it('many analyses in one batch make one toast', () => {
    const s0 = { ...initialState(), docs: new Map([1, 2, 3].map((i) => [i, doc(i)])) };
    const r = reduceBatch(
      s0,
      [1, 2, 3].map((i) => ev(`private-documents.${i}`, 'document.analyzed', payload(i, '2026-01-01T00:00:00.000Z'))),
    );
    expect(r.toasts).toHaveLength(1);
    expect(r.toasts[0].message).toContain('3 documents');
  });
});

describe('storage events', () => {
  it('say when the disk is full and when there is room again', () => {
    const r = reduceBatch(initialState(), [
      ev('private-queue.1', 'storage.failed', {
        code: 'storage_full',
        message: 'The disk that holds Inkproof’s data is full.',
        failed_at: '2026-01-01T00:00:00.000Z',
      }),
      ev('private-queue.1', 'storage.recovered', { recovered_at: '2026-01-01T00:01:00.000Z' }),
    ]);
    expect(r.toasts.map((t) => t.kind)).toEqual(['error', 'success']);
    expect(r.toasts[0].message).toContain('disk');
  });
});

describe('rewrite events', () => {
  const ch = 'private-rewrites.7';
  it('follows queued → processing → progress → completed, never backwards, toasting once', () => {
    let s = initialState();
    s = apply(s, [
      ev(ch, 'rewrite.queued', {
        rewrite_id: 7,
        document_id: 1,
        status: 'queued',
        queued_at: '2026-01-01T00:00:00.000Z',
        estimated_time: 12,
      }),
    ]);
    expect(s.rewrites.get(7)).toMatchObject({ status: 'queued', estimated_time: 12, document_id: 1 });
    s = apply(s, [
      ev(ch, 'rewrite.processing', {
        rewrite_id: 7,
        document_id: 1,
        status: 'processing',
        started_at: '2026-01-01T00:00:01.000Z',
      }),
      ev(ch, 'rewrite.progress', { rewrite_id: 7, progress: 40, status: 'processing' }),
      ev(ch, 'rewrite.progress', { rewrite_id: 7, progress: 30, status: 'processing' }),
    ]);
    expect(s.rewrites.get(7)).toMatchObject({ status: 'processing', progress: 40 });
    const done = {
      rewrite_id: 7,
      document_id: 1,
      status: 'completed',
      completed_at: '2026-01-01T00:00:05.000Z',
      diff_summary: { additions: 3, deletions: 4, similarity: 88.25 },
    };
    const r1 = reduceBatch(s, [ev(ch, 'rewrite.completed', done)]);
    s = { ...s, ...r1.patch };
    expect(s.rewrites.get(7)).toMatchObject({ status: 'completed', progress: 100 });
    expect(r1.toasts).toHaveLength(1);
    expect(r1.toasts[0]).toMatchObject({ kind: 'success', route: '/rewrites/7' });
    expect(r1.toasts[0].message).toContain('88% similar');
    const r2 = reduceBatch(s, [
      ev(ch, 'rewrite.completed', done),
      ev(ch, 'rewrite.progress', { rewrite_id: 7, progress: 50, status: 'processing' }),
    ]);
    expect(r2.toasts).toHaveLength(0);
    expect({ ...s, ...r2.patch }.rewrites.get(7)!.status).toBe('completed');
  });

  it('a completed revision opened later: its replayed history never takes it back and makes no toast', () => {
    // The window opened at 1000 and loaded the revision as completed; joining its channel from
    // seq 0 then replays everything, in whatever batches the frames happen to arrive.
    const old = (event: string, data: unknown): LiveItem => {
      const item = ev(ch, event, data);
      return { ...item, envelope: { ...(item as { envelope: Envelope }).envelope, ts: 500 } } as LiveItem;
    };
    let s: AppState = {
      ...initialState(),
      sessionStart: 1000,
      rewrites: new Map([[7, { ...emptyRewrite(7), document_id: 1, status: 'completed' as const, progress: 100 }]]),
    };
    const batches = [
      [old('rewrite.queued', { rewrite_id: 7, document_id: 1, status: 'queued', queued_at: 'x', estimated_time: 3 })],
      [old('rewrite.processing', { rewrite_id: 7, document_id: 1, status: 'processing', started_at: 'x' })],
      [old('rewrite.progress', { rewrite_id: 7, progress: 50, status: 'processing' })],
      [
        old('rewrite.completed', {
          rewrite_id: 7,
          document_id: 1,
          status: 'completed',
          completed_at: 'x',
          diff_summary: { additions: 1, deletions: 1, similarity: 90 },
        }),
      ],
    ];
    for (const batch of batches) {
      const r = reduceBatch(s, batch);
      expect(r.toasts).toEqual([]);
      s = { ...s, ...r.patch };
      expect(s.rewrites.get(7)!.status).toBe('completed');
    }
  });

  it('a failure shows its reason; a cancellation is told apart; history replayed later makes no toast', () => {
    const running = {
      ...initialState(),
      rewrites: new Map([[7, { ...emptyRewrite(7), status: 'processing' as const }]]),
    };
    const history = reduceBatch(initialState(), [
      ev(ch, 'rewrite.failed', {
        rewrite_id: 7,
        document_id: 1,
        status: 'failed',
        error: 'x',
        failed_at: '2026-01-01T00:00:00.000Z',
      }),
    ]);
    expect(history.toasts).toEqual([]);
    const failed = reduceBatch(running, [
      ev(ch, 'rewrite.failed', {
        rewrite_id: 7,
        document_id: 1,
        status: 'failed',
        error: 'The local model did not answer.',
        failed_at: '2026-01-01T00:00:00.000Z',
      }),
    ]);
    expect(failed.patch.rewrites!.get(7)).toMatchObject({ status: 'failed', error: 'The local model did not answer.' });
    expect(failed.toasts[0]).toMatchObject({ kind: 'error' });
    const cancelled = reduceBatch(running, [
      ev(ch, 'rewrite.failed', {
        rewrite_id: 7,
        document_id: 1,
        status: 'failed',
        error: 'The revision was cancelled.',
        failed_at: '2026-01-01T00:00:00.000Z',
      }),
    ]);
    expect(cancelled.patch.rewrites!.get(7)!.status).toBe('cancelled');
    expect(cancelled.toasts[0].kind).toBe('info');
  });
});

describe('queue, samples, log and resync', () => {
  it('job.updated merges into the job list and marks statistics stale; a running revision is tracked', () => {
    const job = {
      id: 9,
      type: 'rewrite',
      subject_id: 7,
      status: 'processing',
      progress: 20,
      attempts: 1,
      error: null,
      created_at: 'x',
      started_at: 'y',
      finished_at: null,
      runtime: null,
    };
    const r = reduceBatch(initialState(), [ev('private-queue.1', 'job.updated', job)]);
    expect(r.patch.jobs!.get(9)).toMatchObject({ status: 'processing', max_attempts: 3 });
    expect(r.jobsChanged).toBe(true);
    expect(r.patch.rewrites!.get(7)).toMatchObject({ status: 'processing', progress: 20 });
  });

  it('sample.validated completes a pending sample and says so', () => {
    const s0 = {
      ...initialState(),
      samples: new Map([
        [
          5,
          {
            id: 5,
            document_id: 1,
            rewrite_id: null,
            status: 'queued' as const,
            ai_confidence: null,
            verdict: null,
            validated_at: null,
            label: 'Selected passage',
            created_at: 'x',
          },
        ],
      ]),
    };
    const r = reduceBatch(s0, [
      ev('private-documents.1', 'sample.validated', {
        sample_id: 5,
        document_id: 1,
        rewrite_id: null,
        ai_confidence: 12.34,
        validated_at: 'z',
      }),
    ]);
    expect(r.patch.samples!.get(5)).toMatchObject({
      status: 'completed',
      ai_confidence: 12.34,
      label: 'Selected passage',
    });
    expect(r.toasts[0].message).toBe('Selected passage checked: 12% likely AI');
  });

  it('firehose items go to the log only; resync asks for a reload', () => {
    const r = reduceBatch(initialState(), [
      ev(
        'private-library.1',
        'document.imported',
        { document_id: 1, name: 'a', format: 'txt', size_bytes: 1, imported_at: 'x' },
        '*',
      ),
      { kind: 'resync', channel: 'private-library.1', last_seq: 40 },
    ]);
    expect(r.patch.docs).toBeUndefined();
    expect(r.patch.log!.items).toHaveLength(1);
    expect(r.reload).toEqual(['private-library.1']);
  });

  it('the log is newest first, bounded, and holds new entries while paused', () => {
    const entry = (k: number) => ({ key: k, channel: 'c', event: 'e', data: {}, seq: k, receivedAt: 0 });
    let log = appendLog({ items: [], paused: false, held: [] }, [entry(1), entry(2)]);
    expect(log.items.map((e) => e.key)).toEqual([2, 1]);
    log = appendLog({ ...log, paused: true }, [entry(3)]);
    expect(log.items.map((e) => e.key)).toEqual([2, 1]);
    expect(log.held.map((e) => e.key)).toEqual([3]);
    const many = appendLog(
      { items: [], paused: false, held: [] },
      Array.from({ length: 6000 }, (_, i) => entry(i)),
    );
    expect(many.items).toHaveLength(5000);
    expect(many.items[0].key).toBe(5999);
  });
});
