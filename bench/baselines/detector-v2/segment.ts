/**
 * Splitting text into paragraphs, sentences and words with character offsets into the original
 * string, so that every engine reports positions a UI can highlight. Pure and allocation-light:
 * the analysis and revision engines call it on every document.
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

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
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
 * Sentences with offsets. A sentence ends at . ! ? (or …) followed by whitespace and an
 * upper-case letter, digit or opening quote, or at a paragraph end; not after a known
 * abbreviation, an initial ("J. Smith") or inside a number ("3.5").
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paras = paragraphs(text);
  for (let p = 0; p < paras.length; p++) {
    const { start: ps, end: pe } = paras[p];
    let s = ps;
    for (let i = ps; i < pe; i++) {
      const c = text.charCodeAt(i);
      // '.', '!', '?', '…'
      if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
      let j = i + 1;
      // Closing quotes and brackets belong to the sentence.
      while (j < pe && /["'”’)\]»]/.test(text[j])) j++;
      // Runs like "?!" or "..." end together.
      while (j < pe && /[.!?]/.test(text[j])) j++;
      if (j >= pe) break;
      if (!/\s/.test(text[j])) continue;
      let k = j;
      while (k < pe && /\s/.test(text[k])) k++;
      if (k >= pe) break;
      if (!/[A-Z0-9"“‘'([«]/.test(text[k])) continue;
      if (c === 46 && isAbbreviation(text, s, i)) continue;
      push(text, s, j, p, out);
      s = k;
      i = k - 1;
    }
    push(text, s, pe, p, out);
  }
  return out;
}

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let w = dot;
  while (w > sentenceStart && /[A-Za-z.]/.test(text[w - 1])) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word);
}

function push(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end), paragraph });
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
