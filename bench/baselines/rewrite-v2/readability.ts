/**
 * What a sentence join costs in readability, and what plainer words buy back.
 *
 * Flesch reading ease is 206.835 − 1.015 · (words / sentences) − 84.6 · (syllables / words).
 * Joining two sentences of a document with W words and S sentences lowers it by
 * 1.015 · W / (S · (S − 1)); removing y syllables raises it by 84.6 · y / W. So a join is paid
 * for once the plainer words of the revision have saved 1.015 · W² / (84.6 · S · (S − 1))
 * syllables — about 0.012 · L² for a mean sentence length L. The reviser joins middling sentences
 * only from what splits and syllable savings have paid for, so the document does not become
 * harder to read than it was.
 */
import type { Tok } from './tokens';

/** Syllables of an English word, by the usual vowel-group rule of Flesch calculators. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const groups = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '')
    .match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

/** Syllables of the word tokens (placeholders of protected text count as one word of one syllable: they never change). */
export function syllablesOf(toks: readonly Tok[]): number {
  let n = 0;
  for (const t of toks) if (t.k === 'w') n += syllables(t.t);
  return n;
}

/** Syllables that pay for one join in a document of `words` words and `sentences` sentences (Infinity below two sentences). */
export function joinCostInSyllables(words: number, sentences: number): number {
  if (sentences < 2) return Infinity;
  return (1.015 * words * words) / (84.6 * sentences * (sentences - 1));
}
