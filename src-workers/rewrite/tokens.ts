/**
 * The reviser's token stream over masked text — the tokens of the one segmentation module
 * (src-workers/text/segment.ts): words, whitespace, punctuation and placeholders (protected
 * spans). Joining the tokens' text gives the string back exactly.
 */
import { tokenize as segmentTokens, type Token } from '../text/segment';

export type Tok = Token;

export function tokenize(s: string): Tok[] {
  return segmentTokens(s);
}

export function detokenize(toks: readonly Tok[]): string {
  let s = '';
  for (const t of toks) s += t.text;
  return s;
}

/** Matching key of a token: lower-case word with typographic apostrophes folded, punctuation as is, '#' for protected text. */
export function keyOf(t: Tok): string {
  if (t.kind === 'word') return t.text.toLowerCase().replace(/’/g, "'");
  if (t.kind === 'placeholder') return '#';
  return t.text;
}

export function wordCount(toks: readonly Tok[]): number {
  let n = 0;
  for (const t of toks) if (t.kind === 'word' || t.kind === 'placeholder') n++;
  return n;
}

/** "word" → "Word". */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

export function isCapitalized(s: string): boolean {
  return /^[A-Z\u00C0-\u00DE]/.test(s);
}

export function isLowerWord(s: string): boolean {
  return /^[a-z\u00DF-\u00FF][a-z\u00DF-\u00FF'’-]*$/.test(s);
}

/** Keeps the case pattern of `like` (Capitalised or ALL CAPS) on `s`. */
export function matchCase(s: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && /[A-Z]/.test(like)) return s.toUpperCase();
  if (isCapitalized(like)) return capitalize(s);
  return s;
}

/** "a" or "an" before a word, by its sound as far as spelling tells. */
export function article(next: string, capital: boolean): string {
  const w = next.toLowerCase();
  const an =
    (/^[aeiou]/.test(w) && !/^(?:u[bcfhjkqrstn][aeiou]|uni(?!n)|use|usu|ut[ei]|eu|ewe|one|once|ur[aei])/.test(w)) ||
    /^(?:hour|honest|honou?r|heir)/.test(w);
  const a = an ? 'an' : 'a';
  return capital ? capitalize(a) : a;
}
