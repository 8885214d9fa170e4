/**
 * A revision reviewed inside the document: the whole text with each change inline, as tracked
 * changes (removed words struck through, added words underlined; an accepted change shows its new
 * words, a rejected one the old), grouped by section with "accept all in this section" — or side
 * by side, the original on the left and the text with your decisions on the right.
 *
 * Changes are one roving-focus group: j/k (or the arrows in the text) move between them, y/n
 * decide the focused one; a click makes a change the current one, shown in full beside the text.
 */
import { memo } from 'react';
import type { DiffHunk } from '../../src-shared/models';
import type { ReviewParagraph } from '../review/layout';
import { Block } from './Block';
import type { Decision } from '../store/state';

function ChangeInline({
  hunk,
  index,
  decision,
  current,
  locked,
}: {
  hunk: DiffHunk;
  index: number;
  decision: Decision | undefined;
  current: boolean;
  locked: boolean;
}) {
  const state = decision ?? 'open';
  return (
    <span
      className={`chg chg-${state}${current ? ' current' : ''}`}
      data-hunk={hunk.id}
      data-decision={state}
      data-index={index}
      tabIndex={current ? 0 : -1}
      title={hunk.reason}
    >
      <span className="sr-only">
        Change {index + 1},{' '}
        {locked ? (decision === 'accepted' ? 'applied' : 'not applied') : state === 'open' ? 'not decided' : state}
        {hunk.reason ? `, ${hunk.reason}` : ''}:{' '}
      </span>
      {hunk.before && decision !== 'accepted' && (
        <del className={decision === 'rejected' ? 'kept' : undefined}>
          <span className="sr-only">{decision === 'rejected' ? 'kept: ' : 'removed: '}</span>
          {hunk.before}
        </del>
      )}
      {hunk.after && decision !== 'rejected' && (
        <ins>
          <span className="sr-only">added: </span>
          {hunk.after}
        </ins>
      )}
    </span>
  );
}

export interface SectionInfo {
  section: number;
  changes: DiffHunk[];
  title: string;
}

export const TrackedChanges = memo(function TrackedChanges({
  original,
  paragraphs,
  order,
  decisions,
  current,
  locked,
  onDecideSection,
}: {
  original: string;
  paragraphs: readonly ReviewParagraph[];
  /** Index of each hunk id in reading order. */
  order: ReadonlyMap<number, number>;
  decisions: ReadonlyMap<number, Decision>;
  current: number | null;
  locked: boolean;
  onDecideSection: (ids: number[], d: Decision | undefined) => void;
}) {
  const out: React.ReactNode[] = [];
  let lastSection = -1;
  for (const p of paragraphs) {
    if (p.section !== lastSection) {
      lastSection = p.section;
      const ids = paragraphs
        .filter((q) => q.section === p.section)
        .flatMap((q) => q.pieces.flatMap((x) => (x.kind === 'change' ? [x.hunk.id] : [])));
      if (ids.length > 0) {
        const acc = ids.filter((id) => decisions.get(id) === 'accepted').length;
        const rej = ids.filter((id) => decisions.get(id) === 'rejected').length;
        out.push(
          <div
            className="section-bar"
            key={`bar${p.start}`}
            role="group"
            aria-label={`Section ${p.section + 1}`}
            data-section={p.section + 1}
          >
            <span>
              <strong>Section {p.section + 1}</strong>
              {p.kind === 'heading' ? ` · ${original.slice(p.start, p.end)}` : ''} · {ids.length} change
              {ids.length === 1 ? '' : 's'}
              {acc || rej ? ` · ${acc} accepted, ${rej} rejected` : ''}
            </span>
            {!locked && (
              <span className="section-actions">
                <button type="button" className="button small" onClick={() => onDecideSection(ids, 'accepted')}>
                  Accept all in this section<span className="sr-only"> ({p.section + 1})</span>
                </button>
                <button type="button" className="button small" onClick={() => onDecideSection(ids, 'rejected')}>
                  Reject all in this section<span className="sr-only"> ({p.section + 1})</span>
                </button>
              </span>
            )}
          </div>,
        );
      }
    }
    const body = p.pieces.map((x) =>
      x.kind === 'text' ? (
        <span key={`t${x.start}`}>{original.slice(x.start, x.end)}</span>
      ) : (
        <ChangeInline
          key={`c${x.hunk.id}`}
          hunk={x.hunk}
          index={order.get(x.hunk.id) ?? 0}
          decision={decisions.get(x.hunk.id)}
          current={current === x.hunk.id}
          locked={locked}
        />
      ),
    );
    out.push(
      <Block key={p.start} p={p}>
        {body}
      </Block>,
    );
  }
  return <>{out}</>;
});

/** The original and the text with your decisions, paragraph beside paragraph. */
export const SideBySide = memo(function SideBySide({
  original,
  paragraphs,
  decisions,
}: {
  original: string;
  paragraphs: readonly ReviewParagraph[];
  decisions: ReadonlyMap<number, Decision>;
}) {
  return (
    <table className="side-by-side" data-testid="side-by-side">
      <caption className="sr-only">The original and the text with your decisions, paragraph by paragraph</caption>
      <thead>
        <tr>
          <th scope="col">Original</th>
          <th scope="col">With your decisions (undecided changes shown as proposed)</th>
        </tr>
      </thead>
      <tbody>
        {paragraphs.map((p) => (
          <tr key={p.start}>
            <td>
              {p.pieces.map((x) =>
                x.kind === 'text' ? (
                  <span key={`t${x.start}`}>{original.slice(x.start, x.end)}</span>
                ) : x.hunk.before ? (
                  <del key={x.hunk.id} className={decisions.get(x.hunk.id) === 'rejected' ? 'kept' : undefined}>
                    {x.hunk.before}
                  </del>
                ) : null,
              )}
            </td>
            <td>
              {p.pieces.map((x) =>
                x.kind === 'text' ? (
                  <span key={`t${x.start}`}>{original.slice(x.start, x.end)}</span>
                ) : decisions.get(x.hunk.id) === 'rejected' ? (
                  <span key={x.hunk.id}>{x.hunk.before}</span>
                ) : x.hunk.after ? (
                  <ins key={x.hunk.id} className={decisions.get(x.hunk.id) === 'accepted' ? 'accepted' : undefined}>
                    {x.hunk.after}
                  </ins>
                ) : null,
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
