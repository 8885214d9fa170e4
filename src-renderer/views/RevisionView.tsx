/**
 * A revision: progress that tells the truth while it runs (an indeterminate bar until the first
 * real step, "section 3 of 10", a time estimate only once there is a basis, finished sections
 * shown as they complete, milestones announced to screen readers), then the changes reviewed in
 * the document — tracked changes (or side by side), grouped by section, each with its reason —
 * with the score of your accepted changes rechecked as you decide, apply, and an export that
 * always follows your decisions. An applied revision is locked and shows what was applied.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { documentChannel, rewriteChannel } from '../../src-shared/channels';
import { acceptedHunksOf, applyHunks } from '../../src-shared/hunks';
import type { DiffHunk, DocumentDetail, RewriteDetail, TextBlock } from '../../src-shared/models';
import { useActions, useAppState } from '../app/context';
import { href, navigate } from '../app/router';
import { useShortcuts } from '../app/shortcuts';
import { ExportControls, type ExportFormat } from '../components/ExportControls';
import { ProgressBar } from '../components/ProgressBar';
import { useHold, usePoll } from '../live/hooks';
import { SideBySide, TrackedChanges } from '../components/TrackedChanges';
import { reviewParagraphs, wholeWords } from '../review/layout';
import { roundedPercent } from '../review/verdict';
import { formatEstimate, formatLeft, REWRITE_STATUS_LABEL, secondsLeft } from '../store/format';
import type { Decision, RewriteState } from '../store/state';
import { Spinner, ViewHeading } from './common';

/** The sentence announced at each milestone of a revision (queued, started, every 25 %, done). */
export function milestone(
  r: Pick<RewriteState, 'status' | 'progress' | 'estimated_time' | 'error' | 'diff_summary'>,
): string {
  switch (r.status) {
    case 'queued':
      return `Revision queued${r.estimated_time !== null ? `; estimated time ${formatEstimate(r.estimated_time)}` : ''}.`;
    case 'processing': {
      const step = Math.floor(r.progress / 25) * 25;
      if (step === 0) return 'Revision started.';
      return step >= 100 ? 'Revision 100% done; finishing.' : `Revision ${step}% done.`;
    }
    case 'completed':
      return `Revision complete${r.diff_summary ? `: ${r.diff_summary.additions} words added, ${r.diff_summary.deletions} removed` : ''}. Review the changes below.`;
    case 'cancelled':
      return 'Revision cancelled.';
    case 'failed':
      return `Revision failed: ${r.error ?? 'unknown error'}.`;
  }
}

const EMPTY_BLOCKS: TextBlock[] = [];

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

/** "Section 3 of 10", "40%", or "Starting…" before the first real step. */
function stepText(r: RewriteState): string {
  if (r.status === 'queued') return 'Waiting for a free worker…';
  if (r.sections_total)
    return `Section ${Math.min(r.sections_total, (r.sections_done ?? 0) + 1)} of ${r.sections_total}`;
  if (r.progress > 0) return `${r.progress}%`;
  return 'Starting…';
}

/** Why a revision changed nothing, in the reader's terms. */
function nothingChanged(detail: RewriteDetail, verdict: string | null | undefined): string {
  // The engine's own account of the whole revision (a text judged human, a score it would raise).
  if (detail.diff_summary?.note) return detail.diff_summary.note;
  const notes = detail.hunks.map((h) => h.note).filter(Boolean);
  if (notes.length) return notes.join(' ');
  if (verdict === 'human')
    return 'The text already reads as human-written: the reviser found none of the patterns it removes (stock phrases, overused words, formulaic transitions, even rhythm).';
  if (detail.options.scope === 'sections')
    return 'The reviser found nothing it could change safely in the critical sections; try the whole document or a stronger setting.';
  return 'The reviser found nothing it could change without touching quotes, numbers, citations or frozen terms; try a stronger setting or another style.';
}

export function RevisionView({ id }: { id: number }) {
  const actions = useActions();
  const r = useAppState((s) => s.rewrites.get(id));
  const docId = r?.document_id ?? null;
  const doc = useAppState((s) => (docId ? (s.details.get(docId) ?? s.docs.get(docId)) : undefined));
  const samples = useAppState((s) => s.samples);
  const stored = useAppState((s) => s.decisions.get(id));
  const [missing, setMissing] = useState(false);
  const [layout, setLayout] = useState<'inline' | 'side'>('inline');
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState<number | null>(null);
  const [appliedSet, setAppliedSet] = useState<number[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [recheck, setRecheck] = useState<{ key: string; sample: number | null }>({ key: '', sample: null });
  const validated = useRef(false);
  const textRef = useRef<HTMLDivElement>(null);

  useHold(rewriteChannel(id), 0);
  useHold(docId ? documentChannel(docId) : null, 0);
  const load = useCallback(
    () =>
      actions.loadRewrite(id).then(
        () => setMissing(false),
        (err) => {
          if ((err as { code?: string }).code === 'not_found') setMissing(true);
          else actions.toastError(err, 'Could not load the revision');
        },
      ),
    [actions, id],
  );
  // A revision this window just started is already known from the command's answer, and its
  // channel replays every event from the start: no snapshot is needed until it has completed.
  const known = !!r && r.document_id !== null && r.queued_at !== null;
  useEffect(() => {
    if (!known) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);
  usePoll(() => load());
  useEffect(() => {
    if (r?.status === 'completed' && (!r.detail || r.detail.result === null)) void load();
  }, [r?.status, r?.detail, load]);
  // Finished sections appear as they complete, when the engine hands them out: one request at a
  // time, and one more if sections finished while it was under way.
  const partialLoad = useRef({ running: false, again: false });
  useEffect(() => {
    if (r?.status !== 'processing' || !r.sections_done) return;
    const p = partialLoad.current;
    if (p.running) {
      p.again = true;
      return;
    }
    const run = () => {
      p.running = true;
      p.again = false;
      void load().finally(() => {
        p.running = false;
        if (p.again) run();
      });
    };
    run();
  }, [r?.status, r?.sections_done, load]);
  useEffect(() => {
    if (docId && !doc) actions.loadDocument(docId).catch(() => {});
  }, [docId, doc, actions]);

  // Milestones for screen readers: announced once each.
  const ms = r ? milestone(r) : '';
  useEffect(() => {
    if (ms) setAnnouncement(ms);
  }, [ms]);

  const detail = r?.detail ?? null;
  const complete = r?.status === 'completed' && !!detail && detail.result !== null;
  const hunks = useMemo(() => [...(detail?.hunks ?? [])].sort((a, b) => a.start - b.start), [detail]);
  const order = useMemo(() => new Map(hunks.map((h, i) => [h.id, i])), [hunks]);
  // The structure (headings, lists…) of the version the revision was made from: the document's
  // own while that version is current, else read with that version.
  const [olderBlocks, setOlderBlocks] = useState<{ version: number; blocks: TextBlock[] } | null>(null);
  const fromVersion = detail?.document_version ?? null;
  const fromCurrent = !!doc && 'blocks' in doc && doc.version === fromVersion;
  useEffect(() => {
    if (!docId || fromVersion === null || fromCurrent || olderBlocks?.version === fromVersion) return;
    let live = true;
    actions
      .getVersion(docId, fromVersion)
      .then((v) => live && setOlderBlocks({ version: fromVersion, blocks: v.blocks }))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [actions, docId, fromVersion, fromCurrent, olderBlocks]);
  const blocks = fromCurrent
    ? (doc as DocumentDetail).blocks
    : olderBlocks?.version === fromVersion
      ? olderBlocks.blocks
      : EMPTY_BLOCKS;
  const paragraphs = useMemo(
    () => (detail ? reviewParagraphs(detail.original, hunks, blocks) : []),
    [detail, hunks, blocks],
  );
  const applied = r?.applied_version ?? null;

  // An applied revision shows what was applied: read back from the version it became.
  useEffect(() => {
    if (!applied || !docId || !detail || detail.result === null) return;
    let live = true;
    actions
      .getVersion(docId, applied)
      .then((v) => live && setAppliedSet(acceptedHunksOf(detail.original, detail.hunks, v.text ?? '')))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [applied, docId, detail, actions]);
  const locked = applied !== null;
  const decisions: ReadonlyMap<number, Decision> = useMemo(() => {
    if (locked && appliedSet) {
      const take = new Set(appliedSet);
      return new Map(hunks.map((h) => [h.id, take.has(h.id) ? 'accepted' : 'rejected'] as const));
    }
    return stored ?? new Map();
  }, [locked, appliedSet, hunks, stored]);
  const accepted = useMemo(
    () => hunks.filter((h) => decisions.get(h.id) === 'accepted').map((h) => h.id),
    [hunks, decisions],
  );
  const rejected = useMemo(() => hunks.filter((h) => decisions.get(h.id) === 'rejected').length, [hunks, decisions]);

  const decideMany = useCallback(
    (ids: number[], d: Decision | undefined) => {
      if (locked) return;
      const next = new Map(decisions);
      for (const h of ids) {
        if (d) next.set(h, d);
        else next.delete(h);
      }
      actions.setDecisions(id, next);
    },
    [actions, id, decisions, locked],
  );
  const decide = (hid: number, d: Decision | undefined) => decideMany([hid], d);

  // The whole output is checked once; your accepted changes are checked again as you decide.
  const all = [...samples.values()].filter((s) => s.rewrite_id === id).sort((a, b) => b.id - a.id)[0];
  useEffect(() => {
    if (!complete || !docId || all || validated.current) return;
    validated.current = true;
    actions.validateSample({ document_id: docId, rewrite_id: id }, `Revision #${id}`, { quiet: true }).catch(() => {});
  }, [complete, docId, all, id, actions]);
  const key = accepted.join(',');
  useEffect(() => {
    if (!complete || !docId || !detail || accepted.length === 0 || accepted.length === hunks.length) return;
    if (recheck.key === key) return;
    const t = setTimeout(() => {
      setRecheck({ key, sample: null });
      actions
        .validateSample(
          { document_id: docId, text: applyHunks(detail.original, detail.hunks, accepted) },
          `Your ${accepted.length} accepted changes of revision #${id}`,
          { quiet: true },
        )
        .then((sample) => setRecheck((c) => (c.key === key ? { key, sample } : c)))
        .catch(() => {});
    }, 700);
    return () => clearTimeout(t);
  }, [complete, docId, detail, key, accepted, hunks.length, recheck.key, actions, id]);
  const mine =
    accepted.length === 0
      ? { score: doc?.ai_confidence ?? null, pending: false }
      : accepted.length === hunks.length
        ? { score: all?.ai_confidence ?? null, pending: !all || all.status === 'queued' }
        : recheck.key === key && recheck.sample !== null
          ? {
              score: samples.get(recheck.sample)?.ai_confidence ?? null,
              pending: samples.get(recheck.sample)?.status !== 'completed',
            }
          : { score: null, pending: true };

  const active = !!r && (r.status === 'queued' || r.status === 'processing');
  const now = useNow(active);
  const left = r ? secondsLeft(r, now) : null;

  const apply = async () => {
    if (!detail || accepted.length === 0 || locked) return;
    setBusy(true);
    try {
      await actions.applyRewrite(id, accepted);
      if (docId) navigate(`/documents/${docId}`);
    } catch (err) {
      actions.toastError(err, 'Could not apply the changes');
    } finally {
      setBusy(false);
    }
  };
  const cancel = async () => {
    try {
      const job = await actions.jobOfRewrite(id);
      if (job) await actions.cancelJob(job.id);
    } catch (err) {
      actions.toastError(err, 'Could not cancel');
    }
  };
  const retry = async () => {
    try {
      const job = await actions.jobOfRewrite(id);
      if (job) await actions.retryJob(job.id);
    } catch (err) {
      actions.toastError(err, 'Could not retry');
    }
  };
  const doExport = () => {
    if (!docId) return;
    const opts = locked ? { version: applied! } : { rewrite_id: id, accepted_hunks: accepted };
    actions.exportDocument(docId, format, opts).catch((err) => actions.toastError(err, 'Export failed'));
  };

  const focusChange = (hid: number) => {
    setCurrent(hid);
    requestAnimationFrame(() => {
      const el = textRef.current?.querySelector<HTMLElement>(`.chg[data-hunk="${hid}"]`);
      el?.focus({ preventScroll: true });
      el?.scrollIntoView({ block: 'nearest' });
    });
  };
  // Until one is chosen, the first change is the current one, and j or k goes to it.
  const currentId = current ?? hunks[0]?.id ?? null;
  const step = (delta: number) => {
    if (!hunks.length) return;
    const at = current === null ? 0 : (order.get(current) ?? 0) + delta;
    focusChange(hunks[Math.max(0, Math.min(hunks.length - 1, at))].id);
  };
  useShortcuts({
    j: complete ? () => step(1) : null,
    k: complete ? () => step(-1) : null,
    y: complete && !locked ? () => currentId !== null && decide(currentId, 'accepted') : null,
    n: complete && !locked ? () => currentId !== null && decide(currentId, 'rejected') : null,
    a:
      complete && !locked
        ? () =>
            decideMany(
              hunks.map((h) => h.id),
              'accepted',
            )
        : null,
    'Mod+Enter': complete && !locked ? () => void apply() : null,
  });

  if (missing) {
    return (
      <div className="view">
        <ViewHeading title="Revision not found" />
        <p>
          This revision does not exist (its document may have been deleted). <a href={href('/')}>Back to the library</a>
        </p>
      </div>
    );
  }
  if (!r) {
    return (
      <div className="view">
        <ViewHeading title={`Revision #${id}`} />
        <Spinner label="Loading…" />
      </div>
    );
  }

  const before = doc?.ai_confidence ?? null;
  const cur = currentId !== null ? hunks.find((h) => h.id === currentId) : undefined;
  const curIndex = cur ? (order.get(cur.id) ?? 0) : -1;
  const ctx = (h: DiffHunk) => {
    const src = detail!.original;
    // The context stays in the change's paragraph (a heading above it is not part of its sentence).
    const lineStart = src.lastIndexOf('\n', h.start - 1) + 1;
    const next = src.indexOf('\n', h.end);
    const lineEnd = next < 0 ? src.length : next;
    const w1 = wholeWords(src, Math.max(lineStart, h.start - 50), h.start);
    const w2 = wholeWords(src, h.end, Math.min(lineEnd, h.end + 50));
    return {
      lead: (w1.start > lineStart ? '…' : '') + src.slice(w1.start, h.start),
      tail: src.slice(h.end, w2.end) + (w2.end < lineEnd ? '…' : ''),
    };
  };
  // No number until the first real step: a bar at 0 % for seconds says nothing true.
  const indeterminate = r.status === 'queued' || (r.progress === 0 && !r.sections_done);
  return (
    <div className="view revision-view" data-status={r.status}>
      <ViewHeading title={`Revision #${id}${doc ? ` of ${doc.name}` : ''}`}>
        <p className="muted">
          {docId && <a href={href(`/documents/${docId}`)}>Back to the document</a>} · Status:{' '}
          <span data-testid="rewrite-status">{REWRITE_STATUS_LABEL[r.status]}</span>
          {detail
            ? ` · ${detail.options.mode}, strength ${detail.options.strength}, ${detail.options.scope === 'sections' ? 'critical sections' : 'whole document'}, ${detail.options.engine === 'llm' ? 'local model' : 'built-in reviser'}`
            : ''}
        </p>
      </ViewHeading>

      <div className="sr-only" aria-live="polite" role="status" data-testid="milestone">
        {announcement}
      </div>

      {active && (
        <section className="card progress-card" aria-labelledby="progress-title">
          <h2 id="progress-title">{r.status === 'queued' ? 'Waiting in the queue' : 'Revising…'}</h2>
          <ProgressBar
            value={r.progress}
            indeterminate={indeterminate}
            label="Revision progress"
            valueText={`${stepText(r)}${left !== null ? `, ${formatLeft(left)}` : ''}`}
          />
          <p className="progress-text" aria-hidden="true">
            <strong data-testid="progress-step">{stepText(r)}</strong>
            {left !== null && <span data-testid="time-left"> · {formatLeft(left)}</span>}
          </p>
          <button type="button" className="button" onClick={() => void cancel()}>
            Cancel revision
          </button>
        </section>
      )}

      {(r.status === 'failed' || r.status === 'cancelled') && (
        <section className="card error-card" role="alert">
          <h2>{r.status === 'cancelled' ? 'The revision was cancelled' : 'The revision failed'}</h2>
          <p>{r.error}</p>
          <button type="button" className="button" onClick={() => void retry()}>
            Try again
          </button>
        </section>
      )}

      {active && detail && hunks.length > 0 && (
        <section className="card" aria-labelledby="partial-title" data-testid="partial-review">
          <h2 id="partial-title">Finished so far</h2>
          <p className="muted">
            {hunks.length} change{hunks.length === 1 ? '' : 's'} in the sections done; you can decide on them once the
            revision is complete.
          </p>
          <div className="doc-text tracked">
            <TrackedChanges
              original={detail.original}
              paragraphs={paragraphs}
              order={order}
              decisions={decisions}
              current={null}
              locked
              onDecideSection={() => {}}
            />
          </div>
        </section>
      )}

      {r.status === 'completed' && !complete && <Spinner label="Loading the changes…" />}

      {complete && detail && (
        <div className="review-layout">
          <section className="card review-text" aria-labelledby="changes-title">
            <div className="changes-head">
              <h2 id="changes-title">Changes in the text</h2>
              <p className="muted" aria-live="polite" data-testid="decision-count" hidden={hunks.length === 0}>
                {locked
                  ? `${accepted.length} of ${hunks.length} changes applied`
                  : `${accepted.length} of ${hunks.length} accepted · ${rejected} rejected · ${hunks.length - accepted.length - rejected} to decide`}
              </p>
            </div>
            {locked && (
              <p className="notice locked" data-testid="applied-notice">
                <strong>Locked.</strong> Applied as version {applied} of the document
                {appliedSet ? `, with ${appliedSet.length} of ${hunks.length} changes` : ''}. This revision is locked;
                what was applied is shown below. <a href={href(`/documents/${docId}`)}>Open the document</a>
              </p>
            )}
            {/* Nothing to decide, apply or export when nothing changed: the notice below says why. */}
            {hunks.length > 0 && (
              <div className="actions" role="toolbar" aria-label="Revision actions">
                <div className="segmented" role="group" aria-label="Layout">
                  <button
                    type="button"
                    className="button"
                    aria-pressed={layout === 'inline'}
                    onClick={() => setLayout('inline')}
                  >
                    Tracked changes
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-pressed={layout === 'side'}
                    onClick={() => setLayout('side')}
                  >
                    Side by side
                  </button>
                </div>
                {!locked && (
                  <>
                    {(['accepted', 'rejected'] as const).map((d) => (
                      <button
                        key={d}
                        type="button"
                        className="button"
                        onClick={() =>
                          decideMany(
                            hunks.map((h) => h.id),
                            d,
                          )
                        }
                        aria-keyshortcuts={d === 'accepted' ? 'A' : undefined}
                      >
                        {d === 'accepted' ? 'Accept all' : 'Reject all'}
                      </button>
                    ))}
                    <button
                      type="button"
                      className="button primary"
                      disabled={busy || accepted.length === 0}
                      onClick={() => void apply()}
                      aria-keyshortcuts="Control+Enter Meta+Enter"
                    >
                      {busy
                        ? 'Applying…'
                        : `Apply ${accepted.length} accepted change${accepted.length === 1 ? '' : 's'}`}
                    </button>
                  </>
                )}
                <ExportControls
                  id="revision-export-format"
                  format={format}
                  onFormat={setFormat}
                  buttonDisabled={!docId}
                  buttonLabel={
                    locked
                      ? `Export version ${applied}`
                      : `Export with ${accepted.length} accepted change${accepted.length === 1 ? '' : 's'}`
                  }
                  onExport={doExport}
                />
              </div>
            )}
            {hunks.length === 0 ? (
              <p className="notice" data-testid="nothing-changed">
                <strong>The revision changed nothing.</strong> {nothingChanged(detail, doc?.verdict)}
              </p>
            ) : layout === 'side' ? (
              <SideBySide original={detail.original} paragraphs={paragraphs} decisions={decisions} />
            ) : (
              <div
                ref={textRef}
                className="doc-text tracked"
                data-testid="tracked-changes"
                role="region"
                aria-label="The text with its changes"
                onClick={(e) => {
                  const el = (e.target as HTMLElement).closest<HTMLElement>('.chg');
                  if (el) setCurrent(Number(el.dataset.hunk));
                }}
                onFocus={(e) => {
                  const el = (e.target as HTMLElement).closest<HTMLElement>('.chg');
                  if (el) setCurrent(Number(el.dataset.hunk));
                }}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') step(1);
                  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') step(-1);
                  else return;
                  e.preventDefault();
                }}
              >
                <TrackedChanges
                  original={detail.original}
                  paragraphs={paragraphs}
                  order={order}
                  decisions={decisions}
                  current={currentId}
                  locked={locked}
                  onDecideSection={decideMany}
                />
              </div>
            )}
          </section>
          <aside className="side" tabIndex={0} aria-label="Score and the current change">
            <section className="card compare" aria-labelledby="compare-title">
              <h2 id="compare-title">Probability of AI</h2>
              <dl className="compare-list">
                <div>
                  <dt>Before</dt>
                  <dd data-testid="before-confidence">{roundedPercent(before)}</dd>
                </div>
                <div>
                  <dt>
                    {locked ? 'As applied' : 'With your decisions'} ({accepted.length} of {hunks.length} change
                    {hunks.length === 1 ? '' : 's'})
                  </dt>
                  <dd data-testid="mine-confidence" aria-live="polite">
                    {mine.pending ? <span className="muted">rechecking…</span> : roundedPercent(mine.score)}
                  </dd>
                </div>
                <div>
                  <dt>With every proposed change</dt>
                  <dd data-testid="after-confidence">
                    {!all || all.status === 'queued' ? (
                      <span className="muted">checking…</span>
                    ) : (
                      roundedPercent(all.ai_confidence)
                    )}
                  </dd>
                </div>
              </dl>
              {r.diff_summary && (
                <p className="muted small">
                  {r.diff_summary.additions} words added · {r.diff_summary.deletions} removed ·{' '}
                  {Math.round(r.diff_summary.similarity)}% similar
                </p>
              )}
              {r.diff_summary?.note && hunks.length > 0 && (
                <p className="revision-note" role="note" data-testid="revision-note">
                  {r.diff_summary.note}
                </p>
              )}
            </section>
            {cur && (
              <section className="card change-card" aria-labelledby="change-title" data-testid="change-card">
                <h2 id="change-title">
                  Change {curIndex + 1} of {hunks.length}
                </h2>
                {cur.reason && (
                  <p className="change-reason" data-testid="change-reason">
                    <strong>Why:</strong> {cur.reason}
                  </p>
                )}
                {cur.note && <p className="muted small">{cur.note}</p>}
                <p className="change-context">
                  {ctx(cur).lead}
                  {cur.before && (
                    <del>
                      <span className="sr-only">removed: </span>
                      {cur.before}
                    </del>
                  )}
                  {cur.after && (
                    <ins>
                      <span className="sr-only">added: </span>
                      {cur.after}
                    </ins>
                  )}
                  {ctx(cur).tail}
                </p>
                {!locked ? (
                  <div className="hunk-actions" role="group" aria-label={`Change ${curIndex + 1}`}>
                    <button
                      type="button"
                      className="button small accept"
                      aria-pressed={decisions.get(cur.id) === 'accepted'}
                      onClick={() => decide(cur.id, decisions.get(cur.id) === 'accepted' ? undefined : 'accepted')}
                      aria-keyshortcuts="Y"
                    >
                      <span aria-hidden="true">✓ </span>Accept
                    </button>
                    <button
                      type="button"
                      className="button small reject"
                      aria-pressed={decisions.get(cur.id) === 'rejected'}
                      onClick={() => decide(cur.id, decisions.get(cur.id) === 'rejected' ? undefined : 'rejected')}
                      aria-keyshortcuts="N"
                    >
                      <span aria-hidden="true">✗ </span>Reject
                    </button>
                    <button type="button" className="button small ghost" onClick={() => step(-1)} aria-keyshortcuts="K">
                      Previous
                    </button>
                    <button type="button" className="button small ghost" onClick={() => step(1)} aria-keyshortcuts="J">
                      Next
                    </button>
                  </div>
                ) : (
                  <p className="muted">{decisions.get(cur.id) === 'accepted' ? 'Applied.' : 'Not applied.'}</p>
                )}
              </section>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}
