/**
 * FROZEN BASELINE: the detector `ngram-stylo-lr-v2` exactly as it shipped (its scorer, feature
 * code, sentence splitter and model.json copied unchanged; only import paths differ). It is not
 * part of the product: `bench/analysis.ts` measures the current detector against it in the same
 * run, and `scripts/eval-detector.ts` prints its numbers as the "before" column. Do not edit or
 * retrain it; see docs/detector-training.md ("Baseline").
 *
 * The trained AI-text detector (docs/architecture.md §7): offline, CPU only, deterministic.
 *
 * Signals: smoothed n-gram surprisal under tables built from human text (Ghostbuster-style
 * aggregates), burstiness, density of vocabulary and phrases language models overuse (Kobak et
 * al. 2024 style words, Liang et al. 2024), stylometry. A logistic regression with Platt
 * calibration gives `ai_confidence`; a second one scores windows of 3–5 sentences for the
 * critical sections. The model (model.json) and the script that made it
 * (scripts/train-detector.ts) are committed together; docs/detector-training.md has the
 * validation report.
 *
 * Calibration assumes a 50/50 prior (the training weights balance human and AI text): read
 * `ai_confidence` as "how strongly the text looks machine-written", not as the share of AI text
 * among the documents a user checks.
 */
import { franc } from 'franc';
import type { AnalysisResult, Explanation, SectionAnalysis, SentenceScore, Verdict } from '../../../src-shared/models';
import { countWords } from './segment';
import { NF, buildLexicon, featuresFor, makeWindows, prepare, type Lexicon, type Prepared } from './features';
import { explain } from './explain';
import type { NgramLm } from './lm';
import modelJson from './model.json';
import { calibrate, linearScore, loadLm, type ModelJson } from './model';

const MODEL = modelJson as unknown as ModelJson;

export const DETECTOR_MODEL_ID: string = MODEL.id;
/** Default decision threshold on ai_confidence (percent): `ai` at or above it. */
export const DEFAULT_THRESHOLD: number = MODEL.threshold;
/**
 * Lower edge of the `uncertain` band (percent): between it and the threshold the verdict is
 * `uncertain`; below it `human`. Chosen at training time where 5% of human validation texts
 * score higher (but at least 20 and at most threshold − 5).
 */
export const UNCERTAIN_LOW: number = MODEL.uncertainLow;
/** Section (window) threshold on a window's calibrated confidence (percent). */
export const SECTION_THRESHOLD: number = MODEL.windowThreshold;
/** Fewer words than this: `too_short`, not scored. */
export const MIN_WORDS = 150;
/** Longest section text carried in a result (the offsets still cover the whole section). */
export const SECTION_TEXT_MAX = 300;

let lm: NgramLm | null = null;
let lex: Lexicon | null = null;
function engine(): { lm: NgramLm; lex: Lexicon } {
  if (!lm || !lex) {
    lm = loadLm(MODEL.lm);
    lex = buildLexicon(MODEL.kobakStyle);
  }
  return { lm, lex };
}

// Languages franc may answer with; a closed list avoids rare look-alikes of English (Scots, Pidgin).
const LANGUAGES = [
  'eng',
  'deu',
  'fra',
  'spa',
  'ita',
  'por',
  'nld',
  'swe',
  'dan',
  'nob',
  'fin',
  'pol',
  'ces',
  'slk',
  'hun',
  'ron',
  'tur',
  'rus',
  'ukr',
  'bul',
  'ell',
  'cmn',
  'jpn',
  'kor',
  'arb',
  'heb',
  'hin',
  'ind',
  'vie',
  'tha',
  'cat',
  'hrv',
  'srp',
  'slv',
  'lit',
  'lav',
  'est',
  'tgl',
  'swh',
  'afr',
  'pes',
  'ben',
  'urd',
];

// Frequent English function words that are rare in other languages written in Latin script
// ("is", "on", "in", "was", "will", "an", "die" are left out: Dutch, French or German use them).
const ENGLISH_MARKERS = new Set([
  'the',
  'of',
  'and',
  'to',
  'that',
  'it',
  'for',
  'with',
  'as',
  'his',
  'they',
  'be',
  'at',
  'have',
  'this',
  'from',
  'or',
  'had',
  'by',
  'but',
  'what',
  'were',
  'we',
  'when',
  'your',
  'can',
  'said',
  'there',
  'which',
  'she',
  'do',
  'their',
  'if',
  'would',
  'been',
  'has',
  'who',
  'its',
  'did',
  'could',
  'them',
  'than',
  'then',
  'these',
  'some',
  'her',
  'him',
  'into',
  'our',
  'you',
  'i',
  'my',
  'he',
  'are',
  'not',
  'a',
  'should',
  'about',
  'just',
  'there',
  'because',
  'how',
  "it's",
]);

/**
 * Fast path for the common case: a text whose first 1,500 characters are at least 30% English
 * function words is English (other languages score a few percent). Anything else goes to franc.
 */
function clearlyEnglish(text: string): boolean {
  const words = text
    .slice(0, 1500)
    .toLowerCase()
    .match(/[a-z']+/g);
  if (!words || words.length < 30) return false;
  let n = 0;
  for (const w of words) if (ENGLISH_MARKERS.has(w)) n++;
  return n / words.length >= 0.3;
}

/**
 * ISO 639-3 code of the text's language: "eng" for clearly English text, else franc's answer on
 * up to three 400-character samples; "und" if unsure.
 */
export function detectLanguage(text: string): string {
  if (clearlyEnglish(text)) return 'eng';
  let sample = text;
  if (text.length > 1200) {
    const mid = Math.floor(text.length / 2);
    sample = `${text.slice(0, 400)} ${text.slice(mid - 200, mid + 200)} ${text.slice(text.length - 400)}`;
  }
  return franc(sample, { only: LANGUAGES, minLength: 20 });
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function verdictFor(confidence: number): Verdict {
  if (confidence >= DEFAULT_THRESHOLD) return 'ai';
  if (confidence >= UNCERTAIN_LOW) return 'uncertain';
  return 'human';
}

const x = new Float64Array(NF);
const contrib = new Float64Array(NF);

/** Calibrated document probability (0–1) and the prepared text, without the length and language gates. */
function scorePrepared(p: Prepared): number {
  featuresFor(p, 0, p.ns, x);
  return calibrate(MODEL.doc, linearScore(MODEL.doc, x, MODEL.clip));
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

interface Passages {
  sections: SectionAnalysis[];
  /** Each sentence scored by the window (3–5 sentences, within paragraphs) that holds it. */
  sentences: SentenceScore[];
  /** Share of the words in critical sections. */
  aiShare: number;
}

function passagesOf(p: Prepared, e: { lex: Lexicon }): Passages {
  const wins = makeWindows(p);
  const probs = new Float64Array(wins.length);
  const wx = new Float64Array(NF);
  const sentences: SentenceScore[] = [];
  let aiWords = 0;
  for (let k = 0; k < wins.length; k++) {
    featuresFor(p, wins[k][0], wins[k][1], wx);
    probs[k] = 100 * calibrate(MODEL.window, linearScore(MODEL.window, wx, MODEL.clip));
    for (let s = wins[k][0]; s < wins[k][1]; s++) {
      sentences.push({ start: p.sentStart[s], end: p.sentEnd[s], score: round1(probs[k]) });
    }
    if (probs[k] >= SECTION_THRESHOLD) aiWords += p.sentWordB[wins[k][1] - 1] - p.sentWordA[wins[k][0]];
  }
  const totalWords = p.ns > 0 ? p.sentWordB[p.ns - 1] - p.sentWordA[0] : 0;
  const out: SectionAnalysis[] = [];
  const sc = new Float64Array(NF);
  for (let k = 0; k < wins.length;) {
    if (probs[k] < SECTION_THRESHOLD) {
      k++;
      continue;
    }
    let j = k;
    let best = probs[k];
    while (j + 1 < wins.length && probs[j + 1] >= SECTION_THRESHOLD) {
      j++;
      if (probs[j] > best) best = probs[j];
    }
    const sa = wins[k][0],
      sb = wins[j][1];
    const start = p.sentStart[sa],
      end = p.sentEnd[sb - 1];
    let text = p.text.slice(start, end);
    if (text.length > SECTION_TEXT_MAX) text = text.slice(0, SECTION_TEXT_MAX - 1).replace(/\s+\S*$/, '') + '…';
    featuresFor(p, sa, sb, wx);
    linearScore(MODEL.window, wx, MODEL.clip, sc);
    for (let i = 0; i < NF; i++) sc[i] *= MODEL.window.platt.a;
    const explanations = explain(p, sa, sb, wx, sc, MODEL.window, e.lex, { max: 3, minWeight: 0.15, only: 'ai' });
    out.push({ start, end, text, confidence: round1(best), explanations });
    k = j + 1;
  }
  return { sections: out, sentences, aiShare: totalWords > 0 ? Math.round((100 * aiWords) / totalWords) / 100 : 0 };
}

/** Analyses a text: calibrated AI confidence, verdict, critical sections and explanations. Sync and deterministic. */
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
  if (language !== 'eng' && language !== 'und') {
    return {
      ...base,
      ai_confidence: null,
      verdict: 'unsupported_language',
      explanations: [
        {
          signal: 'language',
          label: `the text looks like it is not in English (${language}); only English is scored`,
          direction: 'human',
          weight: 0,
        },
      ],
    };
  }
  if (word_count < MIN_WORDS) {
    return {
      ...base,
      ai_confidence: null,
      verdict: 'too_short',
      explanations: [
        {
          signal: 'length',
          label: `only ${word_count} words; at least ${MIN_WORDS} are needed for a reliable score`,
          direction: 'human',
          weight: 0,
        },
      ],
    };
  }
  const e = engine();
  const p = prepare(text, e.lm, e.lex);
  if (p.ns === 0) return { ...base, ai_confidence: null, verdict: 'too_short', explanations: [] };
  featuresFor(p, 0, p.ns, x);
  const logit = linearScore(MODEL.doc, x, MODEL.clip, contrib);
  const prob = calibrate(MODEL.doc, logit);
  for (let i = 0; i < NF; i++) contrib[i] *= MODEL.doc.platt.a;
  const ai_confidence = round1(100 * prob);
  const explanations: Explanation[] = explain(p, 0, p.ns, x, contrib, MODEL.doc, e.lex, { max: 6, minWeight: 0.1 });
  const passages = passagesOf(p, e);
  return {
    ...base,
    ai_confidence,
    verdict: verdictFor(ai_confidence),
    critical_sections: passages.sections,
    sentences: passages.sentences,
    ai_share: passages.aiShare,
    explanations,
  };
}
