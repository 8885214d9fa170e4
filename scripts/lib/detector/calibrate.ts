/**
 * Length-aware calibration and threshold choice (training time only).
 *
 * Calibration: p = σ(a·s + b + c·s·u + d·u), s the model's log-odds, u the text's length on a log
 * scale (lengthTerm in src-workers/detect/model.ts): a short text's score is calibrated on short
 * texts (the crops) and a long one's on whole texts, fitted on out-of-block scores with the
 * training weights. Thresholds are chosen on cross-calibrated out-of-block probabilities.
 */
import { calibrateLength, lengthTerm, type LengthCalibration } from '../../../src-workers/detect/model';
import { fitLogistic } from '../logreg';

export interface Scored {
  logit: number;
  words: number;
  label: 0 | 1;
  weight: number;
}

export function fitLengthCalibration(rows: Scored[]): LengthCalibration {
  const X = rows.map((r) => {
    const u = lengthTerm(r.words);
    return Float64Array.of(r.logit, r.logit * u, u);
  });
  const { beta, bias } = fitLogistic(
    X,
    Uint8Array.from(rows.map((r) => r.label)),
    Float64Array.from(rows.map((r) => r.weight)),
    1e-4,
  );
  return { a: beta[0], c: beta[1], d: beta[2], b: bias };
}

/**
 * Cross-calibrated probabilities: the rows of each group calibrated with parameters fitted on
 * the other groups' rows only.
 */
export function crossCalibrate(rows: Scored[], groups: string[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (const g of [...new Set(groups)].sort()) {
    const fitRows = rows.filter((r, i) => groups[i] !== g && r.weight > 0);
    const c = fitLengthCalibration(fitRows);
    rows.forEach((r, i) => {
      if (groups[i] === g) out[i] = calibrateLength(c, r.logit, r.words);
    });
  }
  return out;
}

/** The score (percent) at or above which at most `maxShare` of `scores` lie, plus 0.1 (strictly above the last allowed). */
export function cutAt(scores: number[], maxShare: number, minAllowed = 0): number {
  const s = [...scores].sort((a, b) => b - a);
  const k = Math.max(minAllowed, Math.floor(maxShare * s.length + 1e-9));
  return k < s.length ? s[k] : 0;
}

export interface ThresholdRule {
  name: string;
  scores: number[];
  maxShare: number;
  /** Human texts allowed above the threshold however small the group (1 for groups under 50 texts). */
  minAllowed?: number;
}

/**
 * The lowest threshold (percent, one decimal, strictly above every disallowed score) meeting
 * every rule, and the rule that decided it.
 */
export function chooseThreshold(rules: ThresholdRule[]): { threshold: number; decidedBy: string } {
  let t = 0,
    by = '';
  for (const r of rules) {
    if (r.scores.length === 0) continue;
    const c = cutAt(r.scores, r.maxShare, r.minAllowed ?? 0);
    if (c > t) {
      t = c;
      by = r.name;
    }
  }
  return { threshold: Math.min(99.9, (Math.floor(t * 10 + 1e-9) + 1) / 10), decidedBy: by };
}
