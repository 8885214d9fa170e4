/**
 * One version of a document, read-only: its text with its own analysis (shading, verdict), or —
 * with `?compare=N` — what changed since version N, word by word; and its export.
 */
import { diffWords } from 'diff';
import { useEffect, useMemo, useState } from 'react';
import type { DocumentDetail } from '../../src-shared/models';
import { useActions } from '../app/context';
import { href, navigate } from '../app/router';
import { DocumentText } from '../components/DocumentText';
import { ExportControls, type ExportFormat } from '../components/ExportControls';
import { VerdictCard } from '../components/VerdictCard';
import { ScoreChart } from '../components/VersionHistory';
import { roundedPercent } from '../review/verdict';
import { formatTime } from '../store/format';
import { Spinner, ViewHeading } from './common';

function Comparison({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  const added = parts.filter((p) => p.added).length;
  const removed = parts.filter((p) => p.removed).length;
  return (
    <>
      <p className="muted" data-testid="compare-summary">
        {added} insertion{added === 1 ? '' : 's'}, {removed} deletion{removed === 1 ? '' : 's'}.
      </p>
      <div
        className="doc-text compare-text"
        data-testid="compare-text"
        tabIndex={0}
        role="region"
        aria-label="Changes between the versions"
      >
        {parts.map((p, i) =>
          p.added ? (
            <ins key={i}>
              <span className="sr-only">added: </span>
              {p.value}
            </ins>
          ) : p.removed ? (
            <del key={i}>
              <span className="sr-only">removed: </span>
              {p.value}
            </del>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </div>
    </>
  );
}

export function VersionView({ id, version, compare }: { id: number; version: number; compare: number | null }) {
  const actions = useActions();
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [base, setBase] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [active, setActive] = useState(-1);
  useEffect(() => {
    let live = true;
    setError(null);
    actions.getVersion(id, version).then(
      (d) => live && setDoc(d),
      (err) => live && setError((err as Error).message),
    );
    if (compare)
      actions.getVersion(id, compare).then(
        (d) => live && setBase(d),
        (err) => live && setError((err as Error).message),
      );
    else setBase(null);
    return () => {
      live = false;
    };
  }, [actions, id, version, compare]);

  if (error)
    return (
      <div className="view">
        <ViewHeading title={`Version ${version}`} />
        <p role="alert">{error}</p>
        <a href={href(`/documents/${id}`)}>Back to the document</a>
      </div>
    );
  if (!doc) {
    return (
      <div className="view">
        <ViewHeading title={`Version ${version}`} />
        <Spinner label="Loading…" />
      </div>
    );
  }
  const info = doc.versions.find((v) => v.version === version);
  const other = compare ? doc.versions.find((v) => v.version === compare) : null;
  return (
    <div className="view version-view">
      <ViewHeading title={`${doc.name} — version ${version}${compare ? ` compared with version ${compare}` : ''}`}>
        <p className="muted">
          <a href={href(`/documents/${id}`)}>Back to the document</a> · <span className="badge">v{version}</span> of{' '}
          {doc.versions.length}
          {info ? ` · ${formatTime(info.created_at)} · ${info.word_count} words` : ''}
          {version === doc.version ? ' · current version' : ''}
        </p>
        <div className="actions" role="toolbar" aria-label="Version actions">
          <label className="field">
            <span>Compare with</span>
            <select
              value={compare ?? ''}
              onChange={(e) =>
                navigate(`/documents/${id}/versions/${version}${e.target.value ? `?compare=${e.target.value}` : ''}`)
              }
            >
              <option value="">— (read this version)</option>
              {doc.versions
                .filter((v) => v.version !== version)
                .map((v) => (
                  <option key={v.version} value={v.version}>
                    version {v.version}
                  </option>
                ))}
            </select>
          </label>
          <ExportControls
            id="version-export-format"
            format={format}
            onFormat={setFormat}
            buttonLabel={`Export version ${version}`}
            onExport={() =>
              void actions
                .exportDocument(id, format, { version })
                .catch((err) => actions.toastError(err, 'Export failed'))
            }
          />
        </div>
      </ViewHeading>
      <div className="document-layout">
        <section className="card text-card" aria-labelledby="version-text-title">
          <h2 id="version-text-title">{compare ? `Changes from version ${compare}` : 'Text'}</h2>
          {compare ? (
            base ? (
              <Comparison before={base.text ?? ''} after={doc.text ?? ''} />
            ) : (
              <Spinner label="Loading…" />
            )
          ) : (
            <DocumentText
              text={doc.text ?? ''}
              blocks={doc.blocks}
              sentences={doc.sentences}
              spans={[]}
              sections={doc.critical_sections}
              active={active}
              onActive={setActive}
            />
          )}
        </section>
        <aside className="side" tabIndex={0} aria-label="Scores">
          {compare && other && (
            <section className="card compare" aria-labelledby="cmp-title">
              <h2 id="cmp-title">Probability of AI</h2>
              <p>
                Version {compare}: <strong>{roundedPercent(other.ai_confidence)}</strong> → version {version}:{' '}
                <strong>{roundedPercent(info?.ai_confidence)}</strong>
              </p>
              <ScoreChart versions={doc.versions} />
            </section>
          )}
          <VerdictCard doc={doc} />
        </aside>
      </div>
    </div>
  );
}
