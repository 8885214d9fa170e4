/**
 * The trained model's shape (model.json, written by scripts/train-detector.ts) and the linear
 * scoring with Platt calibration. Pure: used by the engine and by the training script.
 */
import { NF } from './features';
import { NgramLm, type LmParams } from './lm';
import type { PassageRules } from './passages';

/**
 * Register normalisation: feature k is replaced by its residual x_k − (c_k0 + Σ_j c_kj·x_cov_j),
 * the line human text of the same register (mean word length, share of long words) follows.
 */
export interface RegisterModel {
  covariates: number[];
  /** Per feature: [intercept, one coefficient per covariate]. */
  coef: number[][];
}

export interface LinearModel {
  /** Register normalisation applied before standardisation, if any. */
  register?: RegisterModel;
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

/**
 * Length-aware calibration of a document score: p = σ(a·s + b + c·s·u + d·u) with s the raw
 * log-odds and u = lengthTerm(words); fitted on out-of-block scores of whole texts and of
 * 50–150-word crops, so a short text's confidence is calibrated on short texts.
 */
export interface LengthCalibration {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Reference length (words) at which u = 0, and the range u is held to. */
export const CALIBRATION_WORDS = { ref: 200, min: 50, max: 600 };

export function lengthTerm(words: number): number {
  const w = Math.min(CALIBRATION_WORDS.max, Math.max(CALIBRATION_WORDS.min, words));
  return Math.log(w / CALIBRATION_WORDS.ref);
}

export function calibrateLength(c: LengthCalibration, logit: number, words: number): number {
  const u = lengthTerm(words);
  return sigmoid(c.a * logit + c.b + c.c * logit * u + c.d * u);
}

/** Logit slope of a calibrated score at a given length (for turning contributions into calibrated log-odds). */
export function calibrationSlope(c: LengthCalibration, words: number): number {
  return c.a + c.c * lengthTerm(words);
}

export interface ModelJson {
  id: string;
  features: string[];
  /** z-scores are clipped to ±clip before weighting. */
  clip: number;
  /** The document model; its `platt` is unused: documents are calibrated by `docCalibration`. */
  doc: LinearModel;
  docCalibration: LengthCalibration;
  /** The sentence model: a sentence's neighbourhood (sentenceContext), Platt-calibrated. */
  sentence: LinearModel;
  /** Default decision threshold on ai_confidence (percent): `ai` at or above it. */
  threshold: number;
  /**
   * Lower edge of the `uncertain` band by length: the band starts at `low` for texts of at least
   * `minWords` words (the last entry whose minWords the text reaches). Shorter texts have a
   * lower edge: the band widens where the evidence is thin.
   */
  uncertainBands: { minWords: number; low: number }[];
  passages: PassageRules;
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

const residual = new Float64Array(NF);

/** x with the register line subtracted (x itself when the model has no register normalisation). */
export function registerResidual(m: LinearModel, x: Float64Array): Float64Array {
  const reg = m.register;
  if (!reg) return x;
  for (let k = 0; k < NF; k++) {
    const c = reg.coef[k];
    let pred = c[0];
    for (let j = 0; j < reg.covariates.length; j++) pred += c[j + 1] * x[reg.covariates[j]];
    residual[k] = Number.isFinite(pred) ? x[k] - pred : x[k];
  }
  return residual;
}

/** A linear model in typed arrays, for scoring many ranges (every sentence) quickly. */
interface Compiled {
  clip: number;
  w: Float64Array;
  mean: Float64Array;
  invSd: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}
const compiled = new WeakMap<LinearModel, Compiled>();

function compile(m: LinearModel, clip: number): Compiled {
  let c = compiled.get(m);
  if (!c || c.clip !== clip) {
    c = {
      clip,
      w: Float64Array.from(m.weights),
      mean: Float64Array.from(m.mean),
      invSd: Float64Array.from(m.sd, (v) => (v > 0 ? 1 / v : 1)),
      lo: Float64Array.from(m.weights, (_, i) => m.zLo?.[i] ?? -clip),
      hi: Float64Array.from(m.weights, (_, i) => m.zHi?.[i] ?? clip),
    };
    compiled.set(m, c);
  }
  return c;
}

/** Raw log-odds and, optionally, each feature's contribution to it (as zValue and the weights give it). */
export function linearScore(m: LinearModel, x: Float64Array, clip: number, contrib?: Float64Array): number {
  const r = registerResidual(m, x);
  const c = compile(m, clip);
  let s = m.bias;
  for (let i = 0; i < NF; i++) {
    let z = 0;
    const v = r[i];
    if (v === v && v !== Infinity && v !== -Infinity) {
      z = (v - c.mean[i]) * c.invSd[i];
      if (z > c.hi[i]) z = c.hi[i];
      else if (z < c.lo[i]) z = c.lo[i];
    }
    const t = c.w[i] * z;
    if (contrib) contrib[i] = t;
    s += t;
  }
  return s;
}

/** Calibrated probability (0–1) from raw log-odds. */
export function calibrate(m: LinearModel, logit: number): number {
  return sigmoid(m.platt.a * logit + m.platt.b);
}
