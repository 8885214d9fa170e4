/**
 * Detector evaluation metrics, pure: AUROC, TPR at a fixed false-positive rate, and the
 * false-positive rate at the default threshold — overall, per domain and per generator — and,
 * where rows carry the verdict the product gave them, how often each verdict was given. For a
 * generator, its AI rows are compared with every human row (human rows have no generator).
 */
import { VERDICTS, type Verdict } from '../../src-shared/models';

export interface ScoredRow {
  label: 'human' | 'ai';
  domain: string;
  generator: string | null;
  /** Higher means more likely AI; on the same scale as the threshold (ai_confidence in percent). */
  score: number;
  /** The verdict the product gives the text, if known. */
  verdict?: Verdict;
}

/** How many rows of each label got each verdict. */
export interface VerdictCounts {
  human: Record<Verdict, number>;
  ai: Record<Verdict, number>;
}

export interface Metrics {
  n_human: number;
  n_ai: number;
  auroc: number | null;
  tpr_at_1_fpr: number | null;
  tpr_at_5_fpr: number | null;
  /** Share of human rows at or above the threshold. */
  fpr_at_threshold: number | null;
  /** Share of AI rows at or above the threshold. */
  tpr_at_threshold: number | null;
}

export interface EvalReport {
  threshold: number;
  overall: Metrics;
  by_domain: Record<string, Metrics>;
  by_generator: Record<string, Metrics>;
  /** Verdicts given, overall and per domain; absent when the rows carry no verdict. */
  verdicts?: { overall: VerdictCounts; by_domain: Record<string, VerdictCounts> };
}

/** Area under the ROC curve (ties count one half), via ranks. Null if a class is empty. */
export function auroc(human: number[], ai: number[]): number | null {
  if (human.length === 0 || ai.length === 0) return null;
  const all = [...human.map((s) => [s, 0] as const), ...ai.map((s) => [s, 1] as const)].sort((a, b) => a[0] - b[0]);
  let rankSumAi = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j][0] === all[i][0]) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1..j
    for (let k = i; k < j; k++) if (all[k][1] === 1) rankSumAi += avgRank;
    i = j;
  }
  const nA = ai.length,
    nH = human.length;
  return (rankSumAi - (nA * (nA + 1)) / 2) / (nA * nH);
}

/**
 * Highest share of AI rows flagged by a cut that flags at most `fpr` of the human rows
 * (flagged = score strictly above the cut). Null if a class is empty.
 */
export function tprAtFpr(human: number[], ai: number[], fpr: number): number | null {
  if (human.length === 0 || ai.length === 0) return null;
  const h = [...human].sort((a, b) => b - a);
  const k = Math.floor(fpr * h.length + 1e-9); // human rows allowed above the cut
  const cut = h[k] ?? -Infinity; // the (k+1)-th highest human score: must not be flagged
  let tp = 0;
  for (const s of ai) if (s > cut) tp++;
  return tp / ai.length;
}

/** Share of rows with score ≥ threshold, or null for none. */
export function rateAt(scores: number[], threshold: number): number | null {
  if (scores.length === 0) return null;
  let n = 0;
  for (const s of scores) if (s >= threshold) n++;
  return n / scores.length;
}

export function metrics(human: number[], ai: number[], threshold: number): Metrics {
  return {
    n_human: human.length,
    n_ai: ai.length,
    auroc: auroc(human, ai),
    tpr_at_1_fpr: tprAtFpr(human, ai, 0.01),
    tpr_at_5_fpr: tprAtFpr(human, ai, 0.05),
    fpr_at_threshold: rateAt(human, threshold),
    tpr_at_threshold: rateAt(ai, threshold),
  };
}

const noVerdicts = (): Record<Verdict, number> =>
  Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;

export function countVerdicts(rows: ScoredRow[]): VerdictCounts {
  const c: VerdictCounts = { human: noVerdicts(), ai: noVerdicts() };
  for (const r of rows) if (r.verdict) c[r.label][r.verdict]++;
  return c;
}

export function evaluate(rows: ScoredRow[], threshold: number): EvalReport {
  const human = rows.filter((r) => r.label === 'human').map((r) => r.score);
  const ai = rows.filter((r) => r.label === 'ai').map((r) => r.score);
  const domains = [...new Set(rows.map((r) => r.domain))].sort();
  const generators = [...new Set(rows.filter((r) => r.label === 'ai').map((r) => r.generator ?? 'unknown'))].sort();
  const by_domain: Record<string, Metrics> = {};
  for (const d of domains) {
    const rs = rows.filter((r) => r.domain === d);
    by_domain[d] = metrics(
      rs.filter((r) => r.label === 'human').map((r) => r.score),
      rs.filter((r) => r.label === 'ai').map((r) => r.score),
      threshold,
    );
  }
  const by_generator: Record<string, Metrics> = {};
  for (const g of generators) {
    by_generator[g] = metrics(
      human,
      rows.filter((r) => r.label === 'ai' && (r.generator ?? 'unknown') === g).map((r) => r.score),
      threshold,
    );
  }
  const report: EvalReport = { threshold, overall: metrics(human, ai, threshold), by_domain, by_generator };
  if (rows.some((r) => r.verdict))
    report.verdicts = {
      overall: countVerdicts(rows),
      by_domain: Object.fromEntries(domains.map((d) => [d, countVerdicts(rows.filter((r) => r.domain === d))])),
    };
  return report;
}

const pct = (x: number | null): string => (x === null ? '–' : (100 * x).toFixed(1) + '%');
const num = (x: number | null): string => (x === null ? '–' : x.toFixed(3));

export function metricsRow(name: string, m: Metrics): string {
  return `| ${name} | ${m.n_human} | ${m.n_ai} | ${num(m.auroc)} | ${pct(m.tpr_at_1_fpr)} | ${pct(m.tpr_at_5_fpr)} | ${pct(m.fpr_at_threshold)} | ${pct(m.tpr_at_threshold)} |`;
}
export const METRICS_HEADER = [
  '| subset | human | ai | AUROC | TPR@1%FPR | TPR@5%FPR | FPR@thr | TPR@thr |',
  '|---|---|---|---|---|---|---|---|',
];

/** Rows of one label with each verdict, as shares of that label's rows. */
function verdictRows(name: string, c: VerdictCounts): string[] {
  const out: string[] = [];
  for (const label of ['human', 'ai'] as const) {
    const n = VERDICTS.reduce((s, v) => s + c[label][v], 0);
    if (n === 0) continue;
    out.push(`| ${name} | ${label} | ${n} | ${VERDICTS.map((v) => pct(c[label][v] / n)).join(' | ')} |`);
  }
  return out;
}

/** The report as markdown lines. */
export function formatReport(r: EvalReport): string[] {
  const out = [`Default threshold: ${r.threshold}`, '', ...METRICS_HEADER, metricsRow('**overall**', r.overall)];
  for (const [d, m] of Object.entries(r.by_domain)) out.push(metricsRow(`domain: ${d}`, m));
  for (const [g, m] of Object.entries(r.by_generator)) out.push(metricsRow(`generator: ${g} (vs all human)`, m));
  if (r.verdicts) {
    out.push(
      '',
      'Verdicts given (share of the rows of each label):',
      '',
      `| subset | label | rows | ${VERDICTS.join(' | ')} |`,
      `|---|---|---|${VERDICTS.map(() => '---|').join('')}`,
      ...verdictRows('**overall**', r.verdicts.overall),
    );
    for (const [d, c] of Object.entries(r.verdicts.by_domain)) out.push(...verdictRows(`domain: ${d}`, c));
  }
  return out;
}
