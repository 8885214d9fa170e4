/**
 * Sentence scores and passages. Each sentence is scored by the sentence model on its
 * neighbourhood (sentenceContext: the sentence and its neighbours up to CONTEXT_WORDS words).
 * The text is then cut into human and AI passages by the most likely sequence of two states
 * (Viterbi): each sentence's calibrated log-odds, scaled and shifted, is the evidence for the AI
 * state, and switching state costs a fixed penalty — so a passage needs evidence over several
 * sentences, and one odd sentence does not open one. From the passages: the critical sections,
 * `ai_share` (the share of the text's words in AI passages) and whether the document is `mixed`
 * (real passages of both kinds).
 */
import { CONTEXT_WORDS, NF, featuresFor, sentenceContext, type Prepared } from './features';
import { calibrate, linearScore, type LinearModel } from './model';

export interface PassageRules {
  /** Scale of a sentence's log-odds as evidence (neighbourhoods overlap, so evidence repeats). */
  evidence: number;
  /** Added to each sentence's log-odds before scaling: below 0 asks more evidence for AI. */
  aiBias: number;
  /** Cost of switching between human and AI passages. */
  switchCost: number;
  /** AI passages shorter than this (words) are not kept... */
  minPassageWords: number;
  /** ... nor those whose sentences score less than this on average (0–1, word-weighted). */
  minPassageScore: number;
  /** `mixed` needs at least this share of the words in AI passages and in human passages each... */
  mixedMinShare: number;
  /** ... in a text of at least this many words. */
  mixedMinWords: number;
}

export interface Passages {
  /** Calibrated score per sentence (0–1). */
  scores: Float64Array;
  /** AI passages as sentence ranges [a, b), in text order. */
  ai: [number, number][];
  aiShare: number;
  mixed: boolean;
}

const cx = new Float64Array(NF);
const range: [number, number] = [0, 0];

/** Each sentence's calibrated probability under the sentence model. */
export function sentenceScores(p: Prepared, m: LinearModel, clip: number): Float64Array {
  const out = new Float64Array(p.ns);
  for (let s = 0; s < p.ns; s++) {
    if (p.sentWordB[s] === p.sentWordA[s]) {
      out[s] = NaN; // no words: takes a neighbour's score below
      continue;
    }
    sentenceContext(p, s, CONTEXT_WORDS, range);
    featuresFor(p, range[0], range[1], cx);
    out[s] = calibrate(m, linearScore(m, cx, clip));
  }
  for (let s = 1; s < p.ns; s++) if (Number.isNaN(out[s])) out[s] = out[s - 1];
  for (let s = p.ns - 2; s >= 0; s--) if (Number.isNaN(out[s])) out[s] = out[s + 1];
  for (let s = 0; s < p.ns; s++) if (Number.isNaN(out[s])) out[s] = 0.5;
  return out;
}

let back = new Uint8Array(256);

/** The most likely human (0) / AI (1) state per sentence. */
function viterbi(scores: Float64Array, rules: PassageRules): Uint8Array {
  const n = scores.length;
  if (back.length < 2 * n) back = new Uint8Array(4 * n);
  let h = 0,
    a = -rules.switchCost; // starting in either state; AI pays as a switch from the human default
  for (let s = 0; s < n; s++) {
    const q = Math.min(0.999999, Math.max(1e-6, scores[s]));
    const e = rules.evidence * (Math.log(q / (1 - q)) + rules.aiBias);
    const hFromH = h,
      hFromA = a - rules.switchCost;
    const aFromA = a,
      aFromH = h - rules.switchCost;
    back[2 * s] = hFromH >= hFromA ? 0 : 1;
    back[2 * s + 1] = aFromA >= aFromH ? 1 : 0;
    h = Math.max(hFromH, hFromA);
    a = Math.max(aFromA, aFromH) + e;
  }
  const state = new Uint8Array(n);
  let cur = a > h ? 1 : 0;
  for (let s = n - 1; s >= 0; s--) {
    state[s] = cur;
    cur = back[2 * s + cur];
  }
  return state;
}

/** Below this a sentence is no evidence of AI text inside a passage (0–1). */
const MIDDLING = 0.6;

type Range = [number, number];

/** The maximal stretches [a, b) of sentences s..e-1 that each satisfy `keep`, in order. */
function stretches(s: number, e: number, keep: (k: number) => boolean): Range[] {
  const out: Range[] = [];
  for (let a = s; a < e;) {
    if (!keep(a)) {
      a++;
      continue;
    }
    let b = a + 1;
    while (b < e && keep(b)) b++;
    out.push([a, b]);
    a = b;
  }
  return out;
}

const wordsIn = (p: Prepared, [a, b]: Range) => p.sentWordB[b - 1] - p.sentWordA[a];

/** The sentences' average score, weighted by their words. */
function meanScore(p: Prepared, scores: Float64Array, [a, b]: Range): number {
  let sum = 0;
  for (let k = a; k < b; k++) sum += scores[k] * (p.sentWordB[k] - p.sentWordA[k]);
  return sum / Math.max(1, wordsIn(p, [a, b]));
}

/**
 * The run less its stretches of `minPassageWords`+ words whose sentences all score below
 * MIDDLING; the parts left keep the passage rules (their size and average).
 */
function withoutMiddling(p: Prepared, scores: Float64Array, [s, e]: Range, rules: PassageRules): Range[] {
  const cuts = stretches(s, e, (k) => scores[k] < MIDDLING).filter((r) => wordsIn(p, r) >= rules.minPassageWords);
  if (!cuts.length) return [[s, e]];
  const parts: Range[] = [];
  let start = s;
  for (const [a, b] of cuts) {
    if (a > start) parts.push([start, a]);
    start = b;
  }
  if (start < e) parts.push([start, e]);
  return parts.filter(
    (r) => wordsIn(p, r) >= rules.minPassageWords && meanScore(p, scores, r) >= rules.minPassageScore,
  );
}

export function findPassages(p: Prepared, scores: Float64Array, rules: PassageRules): Passages {
  const state = viterbi(scores, rules);
  const ai: Range[] = [];
  const total = p.ns > 0 ? p.sentWordB[p.ns - 1] - p.sentWordA[0] : 0;
  for (const run of stretches(0, p.ns, (k) => state[k] === 1)) {
    const words = wordsIn(p, run);
    if ((words >= rules.minPassageWords || words === total) && meanScore(p, scores, run) >= rules.minPassageScore) {
      // A clear run may still carry a stretch of middling sentences too short in evidence to
      // switch state (a plain paragraph beside chatbot prose scores near 50 % in that company):
      // such a stretch of passage size is not counted as AI text.
      ai.push(...withoutMiddling(p, scores, run, rules));
    } else {
      // The run as a whole is too lukewarm, but it may hold clear AI passages between middling
      // sentences (a human paragraph scoring near 50 % is too little evidence to switch state
      // between two AI ones): keep its stretches of sentences that each reach the passage score.
      const clear = stretches(run[0], run[1], (k) => scores[k] >= rules.minPassageScore);
      ai.push(...clear.filter((r) => wordsIn(p, r) >= rules.minPassageWords));
    }
  }
  let aiWords = 0;
  for (const r of ai) aiWords += wordsIn(p, r);
  const aiShare = total > 0 ? aiWords / total : 0;
  const mixed = total >= rules.mixedMinWords && aiShare >= rules.mixedMinShare && 1 - aiShare >= rules.mixedMinShare;
  return { scores, ai, aiShare, mixed };
}
