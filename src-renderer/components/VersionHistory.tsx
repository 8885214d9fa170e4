/**
 * A document's versions, each with its own score and a small chart of the score across versions;
 * each can be viewed, compared with the one before, or exported.
 */
import type { DocumentVersionInfo } from '../../src-shared/models';
import { href } from '../app/router';
import { roundedPercent, VERDICT_SHORT, VERDICT_TONE } from '../review/verdict';
import { formatTime } from '../store/format';

/** The score across versions as a line; unscored versions leave a gap. */
export function ScoreChart({ versions }: { versions: readonly DocumentVersionInfo[] }) {
  const w = 240;
  const h = 72;
  // Room on the left for the scale, below for the version numbers.
  const left = 30;
  const right = 8;
  const top = 6;
  const bottom = 16;
  if (versions.length < 2) return null;
  const x = (i: number) => left + (i * (w - left - right)) / (versions.length - 1);
  const y = (p: number) => h - bottom - (p / 100) * (h - top - bottom);
  const points = versions.map((v, i) => (v.ai_confidence === null ? null : ([x(i), y(v.ai_confidence)] as const)));
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    pen = true;
  }
  const desc = versions
    .map((v) => `version ${v.version}: ${v.ai_confidence === null ? 'no score' : roundedPercent(v.ai_confidence)}`)
    .join(', ');
  return (
    <svg
      className="score-chart"
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`Probability of AI across versions: ${desc}`}
      data-testid="score-chart"
    >
      {[0, 50, 100].map((p) => (
        <g key={p} aria-hidden="true">
          <line x1={left} x2={w - right} y1={y(p)} y2={y(p)} className={p === 50 ? 'chart-mid' : 'chart-edge'} />
          <text x={left - 4} y={y(p) + 3} className="chart-label" textAnchor="end">
            {p}%
          </text>
        </g>
      ))}
      {versions.map((v, i) => (
        <text key={v.version} x={x(i)} y={h - 3} className="chart-label" textAnchor="middle" aria-hidden="true">
          v{v.version}
        </text>
      ))}
      <path d={d} className="chart-line" />
      {points.map(
        (p, i) =>
          p && (
            <circle
              key={i}
              cx={p[0]}
              cy={p[1]}
              r={3.5}
              className={`chart-dot tone-${VERDICT_TONE[versions[i].verdict ?? 'uncertain']}`}
            />
          ),
      )}
    </svg>
  );
}

export function VersionHistory({
  documentId,
  versions,
  current,
  onExport,
}: {
  documentId: number;
  versions: readonly DocumentVersionInfo[];
  current: number;
  onExport: (version: number) => void;
}) {
  if (versions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="versions-title" data-testid="versions">
      <h2 id="versions-title">Versions</h2>
      <ScoreChart versions={versions} />
      <ol className="versions" reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.version} data-version={v.version}>
            <div className="version-line">
              <strong>v{v.version}</strong>
              {v.verdict ? (
                <span className={`verdict-chip small tone-${VERDICT_TONE[v.verdict]}`}>{VERDICT_SHORT[v.verdict]}</span>
              ) : (
                <span className="muted">not analysed</span>
              )}
              <span className="num">{v.ai_confidence === null ? '' : `${roundedPercent(v.ai_confidence)} AI`}</span>
              {v.version === current && <span className="badge">current</span>}
            </div>
            <div className="muted small">
              {formatTime(v.created_at)} · {v.word_count} words
              {v.rewrite_id ? (
                <>
                  {' · from '}
                  <a href={href(`/rewrites/${v.rewrite_id}`)}>revision #{v.rewrite_id}</a>
                </>
              ) : (
                ' · as imported'
              )}
            </div>
            <div className="row-actions">
              <a className="button small" href={href(`/documents/${documentId}/versions/${v.version}`)}>
                View<span className="sr-only"> version {v.version}</span>
              </a>
              {v.version > 1 && (
                <a
                  className="button small"
                  href={href(`/documents/${documentId}/versions/${v.version}?compare=${v.version - 1}`)}
                >
                  Compare with v{v.version - 1}
                </a>
              )}
              <button type="button" className="button small" onClick={() => onExport(v.version)}>
                Export<span className="sr-only"> version {v.version}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
