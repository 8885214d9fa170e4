/**
 * The signals behind a score, in plain words, each with a bar whose length is its weight:
 * towards a human writer on the left, towards AI on the right, from one centre line. A signal
 * that knows where its words stand in the text can mark them there.
 */
import type { PlainSignal } from '../review/signals';

function strength(weight: number): string {
  const w = Math.abs(weight);
  return w >= 1.5 ? 'strong' : w >= 0.5 ? 'moderate' : 'slight';
}

export function SignalList({
  signals,
  title = 'What the score rests on',
  onMark,
  marked,
}: {
  signals: readonly PlainSignal[];
  title?: string;
  onMark?: (signal: string | null) => void;
  marked?: string | null;
}) {
  if (signals.length === 0) return null;
  const max = Math.max(...signals.map((s) => Math.abs(s.weight)), 0.01);
  return (
    <section className="signals" aria-label={title}>
      <h3>{title}</h3>
      <p className="signal-axis" aria-hidden="true">
        <span>← towards human</span>
        <span>towards AI →</span>
      </p>
      <ul>
        {signals.map((s) => {
          const pct = Math.max(4, Math.round((Math.abs(s.weight) / max) * 100));
          return (
            <li key={s.signal} className={`signal signal-${s.direction}`} data-testid="signal" data-weight={s.weight}>
              <div className="signal-bar" aria-hidden="true">
                <span className="half half-human">
                  {s.direction === 'human' && <span className="fill" style={{ width: `${pct}%` }} />}
                </span>
                <span className="half half-ai">
                  {s.direction === 'ai' && <span className="fill" style={{ width: `${pct}%` }} />}
                </span>
              </div>
              <p className="signal-text">
                <span className="sr-only">
                  {s.direction === 'ai' ? 'Towards AI' : 'Towards a human writer'}, {strength(s.weight)}:{' '}
                </span>
                {s.text}
              </p>
              {s.evidence && <p className="signal-evidence">{s.evidence}</p>}
              {onMark && s.spans && s.spans.length > 0 && (
                <button
                  type="button"
                  className="button small ghost"
                  aria-pressed={marked === s.signal}
                  onClick={() => onMark(marked === s.signal ? null : s.signal)}
                >
                  {marked === s.signal ? 'Unmark' : 'Mark'} in the text
                  <span className="sr-only">: {s.text}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
