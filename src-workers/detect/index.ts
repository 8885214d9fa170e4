/**
 * The trained AI-text detector (docs/architecture.md §7, docs/detector.md): offline, CPU only,
 * deterministic.
 *
 * Signals: smoothed n-gram surprisal and n-gram coverage under tables built from human text,
 * burstiness, density of vocabulary and phrases language models overuse (Kobak et al. 2024 style
 * words, Liang et al. 2024), the marks of typing by hand, stylometry. A logistic regression with
 * length-aware calibration gives `ai_confidence` (from 50 words; short texts are calibrated on
 * short texts and get a wider `uncertain` band); a second one scores every sentence in its
 * neighbourhood, and runs of AI-scored and human-scored sentences give the critical sections,
 * `ai_share` and the `mixed` verdict. The model (model.json) and the script that made it
 * (scripts/train-detector.ts) are committed together; docs/detector-training.md has the
 * validation report.
 *
 * Calibration assumes a 50/50 prior (the training weights balance human and AI text): read
 * `ai_confidence` as "how strongly the text looks machine-written", not as the share of AI text
 * among the documents a user checks.
 */
import {
  MIN_SCORED_WORDS,
  type AnalysisResult,
  type Explanation,
  type SectionAnalysis,
  type SentenceScore,
  type Verdict,
} from '../../src-shared/models';
import { countWords } from '../text/segment';
import { NF, buildLexicon, featuresFor, prepare, type Lexicon, type Prepared } from './features';
import { explain } from './explain';
import { detectLanguage } from './language';
import type { NgramLm } from './lm';
import modelJson from './model.json';
import { calibrateLength, calibrationSlope, linearScore, loadLm, type ModelJson } from './model';
import { findPassages, sentenceScores, type Passages } from './passages';

const MODEL = modelJson as unknown as ModelJson;

export const DETECTOR_MODEL_ID: string = MODEL.id;
/** Default decision threshold on ai_confidence (percent): `ai` at or above it, at any length. */
export const DEFAULT_THRESHOLD: number = MODEL.threshold;
/**
 * Lower edge of the `uncertain` band (percent) for texts of full length; shorter texts have a
 * lower one (uncertainLowFor). Between it and the threshold the verdict is `uncertain`.
 */
export const UNCERTAIN_LOW: number = MODEL.uncertainBands[MODEL.uncertainBands.length - 1].low;
/** Below this many words the explanation notes that the text is short and the score less certain. */
export const SHORT_WORDS = 150;
/** Longest section text carried in a result (the offsets still cover the whole section). */
export const SECTION_TEXT_MAX = 300;

/** Lower edge of the uncertain band for a text of `words` words. */
export function uncertainLowFor(words: number): number {
  let low = MODEL.uncertainBands[0].low;
  for (const b of MODEL.uncertainBands) if (words >= b.minWords) low = b.low;
  return low;
}

let lm: NgramLm | null = null;
let lex: Lexicon | null = null;
function engine(): { lm: NgramLm; lex: Lexicon } {
  if (!lm || !lex) {
    lm = loadLm(MODEL.lm);
    lex = buildLexicon(MODEL.kobakStyle);
  }
  return { lm, lex };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function verdictFor(confidence: number, words: number, passages: Passages): Verdict {
  if (passages.mixed) return 'mixed';
  if (confidence >= DEFAULT_THRESHOLD) return 'ai';
  if (confidence >= uncertainLowFor(words)) return 'uncertain';
  return 'human';
}

const x = new Float64Array(NF);
const contrib = new Float64Array(NF);

/** Words in the prepared text (word and number tokens within sentences). */
function preparedWords(p: Prepared): number {
  return p.ns > 0 ? p.sentWordB[p.ns - 1] - p.sentWordA[0] : 0;
}

/** Calibrated document probability (0–1); contributions (calibrated log-odds) into `contrib` if given. */
function scorePrepared(p: Prepared, into?: Float64Array): number {
  featuresFor(p, 0, p.ns, x);
  const words = preparedWords(p);
  const logit = linearScore(MODEL.doc, x, MODEL.clip, into);
  if (into) {
    const slope = calibrationSlope(MODEL.docCalibration, words);
    for (let i = 0; i < NF; i++) into[i] *= slope;
  }
  return calibrateLength(MODEL.docCalibration, logit, words);
}

/**
 * The detector's confidence (percent, one decimal) for any text, however short, and whatever
 * its language — for evaluation. Products should call analyzeText.
 */
export function detectorScore(text: string): number {
  const e = engine();
  const p = prepare(text, e.lm, e.lex);
  if (p.ns === 0) return 0;
  return round1(100 * scorePrepared(p));
}

function sectionsOf(p: Prepared, ps: Passages, e: { lex: Lexicon }): SectionAnalysis[] {
  const wx = new Float64Array(NF);
  const sc = new Float64Array(NF);
  return ps.ai.map(([sa, sb]) => {
    const start = p.sentStart[sa],
      end = p.sentEnd[sb - 1];
    let text = p.text.slice(start, end);
    if (text.length > SECTION_TEXT_MAX) text = text.slice(0, SECTION_TEXT_MAX - 1).replace(/\s+\S*$/, '') + '…';
    let best = 0;
    for (let s = sa; s < sb; s++) best = Math.max(best, ps.scores[s]);
    featuresFor(p, sa, sb, wx);
    linearScore(MODEL.sentence, wx, MODEL.clip, sc);
    for (let i = 0; i < NF; i++) sc[i] *= MODEL.sentence.platt.a;
    const explanations = explain(p, sa, sb, wx, sc, MODEL.sentence, e.lex, { max: 3, minWeight: 0.15, only: 'ai' });
    return { start, end, text, confidence: round1(100 * best), explanations };
  });
}

function notScored(
  base: Omit<AnalysisResult, 'ai_confidence' | 'verdict' | 'explanations'>,
  verdict: 'too_short' | 'unsupported_language',
  label: string,
): AnalysisResult {
  // A note, not a signal: weight 0 pushes neither way.
  const signal = verdict === 'too_short' ? 'length' : 'language';
  return { ...base, ai_confidence: null, verdict, explanations: [{ signal, label, direction: 'human', weight: 0 }] };
}

/** Analyses a text: calibrated AI confidence, verdict, sentence scores, critical sections and explanations. Sync and deterministic. */
export function analyzeText(text: string): AnalysisResult {
  const word_count = countWords(text);
  const language = text.trim().length >= 40 ? detectLanguage(text) : 'und';
  const base = {
    critical_sections: [] as SectionAnalysis[],
    sentences: [] as SentenceScore[],
    ai_share: null,
    word_count,
    language,
    model: DETECTOR_MODEL_ID,
  };
  if (language !== 'eng' && language !== 'und')
    return notScored(
      base,
      'unsupported_language',
      `the text looks like it is not in English (${language}); only English is scored`,
    );
  if (word_count < MIN_SCORED_WORDS)
    return notScored(
      base,
      'too_short',
      `only ${word_count} words; at least ${MIN_SCORED_WORDS} are needed for a score`,
    );
  const e = engine();
  const p = prepare(text, e.lm, e.lex);
  if (p.ns === 0) return notScored(base, 'too_short', 'no sentences to score');
  const prob = scorePrepared(p, contrib);
  const ai_confidence = round1(100 * prob);
  const explanations: Explanation[] = explain(p, 0, p.ns, x, contrib, MODEL.doc, e.lex, { max: 6, minWeight: 0.1 });
  if (word_count < SHORT_WORDS)
    explanations.push({
      signal: 'length',
      label: `a short text (${word_count} words): the score rests on little evidence and is less certain`,
      direction: 'human',
      weight: 0,
    });
  const scores = sentenceScores(p, MODEL.sentence, MODEL.clip);
  const passages = findPassages(p, scores, MODEL.passages);
  const sentences: SentenceScore[] = [];
  for (let s = 0; s < p.ns; s++)
    sentences.push({ start: p.sentStart[s], end: p.sentEnd[s], score: round1(100 * scores[s]) });
  return {
    ...base,
    ai_confidence,
    verdict: verdictFor(ai_confidence, word_count, passages),
    critical_sections: sectionsOf(p, passages, e),
    sentences,
    ai_share: Math.round(100 * passages.aiShare) / 100,
    explanations,
  };
}
