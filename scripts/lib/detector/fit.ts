/**
 * Fitting the detector's linear models (training time only): register normalisation,
 * standardisation with one-sided caps, sign-constrained L2 logistic regression (scripts/lib/logreg.ts)
 * and the policy that says which way each feature may push.
 *
 * Register normalisation: formal writing has longer, rarer words, and with them more of nearly
 * every "sophisticated" signal (overused vocabulary, surprisal, commas, prepositions). Each feature
 * is replaced by its residual from what human text of the same register has: a weighted
 * least-squares line, fitted on the human training rows only, on the register covariates (mean
 * word length, share of long words). The covariates themselves then carry no weight: a text is
 * never judged machine-written for its register alone, only for how it departs from human text
 * of that register.
 */
import { FEATURE_NAMES, NF, type FeatureName } from '../../../src-workers/detect/features';
import { registerResidual, type LinearModel, type RegisterModel } from '../../../src-workers/detect/model';
import { fitLogisticSigned } from '../logreg';

export const CLIP = 4;

export interface Policy {
  name: string;
  /** +1: may only push towards AI; −1: only towards human; 0: free. */
  signs: Int8Array;
  /** One-sided cap at the human median on the AI side ("absence is no evidence"). */
  caps: Uint8Array;
  /** Left out (weight 0). */
  drop: Uint8Array;
  /** Register normalisation on. */
  register: boolean;
}

export const REGISTER_COVARIATES: FeatureName[] = ['word_len_mean', 'long_word_frac'];

const idx = (names: FeatureName[]) => names.map((n) => FEATURE_NAMES.indexOf(n));

/**
 * The policy (v3). Kept from v2: overused words and phrases only towards AI; contractions,
 * informal words, first and second person, variation of sentence length and surprisal,
 * punctuation variety only towards human; "absence" features (long sentences, unseen words,
 * brackets, quotes, negation, short sentences, low surprisal/high n-gram coverage) capped at the
 * human median so that plain writing is not evidence of a machine; the taught connectives, the
 * introductory-comma opener, dashes, digits and proper nouns left out. New in v3: the marks of
 * typing by hand only towards human; every trigram-surprisal statistic and the gain from context
 * held to "human or nothing" and capped (formulaic exam wording is predictable whoever writes it,
 * and the direction of surprisal between human and AI text changes from source to source); paragraph spread left out
 * (newlines differ by source) and the comma rate (commas come with the introductory phrases exam
 * essays are taught: "Moreover, …", "For example, …").
 */
export function makePolicy(opts: { register: boolean; name?: string; extraDrop?: FeatureName[] }): Policy {
  const signs = new Int8Array(NF);
  const caps = new Uint8Array(NF);
  const drop = new Uint8Array(NF);
  const set = (names: FeatureName[], s: 1 | -1) => idx(names).forEach((k) => (signs[k] = s));
  set(['kobak_rate', 'liang_rate', 'phrase_rate', 'word_len_mean', 'long_word_frac', 's1_mean'], 1);
  set(['mattr', 'mtld', 'sent_len_mean', 'p_semicolon_colon'], 1);
  set(['contraction_rate', 'fw_informal', 'fw_pron1sg', 'fw_pron1pl', 'fw_pron2', 'sent_len_cv', 'sent_len_diff'], -1);
  set(
    ['sent_s3_std', 'p_entropy', 'long_sent_frac', 'oov_rate', 'p_paren', 'p_quote', 'fw_neg', 'short_sent_frac'],
    -1,
  );
  set(
    ['informal_orth', 's2_mean', 's3_mean', 's3_p10', 's3_p25', 's3_p50', 's3_p75', 's3_p90', 's3_p98', 's3_std'],
    -1,
  );
  set(['bi_seen', 'tri_seen', 'gain_1_3', 'gain_2_3'], 1);
  idx([
    'long_sent_frac',
    'oov_rate',
    'p_paren',
    'p_quote',
    'fw_neg',
    'p_entropy',
    'short_sent_frac',
    's2_mean',
    's3_mean',
    's3_p10',
    's3_p25',
    's3_p50',
    's3_p75',
    's3_p90',
    's3_p98',
    's3_std',
    'bi_seen',
    'tri_seen',
    'gain_1_3',
    'gain_2_3',
    'informal_orth',
  ]).forEach((k) => (caps[k] = 1));
  const dropped: FeatureName[] = [
    'opener_comma',
    'transition_rate',
    'p_dash',
    'digit_rate',
    'propn_rate',
    'para_cv',
    'p_comma',
    ...(opts.extraDrop ?? []),
  ];
  if (opts.register) dropped.push(...REGISTER_COVARIATES);
  idx(dropped).forEach((k) => (drop[k] = 1));
  return { name: opts.name ?? (opts.register ? 'v3-register' : 'v3'), signs, caps, drop, register: opts.register };
}

export type Getter = (i: number) => Float64Array;

/** Weighted least squares of each feature on [1, covariates] over human rows. */
export function fitRegister(get: Getter, rows: number[], w: Float64Array): RegisterModel {
  const cov = idx(REGISTER_COVARIATES);
  const p = cov.length + 1;
  const coef: number[][] = [];
  // Normal equations shared by all features: A = Σ w z zᵀ.
  const A = new Float64Array(p * p);
  const B = new Float64Array(p * NF);
  rows.forEach((i, j) => {
    const x = get(i);
    const z = [1, ...cov.map((c) => x[c])];
    if (z.some((v) => !Number.isFinite(v))) return;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) A[a * p + b] += w[j] * z[a] * z[b];
      for (let k = 0; k < NF; k++) if (Number.isFinite(x[k])) B[a * NF + k] += w[j] * z[a] * x[k];
    }
  });
  for (let a = 0; a < p; a++) A[a * p + a] += 1e-6;
  const inv = invert(A, p);
  for (let k = 0; k < NF; k++) {
    const c: number[] = [];
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += inv[a * p + b] * B[b * NF + k];
      c.push(s);
    }
    coef.push(cov.includes(k) ? c.map(() => 0) : c);
  }
  return { covariates: cov, coef };
}

function invert(A: Float64Array, n: number): Float64Array {
  const M = Float64Array.from(A);
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]) > Math.abs(M[piv * n + c])) piv = r;
    for (let k = 0; k < n; k++) {
      [M[c * n + k], M[piv * n + k]] = [M[piv * n + k], M[c * n + k]];
      [I[c * n + k], I[piv * n + k]] = [I[piv * n + k], I[c * n + k]];
    }
    const d = M[c * n + c];
    for (let k = 0; k < n; k++) {
      M[c * n + k] /= d;
      I[c * n + k] /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r * n + c];
      for (let k = 0; k < n; k++) {
        M[r * n + k] -= f * M[c * n + k];
        I[r * n + k] -= f * I[c * n + k];
      }
    }
  }
  return I;
}

/** The residual features of x under a register model (into out). */
export function residualize(reg: RegisterModel | undefined, x: Float64Array, out: Float64Array): Float64Array {
  out.set(reg ? registerResidual({ register: reg } as LinearModel, x) : x);
  return out;
}

export type Fitted = Omit<LinearModel, 'platt' | 'humanMedian' | 'aiMedian' | 'zLo' | 'zHi'> & {
  zLo: (number | null)[];
  zHi: (number | null)[];
};

/**
 * Fits one linear model on rows `rows` (labels y, weights w, both indexed like rows).
 * Caps sit at the weighted-unweighted human median of the training rows.
 */
export function fitLinear(
  get: Getter,
  rows: number[],
  y: Uint8Array,
  w: Float64Array,
  policy: Policy,
  lambda: number,
): Fitted {
  const humanRows = rows.filter((_, j) => y[j] === 0);
  const humanW = Float64Array.from(rows.map((_, j) => w[j]).filter((_, j) => y[j] === 0));
  const register = policy.register ? fitRegister(get, humanRows, humanW) : undefined;
  const tmp = new Float64Array(NF);
  const R = rows.map((i) => Float64Array.from(residualize(register, get(i), tmp)));
  // Standardise.
  const mean = new Array<number>(NF).fill(0),
    sd = new Array<number>(NF).fill(0),
    cnt = new Array<number>(NF).fill(0);
  for (const x of R)
    for (let k = 0; k < NF; k++)
      if (Number.isFinite(x[k])) {
        mean[k] += x[k];
        cnt[k]++;
      }
  for (let k = 0; k < NF; k++) mean[k] = cnt[k] ? mean[k] / cnt[k] : 0;
  for (const x of R) for (let k = 0; k < NF; k++) if (Number.isFinite(x[k])) sd[k] += (x[k] - mean[k]) ** 2;
  for (let k = 0; k < NF; k++) sd[k] = cnt[k] > 1 && sd[k] > 1e-18 ? Math.sqrt(sd[k] / (cnt[k] - 1)) : 1;
  // One-sided caps at the human median, on the AI side of each capped feature.
  const zLo: (number | null)[] = new Array(NF).fill(null);
  const zHi: (number | null)[] = new Array(NF).fill(null);
  for (let k = 0; k < NF; k++) {
    if (policy.drop[k]) {
      zLo[k] = 0;
      zHi[k] = 0;
      continue;
    }
    if (!policy.caps[k]) continue;
    const v = R.filter((_, j) => y[j] === 0)
      .map((x) => x[k])
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    if (!v.length) continue;
    const zq = Math.max(-CLIP, Math.min(CLIP, (v[Math.floor(0.5 * (v.length - 1))] - mean[k]) / sd[k]));
    if (policy.signs[k] > 0) zHi[k] = zq;
    else zLo[k] = zq;
  }
  const st = { mean, sd, zLo, zHi };
  const Z = R.map((x) => zRow(st, x));
  const { beta, bias } = fitLogisticSigned(Z, y, w, lambda, policy.signs);
  return { ...st, weights: [...beta], bias, register };
}

export function zRow(st: Pick<Fitted, 'mean' | 'sd' | 'zLo' | 'zHi'>, x: Float64Array): Float64Array {
  const z = new Float64Array(NF);
  for (let k = 0; k < NF; k++) {
    if (!Number.isFinite(x[k])) continue;
    let v = (x[k] - st.mean[k]) / st.sd[k];
    const lo = st.zLo[k] ?? -CLIP,
      hi = st.zHi[k] ?? CLIP;
    if (v > hi) v = hi;
    else if (v < lo) v = lo;
    z[k] = v;
  }
  return z;
}

const scratch = new Float64Array(NF);
export function logitOf(m: Fitted, x: Float64Array): number {
  const z = zRow(m, residualize(m.register, x, scratch));
  let s = m.bias;
  for (let k = 0; k < NF; k++) s += m.weights[k] * z[k];
  return s;
}
