/**
 * One fast pass over a text: word, number and punctuation tokens with offsets and 32-bit hashes,
 * in typed arrays (no per-token objects). The detector's n-gram tables, lexicons and stylometry
 * all work on these hashes, so the same function is used at training time and at run time.
 *
 * Hashing: FNV-1a over the lower-cased word (typographic apostrophes folded to ASCII). Numbers
 * all hash to one token, punctuation marks to one token per kind (quotes folded together).
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of a string, lower-cased the same way the tokenizer does it. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x2019) c = 39;
    else if (c > 127) c = lowerCode(c);
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h >>> 0;
}

function lowerCode(c: number): number {
  // Latin-1 supplement and Latin Extended-A upper-case letters; anything else as is.
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c >= 0x100 && c <= 0x17f && (c & 1) === 0) return c + 1;
  return c;
}

/** Hashes of the pseudo-tokens. */
export const NUM_HASH = hashWord('<num>');

export const enum Kind {
  Word = 0,
  Num = 1,
  Punct = 2,
}

/** Punctuation kinds: index into PUNCT_CHARS; used for the punctuation profile. */
export const PUNCT_NAMES = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '"',
  "'",
  '(',
  ')',
  '-',
  '—',
  '…',
  '/',
  '&',
  '%',
  '*',
  '[',
  ']',
] as const;
export const P_COMMA = 0,
  P_PERIOD = 1,
  P_SEMI = 2,
  P_COLON = 3,
  P_EXCL = 4,
  P_QUEST = 5,
  P_DQUOTE = 6,
  P_SQUOTE = 7,
  P_LPAREN = 8,
  P_RPAREN = 9,
  P_HYPHEN = 10,
  P_DASH = 11,
  P_ELLIPSIS = 12;
export const PUNCT_HASHES = PUNCT_NAMES.map((p) => hashWord('<p' + p + '>'));

function punctKind(c: number): number {
  switch (c) {
    case 44:
      return P_COMMA;
    case 46:
      return P_PERIOD;
    case 59:
      return P_SEMI;
    case 58:
      return P_COLON;
    case 33:
      return P_EXCL;
    case 63:
      return P_QUEST;
    case 34:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0xab:
    case 0xbb:
      return P_DQUOTE;
    case 39:
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 96:
      return P_SQUOTE;
    case 40:
    case 123:
      return P_LPAREN;
    case 41:
    case 125:
      return P_RPAREN;
    case 45:
      return P_HYPHEN;
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return P_DASH;
    case 0x2026:
      return P_ELLIPSIS;
    case 47:
      return 13;
    case 38:
      return 14;
    case 37:
      return 15;
    case 42:
      return 16;
    case 91:
      return 17;
    case 93:
      return 18;
    default:
      return -1;
  }
}

export interface Tokens {
  n: number;
  hash: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  /** Kind per token (Kind). */
  kind: Uint8Array;
  /** Punctuation kind for Punct tokens, else 255. */
  punct: Uint8Array;
  /**
   * Bit flags per word token: 1 = starts with an upper-case letter, 2 = contraction
   * (n't, 're, 'll, 've, 'm, 'd, or 's after a pronoun), 4 = has a hyphen.
   */
  flags: Uint8Array;
  /** Letters in the word (0 for non-words). */
  len: Uint8Array;
}

export const F_CAP = 1,
  F_CONTRACTION = 2,
  F_HYPHEN = 4;

// Pronouns and the like for which "'s" is a contraction of is/has rather than a possessive.
const S_CONTRACTION_BASES = new Set(
  [
    'it',
    'that',
    'he',
    'she',
    'there',
    'what',
    'here',
    'let',
    'who',
    'where',
    'how',
    'everything',
    'nothing',
    'something',
    'everyone',
    'someone',
    'when',
    'why',
  ].map(hashWord),
);

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function grow(t: Tokens, cap: number): Tokens {
  const g = <T extends Uint32Array | Uint8Array>(a: T, C: new (n: number) => T): T => {
    const b = new C(cap);
    b.set(a);
    return b;
  };
  return {
    n: t.n,
    hash: g(t.hash, Uint32Array),
    start: g(t.start, Uint32Array),
    end: g(t.end, Uint32Array),
    kind: g(t.kind, Uint8Array),
    punct: g(t.punct, Uint8Array),
    flags: g(t.flags, Uint8Array),
    len: g(t.len, Uint8Array),
  };
}

/** Tokenizes the whole text. */
export function tokenize(text: string): Tokens {
  const L = text.length;
  let cap = Math.max(64, (L >> 2) + 16);
  let t: Tokens = {
    n: 0,
    hash: new Uint32Array(cap),
    start: new Uint32Array(cap),
    end: new Uint32Array(cap),
    kind: new Uint8Array(cap),
    punct: new Uint8Array(cap),
    flags: new Uint8Array(cap),
    len: new Uint8Array(cap),
  };
  let i = 0;
  while (i < L) {
    const c = text.charCodeAt(i);
    if (t.n >= cap) {
      cap *= 2;
      t = grow(t, cap);
    }
    const k = t.n;
    if (isLetter(c) || isDigit(c)) {
      // A word: letters/digits, with inner apostrophes (don't) and inner hyphens/dots (well-known, U.S).
      const s = i;
      let h = FNV_OFFSET;
      let digits = 0;
      let letters = 0;
      let flags = c >= 65 && c <= 90 ? F_CAP : 0;
      let apos = -1;
      let baseHash = 0;
      while (i < L) {
        let d = text.charCodeAt(i);
        if (isLetter(d)) {
          letters++;
        } else if (isDigit(d)) {
          digits++;
        } else if (
          (d === 39 || d === 0x2019) &&
          apos < 0 &&
          i + 1 < L &&
          isLetter(text.charCodeAt(i + 1)) &&
          letters > 0
        ) {
          apos = i;
          baseHash = h >>> 0;
          d = 39;
        } else if (
          (d === 45 || d === 46) &&
          i + 1 < L &&
          (isLetter(text.charCodeAt(i + 1)) || isDigit(text.charCodeAt(i + 1))) &&
          i > s
        ) {
          // Inner hyphen (well-known) or dot (U.S, e.g, 3.5) stays inside the token.
          if (d === 45) flags |= F_HYPHEN;
        } else break;
        if (d >= 65 && d <= 90) d += 32;
        else if (d > 127) d = lowerCode(d);
        h = Math.imul(h ^ d, FNV_PRIME);
        i++;
      }
      if (apos >= 0) {
        const suf = text.slice(apos + 1, i).toLowerCase();
        const before = text.charCodeAt(apos - 1) | 32;
        if (
          (suf === 't' && before === 110) ||
          suf === 're' ||
          suf === 'll' ||
          suf === 've' ||
          suf === 'm' ||
          suf === 'd'
        )
          flags |= F_CONTRACTION;
        else if (suf === 's' && S_CONTRACTION_BASES.has(baseHash)) flags |= F_CONTRACTION;
      }
      t.start[k] = s;
      t.end[k] = i;
      t.punct[k] = 255;
      if (digits > 0 && digits >= letters) {
        t.kind[k] = Kind.Num;
        t.hash[k] = NUM_HASH;
        t.flags[k] = 0;
        t.len[k] = 0;
      } else {
        t.kind[k] = Kind.Word;
        t.hash[k] = h >>> 0;
        t.flags[k] = flags;
        t.len[k] = letters > 255 ? 255 : letters;
      }
      t.n++;
      continue;
    }
    let pk = punctKind(c);
    if (pk >= 0) {
      const s = i;
      i++;
      if (pk === P_PERIOD && i + 1 < L && text.charCodeAt(i) === 46 && text.charCodeAt(i + 1) === 46) {
        pk = P_ELLIPSIS;
        while (i < L && text.charCodeAt(i) === 46) i++;
      } else if (pk === P_HYPHEN && i < L && text.charCodeAt(i) === 45) {
        pk = P_DASH;
        while (i < L && text.charCodeAt(i) === 45) i++;
      } else if (pk === P_HYPHEN && i < L && text.charCodeAt(i) === 32 && s > 0 && text.charCodeAt(s - 1) === 32) {
        pk = P_DASH; // " - " used as a dash
      }
      t.start[k] = s;
      t.end[k] = i;
      t.kind[k] = Kind.Punct;
      t.punct[k] = pk;
      t.hash[k] = PUNCT_HASHES[pk];
      t.flags[k] = 0;
      t.len[k] = 0;
      t.n++;
      continue;
    }
    i++;
  }
  return t;
}
