/**
 * A revision: a progress bar with the time left while it runs (live `rewrite.*` events, milestones
 * announced to screen readers), then the changes as a diff to accept or reject one by one, accept
 * all, apply, export — and the AI confidence before and after (`sample.validated`).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { documentChannel, rewriteChannel } from '../../src-shared/channels';
import { applyHunks } from '../../src-shared/hunks';
import type { DiffHunk } from '../../src-shared/models';
import { useActions, useAppState } from '../app/context';
import { href, navigate } from '../app/router';
import { useShortcuts } from '../app/shortcuts';
import { ExportControls } from '../components/ExportControls';
import type { ExportFormat } from '../store/constants';
import { ProgressBar } from '../components/ProgressBar';
import { useHold, usePoll } from '../live/hooks';
import { formatEstimate, formatLeft, formatPercent, REWRITE_STATUS_LABEL, remainingSeconds } from '../store/format';
import type { RewriteState } from '../store/state';
import { Spinner, ViewHeading } from './common';

type Decision = 'accepted' | 'rejected' | undefined;

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

const CONTEXT = 60;

const HunkRow = memo(function HunkRow({
  hunk,
  index,
  total,
  original,
  decision,
  onDecide,
}: {
  hunk: DiffHunk;
  index: number;
  total: number;
  original: string;
  decision: Decision;
  onDecide: (id: number, d: Decision) => void;
}) {
  const before = original.slice(Math.max(0, hunk.start - CONTEXT), hunk.start);
  const after = original.slice(hunk.end, hunk.end + CONTEXT);
  return (
    <li
      className={`hunk hunk-${decision ?? 'open'}`}
      data-hunk={hunk.id}
      data-decision={decision ?? 'open'}
      tabIndex={-1}
      aria-label={`Change ${index + 1} of ${total}`}
    >
      <p className="hunk-text">
        <span className="ctx">
          {hunk.start - CONTEXT > 0 ? '…' : ''}
          {before}
        </span>
        {hunk.before && (
          <del>
            <span className="sr-only">removed: </span>
            {hunk.before}
          </del>
        )}
        {hunk.after && (
          <ins>
            <span className="sr-only">added: </span>
            {hunk.after}
          </ins>
        )}
        <span className="ctx">
          {after}
          {hunk.end + CONTEXT < original.length ? '…' : ''}
        </span>
      </p>
      {(hunk.reason || hunk.note) && (
        <p className="hunk-reason muted">
          {hunk.reason}
          {hunk.reason && hunk.note ? ' · ' : ''}
          {hunk.note}
        </p>
      )}
      <div className="hunk-actions" role="group" aria-label={`Change ${index + 1}`}>
        <button
          type="button"
          className="button small accept"
          aria-pressed={decision === 'accepted'}
          onClick={() => onDecide(hunk.id, decision === 'accepted' ? undefined : 'accepted')}
        >
          <span aria-hidden="true">✓ </span>Accept<span className="sr-only"> change {index + 1}</span>
        </button>
        <button
          type="button"
          className="button small reject"
          aria-pressed={decision === 'rejected'}
          onClick={() => onDecide(hunk.id, decision === 'rejected' ? undefined : 'rejected')}
        >
          <span aria-hidden="true">✗ </span>Reject<span className="sr-only"> change {index + 1}</span>
        </button>
        <span className="decision-label">
          {decision === 'accepted' ? 'Accepted' : decision === 'rejected' ? 'Rejected' : 'Not decided'}
        </span>
      </div>
    </li>
  );
});

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function RevisionView({ id }: { id: number }) {
  const actions = useActions();
  const r = useAppState((s) => s.rewrites.get(id));
  const docId = r?.document_id ?? null;
  const doc = useAppState((s) => (docId ? (s.docs.get(docId) ?? s.details.get(docId)) : undefined));
  const samples = useAppState((s) => s.samples);
  const [missing, setMissing] = useState(false);
  const [decisions, setDecisions] = useState<Map<number, Decision>>(new Map());
  const [preview, setPreview] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const validated = useRef(false);
  const listRef = useRef<HTMLOListElement>(null);

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
    if (r?.status === 'completed' && !r.detail) void load();
  }, [r?.status, r?.detail, load]);
  useEffect(() => {
    if (docId && !doc) actions.loadDocument(docId).catch(() => {});
  }, [docId, doc, actions]);

  // Milestones for screen readers: announced once each.
  const ms = r ? milestone(r) : '';
  useEffect(() => {
    if (ms) setAnnouncement(ms);
  }, [ms]);

  // The "after" score: the revision's output is checked once it is ready.
  const after = [...samples.values()].filter((s) => s.rewrite_id === id).sort((a, b) => b.id - a.id)[0];
  useEffect(() => {
    if (r?.status !== 'completed' || !docId || after || validated.current) return;
    validated.current = true;
    actions.validateSample({ document_id: docId, rewrite_id: id }, `Revision #${id}`).catch(() => {});
  }, [r?.status, docId, after, id, actions]);

  const detail = r?.detail ?? null;
  const hunks = useMemo(() => detail?.hunks ?? [], [detail]);
  const accepted = useMemo(
    () => hunks.filter((h) => decisions.get(h.id) === 'accepted').map((h) => h.id),
    [hunks, decisions],
  );
  const rejected = useMemo(() => hunks.filter((h) => decisions.get(h.id) === 'rejected').length, [hunks, decisions]);
  const previewText = useMemo(
    () => (detail && preview ? applyHunks(detail.original, detail.hunks, accepted) : ''),
    [detail, preview, accepted],
  );
  const decide = useCallback((hid: number, d: Decision) => {
    setDecisions((m) => {
      const n = new Map(m);
      if (d) n.set(hid, d);
      else n.delete(hid);
      return n;
    });
  }, []);
  const decideAll = (d: Decision) => setDecisions(new Map(hunks.map((h) => [h.id, d])));

  const active = !!r && (r.status === 'queued' || r.status === 'processing');
  const now = useNow(active);
  const left = r ? remainingSeconds(r, now) : null;

  const apply = async () => {
    if (!detail || accepted.length === 0) return;
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

  const focusHunk = (delta: number) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLElement>('.hunk') ?? [])];
    if (!items.length) return;
    const cur = items.findIndex((el) => el.contains(document.activeElement));
    const next = items[Math.max(0, Math.min(items.length - 1, cur < 0 ? 0 : cur + delta))];
    next.focus();
  };
  const focused = () => {
    const el = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.hunk');
    return el ? Number(el.dataset.hunk) : null;
  };
  const applied = r?.applied_version ?? null;
  useShortcuts({
    j: detail ? () => focusHunk(1) : null,
    k: detail ? () => focusHunk(-1) : null,
    y: detail
      ? () => {
          const h = focused();
          if (h !== null) decide(h, 'accepted');
        }
      : null,
    n: detail
      ? () => {
          const h = focused();
          if (h !== null) decide(h, 'rejected');
        }
      : null,
    a: detail && !applied ? () => decideAll('accepted') : null,
    'Mod+Enter': detail && !applied ? () => void apply() : null,
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
  return (
    <div className="view revision-view" data-status={r.status}>
      <ViewHeading title={`Revision #${id}${doc ? ` of ${doc.name}` : ''}`}>
        <p className="muted">
          {docId && <a href={href(`/documents/${docId}`)}>Back to the document</a>} · Status:{' '}
          <span data-testid="rewrite-status">{REWRITE_STATUS_LABEL[r.status]}</span>
          {detail
            ? ` · ${detail.options.mode}, strength ${detail.options.strength}, ${detail.options.scope === 'sections' ? 'critical sections' : 'whole document'}`
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
            label="Revision progress"
            valueText={`${r.progress}%${left !== null ? `, ${formatLeft(left)}` : ''}`}
          />
          <p className="progress-text" aria-hidden="true">
            <strong data-testid="progress-value">{r.progress}%</strong>
            {left !== null && <span> · {formatLeft(left)}</span>}
            {r.estimated_time !== null && (
              <span className="muted"> · estimated {formatEstimate(r.estimated_time)} in total</span>
            )}
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

      {r.status === 'completed' && (
        <>
          <section className="card compare" aria-labelledby="compare-title">
            <h2 id="compare-title">AI confidence</h2>
            <div className="compare-row">
              <div>
                <div className="stat-title">Before</div>
                <div className="stat-value small" data-testid="before-confidence">
                  {formatPercent(before)}
                </div>
              </div>
              <div aria-hidden="true" className="arrow">
                →
              </div>
              <div>
                <div className="stat-title">After</div>
                <div className="stat-value small" data-testid="after-confidence">
                  {!after || after.status === 'queued' ? (
                    <span className="muted">checking…</span>
                  ) : (
                    formatPercent(after.ai_confidence)
                  )}
                </div>
              </div>
              {r.diff_summary && (
                <p className="muted">
                  {r.diff_summary.additions} words added · {r.diff_summary.deletions} removed ·{' '}
                  {formatPercent(r.diff_summary.similarity)} similar
                </p>
              )}
              {r.diff_summary?.note && (
                <p className="revision-note" role="note" data-testid="revision-note">
                  {r.diff_summary.note}
                </p>
              )}
            </div>
          </section>

          {!detail ? (
            <Spinner label="Loading the changes…" />
          ) : (
            <section className="card" aria-labelledby="changes-title">
              <div className="changes-head">
                <h2 id="changes-title">Changes</h2>
                <p className="muted" aria-live="polite" data-testid="decision-count">
                  {accepted.length} of {hunks.length} accepted · {rejected} rejected
                </p>
              </div>
              {applied ? (
                <p className="notice">
                  Applied as version {applied} of the document.{' '}
                  <a href={href(`/documents/${docId}`)}>Open the document</a>
                </p>
              ) : null}
              <div className="actions" role="toolbar" aria-label="Revision actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => decideAll('accepted')}
                  disabled={!!applied}
                  aria-keyshortcuts="A"
                >
                  Accept all
                </button>
                <button type="button" className="button" onClick={() => decideAll('rejected')} disabled={!!applied}>
                  Reject all
                </button>
                <button type="button" className="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
                  {preview ? 'Show changes' : 'Preview result'}
                </button>
                <button
                  type="button"
                  className="button primary"
                  disabled={!!applied || busy || accepted.length === 0}
                  onClick={() => void apply()}
                  aria-keyshortcuts="Control+Enter Meta+Enter"
                >
                  {busy ? 'Applying…' : `Apply ${accepted.length} accepted change${accepted.length === 1 ? '' : 's'}`}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={accepted.length === 0 || !docId}
                  onClick={() => {
                    if (!docId || !detail) return;
                    actions
                      .validateSample(
                        { document_id: docId, text: applyHunks(detail.original, detail.hunks, accepted) },
                        `Accepted changes of revision #${id}`,
                      )
                      .catch((err) => actions.toastError(err, 'Could not check'));
                  }}
                >
                  Check accepted version
                </button>
                <ExportControls
                  id="revision-export-format"
                  format={format}
                  onFormat={setFormat}
                  buttonDisabled={!docId}
                  buttonLabel={applied ? 'Export applied version' : 'Export revision'}
                  onExport={() => {
                    if (!docId) return;
                    const opts = applied ? { version: applied } : { rewrite_id: id };
                    actions
                      .exportDocument(docId, format, opts)
                      .catch((err) => actions.toastError(err, 'Export failed'));
                  }}
                />
              </div>
              {preview ? (
                <div
                  className="doc-text preview"
                  aria-label="Preview with the accepted changes"
                  tabIndex={0}
                  data-testid="preview"
                >
                  {previewText}
                </div>
              ) : hunks.length === 0 ? (
                <p className="muted">The revision changed nothing.</p>
              ) : (
                <ol className="hunks" ref={listRef} data-testid="hunks" aria-label="Changes">
                  {hunks.map((h, i) => (
                    <HunkRow
                      key={h.id}
                      hunk={h}
                      index={i}
                      total={hunks.length}
                      original={detail.original}
                      decision={decisions.get(h.id)}
                      onDecide={decide}
                    />
                  ))}
                </ol>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
