/**
 * A second, independent AI-text detector for evaluating revisions (`scripts/eval-rewrite.ts`),
 * deliberately of another family than the shipped one: no word lists, no n-gram surprisal, no
 * stylometric features — only hashed character 3–5-grams inside words (each word padded with a
 * space, like scikit-learn's `char_wb`) and word 1–2-grams (punctuation marks count as words),
 * weighted by sublinear TF-IDF, L2-normalised, and an L2-regularised logistic regression trained
 * by stochastic gradient descent. Training-time only: nothing here ships, and the reviser never
 * imports it. Deterministic (seeded order).
 */
import { seededRandom } from './random';

/** Feature space: 2^BITS hashed buckets shared by both n-gram kinds (each with its own salt). */
export const FEATURE_BITS = 20;
const MASK = (1 << FEATURE_BITS) - 1;

/** A document as sorted unique feature buckets and their raw counts. */
export interface SparseDoc {
  idx: Uint32Array;
  cnt: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const CHAR_SALT = 0x9e3779b1;
const WORD_SALT = 0x85ebca77;

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME) >>> 0;
}

function hashString(s: string, salt: number): number {
  let h = (FNV_OFFSET ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}]/gu;

/** Raw n-gram counts of a text (lower-cased; typographic apostrophes folded). */
export function featurize(text: string): SparseDoc {
  const lower = text.toLowerCase().replace(/’/g, "'");
  const tokens = lower.match(TOKEN_RE) ?? [];
  const keys: number[] = [];
  // Word 1- and 2-grams.
  let prev = -1;
  for (const t of tokens) {
    const h = hashString(t, WORD_SALT);
    keys.push(h & MASK);
    if (prev >= 0) keys.push(mix(mix(prev, 0x20), h) & MASK);
    prev = h;
  }
  // Character 3–5-grams within each space-padded word.
  for (const t of tokens) {
    const w = ` ${t} `;
    for (let i = 0; i + 3 <= w.length; i++) {
      let h = (FNV_OFFSET ^ CHAR_SALT) >>> 0;
      for (let n = 0; n < 5 && i + n < w.length; n++) {
        h = mix(h, w.charCodeAt(i + n));
        if (n >= 2) keys.push((h ^ n) & MASK);
      }
    }
  }
  const sorted = Uint32Array.from(keys).sort();
  const idx: number[] = [];
  const cnt: number[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    idx.push(sorted[i]);
    cnt.push(j - i);
    i = j;
  }
  return { idx: Uint32Array.from(idx), cnt: Float32Array.from(cnt) };
}

export interface TfidfLrModel {
  idf: Float32Array;
  weights: Float32Array;
  bias: number;
}

export interface TrainOptions {
  /** L2 penalty per example (λ in λ/2·|w|²). */
  lambda?: number;
  epochs?: number;
  seed?: number;
}

/** Sublinear TF-IDF, L2-normalised: the values that go with `doc.idx`. */
function weigh(doc: SparseDoc, idf: Float32Array): Float32Array {
  const v = new Float32Array(doc.idx.length);
  let norm = 0;
  for (let k = 0; k < v.length; k++) {
    const x = (1 + Math.log(doc.cnt[k])) * idf[doc.idx[k]];
    v[k] = x;
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < v.length; k++) v[k] /= norm;
  return v;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Fits the model on documents with labels (1 = AI) and per-document weights. SGD on the weighted
 * log-loss with an L2 penalty, the learning rate 1/(λ·(t0 + t)) (Bottou's schedule) and the
 * weight vector kept as scale × vector so each step touches only the document's features.
 */
export function trainTfidfLr(
  docs: readonly SparseDoc[],
  labels: Uint8Array,
  docWeights: Float64Array,
  options: TrainOptions = {},
): TfidfLrModel {
  const lambda = options.lambda ?? 2e-5;
  const epochs = options.epochs ?? 12;
  const n = docs.length;
  const df = new Float64Array(1 << FEATURE_BITS);
  for (const d of docs) for (const i of d.idx) df[i]++;
  const idf = new Float32Array(1 << FEATURE_BITS);
  for (let i = 0; i < idf.length; i++) idf[i] = Math.log((1 + n) / (1 + df[i])) + 1;
  const rows = docs.map((d) => weigh(d, idf));
  const v = new Float64Array(1 << FEATURE_BITS);
  let scale = 1;
  let bias = 0;
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = seededRandom(options.seed ?? 20240901);
  const eta0 = 0.5;
  const t0 = 1 / (lambda * eta0);
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const r of order) {
      const eta = 1 / (lambda * (t0 + t++));
      const d = docs[r];
      const x = rows[r];
      let z = 0;
      for (let k = 0; k < x.length; k++) z += v[d.idx[k]] * x[k];
      z = z * scale + bias;
      const g = docWeights[r] * (sigmoid(z) - labels[r]);
      scale *= 1 - eta * lambda;
      if (scale < 1e-9) {
        for (let k = 0; k < v.length; k++) v[k] *= scale;
        scale = 1;
      }
      if (g !== 0) {
        const step = (eta * g) / scale;
        for (let k = 0; k < x.length; k++) v[d.idx[k]] -= step * x[k];
        bias -= eta * g * 0.1;
      }
    }
  }
  const weights = new Float32Array(v.length);
  for (let k = 0; k < v.length; k++) weights[k] = v[k] * scale;
  return { idf, weights, bias };
}

/** Probability (0–1) that the document is AI-written. */
export function scoreTfidfLr(model: TfidfLrModel, doc: SparseDoc): number {
  const x = weigh(doc, model.idf);
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += model.weights[doc.idx[k]] * x[k];
  return sigmoid(z);
}
