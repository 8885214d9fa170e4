/**
 * Protected spans: the parts of a text a revision must never change — quotations, numbers,
 * dates, currencies, percentages, URLs, e-mail addresses, citations, DOIs, code, and the user's
 * frozen terms. They are found before rewriting, masked as placeholders the rules (or a local
 * model) cannot read as words, restored byte for byte afterwards, and a verifier checks the final
 * text still holds every one of them, unchanged and in order.
 */
import { findFieldTerms } from './terms';
import { InkproofError } from '../../src-shared/errors';

export type SpanKind =
  | 'code'
  | 'url'
  | 'email'
  | 'doi'
  | 'citation'
  | 'quote'
  | 'date'
  | 'currency'
  | 'percentage'
  | 'number'
  | 'frozen'
  | 'term'
  | 'symbol';

export interface ProtectedSpan {
  start: number;
  end: number;
  kind: SpanKind;
  text: string;
}

const KIND_LABEL: Record<SpanKind, string> = {
  code: 'code',
  url: 'a web address',
  email: 'an e-mail address',
  doi: 'a DOI',
  citation: 'a citation',
  quote: 'a quotation',
  date: 'a date',
  currency: 'an amount of money',
  percentage: 'a percentage',
  number: 'a number',
  frozen: 'one of your frozen terms',
  term: 'a term of its field',
  symbol: 'a special character',
};

export function describeKind(kind: SpanKind): string {
  return KIND_LABEL[kind];
}

// Higher wins when two candidate spans overlap and have to be merged into one.
const PRIORITY: Record<SpanKind, number> = {
  code: 10,
  url: 9,
  email: 9,
  doi: 9,
  citation: 8,
  quote: 7,
  frozen: 6,
  term: 6,
  date: 5,
  currency: 4,
  percentage: 4,
  number: 3,
  symbol: 2,
};

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const SCALE = 'thousand|million|billion|trillion|bn|mn|m|k';
const CURRENCY_WORDS =
  'dollars?|euros?|pounds?(?: sterling)?|yen|yuan|rupees?|francs?|cents?|pence|USD|EUR|GBP|JPY|CNY|CHF|INR|AUD|CAD';
const NUMBER_WORDS =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|thousand|million|billion|trillion|dozen|half|quarter|third|thirds|quarters|twice|thrice)';

// Each rule: a regular expression (global) and the kind of span it marks.
interface Rule {
  re: RegExp;
  kind: SpanKind;
  /** Optional post-processing of a match into [start, end) offsets (or null to drop it). */
  trim?: (text: string, start: number, end: number) => [number, number] | null;
}

/** Trims trailing punctuation from URLs and DOIs, keeping a closing bracket whose opening one is inside. */
function trimLink(text: string, start: number, end: number): [number, number] | null {
  let e = end;
  while (e > start) {
    const c = text[e - 1];
    if (c === ')' || c === ']') {
      const open = c === ')' ? '(' : '[';
      const inner = text.slice(start, e);
      if (count(inner, open) >= count(inner, c)) break;
      e--;
      continue;
    }
    if ('.,;:!?\'"”’»}>'.includes(c)) {
      e--;
      continue;
    }
    break;
  }
  return e > start ? [start, e] : null;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** A token containing a digit, without surrounding brackets, quotes or sentence punctuation. */
function trimNumber(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /[("'“‘«[{<]/.test(text[start])) start++;
  while (end > start && /[.,;:!?)"'”’»\]}>]/.test(text[end - 1])) end--;
  // A trailing bracket that belongs to the token ("f(2)") is kept if balanced inside.
  return end > start && /\d/.test(text.slice(start, end)) ? [start, end] : null;
}

const RULES: Rule[] = [
  // Fenced code blocks (to the closing fence, or to the end of the text if unterminated).
  // (A fence's line ends at "\r" too: "[^\n]*" ran on through a text of lone "\r"s from each of them.)
  { re: /^[ \t]*(```|~~~)[^\r\n]*\r?\n[\s\S]*?(?:^[ \t]*\1[^\r\n]*$|(?![\s\S]))/gm, kind: 'code' },
  // Inline code.
  { re: /`[^`\n]+`/g, kind: 'code' },
  // HTML comments (a Markdown file's notes to its editors, never shown to its readers), to their
  // end or the text's end.
  { re: /<!--[\s\S]*?(?:-->|(?![\s\S]))/g, kind: 'code' },
  // URLs.
  { re: /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"“”]+/gi, kind: 'url', trim: trimLink },
  // E-mail addresses.
  // (Only from the start of a run of address characters: tried from inside a long run without "@",
  // the search rescanned the run from each of its characters, quadratic in its length.)
  { re: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, kind: 'email' },
  // DOIs, with or without a "doi:" prefix.
  { re: /\b(?:doi:\s*)?10\.\d{4,9}\/[^\s"<>“”]+/gi, kind: 'doi', trim: trimLink },
  // Numeric citations: [12], [1, 3-5], [2–4].
  { re: /\[\d+(?:\s*[,–-]\s*\d+)*\]/g, kind: 'citation' },
  // Bracketed author-year citations: [Smith 2020].
  { re: /\[[^[\]\n]{0,120}?\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b[^[\]\n]{0,60}\]/g, kind: 'citation' },
  // Parenthetical author-year citations: (Smith et al., 2020), (see Lee & Kim 2019; Ng, 2021a).
  {
    re: /\((?:[^()\n]{0,160}?)\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b[^()\n]{0,80}\)/g,
    kind: 'citation',
    trim: (text, s, e) =>
      /[A-Z]/.test(text.slice(s, e)) && /[A-Za-z]{2,}/.test(text.slice(s, e).replace(/\d/g, '')) ? [s, e] : null,
  },
  // Narrative citations: Smith et al. (2020), Smith and Jones (2019).
  {
    // Each "and" or "&" takes one capitalised name, so a chain has one reading: "[A-Z]?[A-Za-z]*"
    // had two per name and backtracked exponentially through "Smith and Jones and Jones …" with
    // no year at its end (40 names took minutes). And a name starts where its run of letters
    // does, not inside "'Aa'Aa'Aa…", and a chain has eight links at most: tried from each name of a
    // long chain to its end, it was quadratic.
    re: /\b(?<![A-Za-z'’-])[A-Z][A-Za-z'’-]+(?:,? (?:et al\.|(?:and|&) [A-Z][A-Za-z'’.-]*)){0,8},? \((?:1[5-9]\d\d|20\d\d)[a-z]?(?:, p+\. ?\d+(?:[–-]\d+)?)?\)/g,
    kind: 'citation',
  },
  // Dates written with month names.
  {
    re: new RegExp(
      `\\b(?:(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})(?:,? \\d{4})?|(?:${MONTHS}) \\d{4})\\b`,
      'g',
    ),
    kind: 'date',
  },
  // Currency amounts with a symbol or code before, or a scale / currency word after. A bare number
  // is tried only from the start of its run of digits, commas and points (here, for percentages
  // and for scale words): from inside "1,1,1,…" each try rescanned the run, quadratic in its length.
  {
    re: new RegExp(
      `(?:(?:US|A|C|NZ|HK)?[$€£¥₹]|\\b(?:USD|EUR|GBP|JPY|CNY|CHF|INR|AUD|CAD) ?)\\d[\\d,.]*(?: ?(?:${SCALE})\\b)?|\\b(?<![\\d,.])\\d[\\d,.]*(?: (?:${SCALE}))? (?:${CURRENCY_WORDS})\\b`,
      'g',
    ),
    kind: 'currency',
    trim: trimNumber,
  },
  // Percentages.
  {
    re: /\b(?<![\d,.])\d[\d,.]*(?: ?%| ?(?:per ?cent|percent|percentage points?)\b)/gi,
    kind: 'percentage',
    trim: (t, s, e) => [s, e],
  },
  // Numbers with a scale word: 3 million, 2.5 billion.
  { re: new RegExp(`\\b(?<![\\d,.])\\d[\\d,.]*(?: (?:${SCALE}))\\b`, 'g'), kind: 'number', trim: trimNumber },
  // Any other token containing a digit: 42, 3.14, 1990s, COVID-19, 10:30, 5-year-old, v2.1.
  // (From a token's start only, for the same reason as the e-mail addresses.)
  { re: /(?<!\S)\S*\d\S*/g, kind: 'number', trim: trimNumber },
  // Spelled-out numbers (not "one", which is mostly a pronoun).
  { re: new RegExp(`\\b${NUMBER_WORDS}\\b`, 'gi'), kind: 'number' },
  // Private-use characters (they would collide with the placeholders).
  { re: /[\uE000-\uF8FF]+/g, kind: 'symbol' },
];

/** Quotations: “…”, "…", «…», ‘…’ and '…' within a paragraph. An unclosed opening quote protects to the paragraph's end. */
function findQuotes(text: string, out: ProtectedSpan[]): void {
  const paraRe = /\n[ \t]*\n/g;
  let pStart = 0;
  const bounds: [number, number][] = [];
  let m: RegExpExecArray | null;
  while ((m = paraRe.exec(text)) !== null) {
    bounds.push([pStart, m.index]);
    pStart = m.index + m[0].length;
  }
  bounds.push([pStart, text.length]);
  for (const [ps, paraEnd] of bounds) {
    // A paragraph wrapped whole in straight quotes that holds quotations of its own in them (an
    // essay pasted as a quoted string: "Choices shape us. In "The Crossroads," a woman …"): the
    // outer pair wraps it, and only the inner ones are quotations; paired in sequence, the outer
    // ones would take the inner ones for their own ends and protect stretches of prose at random.
    const [ws, we] = wrappingQuotes(text, ps, paraEnd);
    const pe = we ?? paraEnd;
    // No closing ’ from here to the paragraph's end: a later ‘ cannot find one either (without
    // this, a paragraph of many unclosed ‘ was searched to its end from each: quadratic).
    let noSingleCloseFrom = pe;
    let i = ws === undefined ? ps : ws + 1;
    while (i < pe) {
      const c = text[i];
      let close = -1;
      if (c === '“' || c === '«' || c === '„') {
        const closer = c === '«' ? '»' : c === '„' ? '“”' : '”';
        close = indexOfAny(text, closer, i + 1, pe);
        if (close < 0 && c === '„') close = indexOfAny(text, '"', i + 1, pe);
      } else if (c === '"') {
        close = text.indexOf('"', i + 1);
        if (close >= pe) close = -1;
      } else if (c === '‘') {
        close = i + 1 >= noSingleCloseFrom ? -1 : findSingleClose(text, i + 1, pe, '’');
        if (close < 0) {
          noSingleCloseFrom = Math.min(noSingleCloseFrom, i + 1);
          i++;
          continue;
        }
      } else if (
        c === "'" &&
        (i === ps || /[\s([{—–-]/.test(text[i - 1])) &&
        i + 1 < pe &&
        /[A-Za-z0-9]/.test(text[i + 1])
      ) {
        close = findSingleClose(text, i + 1, Math.min(pe, i + 300), "'");
        if (close < 0) {
          i++;
          continue;
        }
      } else {
        i++;
        continue;
      }
      const end = close < 0 ? pe : close + 1;
      out.push({ start: i, end, kind: 'quote', text: text.slice(i, end) });
      i = end;
    }
  }
}

/** The positions of a straight-quote pair around the whole paragraph with straight quotes inside it, if any. */
function wrappingQuotes(text: string, ps: number, pe: number): [number?, number?] {
  let a = ps;
  while (a < pe && /\s/.test(text[a])) a++;
  let z = pe - 1;
  while (z > a && /\s/.test(text[z])) z--;
  if (z <= a || text[a] !== '"' || text[z] !== '"') return [];
  // Inside, the quotes must pair up as an opening one (after a space or a bracket, before a word)
  // and a closing one (after a word or a mark, before a space or a mark): '"I will come," she
  // said. "Wait."' is two quotations, not one wrapping a ' she said. '.
  const inner: number[] = [];
  for (let j = text.indexOf('"', a + 1); j >= 0 && j < z; j = text.indexOf('"', j + 1)) inner.push(j);
  if (inner.length < 2 || inner.length % 2) return [];
  for (let k = 0; k < inner.length; k += 2) {
    const o = inner[k];
    const c = inner[k + 1];
    if (!/[\s([{—–-]/.test(text[o - 1]) || /\s/.test(text[o + 1])) return [];
    if (/\s/.test(text[c - 1]) || /[\p{L}\p{N}]/u.test(text[c + 1])) return [];
  }
  return [a, z];
}

function indexOfAny(text: string, chars: string, from: number, to: number): number {
  for (let j = from; j < to; j++) if (chars.includes(text[j])) return j;
  return -1;
}

/** A closing single quote: preceded by a non-space and not followed by a letter (so not an apostrophe). */
function findSingleClose(text: string, from: number, to: number, q: string): number {
  for (let j = from; j < to; j++) {
    if (text[j] !== q) continue;
    if (/\s/.test(text[j - 1])) continue;
    if (j + 1 < text.length && /[A-Za-z]/.test(text[j + 1])) continue;
    return j;
  }
  return -1;
}

/** Indented code: a paragraph whose every line starts with four spaces or a tab. */
function findIndentedCode(text: string, out: ProtectedSpan[]): void {
  const re = /(?:^|\n[ \t]*\n)((?:(?: {4}|\t)[^\n]*(?:\n|$))+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1].length;
    let end = start + m[1].length;
    while (end > start && text[end - 1] === '\n') end--;
    // Only when the block is a whole paragraph (the next line is blank or the text ends).
    const after = text.slice(end, end + 3);
    if (end === text.length || /^\n[ \t]*(\n|$)/.test(after))
      out.push({ start, end, kind: 'code', text: text.slice(start, end) });
    re.lastIndex = Math.max(re.lastIndex - 1, end);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Frozen terms: case-insensitive, whole words (not inside a longer word), longest first. */
function findFrozen(text: string, frozen: readonly string[], out: ProtectedSpan[]): void {
  const terms = [...new Set(frozen.map((t) => t.trim()).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (terms.length === 0) return;
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'frozen', text: m[0] });
  }
}

const MAX_TERM_SEARCHES = 24;
/** Small words a term's abbreviation may skip ("Department of Energy (DOE)"). */
const MINOR_WORDS = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', 'a', 'an', '&']);

/**
 * Where the words ending at `end` spell `letters` by their initials ("large language models" for
 * "LLM"; "retrieval-augmented generation" for "RAG"), the offset of the first of them; else -1.
 */
function termStart(text: string, end: number, letters: string): number {
  let j = letters.length - 1;
  let i = end;
  let start = -1;
  for (let words = 0; j >= 0 && words < letters.length + 3; words++) {
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
    let w = i;
    while (w > 0 && /[A-Za-z'’&-]/.test(text[w - 1])) w--;
    if (w === i) return -1;
    const parts = text.slice(w, i).split('-').filter(Boolean);
    for (let p = parts.length - 1; p >= 0 && j >= 0; p--) {
      if (parts[p][0].toUpperCase() === letters[j]) j--;
      else if (!MINOR_WORDS.has(parts[p].toLowerCase()) || p !== parts.length - 1) return -1;
    }
    start = w;
    i = w;
  }
  return j < 0 ? start : -1;
}

/**
 * Terms the text defines with their abbreviation — "large language models (LLMs)", "natural
 * language processing (NLP)" — and every other mention of them: a term of the field, which no
 * plainer word may replace ("big language models").
 */
function findDefinedTerms(text: string, out: ProtectedSpan[]): void {
  const re = /\(([A-Z][A-Za-z]{1,9})\)/g;
  const phrases = new Set<string>();
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const letters = m[1].replace(/s$/, '').replace(/[^A-Z]/g, '');
    if (letters.length < 2 || letters.length !== m[1].replace(/s$/, '').length) continue;
    const start = termStart(text, m.index, letters);
    if (start < 0) continue;
    out.push({ start, end: m.index + m[0].length, kind: 'term', text: text.slice(start, m.index + m[0].length) });
    phrases.add(text.slice(start, m.index).trim().toLowerCase());
  }
  // Each term is one more pass over the text: a few dozen at most, so that a text of thousands
  // of abbreviations costs no more than a few passes.
  for (const phrase of [...phrases].slice(0, MAX_TERM_SEARCHES)) {
    const words = phrase.split(/\s+/).map(escapeRegExp);
    // The singular and the plural are one term ("language model", "language models").
    words[words.length - 1] = words[words.length - 1].replace(/(?:es|s)$/, '') + '(?:es|s)?';
    const mention = new RegExp(`(?<![\\p{L}\\p{N}_-])${words.join('\\s+')}(?![\\p{L}\\p{N}_-])`, 'giu');
    while ((m = mention.exec(text)) !== null)
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'term', text: m[0] });
  }
}

/**
 * Every protected span of `text`, sorted and non-overlapping (overlapping candidates are merged
 * into one span covering both, with the kind of the more specific one).
 */
export function findProtectedSpans(text: string, frozen: readonly string[] = []): ProtectedSpan[] {
  const raw: ProtectedSpan[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      let s = m.index;
      let e = m.index + m[0].length;
      if (rule.trim) {
        const r = rule.trim(text, s, e);
        if (!r) continue;
        [s, e] = r;
      }
      if (e > s) raw.push({ start: s, end: e, kind: rule.kind, text: text.slice(s, e) });
    }
  }
  findQuotes(text, raw);
  findIndentedCode(text, raw);
  findFrozen(text, frozen, raw);
  findDefinedTerms(text, raw);
  findFieldTerms(text, raw);
  return mergeSpans(text, raw);
}

function mergeSpans(text: string, raw: ProtectedSpan[]): ProtectedSpan[] {
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ProtectedSpan[] = [];
  for (const s of raw) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
      if (PRIORITY[s.kind] > PRIORITY[last.kind]) last.kind = s.kind;
      last.text = text.slice(last.start, last.end);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Masking for the rules engine: each span becomes \uE000<index>\uE001, which no word pattern
// matches. The private-use characters never occur unmasked (the 'symbol' rule protects them).

export const PH_OPEN = '\uE000';
export const PH_CLOSE = '\uE001';
export const PLACEHOLDER_RE = /\uE000(\d+)\uE001/g;

export interface Masked {
  masked: string;
  /** The spans in order; placeholder n stands for spans[n]. */
  spans: ProtectedSpan[];
}

/**
 * Masks the part [from, to) of `text`. Spans that only partly overlap [from, to) are masked for
 * the part inside (that part is protected too). Offsets of the returned spans are into `text`.
 */
export function maskRange(
  text: string,
  spans: readonly ProtectedSpan[],
  from = 0,
  to = text.length,
  firstIndex = 0,
): Masked {
  let masked = '';
  let pos = from;
  const used: ProtectedSpan[] = [];
  for (const sp of spans) {
    if (sp.end <= from) continue;
    if (sp.start >= to) break;
    const s = Math.max(sp.start, from);
    const e = Math.min(sp.end, to);
    masked += text.slice(pos, s) + PH_OPEN + (firstIndex + used.length) + PH_CLOSE;
    used.push(s === sp.start && e === sp.end ? sp : { start: s, end: e, kind: sp.kind, text: text.slice(s, e) });
    pos = e;
  }
  masked += text.slice(pos, to);
  return { masked, spans: used };
}

/**
 * Puts the protected text back. Every placeholder must appear exactly once and in order;
 * otherwise the revision changed a protected span and fails with `protected_span_changed`.
 */
export function unmask(revised: string, spans: readonly ProtectedSpan[], firstIndex = 0): string {
  let expected = firstIndex;
  const seen = new Set<number>();
  PLACEHOLDER_RE.lastIndex = 0;
  const out = revised.replace(PLACEHOLDER_RE, (_m, d: string) => {
    const n = Number(d);
    const sp = spans[n - firstIndex];
    if (!sp || seen.has(n)) throw spanChanged(sp ?? spans[0], sp ? 'repeated' : 'changed');
    if (n !== expected) throw spanChanged(spans[expected - firstIndex] ?? sp, 'moved');
    seen.add(n);
    expected++;
    return sp.text;
  });
  if (expected - firstIndex !== spans.length) throw spanChanged(spans[expected - firstIndex], 'removed');
  if (/[\uE000\uE001]/.test(out)) throw spanChanged(spans[0], 'changed');
  return out;
}

export function spanChanged(
  span: ProtectedSpan | undefined,
  how: 'changed' | 'removed' | 'moved' | 'repeated' | 'added' = 'changed',
): InkproofError {
  if (!span) {
    return new InkproofError(
      'protected_span_changed',
      'The revision changed text that must stay exactly as written, so it was not applied. Nothing in your document was changed.',
    );
  }
  const shown = span.text.length > 60 ? `${span.text.slice(0, 57)}…` : span.text;
  const verb = how === 'removed' ? 'dropped' : how === 'moved' ? 'moved' : how === 'repeated' ? 'repeated' : 'changed';
  return new InkproofError(
    'protected_span_changed',
    `The revision ${verb} “${shown}” (${describeKind(span.kind)}), which must stay exactly as written, so it was not applied. Nothing in your document was changed.`,
  );
}

/**
 * The verifier: `result` must contain every protected span's text, unchanged and in the same
 * order. Throws `protected_span_changed` naming the first span that is missing.
 */
export function verifyProtected(result: string, spans: readonly ProtectedSpan[]): void {
  let cursor = 0;
  for (const sp of spans) {
    const at = result.indexOf(sp.text, cursor);
    if (at < 0) throw spanChanged(sp, 'changed');
    cursor = at + sp.text.length;
  }
}
