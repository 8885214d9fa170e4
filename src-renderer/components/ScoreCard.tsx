/** The AI-confidence card (one decimal, as in the seed) and the signals behind the score. */
import type { DocumentDetail, Explanation } from '../../src-shared/models';
import { band, formatPercent, formatTime, VERDICT_LABEL } from '../store/format';

export function Signals({
  explanations,
  title = 'Signals behind the score',
}: {
  explanations: readonly Explanation[];
  title?: string;
}) {
  if (explanations.length === 0) return null;
  // Weight 0 is a note (a short text, an unsupported language), not evidence either way.
  const signals = explanations.filter((e) => e.weight !== 0).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const notes = explanations.filter((e) => e.weight === 0);
  return (
    <section className="signals" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {signals.map((e) => (
          <li key={e.signal} className={`signal signal-${e.direction}`}>
            <span className="signal-dir" aria-hidden="true">
              {e.direction === 'ai' ? '▲' : '▼'}
            </span>
            <span className="sr-only">{e.direction === 'ai' ? 'Points to AI: ' : 'Points to a human writer: '}</span>
            <span>{e.label}</span>
          </li>
        ))}
        {notes.map((e) => (
          <li key={e.signal} className="signal signal-note">
            <span>Note: {e.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ScoreCard({
  doc,
}: {
  doc: Pick<
    DocumentDetail,
    'ai_confidence' | 'verdict' | 'word_count' | 'analyzed_at' | 'analysis_model' | 'explanations'
  >;
}) {
  const conf = doc.ai_confidence;
  return (
    <section className="card score-card" aria-labelledby="score-title" data-analyzed-at={doc.analyzed_at ?? ''}>
      <h2 id="score-title" className="stat-title">
        AI Confidence
      </h2>
      <p className={`stat-value${conf !== null ? ` band-${band(conf)}` : ''}`} data-testid="ai-confidence">
        {conf === null ? '—' : formatPercent(conf)}
      </p>
      <p className="verdict">{doc.verdict ? VERDICT_LABEL[doc.verdict] : ''}</p>
      {conf !== null && (
        <div className="meter" aria-hidden="true">
          <div className="meter-fill" style={{ width: `${conf}%` }} />
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>Words</dt>
          <dd>{doc.word_count ?? '—'}</dd>
        </div>
        <div>
          <dt>Analyzed</dt>
          <dd>{formatTime(doc.analyzed_at)}</dd>
        </div>
        {doc.analysis_model && (
          <div>
            <dt>Model</dt>
            <dd>{doc.analysis_model}</dd>
          </div>
        )}
      </dl>
      <Signals explanations={doc.explanations ?? []} />
    </section>
  );
}
