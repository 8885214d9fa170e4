/**
 * Signals in words a person reads. The detector names each signal by a stable id and describes
 * it with its measurements ("spread of surprisal 10.9 bits"); the review shows a plain sentence
 * per id and direction instead, keeps the concrete evidence the detector quotes (the overused
 * words and phrases it found), and sets apart the notes about length and language, which are no
 * evidence either way.
 */
import type { Explanation } from '../../src-shared/models';

interface Plain {
  ai: string;
  human: string;
  /** The detector's label lists evidence after a colon (words, phrases) worth showing. */
  evidence?: boolean;
}

const PLAIN: Record<string, Plain> = {
  overused_vocabulary: {
    ai: 'Uses words chatbots are known to overuse',
    human: 'Few of the words chatbots overuse',
    evidence: true,
  },
  stock_phrases: { ai: 'Stock phrases typical of chatbots', human: 'No chatbot stock phrases', evidence: true },
  formulaic_transitions: {
    ai: 'Sentences open with formulaic transitions',
    human: 'Few formulaic transitions (“Furthermore”, “Moreover”)',
    evidence: true,
  },
  formulaic_openers: {
    ai: 'Sentences open with formulaic transitions',
    human: 'Few formulaic transitions (“Furthermore”, “Moreover”)',
  },
  predictability: {
    ai: 'The wording is as predictable as machine text',
    human: 'The wording is less predictable, as people write',
  },
  predictability_burstiness: {
    ai: 'Every sentence is about as predictable as the next',
    human: 'Some sentences surprise more than others, as in human writing',
  },
  sentence_rhythm: { ai: 'Sentence lengths are unusually even', human: 'Sentence lengths vary, as people write' },
  sentence_length_evenness: {
    ai: 'Sentence lengths are unusually even',
    human: 'Sentence lengths vary, as people write',
  },
  vocabulary_richness: {
    ai: 'Vocabulary as varied and formal as machine text',
    human: 'Vocabulary typical of people',
  },
  vocabulary_variety: { ai: 'Vocabulary as varied as machine text', human: 'Vocabulary typical of people' },
  function_words: {
    ai: 'Small words (articles, pronouns) used the way chatbots use them',
    human: 'Small words (pronouns, informal words) used the way people write',
  },
  punctuation: {
    ai: 'Plain, regular punctuation',
    human: 'Varied punctuation: dashes, brackets, quotes or exclamations',
  },
  contractions: { ai: 'Contractions used the way chatbots use them', human: 'Uses contractions (it’s, don’t)' },
  sentence_openings: { ai: 'Sentences open in the same pattern', human: 'Sentence openings vary' },
  paragraph_uniformity: { ai: 'Paragraphs of very even length', human: 'Paragraph lengths vary' },
  concrete_details: { ai: 'Few concrete details (numbers, names)', human: 'Concrete details: numbers and names' },
};

/** Words that belong in a statistics paper, not on screen. */
const JARGON = /\b(bits?|surprisal|bigram|n-gram|percentile|median|entropy|log-?odds|mattr|mtld)\b/i;

export interface PlainSignal {
  signal: string;
  direction: 'ai' | 'human';
  weight: number;
  /** The sentence shown. */
  text: string;
  /** Words or phrases the detector found, when it quotes them. */
  evidence: string | null;
  spans: Explanation['spans'];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A signal's label without measurements: parenthesised numbers and anything jargon go. */
function plainLabel(label: string): string {
  let s = label.replace(/\s*\([^)]*\)/g, (m) => (/\d/.test(m) || JARGON.test(m) ? '' : m)).trim();
  if (JARGON.test(s)) s = s.split(/[;,(]/)[0].trim();
  return cap(s);
}

export function plainSignal(e: Explanation): PlainSignal {
  const p = PLAIN[e.signal];
  const colon = e.label.indexOf(':');
  const evidence =
    p?.evidence && e.direction === 'ai' && colon > 0 && !JARGON.test(e.label) ? e.label.slice(colon + 1).trim() : null;
  let text = p ? p[e.direction] : plainLabel(e.label);
  if (JARGON.test(text)) text = e.direction === 'ai' ? 'A pattern of machine text' : 'A pattern of human writing';
  return { signal: e.signal, direction: e.direction, weight: e.weight, text, evidence, spans: e.spans };
}

/** Notes (length, language) have no weight: they say why there is no score, not which way it leans. */
export function isNote(e: Explanation): boolean {
  return e.weight === 0 || e.signal === 'length' || e.signal === 'language';
}

/** The signals, strongest first, and the notes, apart. */
export function splitSignals(explanations: readonly Explanation[]): { signals: PlainSignal[]; notes: Explanation[] } {
  const signals = explanations
    .filter((e) => !isNote(e))
    .map(plainSignal)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { signals, notes: explanations.filter(isNote) };
}
