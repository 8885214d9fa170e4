/**
 * Is a piece of text English? The rules and the word table are English: a paragraph in French or
 * German would be mangled by them ("un rôle crucial" → "un rôle key"), so the reviser leaves it as
 * written. Judged by function words (the detector's count, detect/language.ts), which every
 * sentence has whatever its topic: English prose is about a third function words, while a
 * paragraph in another language is full of its own ("le", "der", "que", "het"). A line of English
 * keywords has neither, and counts as English.
 */
import { functionWordCounts } from '../detect/language';

/** Fewer words than this are not judged (a heading, a name, a short list item): taken as English. */
const MIN_WORDS = 5;

/**
 * True unless the text reads as another language: at least a fifth of its words are function
 * words of another language, and more of them than English ones.
 */
export function readsAsEnglish(text: string): boolean {
  const fw = functionWordCounts(text);
  if (fw.words < MIN_WORDS) return true;
  return !(fw.foreign >= fw.words / 5 && fw.foreign > fw.english);
}

/** The share of a text's words that are English function words, and how many words it has. */
export function englishFunctionWordShare(text: string): { words: number; share: number } {
  const fw = functionWordCounts(text);
  return { words: fw.words, share: fw.words ? fw.english / fw.words : 0 };
}
