/**
 * Feature extraction for the detector. A text is prepared once (tokens, per-token surprisal,
 * sentence ranges, lexicon hits); then features are computed for any run of sentences — the
 * whole document or a 3–5 sentence window — without re-tokenising. Every feature is a rate, a
 * mean, a quantile or a ratio, so that it does not grow with the length of the text; no feature
 * looks at newlines or formatting (paragraph breaks only enter as the relative spread of
 * paragraph lengths, and only when there are at least three paragraphs).
 */
import { sentences as splitSentences } from './segment';
import {
  F_CAP,
  F_CONTRACTION,
  Kind,
  P_COLON,
  P_COMMA,
  P_DASH,
  P_DQUOTE,
  P_ELLIPSIS,
  P_EXCL,
  P_LPAREN,
  P_QUEST,
  P_SEMI,
  hashWord,
  tokenize,
  type Tokens,
} from './tokenize';
import type { NgramLm } from './lm';
import {
  FUNCTION_GROUPS,
  FUNCTION_GROUP_NAMES,
  LIANG_WORDS,
  LLM_CLOSERS,
  LLM_OPENERS,
  LLM_PHRASES,
  LLM_TRANSITIONS,
  OPENER_CONJ,
  OPENER_PRONOUNS,
  PhraseIndex,
} from './lexicon';

export const FEATURE_NAMES = [
  // n-gram surprisal (bits per token) under the human-text language model
  's1_mean',
  's2_mean',
  's3_mean',
  's3_std',
  's3_p10',
  's3_p25',
  's3_p50',
  's3_p75',
  's3_p90',
  's3_p98',
  'gain_1_3',
  'gain_2_3',
  'oov_rate',
  's1_std',
  // burstiness
  'sent_s3_std',
  'sent_len_mean',
  'sent_len_cv',
  'sent_len_diff',
  'short_sent_frac',
  'long_sent_frac',
  // vocabulary and phrasing language models overuse
  'kobak_rate',
  'liang_rate',
  'phrase_rate',
  'transition_rate',
  // stylometry
  'mattr',
  'mtld',
  'word_len_mean',
  'long_word_frac',
  ...FUNCTION_GROUP_NAMES.map((g) => 'fw_' + g),
  'p_comma',
  'p_semicolon_colon',
  'p_excl_quest',
  'p_paren',
  'p_quote',
  'p_dash',
  'p_entropy',
  'contraction_rate',
  'opener_repeat',
  'opener_pronoun',
  'opener_conj',
  'opener_comma',
  'para_cv',
  'digit_rate',
  'propn_rate',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export const NF = FEATURE_NAMES.length;
export const FI: Record<FeatureName, number> = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<
  FeatureName,
  number
>;

// Lexical flag bits per word.
export const L_KOBAK = 1,
  L_LIANG = 2;

export interface Lexicon {
  /** word hash → L_* bits */
  wordFlags: Map<number, number>;
  /** word hash → function group index + 1 */
  fgroup: Map<number, number>;
  phrases: PhraseIndex;
  transitions: PhraseIndex;
  openers: PhraseIndex;
  closers: PhraseIndex;
  openerPron: Set<number>;
  openerConj: Set<number>;
}

export function buildLexicon(kobakStyleHashes: Iterable<number>): Lexicon {
  const wordFlags = new Map<number, number>();
  for (const h of kobakStyleHashes) wordFlags.set(h >>> 0, (wordFlags.get(h >>> 0) ?? 0) | L_KOBAK);
  for (const w of LIANG_WORDS) {
    const h = hashWord(w);
    wordFlags.set(h, (wordFlags.get(h) ?? 0) | L_LIANG);
  }
  const fgroup = new Map<number, number>();
  FUNCTION_GROUP_NAMES.forEach((g, gi) => {
    for (const w of FUNCTION_GROUPS[g]) fgroup.set(hashWord(w), gi + 1);
  });
  return {
    wordFlags,
    fgroup,
    phrases: new PhraseIndex(LLM_PHRASES),
    transitions: new PhraseIndex(LLM_TRANSITIONS),
    openers: new PhraseIndex(LLM_OPENERS),
    closers: new PhraseIndex(LLM_CLOSERS),
    openerPron: new Set(OPENER_PRONOUNS.map(hashWord)),
    openerConj: new Set(OPENER_CONJ.map(hashWord)),
  };
}

// Sentence flag bits.
const S_TRANSITION = 1,
  S_OPENER = 2,
  S_CLOSER = 4,
  S_PRON = 8,
  S_CONJ = 16,
  S_COMMA = 32;

export interface Prepared {
  text: string;
  tokens: Tokens;
  s1: Float32Array;
  s2: Float32Array;
  s3: Float32Array;
  /** Word tokens (Kind.Word or Kind.Num): token index and hash, in order. */
  nw: number;
  wordTok: Uint32Array;
  wordHash: Uint32Array;
  /** Per word: L_* flags; function group + 1; phrase id + 1 that starts here (0 none). */
  wordLex: Uint8Array;
  wordGroup: Uint8Array;
  wordPhrase: Uint16Array;
  /** Sentences: char span, token range, word range, paragraph, flags, first word hash. */
  ns: number;
  sentStart: Uint32Array;
  sentEnd: Uint32Array;
  sentTokA: Uint32Array;
  sentTokB: Uint32Array;
  sentWordA: Uint32Array;
  sentWordB: Uint32Array;
  sentPara: Uint32Array;
  sentFlags: Uint8Array;
  sentFirst: Uint32Array;
  /** Matched transition phrase id + 1 per sentence (0 none), for explanations. */
  sentTransition: Uint16Array;
  /** Unigram surprisal of a token never seen in the human text. */
  unseenBits: number;
}

export function prepare(text: string, lm: NgramLm, lex: Lexicon): Prepared {
  const tokens = tokenize(text);
  const n = tokens.n;
  const s1 = new Float32Array(n),
    s2 = new Float32Array(n),
    s3 = new Float32Array(n);
  lm.surprisals(tokens, s1, s2, s3);

  // Words.
  let nw = 0;
  for (let i = 0; i < n; i++) if (tokens.kind[i] !== Kind.Punct) nw++;
  const wordTok = new Uint32Array(nw),
    wordHash = new Uint32Array(nw);
  const wordLex = new Uint8Array(nw),
    wordGroup = new Uint8Array(nw),
    wordPhrase = new Uint16Array(nw);
  for (let i = 0, w = 0; i < n; i++) {
    if (tokens.kind[i] === Kind.Punct) continue;
    const h = tokens.hash[i];
    wordTok[w] = i;
    wordHash[w] = h;
    if (tokens.kind[i] === Kind.Word) {
      wordLex[w] = lex.wordFlags.get(h) ?? 0;
      wordGroup[w] = lex.fgroup.get(h) ?? 0;
    }
    w++;
  }
  for (let w = 0; w < nw;) {
    const ph = lex.phrases.matchAt(wordHash, w, nw);
    if (ph) {
      wordPhrase[w] = ph.id + 1;
      w += ph.hashes.length;
    } else w++;
  }

  // Sentences, mapped onto tokens and words by offset.
  const sents = splitSentences(text);
  const ns = sents.length;
  const sentStart = new Uint32Array(ns),
    sentEnd = new Uint32Array(ns);
  const sentTokA = new Uint32Array(ns),
    sentTokB = new Uint32Array(ns);
  const sentWordA = new Uint32Array(ns),
    sentWordB = new Uint32Array(ns);
  const sentPara = new Uint32Array(ns),
    sentFlags = new Uint8Array(ns),
    sentFirst = new Uint32Array(ns);
  const sentTransition = new Uint16Array(ns);
  let ti = 0,
    wi = 0;
  for (let s = 0; s < ns; s++) {
    const sp = sents[s];
    sentStart[s] = sp.start;
    sentEnd[s] = sp.end;
    sentPara[s] = sp.paragraph;
    while (ti < n && tokens.start[ti] < sp.start) ti++;
    while (wi < nw && tokens.start[wordTok[wi]] < sp.start) wi++;
    sentTokA[s] = ti;
    sentWordA[s] = wi;
    while (ti < n && tokens.start[ti] < sp.end) ti++;
    while (wi < nw && tokens.start[wordTok[wi]] < sp.end) wi++;
    sentTokB[s] = ti;
    sentWordB[s] = wi;
    const wa = sentWordA[s],
      wb = sentWordB[s];
    if (wb > wa) {
      sentFirst[s] = wordHash[wa];
      let f = 0;
      const tr = lex.transitions.matchAt(wordHash, wa, wb);
      if (tr) {
        f |= S_TRANSITION;
        sentTransition[s] = tr.id + 1;
      }
      if (lex.openers.matchAt(wordHash, wa, wb)) f |= S_OPENER;
      if (lex.closers.matchAt(wordHash, wa, wb)) f |= S_CLOSER;
      if (lex.openerPron.has(wordHash[wa])) f |= S_PRON;
      if (lex.openerConj.has(wordHash[wa])) f |= S_CONJ;
      // A comma among the first four tokens: "However, …", "In 2019, …".
      const ta = sentTokA[s];
      for (let k = ta; k < Math.min(ta + 5, sentTokB[s]); k++) {
        if (tokens.kind[k] === Kind.Punct && tokens.punct[k] === P_COMMA) {
          f |= S_COMMA;
          break;
        }
      }
      sentFlags[s] = f;
    }
  }
  return {
    text,
    tokens,
    s1,
    s2,
    s3,
    nw,
    wordTok,
    wordHash,
    wordLex,
    wordGroup,
    wordPhrase,
    ns,
    sentStart,
    sentEnd,
    sentTokA,
    sentTokB,
    sentWordA,
    sentWordB,
    sentPara,
    sentFlags,
    sentFirst,
    sentTransition,
    unseenBits: lm.unseenBits() - 1e-3,
  };
}

// ---- scratch space reused between calls (the engine is single-threaded per worker) ----
const HBINS = 160; // surprisal histogram: 0..40 bits in quarter-bit bins
const hist = new Uint32Array(HBINS);
let sentScratch = new Float64Array(256);
let lenScratch = new Float64Array(256);

/** Open-addressing counter of word hashes, cleared in O(touched). */
class HashCounter {
  private keys = new Uint32Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private used = new Uint8Array(1 << 12);
  private touched = new Uint32Array(1 << 12);
  private nt = 0;
  distinct = 0;
  ensure(n: number): void {
    let size = this.keys.length;
    if (n * 2 < size) return;
    while (n * 2 >= size) size <<= 1;
    this.keys = new Uint32Array(size);
    this.counts = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.touched = new Uint32Array(size);
    this.nt = 0;
    this.distinct = 0;
  }
  clear(): void {
    for (let i = 0; i < this.nt; i++) {
      const s = this.touched[i];
      this.used[s] = 0;
      this.counts[s] = 0;
    }
    this.nt = 0;
    this.distinct = 0;
  }
  /** Adds d to the count of h and returns the new count. */
  add(h: number, d: number): number {
    const mask = this.keys.length - 1;
    let s = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (this.used[s] && this.keys[s] !== h) s = (s + 1) & mask;
    if (!this.used[s]) {
      this.used[s] = 1;
      this.keys[s] = h;
      this.touched[this.nt++] = s;
    }
    const before = this.counts[s];
    const after = before + d;
    this.counts[s] = after;
    if (before === 0 && after > 0) this.distinct++;
    else if (before > 0 && after === 0) this.distinct--;
    return after;
  }
}
const counter = new HashCounter();

function quantileFromHist(total: number, q: number): number {
  const target = q * (total - 1);
  let acc = 0;
  for (let b = 0; b < HBINS; b++) {
    acc += hist[b];
    if (acc > target) return (b + 0.5) * 0.25;
  }
  return HBINS * 0.25;
}

/** Moving-average type-token ratio over a window of `win` words (plain TTR if shorter). */
function mattr(wh: Uint32Array, a: number, b: number, win: number): number {
  const n = b - a;
  if (n <= 0) return 0;
  counter.ensure(Math.min(n, win) + 1);
  counter.clear();
  if (n <= win) {
    for (let i = a; i < b; i++) counter.add(wh[i], 1);
    const r = counter.distinct / n;
    counter.clear();
    return r;
  }
  for (let i = a; i < a + win; i++) counter.add(wh[i], 1);
  let sum = counter.distinct;
  let cnt = 1;
  for (let i = a + win; i < b; i++) {
    counter.add(wh[i], 1);
    counter.add(wh[i - win], -1);
    sum += counter.distinct;
    cnt++;
  }
  counter.clear();
  return sum / cnt / win;
}

/** MTLD (McCarthy & Jarvis 2010), mean of the forward and backward passes, threshold 0.72. */
function mtld(wh: Uint32Array, a: number, b: number): number {
  const n = b - a;
  if (n < 10) return n;
  counter.ensure(n + 1);
  const pass = (dir: 1 | -1): number => {
    counter.clear();
    let factors = 0,
      tokens = 0;
    for (let k = 0; k < n; k++) {
      const i = dir === 1 ? a + k : b - 1 - k;
      counter.add(wh[i], 1);
      tokens++;
      const ttr = counter.distinct / tokens;
      if (ttr <= 0.72) {
        factors++;
        tokens = 0;
        counter.clear();
      }
    }
    if (tokens > 0) {
      const ttr = counter.distinct / tokens;
      factors += (1 - ttr) / (1 - 0.72);
    }
    counter.clear();
    return factors > 0 ? n / factors : n;
  };
  return (pass(1) + pass(-1)) / 2;
}

/**
 * Features of sentences [sa, sb) into out (length NF): the whole document or a window. The
 * formulaic opener and closer are looked for in the range's own first and last sentences.
 * A missing value (paragraph spread with fewer than three paragraphs) is NaN.
 */
export function featuresFor(p: Prepared, sa: number, sb: number, out: Float64Array): void {
  out.fill(0);
  const t = p.tokens;
  const ta = p.sentTokA[sa],
    tb = p.sentTokB[sb - 1];
  const wa = p.sentWordA[sa],
    wb = p.sentWordB[sb - 1];
  const nTok = tb - ta;
  const W = Math.max(1, wb - wa);

  // Surprisal statistics over all tokens.
  hist.fill(0);
  let m1 = 0,
    m2 = 0,
    m3 = 0,
    q3 = 0,
    q1 = 0,
    oov = 0,
    nWordTok = 0;
  for (let i = ta; i < tb; i++) {
    const a = p.s1[i],
      b = p.s2[i],
      c = p.s3[i];
    m1 += a;
    m2 += b;
    m3 += c;
    q3 += c * c;
    q1 += a * a;
    let bin = (c * 4) | 0;
    if (bin >= HBINS) bin = HBINS - 1;
    hist[bin]++;
  }
  for (let w = wa; w < wb; w++) {
    if (t.kind[p.wordTok[w]] !== Kind.Word) continue;
    nWordTok++;
    if (p.s1[p.wordTok[w]] >= p.unseenBits) oov++; // unigram count 0
  }
  const nt = Math.max(1, nTok);
  m1 /= nt;
  m2 /= nt;
  m3 /= nt;
  out[FI.s1_mean] = m1;
  out[FI.s2_mean] = m2;
  out[FI.s3_mean] = m3;
  out[FI.s3_std] = Math.sqrt(Math.max(0, q3 / nt - m3 * m3));
  out[FI.s1_std] = Math.sqrt(Math.max(0, q1 / nt - m1 * m1));
  out[FI.s3_p10] = quantileFromHist(nTok, 0.1);
  out[FI.s3_p25] = quantileFromHist(nTok, 0.25);
  out[FI.s3_p50] = quantileFromHist(nTok, 0.5);
  out[FI.s3_p75] = quantileFromHist(nTok, 0.75);
  out[FI.s3_p90] = quantileFromHist(nTok, 0.9);
  out[FI.s3_p98] = quantileFromHist(nTok, 0.98);
  out[FI.gain_1_3] = m1 - m3;
  out[FI.gain_2_3] = m2 - m3;
  out[FI.oov_rate] = oov / Math.max(1, nWordTok);

  // Per-sentence means and lengths: burstiness.
  const S = sb - sa;
  if (sentScratch.length < S) {
    sentScratch = new Float64Array(S * 2);
    lenScratch = new Float64Array(S * 2);
  }
  let sm = 0,
    sq = 0,
    lm = 0,
    lq = 0,
    ldiff = 0,
    shortN = 0,
    longN = 0,
    nSent = 0;
  for (let s = sa; s < sb; s++) {
    const a = p.sentTokA[s],
      b = p.sentTokB[s];
    const len = p.sentWordB[s] - p.sentWordA[s];
    if (len === 0) continue;
    let acc = 0;
    for (let i = a; i < b; i++) acc += p.s3[i];
    const mean = acc / Math.max(1, b - a);
    sentScratch[nSent] = mean;
    lenScratch[nSent] = len;
    sm += mean;
    sq += mean * mean;
    lm += len;
    lq += len * len;
    if (nSent > 0) ldiff += Math.abs(len - lenScratch[nSent - 1]);
    if (len < 8) shortN++;
    if (len > 30) longN++;
    nSent++;
  }
  const ns = Math.max(1, nSent);
  sm /= ns;
  lm /= ns;
  out[FI.sent_s3_std] = Math.sqrt(Math.max(0, sq / ns - sm * sm));
  out[FI.sent_len_mean] = lm;
  out[FI.sent_len_cv] = lm > 0 ? Math.sqrt(Math.max(0, lq / ns - lm * lm)) / lm : 0;
  out[FI.sent_len_diff] = nSent > 1 && lm > 0 ? ldiff / (nSent - 1) / lm : 0;
  out[FI.short_sent_frac] = shortN / ns;
  out[FI.long_sent_frac] = longN / ns;

  // Lexicon.
  let kobak = 0,
    liang = 0,
    phr = 0,
    letters = 0,
    longW = 0,
    contr = 0,
    digits = 0,
    propn = 0,
    words = 0;
  const groups = new Float64Array(FUNCTION_GROUP_NAMES.length);
  for (let w = wa; w < wb; w++) {
    const ti = p.wordTok[w];
    if (t.kind[ti] === Kind.Num) {
      digits++;
      continue;
    }
    words++;
    const lx = p.wordLex[w];
    if (lx & L_KOBAK) kobak++;
    if (lx & L_LIANG) liang++;
    if (p.wordPhrase[w]) phr++;
    const g = p.wordGroup[w];
    if (g) groups[g - 1]++;
    const L = t.len[ti];
    letters += L;
    if (L >= 9) longW++;
    const f = t.flags[ti];
    if (f & F_CONTRACTION) contr++;
    if (f & F_CAP) propn++;
  }
  // Capitalised words that open a sentence are not proper nouns; "I" neither.
  for (let s = sa; s < sb; s++) {
    const w = p.sentWordA[s];
    if (w < p.sentWordB[s] && t.kind[p.wordTok[w]] === Kind.Word && t.flags[p.wordTok[w]] & F_CAP) propn--;
  }
  const per100 = 100 / W;
  const nWords = Math.max(1, words);
  out[FI.kobak_rate] = kobak * per100;
  out[FI.liang_rate] = liang * per100;
  out[FI.phrase_rate] = phr * per100;
  out[FI.mattr] = mattr(p.wordHash, wa, wb, 50);
  out[FI.mtld] = Math.log(1 + mtld(p.wordHash, wa, wb));
  out[FI.word_len_mean] = letters / nWords;
  out[FI.long_word_frac] = longW / nWords;
  for (let g = 0; g < groups.length; g++) out[FI.fw_article + g] = groups[g] / nWords;
  out[FI.contraction_rate] = contr * per100;
  out[FI.digit_rate] = digits / W;
  out[FI.propn_rate] = Math.max(0, propn) / nWords;

  // Punctuation profile.
  const pc = new Float64Array(19);
  let np = 0;
  for (let i = ta; i < tb; i++) {
    if (t.kind[i] !== Kind.Punct) continue;
    pc[t.punct[i]]++;
    np++;
  }
  out[FI.p_comma] = pc[P_COMMA] / W;
  out[FI.p_semicolon_colon] = (pc[P_SEMI] + pc[P_COLON]) / W;
  out[FI.p_excl_quest] = (pc[P_EXCL] + pc[P_QUEST]) / W;
  out[FI.p_paren] = pc[P_LPAREN] / W;
  out[FI.p_quote] = pc[P_DQUOTE] / W;
  out[FI.p_dash] = (pc[P_DASH] + pc[P_ELLIPSIS]) / W;
  let ent = 0;
  for (let k = 0; k < pc.length; k++) {
    if (pc[k] > 0) {
      const q = pc[k] / np;
      ent -= q * Math.log2(q);
    }
  }
  out[FI.p_entropy] = ent;

  // Sentence openings, transitions, opener and closer.
  let trans = 0,
    rep = 0,
    pron = 0,
    conj = 0,
    comma = 0;
  for (let s = sa; s < sb; s++) {
    const f = p.sentFlags[s];
    if (f & S_TRANSITION) trans++;
    if (f & S_PRON) pron++;
    if (f & S_CONJ) conj++;
    if (f & S_COMMA) comma++;
    const first = p.sentFirst[s];
    if (first !== 0 && ((s - 1 >= sa && p.sentFirst[s - 1] === first) || (s - 2 >= sa && p.sentFirst[s - 2] === first)))
      rep++;
  }
  const nS = Math.max(1, S);
  out[FI.transition_rate] = trans / nS;
  out[FI.opener_repeat] = rep / nS;
  out[FI.opener_pronoun] = pron / nS;
  out[FI.opener_conj] = conj / nS;
  out[FI.opener_comma] = comma / nS;
  // A formulaic opening or closing counts as one more overused phrase.
  const openClose =
    (p.sentFlags[sa] & S_OPENER ? 1 : 0) +
    (p.sentFlags[sb - 1] & S_CLOSER || (sb - 2 > sa && p.sentFlags[sb - 2] & S_CLOSER) ? 1 : 0);
  out[FI.phrase_rate] += openClose * per100;

  // Paragraph-length spread: only with at least three paragraphs, else missing.
  let paraCv = NaN;
  if (p.sentPara[sb - 1] - p.sentPara[sa] >= 2) {
    let pm = 0,
      pq = 0,
      np2 = 0,
      cur = -1,
      acc = 0;
    for (let s = sa; s <= sb; s++) {
      const para = s < sb ? p.sentPara[s] : -2;
      if (para !== cur) {
        if (cur !== -1) {
          pm += acc;
          pq += acc * acc;
          np2++;
        }
        cur = para;
        acc = 0;
      }
      if (s < sb) acc += p.sentWordB[s] - p.sentWordA[s];
    }
    pm /= np2;
    paraCv = pm > 0 ? Math.sqrt(Math.max(0, pq / np2 - pm * pm)) / pm : NaN;
  }
  out[FI.para_cv] = paraCv;
}

/** Number of words (word and number tokens) in sentences [sa, sb). */
export function wordsIn(p: Prepared, sa: number, sb: number): number {
  return p.sentWordB[sb - 1] - p.sentWordA[sa];
}

/**
 * Splits the sentences into consecutive windows of three to five sentences, the units critical
 * sections are made of. Windows follow paragraphs, so that a section can match a pasted
 * paragraph: paragraphs of fewer than three sentences are grouped with the next, and each group
 * of m sentences is cut into windows of as equal size as possible, about four sentences each
 * (three when sentences are long, over 30 words on average; five when short, under 12).
 * A text of fewer than three sentences is one window.
 */
export function makeWindows(p: Prepared): [number, number][] {
  const out: [number, number][] = [];
  const ns = p.ns;
  const para = p.sentPara;
  let a = 0;
  while (a < ns) {
    // A group: whole paragraphs until it has at least three sentences.
    let b = a;
    while (b < ns) {
      const pb = para[b];
      while (b < ns && para[b] === pb) b++;
      if (b - a >= 3) break;
    }
    const m = b - a;
    if (m < 3) {
      // Only a short tail is left: join the previous window when that stays small.
      const prev = out[out.length - 1];
      if (prev && prev[1] - prev[0] + m <= 7) prev[1] = b;
      else out.push([a, b]);
      a = b;
      continue;
    }
    const avgWords = (p.sentWordB[b - 1] - p.sentWordA[a]) / m;
    const target = avgWords > 30 ? 3 : avgWords < 12 ? 5 : 4;
    let k = Math.round(m / target);
    k = Math.max(Math.ceil(m / 5), Math.min(Math.floor(m / 3), k), 1);
    const base = Math.floor(m / k),
      extra = m % k;
    let s = a;
    for (let i = 0; i < k; i++) {
      const e = s + base + (i < extra ? 1 : 0);
      out.push([s, e]);
      s = e;
    }
    a = b;
  }
  return out;
}
