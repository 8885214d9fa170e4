/**
 * The normal form of every extractor's output: LF line ends, no trailing whitespace on any line,
 * paragraphs separated by exactly one blank line, no control characters other than tab and LF,
 * Unicode NFC, no leading or trailing blank lines.
 *
 * One implementation serves both uses: `normalizeText` for plain text, and `normalizeTracked` for
 * structured paragraphs, which also says where each input offset lands in the output so that the
 * offsets of inline marks (bold, links…) survive normalisation. Linear in the input: one pass per
 * step, whole runs of ordinary characters copied as slices.
 */

export interface Normalized {
  text: string;
  /** For each input offset 0…raw.length, its offset in `text` (monotonic); null unless tracked. */
  at: Int32Array | null;
}

export function normalizeText(raw: string): string {
  return normalizeTracked(raw, false).text;
}

export function normalizeTracked(raw: string, track: boolean): Normalized {
  const step1 = replaceCharacters(raw, track);
  const step2 = trimLines(step1.text, track);
  const step3 = composeNfc(step2.text, track);
  if (!track) return { text: step3.text, at: null };
  const a = step1.at!;
  const b = step2.at!;
  const c = step3.at;
  const at = new Int32Array(raw.length + 1);
  for (let i = 0; i <= raw.length; i++) at[i] = c ? c[b[a[i]]] : b[a[i]];
  return { text: step3.text, at };
}

/**
 * CR LF and lone CR → LF; paragraph separators and form feeds (page breaks) → a blank line; line
 * separators and vertical tabs → LF; byte-order marks, soft hyphens (invisible when rendered) and
 * other control characters removed.
 */
function replacement(raw: string, i: number, c: number): string | null {
  if (c >= 0x20 && c !== 0x7f && c !== 0xad && c !== 0xfeff && c !== 0x2028 && c !== 0x2029) return null;
  switch (c) {
    case 0x09:
    case 0x0a:
      return null;
    case 0x0d:
      return raw.charCodeAt(i + 1) === 0x0a ? '' : '\n';
    case 0x0c:
    case 0x2029:
      return '\n\n';
    case 0x0b:
    case 0x2028:
      return '\n';
    default:
      return '';
  }
}

function replaceCharacters(raw: string, track: boolean): Normalized {
  const parts: string[] = [];
  const at = track ? new Int32Array(raw.length + 1) : null;
  let length = 0;
  let runStart = 0;
  const flushRun = (end: number) => {
    if (end <= runStart) return;
    if (at) for (let k = runStart; k < end; k++) at[k] = length + (k - runStart);
    parts.push(raw.slice(runStart, end));
    length += end - runStart;
  };
  for (let i = 0; i < raw.length; i++) {
    const rep = replacement(raw, i, raw.charCodeAt(i));
    if (rep === null) continue;
    flushRun(i);
    if (at) at[i] = length;
    parts.push(rep);
    length += rep.length;
    runStart = i + 1;
  }
  flushRun(raw.length);
  if (at) at[raw.length] = length;
  return { text: parts.length === 1 ? parts[0] : parts.join(''), at };
}

/** What String.prototype.trimEnd removes, among the characters left after the first step. */
function isTrailingSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** A line (already trimmed) that shows nothing: spaces, tabs, no-break and zero-width spaces. */
function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x3000 && !(c >= 0x2000 && c <= 0x200b)) return false;
  }
  return true;
}

/**
 * Trailing whitespace of each line removed; blank lines collapsed to one, none at the start or the
 * end. An offset inside removed whitespace or blank lines maps to the end of the text kept before it.
 */
function trimLines(s: string, track: boolean): Normalized {
  const out: string[] = [];
  const at = track ? new Int32Array(s.length + 1) : null;
  let length = 0;
  let pendingBreak = ''; // what goes between the last kept line and the next one
  let lineStart = 0;
  while (lineStart <= s.length) {
    let lineEnd = s.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = s.length;
    let end = lineEnd;
    while (end > lineStart && isTrailingSpace(s.charCodeAt(end - 1))) end--;
    const blank = isBlank(s, lineStart, end);
    if (blank) {
      if (length > 0) pendingBreak = '\n\n';
      if (at) for (let k = lineStart; k <= lineEnd && k < s.length; k++) at[k] = length;
    } else {
      if (length > 0) {
        out.push(pendingBreak || '\n');
        length += (pendingBreak || '\n').length;
      }
      pendingBreak = '';
      if (at) {
        for (let k = lineStart; k < end; k++) at[k] = length + (k - lineStart);
        for (let k = end; k <= lineEnd && k < s.length; k++) at[k] = length + (end - lineStart);
      }
      out.push(s.slice(lineStart, end));
      length += end - lineStart;
    }
    lineStart = lineEnd + 1;
  }
  if (at) at[s.length] = length;
  return { text: out.join(''), at };
}

// A run of non-ASCII characters with the ASCII character before it (a base letter that a combining
// mark may compose with). Text split before an ASCII character composes the same in pieces as whole.
const NON_ASCII_RUN = /[\x00-\x7f]?[^\x00-\x7f]+/g;

/** Unicode NFC, applied piece by piece where it changes something, so that offsets can follow. */
function composeNfc(s: string, track: boolean): { text: string; at: Int32Array | null } {
  const whole = s.normalize('NFC');
  if (!track || whole === s) return { text: whole, at: null };
  const at = new Int32Array(s.length + 1);
  const parts: string[] = [];
  let pos = 0;
  let length = 0;
  const copy = (end: number) => {
    for (let k = pos; k < end; k++) at[k] = length + (k - pos);
    parts.push(s.slice(pos, end));
    length += end - pos;
    pos = end;
  };
  NON_ASCII_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NON_ASCII_RUN.exec(s)) !== null) {
    const piece = m[0];
    const composed = piece.normalize('NFC');
    if (composed === piece) continue;
    copy(m.index);
    for (let k = 0; k < piece.length; k++) at[pos + k] = length + Math.min(k, composed.length);
    parts.push(composed);
    length += composed.length;
    pos += piece.length;
  }
  copy(s.length);
  at[s.length] = length;
  return { text: parts.join(''), at };
}
