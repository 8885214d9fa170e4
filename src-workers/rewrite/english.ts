/**
 * Is a piece of text English? The rules and the word table are English: a paragraph in French or
 * German would be mangled by them ("un rôle crucial" → "un rôle key"), so the reviser leaves it as
 * written. Judged by function words, which every sentence has whatever its topic: English prose is
 * about a third function words, while a paragraph in another language is full of its own ("le",
 * "der", "que", "het"). A line of English keywords has neither, and counts as English.
 */
import { FUNCTION_GROUPS } from '../detect/lexicon';
import { words } from '../text/segment';

/** English function words (the detector's function-word profile). */
const ENGLISH_FUNCTION_WORDS = new Set(Object.values(FUNCTION_GROUPS).flat());

/**
 * The commonest function words of French, German, Spanish, Italian, Portuguese and Dutch — none
 * of them an English word in its own right ("in", "a", "was", "die"… are left out), nor the "et" and
 * "al" of a citation.
 */
const FOREIGN_FUNCTION_WORDS = new Set(
  [
    'le la les des du est une dans pour pas sur au aux avec ce cette sont qui que nous vous ils elle mais ou où leur leurs nos notre très être été',
    'der das und ist nicht mit dem ein eine einen zu von auf für sich auch werden wird sind oder aber wie bei nach dass noch nur über durch',
    'el los las es una del por para se y en lo su sus pero como más este esta muy',
    'il di che è per non sono della delle dei gli nel nella anche più questo questa',
    'os não uma com do da dos das em mais mas',
    'het een van niet dat op te zijn voor met ook maar bij wordt deze',
  ]
    .join(' ')
    .split(' '),
);

/** Fewer words than this are not judged (a heading, a name, a short list item): taken as English. */
const MIN_WORDS = 5;

/**
 * True unless the text reads as another language: at least a fifth of its words are function
 * words of another language, and more of them than English ones.
 */
export function readsAsEnglish(text: string): boolean {
  const ws = words(text);
  if (ws.length < MIN_WORDS) return true;
  let english = 0;
  let foreign = 0;
  for (const w of ws) {
    if (ENGLISH_FUNCTION_WORDS.has(w.norm)) english++;
    else if (FOREIGN_FUNCTION_WORDS.has(w.norm)) foreign++;
  }
  return !(foreign >= ws.length / 5 && foreign > english);
}

/** The share of a text's words that are English function words, and how many words it has. */
export function englishFunctionWordShare(text: string): { words: number; share: number } {
  const ws = words(text);
  let n = 0;
  for (const w of ws) if (ENGLISH_FUNCTION_WORDS.has(w.norm)) n++;
  return { words: ws.length, share: ws.length ? n / ws.length : 0 };
}
