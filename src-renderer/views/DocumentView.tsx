/**
 * A document: "Analyzing document..." until its analysis arrives live, then the extracted text
 * with its critical sections highlighted, the AI-confidence card with the signals behind it, and
 * the actions — revise, check a selected passage, export, delete.
 */
import { useEffect, useRef, useState } from 'react';
import { documentChannel } from '../../src-shared/channels';
import type { DocumentDetail, RewriteOptions } from '../../src-shared/models';
import { ModeField, StrengthField } from '../components/RevisionFields';
import { useActions, useAppState } from '../app/context';
import { href, navigate } from '../app/router';
import { useShortcuts } from '../app/shortcuts';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { ExportControls } from '../components/ExportControls';
import type { ExportFormat } from '../store/constants';
import { HighlightedText, selectionOffsets } from '../components/HighlightedText';
import { ScoreCard, Signals } from '../components/ScoreCard';
import { useHold, useListen, usePoll } from '../live/hooks';
import {
  band,
  BAND_LABEL,
  DOCUMENT_STATUS_LABEL,
  formatBytes,
  formatPercent,
  formatTime,
  REWRITE_STATUS_LABEL,
} from '../store/format';
import { LOCAL_USER_ID } from '../store/store';
import { Spinner, ViewHeading } from './common';

function ReviseDialog({ open, onClose, documentId }: { open: boolean; onClose: () => void; documentId: number }) {
  const actions = useActions();
  const settings = useAppState((s) => s.settings);
  const [mode, setMode] = useState<RewriteOptions['mode']>('standard');
  const [strength, setStrength] = useState(2);
  const [scope, setScope] = useState<RewriteOptions['scope']>('sections');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open && settings) {
      setMode(settings.revision.mode);
      setStrength(settings.revision.strength);
      setScope(settings.revision.scope);
    }
  }, [open, settings]);
  const start = async () => {
    setBusy(true);
    try {
      const id = await actions.revise(documentId, { mode, strength, scope });
      onClose();
      navigate(`/rewrites/${id}`);
    } catch (err) {
      actions.toastError(err, 'Could not start the revision');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} title="Revise document" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <ModeField value={mode} onChange={setMode} />
        <StrengthField value={strength} onChange={setStrength} />
        <label className="field">
          <span>What to revise</span>
          <select value={scope} onChange={(e) => setScope(e.target.value as RewriteOptions['scope'])}>
            <option value="sections">Critical sections only</option>
            <option value="document">The whole document</option>
          </select>
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Starting…' : 'Start revision'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Samples({ documentId }: { documentId: number }) {
  const samples = useAppState((s) => s.samples);
  const list = [...samples.values()].filter((s) => s.document_id === documentId).sort((a, b) => b.id - a.id);
  if (list.length === 0) return null;
  return (
    <section className="card" aria-labelledby="samples-title">
      <h2 id="samples-title">Checked passages</h2>
      <ul className="plain-list" aria-live="polite">
        {list.map((s) => (
          <li key={s.id} data-testid="sample">
            <span>{s.label}</span>{' '}
            {s.status === 'queued' ? (
              <span className="muted">checking…</span>
            ) : s.status === 'failed' ? (
              <span className="error-text">could not be checked</span>
            ) : (
              <strong>
                {s.ai_confidence === null ? 'too short to judge' : `${formatPercent(s.ai_confidence)} AI`}
              </strong>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Revisions({ doc }: { doc: DocumentDetail }) {
  const rewrites = useAppState((s) => s.rewrites);
  const mine = [...rewrites.values()].filter((r) => r.document_id === doc.id);
  const fromVersions = doc.versions.filter((v) => v.rewrite_id !== null && !mine.some((r) => r.id === v.rewrite_id));
  if (mine.length === 0 && fromVersions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions</h2>
      <ul className="plain-list">
        {mine
          .sort((a, b) => b.id - a.id)
          .map((r) => (
            <li key={r.id}>
              <a href={href(`/rewrites/${r.id}`)}>Revision #{r.id}</a> — {REWRITE_STATUS_LABEL[r.status]}
              {r.status === 'processing' ? ` (${r.progress}%)` : ''}
              {r.applied_version ? `, applied as version ${r.applied_version}` : ''}
            </li>
          ))}
        {fromVersions.map((v) => (
          <li key={`v${v.version}`}>
            <a href={href(`/rewrites/${v.rewrite_id}`)}>Revision #{v.rewrite_id}</a> — applied as version {v.version}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DocumentView({ id }: { id: number }) {
  const actions = useActions();
  const detail = useAppState((s) => s.details.get(id));
  const summary = useAppState((s) => s.docs.get(id));
  const [missing, setMissing] = useState(false);
  const [reviseOpen, setReviseOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const exportRef = useRef<HTMLSelectElement>(null);

  useHold(documentChannel(id), 0);
  const load = () =>
    actions.loadDocument(id).then(
      () => setMissing(false),
      (err) => {
        if ((err as { code?: string }).code === 'not_found') setMissing(true);
        else actions.toastError(err, 'Could not load the document');
      },
    );
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  // The summary is live; the text, sections' explanations and signals come by command.
  useListen(`documents.${id}`, '.document.analyzed', () => void load());
  useListen(`library.${LOCAL_USER_ID}`, '.document.updated', (p: { document_id: number }) => {
    if (p.document_id === id) void load();
  });
  usePoll(() => load());

  useEffect(() => {
    const onSel = () => setSelection(textRef.current ? selectionOffsets(textRef.current) : null);
    document.addEventListener('selectionchange', onSel);
    return () => document.removeEventListener('selectionchange', onSel);
  }, []);

  const doc =
    detail ??
    (summary
      ? ({
          ...summary,
          text: null,
          blocks: [],
          critical_sections: [],
          explanations: [],
          sentences: [],
          analysis_model: null,
          versions: [],
        } as DocumentDetail)
      : undefined);
  const analyzing = !!doc && (doc.status === 'queued' || doc.status === 'analyzing');
  // The score shows as soon as the analysis arrives; the text follows by command. While a document
  // that has a result is analysed again (a new version), the previous result stays on screen.
  const ready = !!doc && (doc.status === 'analyzed' || (analyzing && doc.analyzed_at !== null && doc.text !== null));
  const hasText = ready && doc.text !== null;

  const checkSelection = () => {
    if (!selection || !doc) return;
    actions
      .validateSample(
        { document_id: id, start: selection.start, end: selection.end },
        `Selected passage (${selection.end - selection.start} characters)`,
      )
      .catch((err) => actions.toastError(err, 'Could not check the passage'));
  };
  const doExport = () => actions.exportDocument(id, format).catch((err) => actions.toastError(err, 'Export failed'));

  useShortcuts({
    r: ready ? () => setReviseOpen(true) : null,
    v: ready && selection ? checkSelection : null,
    e: ready ? () => exportRef.current?.focus() : null,
    Delete: doc ? () => setDeleteOpen(true) : null,
  });

  if (missing) {
    return (
      <div className="view">
        <ViewHeading title="Document not found" />
        <p>
          This document does not exist (it may have been deleted). <a href={href('/')}>Back to the library</a>
        </p>
      </div>
    );
  }
  if (!doc) {
    return (
      <div className="view">
        <ViewHeading title="Document" />
        <Spinner label="Loading…" />
      </div>
    );
  }

  const sections = [...doc.critical_sections].sort((a, b) => a.start - b.start);
  return (
    <div className="view document-view" data-status={doc.status}>
      <ViewHeading title={doc.name}>
        <p className="muted">
          {doc.format.toUpperCase()} · {formatBytes(doc.size_bytes)} · version {doc.version} · imported{' '}
          {formatTime(doc.created_at)} · <span data-testid="doc-status">{DOCUMENT_STATUS_LABEL[doc.status]}</span>
        </p>
        <div className="actions" role="toolbar" aria-label="Document actions">
          <button
            type="button"
            className="button primary"
            disabled={!ready}
            onClick={() => setReviseOpen(true)}
            aria-keyshortcuts="R"
          >
            Revise…
          </button>
          <button
            type="button"
            className="button"
            disabled={!ready || !selection}
            onClick={checkSelection}
            aria-keyshortcuts="V"
            title="Select a passage in the text first"
          >
            Check selected passage
          </button>
          <ExportControls
            id="export-format"
            selectRef={exportRef}
            format={format}
            onFormat={setFormat}
            disabled={!ready}
            keyShortcut="E"
            buttonLabel="Export"
            onExport={() => void doExport()}
          />
          <button
            type="button"
            className="button"
            disabled={doc.status === 'queued' || doc.status === 'analyzing'}
            onClick={() => actions.reanalyze(id).catch((err) => actions.toastError(err))}
          >
            Analyze again
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => setDeleteOpen(true)}
            aria-keyshortcuts="Delete"
          >
            Delete…
          </button>
        </div>
      </ViewHeading>

      {analyzing && !ready && <Spinner label="Analyzing document..." />}
      {analyzing && ready && (
        <p className="notice" role="status">
          <span className="spinner small" aria-hidden="true" /> Analyzing document... The result below is from the
          previous analysis.
        </p>
      )}
      {doc.status === 'failed' && (
        <div className="card error-card" role="alert">
          <h2>The analysis failed</h2>
          <p>{doc.error}</p>
          <button
            type="button"
            className="button"
            onClick={() => actions.reanalyze(id).catch((err) => actions.toastError(err))}
          >
            Try again
          </button>
        </div>
      )}

      {ready && (
        <div className="document-layout">
          <section className="card text-card" aria-labelledby="text-title">
            <div className="text-card-head">
              <h2 id="text-title">Text</h2>
              <p className="legend" aria-label="Highlight legend">
                <mark className="hl hl-high">high ≥ 80%</mark> <mark className="hl hl-medium">medium ≥ 60%</mark>{' '}
                <mark className="hl hl-low">low</mark>
              </p>
            </div>
            <p className="muted hint">
              Select a passage and choose “Check selected passage” (V) to score just that part.
            </p>
            <div ref={textRef}>
              {hasText ? (
                <HighlightedText text={doc.text ?? ''} sections={doc.critical_sections} />
              ) : (
                <Spinner label="Loading the text…" />
              )}
            </div>
          </section>
          <aside className="side">
            <ScoreCard doc={doc} />
            <section className="card" aria-labelledby="sections-title">
              <h2 id="sections-title">Critical Sections</h2>
              {sections.length === 0 ? (
                <p className="muted">No passage stands out.</p>
              ) : (
                <ol className="sections" data-testid="critical-sections">
                  {sections.map((s, i) => (
                    <li key={`${s.start}:${s.end}`} className={`section-item band-${band(s.confidence)}`}>
                      <p className="section-text">{s.text}</p>
                      <p>
                        <small>
                          Confidence: {formatPercent(s.confidence)} ({BAND_LABEL[band(s.confidence)]})
                        </small>
                      </p>
                      {s.explanations.length > 0 && (
                        <Signals explanations={s.explanations} title={`Why section ${i + 1} was flagged`} />
                      )}
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button small"
                          onClick={() => {
                            const el = document.getElementById(`section-${i + 1}`);
                            el?.scrollIntoView({ block: 'center' });
                            el?.setAttribute('tabindex', '-1');
                            el?.focus({ preventScroll: true });
                          }}
                        >
                          Show section {i + 1}
                        </button>
                        <button
                          type="button"
                          className="button small"
                          onClick={() =>
                            actions
                              .validateSample({ document_id: id, start: s.start, end: s.end }, `Section ${i + 1}`)
                              .catch((err) => actions.toastError(err, 'Could not check the section'))
                          }
                        >
                          Check section {i + 1} again
                        </button>
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <Samples documentId={id} />
            <Revisions doc={doc} />
          </aside>
        </div>
      )}

      <ReviseDialog open={reviseOpen} onClose={() => setReviseOpen(false)} documentId={id} />
      <ConfirmDialog
        open={deleteOpen}
        title="Delete document?"
        message={`“${doc.name}”, its analyses and revisions will be deleted. This cannot be undone.`}
        confirmLabel="Delete"
        danger
        onConfirm={() =>
          actions.deleteDocument(id).then(
            () => navigate('/'),
            (err) => actions.toastError(err, 'Could not delete'),
          )
        }
        onClose={() => setDeleteOpen(false)}
      />
    </div>
  );
}
