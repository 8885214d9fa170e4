/**
 * Hashed n-gram language model (unigram, bigram, trigram) for surprisal features, as in
 * Ghostbuster's n-gram features. Counts come from human-written text at training time; what is
 * shipped is only numbers: for each hash bucket of an n-gram, its log-scaled count in one byte.
 * No word, n-gram or text can be read back from the tables.
 *
 * Probabilities are Dirichlet-smoothed and interpolated recursively:
 *   P1(w)     = (c(w) + a) / (N + a·V)
 *   P2(w|u)   = (c(u w) + μ2·P1(w)) / (c(u) + μ2)
 *   P3(w|v u) = (c(v u w) + μ3·P2(w|u)) / (c(v u) + μ3)   (c(v u) taken as 0 below the trigram cut-off)
 */
import type { Tokens } from './tokenize';

export interface LmParams {
  uniBits: number;
  biBits: number;
  triBits: number;
  /** Trigrams (and bigram contexts for them) seen fewer times than this were dropped. */
  triMin: number;
  mu2: number;
  mu3: number;
  alpha: number;
  /** Number of tokens counted. */
  total: number;
  /** Non-empty unigram buckets (≈ vocabulary size). */
  vocab: number;
}

/** One byte per bucket: 0 = never seen, else 1 + round(log2(count) · Q). */
export const Q = 12;

export function quantize(c: number): number {
  if (c <= 0) return 0;
  const q = 1 + Math.round(Math.log2(c) * Q);
  return q > 255 ? 255 : q;
}

const DECODE = new Float64Array(256);
for (let q = 1; q < 256; q++) DECODE[q] = Math.pow(2, (q - 1) / Q);

/** murmur3's finaliser: spreads a combined hash over all bits. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
export function pair(a: number, b: number): number {
  return fmix(Math.imul(a ^ 0x9e3779b9, 0x01000193) ^ b);
}
export function triple(a: number, b: number, c: number): number {
  return fmix(Math.imul(pair(a, b) ^ 0x7f4a7c15, 0x01000193) ^ c);
}

export class NgramLm {
  readonly uni: Uint8Array;
  readonly bi: Uint8Array;
  readonly tri: Uint8Array;
  readonly p: LmParams;
  private readonly uShift: number;
  private readonly bShift: number;
  private readonly tShift: number;
  private readonly triCtxMin: number;

  constructor(params: LmParams, uni: Uint8Array, bi: Uint8Array, tri: Uint8Array) {
    this.p = params;
    this.uni = uni;
    this.bi = bi;
    this.tri = tri;
    this.uShift = 32 - params.uniBits;
    this.bShift = 32 - params.biBits;
    this.tShift = 32 - params.triBits;
    this.triCtxMin = params.triMin;
  }

  /**
   * Per-token surprisal in bits under the unigram, bigram and trigram models. Context runs
   * through punctuation; the first tokens of the text use shorter contexts.
   */
  surprisals(t: Tokens, s1: Float32Array, s2: Float32Array, s3: Float32Array): void {
    const { uni, bi, tri, uShift, bShift, tShift } = this;
    const { alpha, mu2, mu3, total, vocab } = this.p;
    const denom1 = total + alpha * vocab;
    const triCtxMin = this.triCtxMin;
    let h1 = 0,
      h2 = 0; // previous two token hashes
    let c1prev = 0; // count of the previous token
    let cb12 = 0; // count of the previous bigram
    for (let i = 0; i < t.n; i++) {
      const h = t.hash[i];
      const c = DECODE[uni[h >>> uShift]];
      const p1 = (c + alpha) / denom1;
      let p2 = p1;
      let cb = 0;
      if (i >= 1) {
        const hb = pair(h1, h);
        cb = DECODE[bi[hb >>> bShift]];
        p2 = (Math.min(cb, c1prev) + mu2 * p1) / (c1prev + mu2);
      }
      let p3 = p2;
      if (i >= 2 && cb12 >= triCtxMin) {
        const ht = triple(h2, h1, h);
        const ct = DECODE[tri[ht >>> tShift]];
        p3 = (Math.min(ct, cb12) + mu3 * p2) / (cb12 + mu3);
      }
      s1[i] = -Math.log2(p1);
      s2[i] = -Math.log2(p2 > 1 ? 1 : p2);
      s3[i] = -Math.log2(p3 > 1 ? 1 : p3);
      h2 = h1;
      h1 = h;
      c1prev = c;
      cb12 = cb;
    }
  }

  /** Unigram surprisal (bits) of a token with count 0. */
  unseenBits(): number {
    return -Math.log2(this.p.alpha / (this.p.total + this.p.alpha * this.p.vocab));
  }

  /** Whether a token hash was ever seen in the human text (unigram count > 0). */
  known(h: number): boolean {
    return this.uni[h >>> this.uShift] !== 0;
  }
}

/** Counting side, used by the training script: exact counts per bucket in 32-bit arrays. */
export class NgramCounts {
  readonly uni: Uint32Array;
  readonly bi: Uint32Array;
  readonly tri: Uint32Array;
  total = 0;
  constructor(
    readonly uniBits: number,
    readonly biBits: number,
    readonly triBits: number,
  ) {
    this.uni = new Uint32Array(1 << uniBits);
    this.bi = new Uint32Array(1 << biBits);
    this.tri = new Uint32Array(1 << triBits);
  }
  add(t: Tokens): void {
    const us = 32 - this.uniBits,
      bs = 32 - this.biBits,
      ts = 32 - this.triBits;
    let h1 = 0,
      h2 = 0;
    for (let i = 0; i < t.n; i++) {
      const h = t.hash[i];
      this.uni[h >>> us]++;
      if (i >= 1) this.bi[pair(h1, h) >>> bs]++;
      if (i >= 2) this.tri[triple(h2, h1, h) >>> ts]++;
      h2 = h1;
      h1 = h;
    }
    this.total += t.n;
  }
  /** this − other (for leaving a block's text out of the tables). */
  minus(other: NgramCounts): NgramCounts {
    const r = new NgramCounts(this.uniBits, this.biBits, this.triBits);
    for (let i = 0; i < r.uni.length; i++) r.uni[i] = this.uni[i] - other.uni[i];
    for (let i = 0; i < r.bi.length; i++) r.bi[i] = this.bi[i] - other.bi[i];
    for (let i = 0; i < r.tri.length; i++) r.tri[i] = this.tri[i] - other.tri[i];
    r.total = this.total - other.total;
    return r;
  }
  plus(other: NgramCounts): void {
    for (let i = 0; i < this.uni.length; i++) this.uni[i] += other.uni[i];
    for (let i = 0; i < this.bi.length; i++) this.bi[i] += other.bi[i];
    for (let i = 0; i < this.tri.length; i++) this.tri[i] += other.tri[i];
    this.total += other.total;
  }
  /** Quantised tables and parameters: what the model ships. */
  build(opts: { triMin: number; mu2: number; mu3: number; alpha: number }): {
    params: LmParams;
    uni: Uint8Array;
    bi: Uint8Array;
    tri: Uint8Array;
  } {
    const q = (a: Uint32Array, min: number) => {
      const out = new Uint8Array(a.length);
      for (let i = 0; i < a.length; i++) out[i] = a[i] >= min ? quantize(a[i]) : 0;
      return out;
    };
    const uni = q(this.uni, 1);
    let vocab = 0;
    for (let i = 0; i < uni.length; i++) if (uni[i] !== 0) vocab++;
    return {
      params: {
        uniBits: this.uniBits,
        biBits: this.biBits,
        triBits: this.triBits,
        triMin: opts.triMin,
        mu2: opts.mu2,
        mu3: opts.mu3,
        alpha: opts.alpha,
        total: this.total,
        vocab,
      },
      uni,
      bi: q(this.bi, 1),
      tri: q(this.tri, opts.triMin),
    };
  }
}
