/**
 * The reviser's token stream over masked text — the tokens of the one segmentation module
 * (src-workers/text/segment.ts): words, whitespace, punctuation and placeholders (protected
 * spans). Joining the tokens' text gives the string back exactly.
 */
import { isAbbreviation, sentenceTokens, tokenize as segmentTokens, type Token } from '../text/segment';
import type { Reason } from './reasons';

/** A token, with why an edit made it (for the hunk's reason shown to the reader). */
export interface Tok extends Token {
  /** This token's text was put in by an edit. */
  reason?: Reason;
  /** Edits removed words right before this token (their reasons, joined by "; "). */
  removedBefore?: string;
  /** An edit removed words right after this token (at a unit's end). */
  removedAfter?: Reason;
  /**
   * Part of an edit whose pieces stand or fall together ("There are many people who believe" →
   * "Many people believe": keeping one half leaves no sentence), so its hunks become one.
   */
  joint?: true;
}

export function tokenize(s: string): Tok[] {
  return segmentTokens(s);
}

/** Tokens for new text, each marked with the reason of the edit that puts them in. */
export function newTokens(s: string, reason: Reason): Tok[] {
  return segmentTokens(s).map((t) => ({ ...t, reason }));
}

/** A single new token. */
export function tok(text: string, kind: Tok['kind'], reason: Reason): Tok {
  return { text, kind, reason };
}

export function detokenize(toks: readonly Tok[]): string {
  let s = '';
  for (const t of toks) s += t.text;
  return s;
}

const WORD_KEYS = new Map<string, string>();
/** Bounds the cache: a long run over many documents meets new words without end. */
const MAX_WORD_KEYS = 50_000;

/** Matching key of a token: lower-case word with typographic apostrophes folded, punctuation as is, '#' for protected text. */
export function keyOf(t: Tok): string {
  if (t.kind === 'word') {
    // Called for every token by every rule, many times over: a word's key is folded once.
    let key = WORD_KEYS.get(t.text);
    if (key === undefined) {
      const lower = t.text.toLowerCase();
      key = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
      if (WORD_KEYS.size >= MAX_WORD_KEYS) WORD_KEYS.clear();
      WORD_KEYS.set(t.text, key);
    }
    return key;
  }
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
  // A name with a capital inside ("iPhone", "eBay", "mRNA") keeps its spelling at a sentence start.
  if (/^\p{Ll}+\p{Lu}/u.test(s)) return s;
  // So does a variable ("x must be positive", "n is an integer"): only "a" and "I" are words of one letter.
  if (/^[b-hj-z]$/.test(s)) return s;
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

/** Index of the previous / next token that is not whitespace, or -1. */
export function prevIndex(toks: readonly Tok[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (toks[j].kind !== 'space') return j;
  return -1;
}
export function nextIndex(toks: readonly Tok[], i: number): number {
  for (let j = i + 1; j < toks.length; j++) if (toks[j].kind !== 'space') return j;
  return -1;
}

/**
 * One of the n words after (dir 1) or before (dir -1) index i is in the set; stops at punctuation,
 * and at protected text unless `overProtected` (a guard that forbids reads on past "$50,000" in
 * "offered a $50,000 reward": the span stands for a word or two).
 */
export function withinHas(
  toks: readonly Tok[],
  i: number,
  dir: 1 | -1,
  w: { n: number; in: ReadonlySet<string> },
  overProtected = false,
): boolean {
  let k = i;
  for (let c = 0; c < w.n; c++) {
    k = dir === 1 ? nextIndex(toks, k) : prevIndex(toks, k);
    if (overProtected && k >= 0 && toks[k].kind === 'placeholder') continue;
    if (k < 0) return false;
    // The search ends at punctuation, which a set may name (", and or": a list goes on).
    if (toks[k].kind !== 'word') return toks[k].kind === 'punctuation' && w.in.has(toks[k].text);
    if (w.in.has(keyOf(toks[k]))) return true;
  }
  return false;
}

/** Quotes and brackets that may stand before a sentence's first word. */
export const OPENING_MARKS: ReadonlySet<string> = new Set(['"', '“', '‘', "'", '(', '[', '«']);

/** Index of a sentence's first word or placeholder (after opening quotes or brackets), or -1. */
export function firstContentIndex(toks: readonly Tok[]): number {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind === 'word' || toks[i].kind === 'placeholder') return i;
    if (toks[i].kind === 'punctuation' && !OPENING_MARKS.has(toks[i].text)) return -1;
  }
  return -1;
}

/** The full stop at toks[dotIndex] follows an abbreviation or an initial ("Dr.", "e.g.", "J."). */
export function isAbbreviationBefore(toks: readonly Tok[], dotIndex: number): boolean {
  const w = toks[dotIndex - 1];
  if (!w || w.kind !== 'word') return false;
  // "e.g." → tokens e . g .
  if (toks[dotIndex - 2]?.text === '.' && toks[dotIndex - 3]?.kind === 'word')
    return isAbbreviation(`${toks[dotIndex - 3].text}.${w.text}`);
  return isAbbreviation(w.text);
}

/** One sentence of a unit. */
export interface Sentence {
  toks: Tok[];
  /** Whitespace after the sentence (up to the next one). */
  gap: string;
  /** Parts of one split sentence share an id, so that they are never joined back together. */
  origin?: number;
  /** Made by joining two sentences (not joined again). */
  joined?: boolean;
  /** A run-in heading in bold or italics ("**Prepare the soil.**", "*Tip:*"): never joined or cut. */
  label?: boolean;
}

/**
 * Words a sentence often starts with: after an initial, "a.m." or "Inc." they open a new
 * sentence, not a surname or more of a name ("… 3 p.m. Moreover, …").
 */
const SENTENCE_STARTERS = new Set(
  'the a an this that these those it he she they we i you there here in on at by for from with as but and so then when while if after before his her their its our my your some many most all no one moreover additionally furthermore however also please finally overall thus therefore'.split(
    ' ',
  ),
);

/**
 * A piece that ends in two or more initials ("at S.P.", "J.R.R.") before a capitalised word that
 * opens no sentence ("Jenkinson", "Tolkien"): the segmentation module, shared with the detector,
 * ends a sentence there; the reviser reads it as one sentence, so no edit treats half a name's
 * sentence as a whole one.
 */
function endsInInitials(toks: readonly Tok[], next: readonly Tok[]): boolean {
  const n = toks.length;
  if (n < 4 || toks[n - 1].text !== '.') return false;
  let initials = 0;
  for (let i = n - 1; i >= 1 && toks[i].text === '.' && /^[A-Z]$/.test(toks[i - 1].text); i -= 2) initials++;
  const head = next[0];
  return (
    initials >= 2 &&
    head?.kind === 'word' &&
    isCapitalized(head.text) &&
    !SENTENCE_STARTERS.has(head.text.toLowerCase())
  );
}

/**
 * Where a run-in heading in Markdown emphasis ends: the index of the space after "**Prepare the
 * soil.**" or "*Tip:*" at the start of a sentence, before a capitalised word; or -1. (The meaning
 * guard reads the word after it as a sentence's first, too.)
 */
export function runInHeadingEnd(toks: readonly Token[]): number {
  let i = 0;
  const marks = (at: number) => {
    let n = 0;
    while (toks[at + n]?.kind === 'punctuation' && /^[*_]$/.test(toks[at + n].text)) n++;
    return n;
  };
  const open = marks(0);
  if (open === 0 || open > 2) return -1;
  const stop = (t: Token | undefined) => t?.kind === 'punctuation' && /^[.:!?]$/.test(t.text);
  for (i = open; i < toks.length && i < 40; i++) {
    // The stop inside the emphasis ("**Tip:**") or just after it ("**Tip**:").
    if (marks(i) !== open || toks[i - 1]?.kind === 'space') continue;
    if (!stop(toks[i - 1]) && !stop(toks[i + open])) return -1;
    const space = i + open + (stop(toks[i + open]) ? 1 : 0);
    const next = toks[space + 1];
    if (toks[space]?.kind !== 'space' || !next) return -1;
    return next.kind === 'placeholder' || (next.kind === 'word' && isCapitalized(next.text)) ? space : -1;
  }
  return -1;
}

/**
 * A unit's tokens as sentences, each keeping its trailing whitespace as `gap` (the segmentation
 * module's sentences). A run-in heading ("1. **Water often.** It is important to …") is a sentence
 * of its own here, so the edits that read a sentence from its first word see the one after it.
 */
export function splitSentences(toks: Tok[], endsSentence: (placeholder: Tok) => boolean = () => false): Sentence[] {
  const out: Sentence[] = [];
  const pieces = sentenceTokens(toks)
    .flatMap((piece) => afterQuotations(piece, endsSentence))
    .flatMap(afterClosingAbbreviations);
  for (const s of pieces) {
    const last = out[out.length - 1];
    const cut = runInHeadingEnd(s.tokens);
    if (last && last.gap === ' ' && endsInInitials(last.toks, s.tokens)) {
      last.toks = [...last.toks, { text: last.gap, kind: 'space' }, ...s.tokens];
      last.gap = s.gap;
    } else if (cut > 0) {
      out.push({ toks: s.tokens.slice(0, cut), gap: s.tokens[cut].text, label: true });
      out.push({ toks: s.tokens.slice(cut + 1), gap: s.gap });
    } else out.push({ toks: s.tokens, gap: s.gap });
  }
  return out;
}

/** Abbreviations that often close a sentence ("until 3 p.m.", "Acme Inc."), whose full stop is then its end too. */
const CLOSING_ABBREVIATIONS = new Set('inc ltd co corp llc plc etc'.split(' '));

/** The full stop at t[i] closes "a.m.", "p.m." or an abbreviation that often ends a sentence. */
export function closingAbbreviation(t: readonly Tok[], i: number): boolean {
  const w = t[i - 1];
  if (!w || w.kind !== 'word') return false;
  const k = keyOf(w);
  if (CLOSING_ABBREVIATIONS.has(k)) return true;
  return k === 'm' && t[i - 2]?.text === '.' && /^[ap]$/i.test(t[i - 3]?.text ?? '');
}

type Piece = { tokens: Tok[]; gap: string };

/**
 * A sentence piece cut after each token `endsHere` accepts where a space (no line break) and a
 * capitalised word `opens` accepts follow.
 */
function cutPiece(
  piece: Piece,
  endsHere: (t: readonly Tok[], i: number) => boolean,
  opens: (w: Tok) => boolean,
): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  const t = piece.tokens;
  for (let i = 0; i + 2 < t.length; i++) {
    const next = t[i + 2];
    if (t[i + 1].kind !== 'space' || t[i + 1].text.includes('\n')) continue;
    if (next.kind !== 'word' || !isCapitalized(next.text) || !opens(next) || !endsHere(t, i)) continue;
    out.push({ tokens: t.slice(from, i + 1), gap: t[i + 1].text });
    from = i + 2;
  }
  out.push({ tokens: t.slice(from), gap: piece.gap });
  return out;
}

/**
 * A sentence piece cut after "a.m.", "p.m.", "Inc.", "Ltd." or "etc." where a word that opens
 * sentences follows ("The office opens at 9 a.m. Additionally, visitors must sign in"): the
 * segmenter keeps abbreviations inside a sentence, and the next sentence's opening went unread.
 */
const afterClosingAbbreviations = (piece: Piece): Piece[] =>
  cutPiece(
    piece,
    (t, i) => t[i].text === '.' && closingAbbreviation(t, i),
    (w) => SENTENCE_STARTERS.has(keyOf(w)),
  );

/**
 * A sentence piece cut after each protected span that ends a sentence of its own (a quotation
 * ending in a full stop) where a capitalised word follows: the segmenter sees only the
 * placeholder, so `She said, "We have no books left." In essence, …` was one sentence to it, and
 * the next sentence's opening went unread.
 */
const afterQuotations = (piece: Piece, endsSentence: (placeholder: Tok) => boolean): Piece[] =>
  cutPiece(
    piece,
    (t, i) => t[i].kind === 'placeholder' && endsSentence(t[i]),
    () => true,
  );

/** The order of the placeholders (protected spans) in the tokens, which every edit must keep. */
export function placeholderOrder(toks: readonly Tok[]): string {
  let s = '';
  for (const t of toks) if (t.kind === 'placeholder') s += t.text;
  return s;
}

/** Adds a reason to the ones recorded for words removed before a token. */
export function withRemovedBefore(t: Tok, reason: string): Tok {
  if (!t.removedBefore) return { ...t, removedBefore: reason };
  if (t.removedBefore.split('; ').includes(reason)) return t;
  return { ...t, removedBefore: `${t.removedBefore}; ${reason}` };
}

/** The first word of a sentence, lower-cased ('' if it opens with something else). */
export function openingWord(toks: readonly Tok[]): string {
  const fi = firstContentIndex(toks);
  return fi >= 0 && toks[fi].kind === 'word' ? keyOf(toks[fi]) : '';
}

/** A word token (no space, punctuation or placeholder). */
export function isWord(t: Tok | undefined): t is Tok {
  return !!t && t.kind === 'word';
}

/** "a" / "an" before the word at `at` (a new word, or one a deletion brought next to it). */
export function fixArticle(toks: Tok[], at: number, reason: Reason): void {
  const p = prevIndex(toks, at);
  const next = toks[at];
  if (p < 0 || toks[p].kind !== 'word' || !/^(a|an)$/i.test(toks[p].text) || next?.kind !== 'word') return;
  const a = article(next.text, isCapitalized(toks[p].text));
  if (a !== toks[p].text) toks[p] = { text: a, kind: 'word', reason };
}
