/**
 * A document: "Analyzing document..." until its analysis arrives live, then the text as written
 * with each sentence shaded by how AI-like it reads, an overview strip of the whole document
 * beside it, the verdict card and the passages in a sidebar that stays in view and is linked
 * both ways with the text, the versions with their scores, and the actions — revise, check a
 * selected passage, export, delete.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { documentChannel } from '../../src-shared/channels';
import { MIN_SCORED_WORDS } from '../../src-shared/constants';
import type { DocumentDetail, RewriteOptions, SectionAnalysis } from '../../src-shared/models';
import { ModeField, StrengthField } from '../components/RevisionFields';
import { useActions, useAppState } from '../app/context';
import { href, navigate } from '../app/router';
import { useShortcuts } from '../app/shortcuts';
import { errorMessage } from '../bridge/types';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { DocumentText, selectionOffsets, sentenceBand } from '../components/DocumentText';
import { ExportControls, type ExportFormat } from '../components/ExportControls';
import { OverviewStrip } from '../components/OverviewStrip';
import { VerdictCard } from '../components/VerdictCard';
import { VersionHistory } from '../components/VersionHistory';
import { useHold, useListen, usePoll } from '../live/hooks';
import { mergeSpans } from '../review/layout';
import { splitSignals } from '../review/signals';
import { roundedPercent } from '../review/verdict';
import { countWords } from '../review/words';
import { DOCUMENT_STATUS_LABEL, formatBytes, formatTime, REWRITE_STATUS_LABEL } from '../store/format';
import { Spinner, ViewHeading } from './common';

function ReviseDialog({
  open,
  onClose,
  doc,
}: {
  open: boolean;
  onClose: () => void;
  doc: Pick<DocumentDetail, 'id' | 'critical_sections' | 'verdict'>;
}) {
  const actions = useActions();
  const settings = useAppState((s) => s.settings);
  const hasSections = doc.critical_sections.length > 0;
  const [mode, setMode] = useState<RewriteOptions['mode']>('standard');
  const [strength, setStrength] = useState(2);
  const [scope, setScope] = useState<RewriteOptions['scope']>('document');
  const [engine, setEngine] = useState<RewriteOptions['engine']>('rules');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const llmReady = !!settings?.llm.url && !!settings?.llm.model;
  useEffect(() => {
    if (!open) return;
    setError(null);
    if (settings) {
      setMode(settings.revision.mode);
      setStrength(settings.revision.strength);
      setEngine(settings.revision.engine === 'llm' && !llmReady ? 'rules' : settings.revision.engine);
    }
    // Critical sections only when there are some.
    setScope(hasSections ? (settings?.revision.scope ?? 'sections') : 'document');
  }, [open, settings, hasSections, llmReady]);
  const start = async () => {
    setError(null);
    if (scope === 'sections' && !hasSections) {
      setError('This document has no critical sections: revise the whole document instead.');
      return;
    }
    setBusy(true);
    try {
      const id = await actions.revise(doc.id, { mode, strength, scope, engine });
      onClose();
      navigate(`/rewrites/${id}`);
    } catch (err) {
      // Shown here, in the dialog, where the choice can be changed.
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} title="Revise document" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <ModeField value={mode} onChange={setMode} />
        <StrengthField value={strength} onChange={setStrength} />
        <label className="field">
          <span>What to revise</span>
          <select
            value={scope}
            onChange={(e) => setScope(e.target.value as RewriteOptions['scope'])}
            aria-describedby="scope-hint"
          >
            <option value="sections" disabled={!hasSections}>
              Critical sections only{hasSections ? ` (${doc.critical_sections.length})` : ' (none found)'}
            </option>
            <option value="document">The whole document</option>
          </select>
        </label>
        <p id="scope-hint" className="muted small field-hint">
          {hasSections
            ? `${doc.critical_sections.length} passage${doc.critical_sections.length === 1 ? '' : 's'} read as AI-generated.`
            : 'No passage reads as AI-generated, so the whole document is revised.'}
        </p>
        <label className="field">
          <span>Engine</span>
          <select
            value={engine}
            onChange={(e) => setEngine(e.target.value as RewriteOptions['engine'])}
            aria-describedby="engine-hint"
          >
            <option value="rules">Built-in reviser (offline, rule-based)</option>
            <option value="llm" disabled={!llmReady}>
              Local model{llmReady ? ` (${settings!.llm.model})` : ' (set it up in Settings)'}
            </option>
          </select>
        </label>
        <p id="engine-hint" className="muted small field-hint" data-testid="engine-hint">
          {engine === 'llm' && settings
            ? `Runs ${settings.llm.model} at ${settings.llm.url}; quotes, numbers and frozen terms are checked afterwards.`
            : 'Runs on this computer; quotes, numbers, citations and frozen terms stay as they are.'}
        </p>
        {error && (
          <p className="form-error" role="alert" data-testid="revise-error">
            {error}
          </p>
        )}
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
                {s.ai_confidence === null
                  ? 'no score (too short, or not English)'
                  : `${roundedPercent(s.ai_confidence)} likely AI`}
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

/** Turns the current selection in the text into offsets and a word count. */
function useTextSelection(textRef: React.RefObject<HTMLDivElement | null>, text: string | null) {
  const [selection, setSelection] = useState<{ start: number; end: number; words: number } | null>(null);
  useEffect(() => {
    const onSel = () => {
      const o = textRef.current ? selectionOffsets(textRef.current) : null;
      setSelection(o && text ? { ...o, words: countWords(text.slice(o.start, o.end)) } : null);
    };
    document.addEventListener('selectionchange', onSel);
    return () => document.removeEventListener('selectionchange', onSel);
  }, [textRef, text]);
  return selection;
}

/** The passages (critical sections) in the sidebar, linked both ways with the text. */
function Passages({
  sections,
  activeSection,
  onShow,
  onCheck,
}: {
  sections: SectionAnalysis[];
  activeSection: number;
  onShow: (i: number) => void;
  onCheck: (i: number) => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [activeSection]);
  return (
    <section className="card" aria-labelledby="sections-title">
      <h2 id="sections-title">Passages that read as AI</h2>
      {sections.length === 0 ? (
        <p className="muted">No passage stands out.</p>
      ) : (
        <ol className="sections" data-testid="critical-sections" ref={listRef}>
          {sections.map((s, i) => {
            const reasons = splitSignals(s.explanations).signals.filter((e) => e.direction === 'ai');
            return (
              <li
                key={`${s.start}:${s.end}`}
                className={`section-item band-${sentenceBand(s.confidence)}`}
                aria-current={i === activeSection ? 'true' : undefined}
                data-section={i + 1}
              >
                <p className="section-head">
                  <strong>Passage {i + 1}</strong> · {roundedPercent(s.confidence)} likely AI
                </p>
                <p className="section-text">{s.text}</p>
                {reasons.length > 0 && (
                  <ul className="section-reasons">
                    {reasons.map((r) => (
                      <li key={r.signal}>
                        {r.text}
                        {r.evidence ? `: ${r.evidence}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="row-actions">
                  <button type="button" className="button small" onClick={() => onShow(i)}>
                    Show passage {i + 1}
                  </button>
                  <button type="button" className="button small" onClick={() => onCheck(i)}>
                    Check passage {i + 1} again
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function DocumentView({ id }: { id: number }) {
  const actions = useActions();
  const detail = useAppState((s) => s.details.get(id));
  const summary = useAppState((s) => s.docs.get(id));
  const userId = useAppState((s) => s.user?.id ?? null);
  const [missing, setMissing] = useState(false);
  const [reviseOpen, setReviseOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [activeSentence, setActiveSentence] = useState(-1);
  const [markedSignal, setMarkedSignal] = useState<string | null>(null);
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
  useListen(userId ? `library.${userId}` : null, '.document.updated', (p: { document_id: number }) => {
    if (p.document_id === id) void load();
  });
  usePoll(() => load());

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
  const selection = useTextSelection(textRef, doc?.text ?? null);
  const analyzing = !!doc && (doc.status === 'queued' || doc.status === 'analyzing');
  // The score shows as soon as the analysis arrives; the text follows by command. While a document
  // that has a result is analysed again (a new version), the previous result stays on screen.
  const ready = !!doc && (doc.status === 'analyzed' || (analyzing && doc.analyzed_at !== null && doc.text !== null));
  const hasText = ready && doc.text !== null;
  const sections = useMemo(
    () => [...(doc?.critical_sections ?? [])].sort((a, b) => a.start - b.start),
    [doc?.critical_sections],
  );
  const sentences = useMemo(() => [...(doc?.sentences ?? [])].sort((a, b) => a.start - b.start), [doc?.sentences]);
  const spans = useMemo(() => {
    const all = (doc?.explanations ?? []).filter((e) => !markedSignal || e.signal === markedSignal);
    return mergeSpans(
      all.flatMap((e) => e.spans ?? []),
      doc?.text?.length ?? 0,
    );
  }, [doc?.explanations, doc?.text, markedSignal]);
  const activeSection = useMemo(() => {
    const s = sentences[activeSentence];
    return s ? sections.findIndex((c) => c.start <= s.start && c.end >= s.end) : -1;
  }, [sentences, sections, activeSentence]);

  const showSentence = useCallback((i: number) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="document-text"] .s[data-s="${i}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, []);
  const showSection = (i: number) => {
    const c = sections[i];
    const first = sentences.findIndex((s) => s.end > c.start);
    if (first >= 0) {
      setActiveSentence(first);
      showSentence(first);
    } else {
      // No sentence scores (an older analysis): select the passage's text instead.
      const span = document.querySelector<HTMLElement>(`[data-testid="document-text"] [data-start]`);
      span?.scrollIntoView({ block: 'center' });
    }
  };

  const canCheck = !!selection && selection.words >= MIN_SCORED_WORDS;
  const checkSelection = () => {
    if (!selection || !doc) return;
    actions
      .validateSample(
        { document_id: id, start: selection.start, end: selection.end },
        `Selected passage (${selection.words} words)`,
      )
      .catch((err) => actions.toastError(err, 'Could not check the passage'));
  };
  const exportVersion = (version?: number) =>
    actions
      .exportDocument(id, format, version ? { version } : {})
      .catch((err) => actions.toastError(err, 'Export failed'));

  useShortcuts({
    r: ready ? () => setReviseOpen(true) : null,
    v: ready && canCheck ? checkSelection : null,
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

  // Revising is the next step only where the text reads as AI (or may).
  const reviseFirst = doc.verdict === 'ai' || doc.verdict === 'mixed' || doc.verdict === 'uncertain';
  const hint = !selection
    ? `To score part of the text, select at least ${MIN_SCORED_WORDS} words — with the mouse, or from the keyboard (in the text: ↑ ↓ move by sentence, Enter selects one, Shift+Enter its paragraph, Shift+↑ ↓ extend) — then choose “Check selected passage” (V).`
    : canCheck
      ? `Selected: ${selection.words} words. Choose “Check selected passage” (V) to score them.`
      : `Selected: ${selection.words} word${selection.words === 1 ? '' : 's'} — at least ${MIN_SCORED_WORDS} are needed for a score; extend the selection (Shift+↓).`;
  return (
    <div className="view document-view" data-status={doc.status}>
      <ViewHeading title={doc.name}>
        <p className="muted">
          {doc.format.toUpperCase()} · {formatBytes(doc.size_bytes)} ·{' '}
          <span className="badge" data-testid="version-badge">
            v{doc.version}
          </span>{' '}
          · imported {formatTime(doc.created_at)} ·{' '}
          <span data-testid="doc-status">{DOCUMENT_STATUS_LABEL[doc.status]}</span>
        </p>
        <div className="actions" role="toolbar" aria-label="Document actions">
          <button
            type="button"
            className={`button${reviseFirst ? ' primary' : ''}`}
            disabled={!ready}
            onClick={() => setReviseOpen(true)}
            aria-keyshortcuts="R"
          >
            {reviseFirst ? 'Revise…' : 'Revise anyway…'}
          </button>
          <button
            type="button"
            className="button"
            disabled={!ready || !canCheck}
            onClick={checkSelection}
            aria-keyshortcuts="V"
            aria-describedby="selection-hint"
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
            onExport={() => void exportVersion()}
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
              <p className="legend" aria-label="Shading">
                <span className="s band-ai">reads as AI</span> <span className="s band-lean">leans AI</span>{' '}
                <span className="s band-unclear">unclear</span>{' '}
                <span className="legend-plain">unshaded: reads as human</span>
                {spans.length > 0 && (
                  <>
                    {' '}
                    <mark className="sig">words behind a signal</mark>
                  </>
                )}
              </p>
            </div>
            <p className="muted hint" id="selection-hint" aria-live="polite" data-testid="selection-hint">
              {hint}
            </p>
            <div className="text-with-overview">
              <div ref={textRef} className="text-column">
                {hasText ? (
                  <DocumentText
                    text={doc.text ?? ''}
                    blocks={doc.blocks}
                    sentences={sentences}
                    spans={spans}
                    sections={sections}
                    active={activeSentence}
                    onActive={setActiveSentence}
                  />
                ) : (
                  <Spinner label="Loading the text…" />
                )}
              </div>
              {hasText && (
                <OverviewStrip
                  sentences={sentences}
                  length={doc.text?.length ?? 0}
                  onPick={(i) => {
                    setActiveSentence(i);
                    showSentence(i);
                  }}
                />
              )}
            </div>
          </section>
          <aside className="side" tabIndex={0} aria-label="Result and passages">
            <VerdictCard doc={doc} onMarkSignal={setMarkedSignal} markedSignal={markedSignal} />
            <Passages
              sections={sections}
              activeSection={activeSection}
              onShow={showSection}
              onCheck={(i) =>
                actions
                  .validateSample(
                    { document_id: id, start: sections[i].start, end: sections[i].end },
                    `Passage ${i + 1}`,
                  )
                  .catch((err) => actions.toastError(err, 'Could not check the passage'))
              }
            />
            <Samples documentId={id} />
            <Revisions doc={doc} />
            <VersionHistory
              documentId={id}
              versions={doc.versions}
              current={doc.version}
              onExport={(v) => void exportVersion(v)}
            />
          </aside>
        </div>
      )}

      <ReviseDialog open={reviseOpen} onClose={() => setReviseOpen(false)} doc={doc} />
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
