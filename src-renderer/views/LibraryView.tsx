/**
 * The Library: a drop zone and file picker, and every document with its live status, score and
 * time, searchable and sortable. The list is virtualised (only the rows in view are in the DOM),
 * so 10,000 documents scroll as smoothly as ten. It is one ARIA grid operated with the arrow keys
 * (aria-activedescendant), Enter to open and Delete to delete.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentStatus, DocumentSummary } from '../../src-shared/models';
import { useActions, useAppState } from '../app/context';
import { navigate } from '../app/router';
import { useShortcuts } from '../app/shortcuts';
import { ConfirmDialog } from '../components/Dialog';
import { DropZone } from '../components/DropZone';
import { roundedPercent, VERDICT_SHORT, VERDICT_TONE } from '../review/verdict';
import { DOCUMENT_STATUS_LABEL, formatAgo, VERDICT_LABEL } from '../store/format';
import { SyncBadge } from '../sync/SyncBadge';
import { ViewHeading } from './common';

export type SortKey = 'created_at' | 'name' | 'ai_confidence' | 'status';
export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;

const STATUS_ORDER: Record<DocumentStatus, number> = { analyzing: 0, queued: 1, failed: 2, analyzed: 3 };

/** Filters and sorts the library; pure, for the tests. */
export function selectDocuments(
  docs: Iterable<DocumentSummary>,
  query: string,
  status: DocumentStatus | 'all',
  sort: SortKey,
  order: 'asc' | 'desc',
): DocumentSummary[] {
  const q = query.trim().toLowerCase();
  const out: DocumentSummary[] = [];
  for (const d of docs) {
    if (status !== 'all' && d.status !== status) continue;
    if (q && !d.name.toLowerCase().includes(q)) continue;
    out.push(d);
  }
  const dir = order === 'asc' ? 1 : -1;
  const cmp: Record<SortKey, (a: DocumentSummary, b: DocumentSummary) => number> = {
    created_at: (a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id),
    name: (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) || a.id - b.id,
    // Unscored documents go last whichever the direction.
    ai_confidence: (a, b) => (a.ai_confidence ?? -1) - (b.ai_confidence ?? -1) || a.id - b.id,
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.id - b.id,
  };
  const c = cmp[sort];
  out.sort((a, b) => {
    if (sort === 'ai_confidence' && (a.ai_confidence === null) !== (b.ai_confidence === null))
      return a.ai_confidence === null ? 1 : -1;
    return dir * c(a, b);
  });
  return out;
}

const StatusCell = memo(function StatusCell({ doc }: { doc: DocumentSummary }) {
  const icon = doc.status === 'analyzed' ? '✓' : doc.status === 'failed' ? '⚠' : doc.status === 'analyzing' ? '' : '…';
  return (
    <span className={`status status-${doc.status}`} title={doc.error ?? undefined}>
      {doc.status === 'analyzing' ? (
        <span className="spinner small" aria-hidden="true" />
      ) : (
        <span aria-hidden="true">{icon}</span>
      )}{' '}
      {DOCUMENT_STATUS_LABEL[doc.status]}
    </span>
  );
});

const VerdictCell = memo(function VerdictCell({ doc }: { doc: DocumentSummary }) {
  if (doc.status !== 'analyzed' || !doc.verdict) return <StatusCell doc={doc} />;
  const tone = VERDICT_TONE[doc.verdict];
  return (
    <span className={`verdict-chip small tone-${tone}`} title={VERDICT_LABEL[doc.verdict]}>
      {VERDICT_SHORT[doc.verdict]}
    </span>
  );
});

/** The share judged AI as a small bar in the verdict's colour, with the rounded probability. */
const ScoreCell = memo(function ScoreCell({ doc }: { doc: DocumentSummary }) {
  if (doc.ai_confidence === null || !doc.verdict) return <span className="muted">—</span>;
  const tone = VERDICT_TONE[doc.verdict];
  const share = doc.ai_share;
  return (
    <span className={`score-cell tone-${tone}`}>
      {share !== null && (
        <span className="mini-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
      )}
      <span className="score">{share !== null ? `${Math.round(share * 100)}% AI text` : ''}</span>
      <span className="muted small"> · AI probability {roundedPercent(doc.ai_confidence)}</span>
    </span>
  );
});

const Row = memo(function Row({
  doc,
  index,
  active,
  top,
  onOpen,
}: {
  doc: DocumentSummary;
  index: number;
  active: boolean;
  top: number;
  onOpen: (id: number) => void;
}) {
  return (
    <div
      role="row"
      id={`doc-row-${doc.id}`}
      aria-rowindex={index + 2}
      aria-selected={active}
      className={`grid-row${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-doc-id={doc.id}
      // One click opens, anywhere on the row.
      onClick={() => onOpen(doc.id)}
    >
      <div role="gridcell" className="cell name">
        <a
          href={`#/documents/${doc.id}`}
          tabIndex={-1}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            onOpen(doc.id);
          }}
        >
          {doc.name}
        </a>
        {doc.version > 1 && (
          <span className="badge version-badge" title={`Version ${doc.version}`}>
            v{doc.version}
          </span>
        )}
        <SyncBadge documentId={doc.id} />
      </div>
      <div role="gridcell" className="cell" data-testid="verdict-cell">
        <VerdictCell doc={doc} />
      </div>
      <div role="gridcell" className="cell" data-testid="score">
        <ScoreCell doc={doc} />
      </div>
      <div role="gridcell" className="cell num">
        {doc.word_count ?? '—'}
      </div>
      <div role="gridcell" className="cell">
        <time dateTime={doc.created_at}>{formatAgo(doc.created_at)}</time>
      </div>
    </div>
  );
});

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'status', label: 'Verdict' },
  { key: 'ai_confidence', label: 'AI in the text' },
  { key: null, label: 'Words' },
  { key: 'created_at', label: 'Imported' },
];

interface GridProps {
  rows: DocumentSummary[];
  activeId: number | null;
  sort: SortKey;
  order: 'asc' | 'desc';
  onActive: (id: number | null) => void;
  onOpen: (id: number) => void;
  onDelete: (doc: DocumentSummary) => void;
  onSort: (key: SortKey) => void;
  gridRef: React.RefObject<HTMLDivElement | null>;
}

/**
 * The virtualised grid on its own, so that scrolling re-renders only it (and only the rows that
 * come into view), not the whole view.
 */
const DocumentGrid = memo(function DocumentGrid({
  rows,
  activeId,
  sort,
  order,
  onActive,
  onOpen,
  onDelete,
  onSort,
  gridRef,
}: GridProps) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    // The sticky header row sits above the rows inside the same scroll container.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const activeIndex = useMemo(
    () => (activeId === null ? -1 : rows.findIndex((d) => d.id === activeId)),
    [rows, activeId],
  );

  const moveTo = (index: number) => {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    onActive(rows[i].id);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor(((gridRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const cur = activeIndex;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(cur + 1);
        break;
      case 'ArrowUp':
        moveTo(cur < 0 ? 0 : cur - 1);
        break;
      case 'PageDown':
        moveTo(cur + page);
        break;
      case 'PageUp':
        moveTo(cur - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
        if (activeIndex >= 0) onOpen(rows[activeIndex].id);
        break;
      case 'Delete':
        if (activeIndex >= 0) onDelete(rows[activeIndex]);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div
      ref={gridRef}
      className="grid"
      role="grid"
      aria-label="Documents"
      aria-rowcount={rows.length + 1}
      aria-colcount={5}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? `doc-row-${rows[activeIndex].id}` : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activeIndex < 0 && rows.length > 0) onActive(rows[0].id);
      }}
      data-testid="library-grid"
    >
      <div role="row" aria-rowindex={1} className="grid-row grid-head">
        {COLUMNS.map((c) => (
          <div
            key={c.label}
            role="columnheader"
            className={`cell${c.key ? ' sortable' : ''}`}
            aria-sort={c.key === sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
            onClick={c.key ? () => onSort(c.key as SortKey) : undefined}
          >
            {c.label}
            {c.key === sort && <span aria-hidden="true">{order === 'asc' ? ' ▲' : ' ▼'}</span>}
          </div>
        ))}
      </div>
      <div className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v, slot) => {
          const doc = rows[v.index];
          return (
            <Row
              key={slot}
              doc={doc}
              index={v.index}
              active={doc.id === activeId}
              top={v.start - HEADER_HEIGHT}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
});

export function LibraryView() {
  const actions = useActions();
  const docs = useAppState((s) => s.docs);
  const loaded = useAppState((s) => s.libraryLoaded);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<DocumentStatus | 'all'>('all');
  const [sort, setSort] = useState<SortKey>('created_at');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [activeId, setActiveId] = useState<number | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<DocumentSummary | null>(null);
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(
    () => selectDocuments(docs.values(), deferredQuery, status, sort, order),
    [docs, deferredQuery, status, sort, order],
  );
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const open = useCallback((id: number) => navigate(`/documents/${id}`), []);

  useEffect(() => {
    // The active document left the list (filtered out, deleted).
    if (activeId !== null && !rows.some((d) => d.id === activeId)) setActiveId(null);
  }, [activeId, rows]);

  useShortcuts({ '/': () => searchRef.current?.focus() });

  const sortBy = useCallback(
    (key: SortKey) => {
      if (key === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
      else {
        setSort(key);
        setOrder(key === 'name' ? 'asc' : 'desc');
      }
    },
    [sort, order],
  );

  return (
    <div className="view library-view">
      <ViewHeading title="Library" />
      <DropZone />
      <div className="toolbar" role="toolbar" aria-label="Search and sort documents">
        <label className="field grow">
          <span className="sr-only">Search documents</span>
          <input
            ref={searchRef}
            type="search"
            placeholder="Search by name  ( / )"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-keyshortcuts="/"
          />
        </label>
        <label className="field">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as DocumentStatus | 'all')}>
            <option value="all">All</option>
            <option value="queued">Queued</option>
            <option value="analyzing">Analyzing</option>
            <option value="analyzed">Analyzed</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <label className="field">
          <span>Sort by</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="created_at">Imported</option>
            <option value="name">Name</option>
            <option value="ai_confidence">AI confidence</option>
            <option value="status">Status</option>
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={() => setOrder(order === 'asc' ? 'desc' : 'asc')}
          aria-label={
            order === 'asc' ? 'Ascending order; switch to descending' : 'Descending order; switch to ascending'
          }
        >
          {order === 'asc' ? '↑ Ascending' : '↓ Descending'}
        </button>
        <span className="muted count" aria-live="polite" data-testid="library-count">
          {loaded ? `${rows.length} of ${docs.size} document${docs.size === 1 ? '' : 's'}` : 'Loading…'}
        </span>
      </div>

      {loaded && docs.size === 0 ? (
        <p className="empty">No documents yet. Drop files above or choose them to start.</p>
      ) : loaded && rows.length === 0 ? (
        <div className="empty" data-testid="no-matches">
          <p>No document matches {query.trim() ? `“${query.trim()}”` : 'these filters'}.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setQuery('');
              setStatus('all');
            }}
          >
            Clear the search and filters
          </button>
        </div>
      ) : (
        <DocumentGrid
          rows={rows}
          activeId={activeId}
          sort={sort}
          order={order}
          onActive={setActiveId}
          onOpen={open}
          onDelete={setConfirmDelete}
          onSort={sortBy}
          gridRef={gridRef}
        />
      )}
      <ConfirmDialog
        open={confirmDelete !== null}
        title="Delete document?"
        message={
          confirmDelete
            ? `“${confirmDelete.name}”, its analyses and revisions will be deleted. This cannot be undone.`
            : ''
        }
        confirmLabel="Delete"
        danger
        onConfirm={() => {
          const d = confirmDelete;
          if (d) actions.deleteDocument(d.id).catch((err) => actions.toastError(err, 'Could not delete'));
        }}
        onClose={() => {
          setConfirmDelete(null);
          gridRef.current?.focus();
        }}
      />
    </div>
  );
}
