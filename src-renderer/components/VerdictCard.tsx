/**
 * The verdict at a glance: AI / Mixed / Human (or Uncertain, Too short, Not English) in one
 * colour that agrees with it everywhere, the share of the text judged AI and in how many
 * passages, the probability rounded as a second line, why a result is uncertain, the notes, and
 * how to read a score (evidence, not proof). Then the signals behind it.
 */
import type { DocumentDetail } from '../../src-shared/models';
import { splitSignals } from '../review/signals';
import { sharePercent, verdictText } from '../review/verdict';
import { formatTime, VERDICT_LABEL } from '../store/format';
import { SignalList } from './SignalList';

type CardDoc = Pick<
  DocumentDetail,
  | 'ai_confidence'
  | 'ai_share'
  | 'verdict'
  | 'word_count'
  | 'analyzed_at'
  | 'analysis_model'
  | 'explanations'
  | 'text'
  | 'critical_sections'
>;

/** A bar of the share judged AI (in the verdict's colour) against the rest. */
export function ShareBar({ share, tone }: { share: number; tone: string }) {
  return (
    <div className={`share-bar tone-${tone}`} aria-hidden="true">
      <div className="share-ai" style={{ width: `${Math.round(share * 100)}%` }} />
    </div>
  );
}

export function VerdictCard({
  doc,
  onMarkSignal,
  markedSignal,
}: {
  doc: CardDoc;
  onMarkSignal?: (signal: string | null) => void;
  markedSignal?: string | null;
}) {
  const v = verdictText(doc);
  const { signals, notes } = splitSignals(doc.explanations ?? []);
  return (
    <section
      className={`card score-card verdict-card tone-${v?.tone ?? 'neutral'}`}
      aria-labelledby="score-title"
      data-analyzed-at={doc.analyzed_at ?? ''}
      data-verdict={doc.verdict ?? ''}
    >
      <h2 id="score-title" className="stat-title">
        Result
      </h2>
      {v ? (
        <>
          <p className="verdict-title" data-testid="verdict">
            <span className={`verdict-chip tone-${v.tone}`}>{v.title}</span>
            <span className="sr-only"> ({VERDICT_LABEL[v.verdict]})</span>
          </p>
          {v.summary && (
            <p className="verdict-summary" data-testid="verdict-summary">
              {v.summary}
            </p>
          )}
          {v.share !== null && (
            <>
              <ShareBar share={v.share} tone={v.tone} />
              <p className="share-legend muted" aria-hidden="true">
                <span>{sharePercent(v.share)} reads as AI</span>
                <span>{sharePercent(1 - v.share)} reads as human</span>
              </p>
            </>
          )}
          {v.probability && (
            <p className="probability">
              {v.probability.replace(/: [^:]*$/, ': ')}
              <strong data-testid="ai-confidence">{v.probability.replace(/^.*: /, '')}</strong>
            </p>
          )}
          {v.why && (
            <p className="why" data-testid="verdict-why">
              {v.why}
            </p>
          )}
        </>
      ) : (
        <p className="muted">Not analysed yet.</p>
      )}
      {notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {notes.map((n) => (
            <li key={n.signal} data-testid="note">
              <span aria-hidden="true">ⓘ </span>
              {n.label.charAt(0).toUpperCase() + n.label.slice(1)}.
            </li>
          ))}
        </ul>
      )}
      <p className="how-to-read" data-testid="how-to-read">
        <strong>How to read this:</strong> a score is evidence, not proof. Detectors make mistakes — more often on
        short, formulaic or non-native writing — so use it to decide where to look, never as the only reason to accuse
        anyone.
      </p>
      <dl className="facts">
        <div>
          <dt>Words</dt>
          <dd>{doc.word_count ?? '—'}</dd>
        </div>
        <div>
          <dt>Analysed</dt>
          <dd>{formatTime(doc.analyzed_at)}</dd>
        </div>
        {doc.analysis_model && (
          <div>
            <dt>Model</dt>
            <dd>{doc.analysis_model}</dd>
          </div>
        )}
      </dl>
      <SignalList signals={signals} onMark={onMarkSignal} marked={markedSignal} />
    </section>
  );
}
