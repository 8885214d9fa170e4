/**
 * The trained model's shape (model.json, written by scripts/train-detector.ts) and the linear
 * scoring with Platt calibration. Pure: used by the engine and by the training script.
 */
import { NF } from './features';
import { NgramLm, type LmParams } from './lm';

export interface LinearModel {
  /** Per-feature standardisation (mean and sd on the training rows) and the value used when missing. */
  mean: number[];
  sd: number[];
  /** Logistic-regression weights on standardised, clipped features, and the bias. */
  weights: number[];
  bias: number;
  /** Platt scaling fitted on held-out (cross-validated) scores: p = σ(a·logit + b). */
  platt: { a: number; b: number };
  /** Median of each raw feature over human training texts, for explanations ("typical human"). */
  humanMedian: number[];
  aiMedian: number[];
  /**
   * Optional one-sided caps in z units, per feature (null = the symmetric ±clip). A feature whose
   * low values could come from plain, simple writing as much as from a model (no long
   * sentences, no typos, few kinds of punctuation) has its z-score held at or above the value a
   * typical human text has, so that absence counts as no evidence rather than as evidence of AI.
   */
  zLo?: (number | null)[];
  zHi?: (number | null)[];
}

export interface ModelJson {
  id: string;
  features: string[];
  /** z-scores are clipped to ±clip before weighting. */
  clip: number;
  doc: LinearModel;
  window: LinearModel;
  /** Default decision threshold on ai_confidence (percent) and the lower edge of the uncertain band. */
  threshold: number;
  uncertainLow: number;
  /** Threshold on a window's calibrated confidence (percent) for critical sections. */
  windowThreshold: number;
  lm: LmParams & { uni: string; bi: string; tri: string };
  /** FNV-1a hashes of Kobak et al.'s `style` excess words (no text is shipped). */
  kobakStyle: number[];
  training: Record<string, unknown>;
}

export function decodeBase64(s: string): Uint8Array {
  if (typeof Buffer !== 'undefined') {
    const b = Buffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function loadLm(m: ModelJson['lm']): NgramLm {
  const { uni, bi, tri, ...params } = m;
  return new NgramLm(params, decodeBase64(uni), decodeBase64(bi), decodeBase64(tri));
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Standardised, clipped feature value (0 for a missing value). */
export function zValue(m: LinearModel, i: number, x: number, clip: number): number {
  if (!Number.isFinite(x)) return 0;
  const sd = m.sd[i] > 0 ? m.sd[i] : 1;
  let z = (x - m.mean[i]) / sd;
  const lo = m.zLo?.[i] ?? -clip,
    hi = m.zHi?.[i] ?? clip;
  if (z > hi) z = hi;
  else if (z < lo) z = lo;
  return z;
}

/** Raw log-odds and, optionally, each feature's contribution to it. */
export function linearScore(m: LinearModel, x: Float64Array, clip: number, contrib?: Float64Array): number {
  let s = m.bias;
  for (let i = 0; i < NF; i++) {
    const c = m.weights[i] * zValue(m, i, x[i], clip);
    if (contrib) contrib[i] = c;
    s += c;
  }
  return s;
}

/** Calibrated probability (0–1) from raw log-odds. */
export function calibrate(m: LinearModel, logit: number): number {
  return sigmoid(m.platt.a * logit + m.platt.b);
}
