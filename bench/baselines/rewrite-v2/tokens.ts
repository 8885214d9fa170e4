/**
 * The reviser's token stream over masked text: words, whitespace, punctuation and placeholders
 * (protected spans). Joining the tokens' text gives the string back exactly.
 */
import { PH_OPEN } from './protect';

export type TokKind = 'w' | 's' | 'p' | 'x';
export interface Tok {
  t: string;
  k: TokKind;
}

// Placeholder | word (letters, digits, inner apostrophes and hyphens) | whitespace | one other character.
const TOKEN_RE =
  /(\uE000\d+\uE001)|([A-Za-z\u00C0-\u024F0-9]+(?:['’][A-Za-z]+)*(?:-[A-Za-z\u00C0-\u024F0-9]+(?:['’][A-Za-z]+)*)*)|(\s+)|([\s\S])/gy;

export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s)) !== null) {
    if (m[1]) out.push({ t: m[1], k: 'x' });
    else if (m[2]) out.push({ t: m[2], k: 'w' });
    else if (m[3]) out.push({ t: m[3], k: 's' });
    else out.push({ t: m[4], k: 'p' });
  }
  return out;
}

export function detokenize(toks: readonly Tok[]): string {
  let s = '';
  for (const t of toks) s += t.t;
  return s;
}

/** Matching key of a token: lower-case word with typographic apostrophes folded, punctuation as is, '#' for protected text. */
export function keyOf(t: Tok): string {
  if (t.k === 'w') return t.t.toLowerCase().replace(/’/g, "'");
  if (t.k === 'x') return '#';
  return t.t;
}

export function isPlaceholder(t: Tok | undefined): boolean {
  return !!t && t.k === 'x' && t.t.startsWith(PH_OPEN);
}

export function wordCount(toks: readonly Tok[]): number {
  let n = 0;
  for (const t of toks) if (t.k === 'w' || t.k === 'x') n++;
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
