/**
 * The one place that splits text into paragraphs, sentences, words and tokens, with character
 * offsets into the original string, so that every engine — the detector, the reviser, the diff,
 * the prompts of the local model — agrees on what a sentence is and reports positions a UI can
 * highlight. Pure and allocation-light: the analysis and revision engines call it on every
 * document.
 *
 * Engines that hide protected text (the reviser) replace each protected span by a placeholder,
 * `\uE000<n>\uE001` (private-use characters no document uses): `tokenize` keeps a placeholder
 * as one token, and a placeholder may open a sentence (a quotation often does).
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

export interface WordToken extends Span {
  /** The word as written. */
  text: string;
  /** Lower-cased, with typographic apostrophes folded to ASCII. */
  norm: string;
}

/** Paragraphs are separated by one or more blank lines; offsets exclude the separators. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n[ \t]*\n+/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    pushTrimmed(text, start, m.index, out);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

/** Abbreviations (lower case, inner full stops kept: "e.g") after which a full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'fig',
  'figs',
  'no',
  'vol',
  'pp',
  'p',
  'ed',
  'eds',
  'approx',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'a.m',
  'p.m',
  'gen',
  'gov',
  'sen',
  'rep',
  'rev',
  'mt',
]);

/**
 * Sentences with offsets, within paragraphs (a sentence never runs over a blank line). See
 * `sentenceSpans` for where a sentence ends.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paras = paragraphs(text);
  for (let p = 0; p < paras.length; p++) {
    for (const s of sentenceSpans(text, paras[p].start, paras[p].end)) {
      out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end), paragraph: p });
    }
  }
  return out;
}

/** A character that may open a sentence: an upper-case letter, a digit, an opening quote or bracket, a placeholder. */
const SENTENCE_OPENER = /[\p{Lu}0-9"“‘'([«\uE000]/u;
const CLOSER = /["'”’)\]»]/;

/**
 * The sentences of text[start, end) (one paragraph or line), trimmed, in order. A sentence ends
 * at . ! ? or … (with any closing quotes or brackets, and runs like "?!" or "...") followed by
 * whitespace and a character that may open a sentence; not after a known abbreviation or an
 * initial ("J. Smith") unless a closing quote follows it, and not inside a number ("3.5"). The
 * text between two spans is whitespace only.
 */
export function sentenceSpans(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  let s = start;
  while (s < end && /\s/.test(text[s])) s++;
  for (let i = s; i < end; i++) {
    const c = text.charCodeAt(i);
    // '.', '!', '?', '…'
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    let j = i + 1;
    // Closing quotes and brackets belong to the sentence; runs like "?!" or "..." end together.
    while (j < end && (CLOSER.test(text[j]) || /[.!?…]/.test(text[j]))) j++;
    if (j >= end) break;
    if (!/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k >= end) break;
    if (!SENTENCE_OPENER.test(text[k])) continue;
    // A quotation's own full stop ends it even after a word that may be an abbreviation: `He
    // said "No." Moreover, …` ("No. 5" is never quoted that way).
    if (c === 46 && !/["'”’»]/.test(text[i + 1] ?? '') && abbreviationBefore(text, s, i)) continue;
    pushSpan(s, j, text, out);
    s = k;
    i = k - 1;
  }
  pushSpan(s, end, text, out);
  return out;
}

/** The word that ends at the full stop text[dot] is an abbreviation or an initial. */
function abbreviationBefore(text: string, sentenceStart: number, dot: number): boolean {
  let w = dot;
  while (w > sentenceStart && /[A-Za-z.]/.test(text[w - 1])) w--;
  return isAbbreviation(text.slice(w, dot));
}

/** "Dr", "e.g", "U.S", or a single letter (an initial): a full stop after it does not end a sentence. */
export function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length === 1 && /[a-z]/.test(w)) return true;
  return ABBREVIATIONS.has(w);
}

function pushSpan(start: number, end: number, text: string, out: Span[]): void {
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

const WORD_RE = /[A-Za-z\u00C0-\u024F0-9]+(?:['’][A-Za-z]+)*(?:[-.][A-Za-z\u00C0-\u024F0-9]+)*/g;

/** Word tokens with offsets. Hyphenated words and contractions stay one token. */
export function words(text: string, offset = 0, end = text.length): WordToken[] {
  const out: WordToken[] = [];
  const slice = offset === 0 && end === text.length ? text : text.slice(offset, end);
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(slice)) !== null) {
    const raw = m[0];
    out.push({
      start: offset + m.index,
      end: offset + m.index + raw.length,
      text: raw,
      norm: raw.toLowerCase().replace(/’/g, "'"),
    });
  }
  return out;
}

/** Whitespace-separated word count, the measure users and the corpus statistics use. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export type TokenKind = 'word' | 'space' | 'punctuation' | 'placeholder';

/** A piece of text: joined in order, a text's tokens give it back exactly. */
export interface Token {
  text: string;
  kind: TokenKind;
}

/**
 * Placeholder | word (letters and digits, with inner apostrophes and hyphens: "don't",
 * "well-known") | a run of whitespace | one other character (punctuation, a symbol, a full stop).
 * Unlike `words`, a full stop is never part of a token, so "e.g." is e . g . here.
 */
const TOKEN_RE =
  /(\uE000\d+\uE001)|([\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)*)*)|(\s+)|([\s\S])/uy;

/** Placeholders and words as `TOKEN_RE` reads them, found without building the other tokens. */
const WORD_OR_PLACEHOLDER_RE = /(\uE000\d+\uE001)|[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)*)*/gu;

/**
 * How many word tokens `tokenize` would give, without making them (a revision's summary counts
 * the words of the whole document twice and of every change).
 */
export function countWordTokens(text: string): number {
  let n = 0;
  WORD_OR_PLACEHOLDER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_OR_PLACEHOLDER_RE.exec(text)) !== null) if (!m[1]) n++;
  return n;
}

/** The text as tokens (words, spaces, punctuation and placeholders). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    if (m[1]) out.push({ text: m[1], kind: 'placeholder' });
    else if (m[2]) out.push({ text: m[2], kind: 'word' });
    else if (m[3]) out.push({ text: m[3], kind: 'space' });
    else out.push({ text: m[4], kind: 'punctuation' });
  }
  return out;
}

/**
 * Splits tokens (covering a line or paragraph) into sentences at the ends `sentenceSpans` finds;
 * each sentence keeps the whitespace that follows it as `gap`. Joined in order, sentence tokens
 * and gaps give the tokens back.
 */
export function sentenceTokens<T extends Token>(tokens: readonly T[]): { tokens: T[]; gap: string }[] {
  let text = '';
  for (const t of tokens) text += t.text;
  const spans = sentenceSpans(text);
  const out: { tokens: T[]; gap: string }[] = [];
  let k = 0;
  let at = 0;
  // Leading whitespace belongs to no sentence: keep it as the gap of an empty first piece.
  if (spans.length === 0 || spans[0].start > 0) {
    let lead = '';
    while (k < tokens.length && tokens[k].kind === 'space') {
      lead += tokens[k].text;
      at += tokens[k++].text.length;
    }
    if (lead) out.push({ tokens: [], gap: lead });
  }
  for (const sp of spans) {
    const cur: T[] = [];
    while (k < tokens.length && at < sp.end) {
      cur.push(tokens[k]);
      at += tokens[k++].text.length;
    }
    let gap = '';
    while (k < tokens.length && tokens[k].kind === 'space') {
      gap += tokens[k].text;
      at += tokens[k++].text.length;
    }
    out.push({ tokens: cur, gap });
  }
  return out;
}
