/**
 * The first analysis engine: a transparent heuristic with hand-set, documented weights. It is kept
 * as the baseline the trained detector is benchmarked against (bench/analysis.ts).
 *
 * Score = sigmoid(BIAS + Σ weight × signal), each signal scaled so that 0 means "typical human
 * prose" (values from common writing-style guidance, not fitted to any corpus):
 *   overused  +0.9 per overused word or phrase per 100 words   (LLM-favoured vocabulary)
 *   formulaic +1.2 per formulaic sentence opener per 10 sentences ("Furthermore,", "In conclusion,")
 *   evenness  +2.0 × (0.5 − coefficient of variation of sentence length), clipped to [−1, 1]
 *   contract. −0.8 per contraction per 100 words                (people contract; models rarely do)
 *   variety   +1.5 × 5 × (moving type-token ratio − 0.72), clipped to [−1, 1]
 *             (models pick varied, "rich" vocabulary within a short window)
 * BIAS = −1.0. Verdict: ai from 70 %, human under 40 %, uncertain between; under 150 words too_short.
 */
import type { AnalysisResult, Explanation, SectionAnalysis, Verdict } from '../../src-shared/models';
import { countWords, sentences, words, type Sentence, type WordToken } from '../text/segment';

export const HEURISTIC_MODEL_ID = 'heuristic-v1';

const OVERUSED_WORDS = new Set([
  'delve',
  'delves',
  'delving',
  'delved',
  'tapestry',
  'pivotal',
  'intricate',
  'intricacies',
  'underscore',
  'underscores',
  'underscoring',
  'showcase',
  'showcases',
  'showcasing',
  'realm',
  'realms',
  'multifaceted',
  'foster',
  'fosters',
  'fostering',
  'crucial',
  'comprehensive',
  'meticulous',
  'meticulously',
  'commendable',
  'noteworthy',
  'invaluable',
  'paramount',
  'seamless',
  'seamlessly',
  'robust',
  'leverage',
  'leveraging',
  'utilize',
  'utilizing',
  'utilization',
  'furthermore',
  'moreover',
  'additionally',
  'notably',
  'vibrant',
  'bustling',
  'embark',
  'embarking',
  'journey',
  'testament',
  'navigate',
  'navigating',
  'landscape',
  'ever-evolving',
  'ever-changing',
  'dynamic',
  'holistic',
  'nuanced',
  'profound',
  'resonate',
  'resonates',
  'unwavering',
  'enhance',
  'enhancing',
  'elevate',
  'streamline',
  'harness',
  'harnessing',
  'unlock',
  'unleash',
  'captivating',
  'indelible',
  'interplay',
  'encompass',
  'encompasses',
  'garner',
  'garnered',
  'bolster',
]);

const OVERUSED_PHRASES = [
  'it is important to note',
  'it is worth noting',
  'plays a crucial role',
  'plays a vital role',
  "in today's",
  'fast-paced world',
  'a testament to',
  'in the realm of',
  'stands as a',
  'serves as a',
  'shed light on',
  'a wide range of',
  'in conclusion',
  'overall,',
  'in summary',
  'ultimately,',
  'navigate the complexities',
];

const FORMULAIC_OPENERS = [
  'furthermore',
  'moreover',
  'additionally',
  'in conclusion',
  'overall',
  'in summary',
  'ultimately',
  'firstly',
  'secondly',
  'lastly',
  'in addition',
  'consequently',
  'however',
  'notably',
  'importantly',
  'to summarize',
];

// "'s" only where it cannot be a possessive.
const CONTRACTION = /n't$|'re$|'ve$|'ll$|'m$|'d$|^(it|that|what|there|here|he|she|who|let)'s$/;

const BIAS = -1.0;
const W = { overused: 0.9, formulaic: 1.2, evenness: 2.0, contractions: -0.8, ttr: 1.5 } as const;

const MIN_WORDS = 150;
const AI_THRESHOLD = 70;
const HUMAN_BELOW = 40;
const SECTION_THRESHOLD = 65;
const WINDOW = 4;

interface Signals {
  overused: string[];
  overusedPer100: number;
  formulaicPer10: number;
  lengthCv: number;
  contractionsPer100: number;
  ttr: number;
  words: number;
  sentences: number;
}

function measure(text: string, sents: Sentence[], toks: WordToken[]): Signals {
  const lower = text.toLowerCase();
  const overused: string[] = [];
  for (const t of toks) if (OVERUSED_WORDS.has(t.norm)) overused.push(t.norm);
  for (const phrase of OVERUSED_PHRASES) {
    let i = lower.indexOf(phrase);
    while (i !== -1) {
      overused.push(phrase.replace(/,$/, ''));
      i = lower.indexOf(phrase, i + phrase.length);
    }
  }
  let formulaic = 0;
  for (const s of sents) {
    const head = s.text.slice(0, 24).toLowerCase();
    if (FORMULAIC_OPENERS.some((o) => head.startsWith(o + ',') || head.startsWith(o + ' '))) formulaic++;
  }
  const lengths = sents.map((s) => countWords(s.text));
  const mean = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const sd = Math.sqrt(lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, lengths.length));
  let contractions = 0;
  for (const t of toks) if (CONTRACTION.test(t.norm)) contractions++;
  return {
    overused,
    overusedPer100: (overused.length * 100) / Math.max(1, toks.length),
    formulaicPer10: (formulaic * 10) / Math.max(1, sents.length),
    lengthCv: mean > 0 ? sd / mean : 0,
    contractionsPer100: (contractions * 100) / Math.max(1, toks.length),
    ttr: movingTtr(toks),
    words: toks.length,
    sentences: sents.length,
  };
}

/** Type-token ratio averaged over 50-word windows, so that it does not fall with length. */
function movingTtr(toks: WordToken[]): number {
  const size = 50;
  if (toks.length < size) return new Set(toks.map((t) => t.norm)).size / Math.max(1, toks.length);
  let sum = 0;
  let n = 0;
  for (let i = 0; i + size <= toks.length; i += 25) {
    const seen = new Set<string>();
    for (let j = i; j < i + size; j++) seen.add(toks[j].norm);
    sum += seen.size / size;
    n++;
  }
  return sum / n;
}

function contributions(s: Signals): Explanation[] {
  const evenness = Math.max(-1, Math.min(1, 0.5 - s.lengthCv));
  const ttrTerm = Math.max(-1, Math.min(1, (0.72 - s.ttr) * -5));
  const list: Explanation[] = [
    {
      signal: 'overused_vocabulary',
      weight: W.overused * s.overusedPer100,
      direction: 'ai',
      label:
        s.overused.length > 0
          ? `${s.overused.length} ${s.overused.length === 1 ? 'word or phrase' : 'words and phrases'} language models overuse: ${[...new Set(s.overused)].slice(0, 6).join(', ')}${new Set(s.overused).size > 6 ? ', …' : ''}`
          : 'No words that language models overuse',
    },
    {
      signal: 'formulaic_openers',
      weight: W.formulaic * s.formulaicPer10,
      direction: 'ai',
      label: `${(s.formulaicPer10 * 10).toFixed(0)}% of sentences open with a formulaic transition ("Furthermore", "In conclusion", …)`,
    },
    {
      signal: 'sentence_length_evenness',
      weight: W.evenness * evenness,
      direction: evenness >= 0 ? 'ai' : 'human',
      label: evenness >= 0 ? 'Sentence lengths unusually even' : 'Sentence lengths vary the way people write',
    },
    {
      signal: 'contractions',
      weight: W.contractions * s.contractionsPer100,
      direction: 'human',
      label:
        s.contractionsPer100 > 0
          ? `Uses contractions (${s.contractionsPer100.toFixed(1)} per 100 words)`
          : 'No contractions',
    },
    {
      signal: 'vocabulary_variety',
      weight: W.ttr * ttrTerm,
      direction: ttrTerm >= 0 ? 'ai' : 'human',
      label: ttrTerm >= 0 ? 'Vocabulary more varied than usual prose' : 'Vocabulary variety typical of people',
    },
  ];
  for (const e of list) e.direction = e.weight >= 0 ? 'ai' : 'human';
  return list.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}

function probability(expl: Explanation[]): number {
  const z = BIAS + expl.reduce((a, e) => a + e.weight, 0);
  const p = 1 / (1 + Math.exp(-z));
  return Math.round(p * 1000) / 10;
}

function verdictFor(p: number): Verdict {
  if (p >= AI_THRESHOLD) return 'ai';
  if (p < HUMAN_BELOW) return 'human';
  return 'uncertain';
}

function sectionsOf(text: string, sents: Sentence[]): SectionAnalysis[] {
  const flagged: SectionAnalysis[] = [];
  for (let i = 0; i + WINDOW <= Math.max(sents.length, WINDOW) && i < sents.length; i += 2) {
    const win = sents.slice(i, i + WINDOW);
    const start = win[0].start;
    const end = win[win.length - 1].end;
    const slice = text.slice(start, end);
    const expl = contributions(
      measure(
        slice,
        win.map((s) => ({ ...s, start: s.start - start, end: s.end - start })),
        words(slice),
      ),
    );
    const confidence = probability(expl);
    if (confidence < SECTION_THRESHOLD) continue;
    const last = flagged[flagged.length - 1];
    if (last && start <= last.end + 1) {
      last.end = Math.max(last.end, end);
      last.confidence = Math.max(last.confidence, confidence);
      last.text = clip(text.slice(last.start, last.end));
    } else {
      flagged.push({
        start,
        end,
        text: clip(slice),
        confidence,
        explanations: expl.filter((e) => e.weight > 0.3).slice(0, 3),
      });
    }
  }
  return flagged;
}

function clip(s: string): string {
  return s.length <= 300 ? s : s.slice(0, 299).trimEnd() + '…';
}

export function analyzeHeuristic(text: string): AnalysisResult {
  const sents = sentences(text);
  const toks = words(text);
  const wordCount = countWords(text);
  const expl = contributions(measure(text, sents, toks));
  if (wordCount < MIN_WORDS) {
    return {
      ai_confidence: null,
      verdict: 'too_short',
      critical_sections: [],
      explanations: [],
      sentences: [],
      ai_share: null,
      word_count: wordCount,
      language: 'und',
      model: HEURISTIC_MODEL_ID,
    };
  }
  const p = probability(expl);
  const sections = sectionsOf(text, sents);
  const sectionWords = sections.reduce((n, s) => n + countWords(text.slice(s.start, s.end)), 0);
  return {
    ai_confidence: p,
    verdict: verdictFor(p),
    critical_sections: sections,
    explanations: expl,
    // The first engine scores the whole text only: no sentence scores.
    sentences: [],
    ai_share: Math.round((100 * sectionWords) / wordCount) / 100,
    word_count: wordCount,
    language: 'eng',
    model: HEURISTIC_MODEL_ID,
  };
}
