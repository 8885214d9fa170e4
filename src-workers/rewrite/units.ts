/**
 * What the reviser may touch: per paragraph, the editable pieces ("units") of each line —
 * without Markdown markers (list bullets, quote markers), without headings and table rows, and,
 * when the scope is a set of ranges, only the part of a line inside them (snapped inward to whole
 * words). Line breaks (LF, CRLF or CR) and blank lines are never part of a unit, so paragraph structure stays as
 * it is. Very long lines are cut at sentence ends so progress can be reported within them.
 */

export interface Unit {
  start: number;
  end: number;
}

export interface ParagraphPlan {
  start: number;
  end: number;
  units: Unit[];
  /** A stanza of verse, left as written (no units). */
  verse?: true;
}

const MAX_UNIT_CHARS = 4000;

export function normalizeRanges(ranges: readonly { start: number; end: number }[], length: number): Unit[] {
  const rs = ranges
    .map((r) => ({
      start: Math.max(0, Math.min(length, Math.floor(r.start))),
      end: Math.max(0, Math.min(length, Math.floor(r.end))),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: Unit[] = [];
  for (const r of rs) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}'’_-]/u;

/** Moves a range's ends inward so that it does not cut a word. */
function snapInward(text: string, r: Unit): Unit {
  let { start, end } = r;
  if (start > 0 && WORD_CHAR.test(text[start - 1] ?? '') && WORD_CHAR.test(text[start] ?? '')) {
    while (start < end && WORD_CHAR.test(text[start])) start++;
  }
  if (end < text.length && WORD_CHAR.test(text[end] ?? '') && WORD_CHAR.test(text[end - 1] ?? '')) {
    while (end > start && WORD_CHAR.test(text[end - 1])) end--;
  }
  return { start, end };
}

function trim(text: string, u: Unit): Unit | null {
  let { start, end } = u;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Cuts a long unit at sentence ends (". " before a capital) into pieces of about MAX_UNIT_CHARS. */
function cutLong(text: string, u: Unit, out: Unit[]): void {
  let s = u.start;
  while (u.end - s > MAX_UNIT_CHARS) {
    const re = /[.!?]["'”’)\]]*\s+(?=[A-Z"“])/g;
    re.lastIndex = s + Math.floor(MAX_UNIT_CHARS / 2);
    const m = re.exec(text);
    if (!m || m.index + m[0].length >= u.end) break;
    const cut = m.index + m[0].length;
    const piece = trim(text, { start: s, end: cut });
    if (piece) out.push(piece);
    s = cut;
  }
  const rest = trim(text, { start: s, end: u.end });
  if (rest) out.push(rest);
}

const HEADING = /^[ \t]*#{1,6}[ \t]/;
const TABLE_ROW = /^[ \t]*\|/;
const RULE_LINE = /^[ \t]*(?:[-*_][ \t]*){3,}$/;
const MARKER = /^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?/;

/**
 * Where the line starting at `from` ends: at the next LF or CR (a CRLF's CR, or a lone CR as old
 * Mac files and some pasted text have it), else at `end`. A line is a heading, a table row or
 * prose on its own, whichever line ending the text uses.
 */
function lineEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return end;
}

export function planUnits(text: string, ranges: readonly { start: number; end: number }[] | null): ParagraphPlan[] {
  const scope = ranges
    ? normalizeRanges(ranges, text.length)
        .map((r) => snapInward(text, r))
        .filter((r) => r.end > r.start)
    : null;
  const paragraphs: ParagraphPlan[] = [];
  const sepRe = /\n[ \t]*\n+/g;
  let pStart = 0;
  const bounds: Unit[] = [];
  let m: RegExpExecArray | null;
  while ((m = sepRe.exec(text)) !== null) {
    bounds.push({ start: pStart, end: m.index });
    pStart = m.index + m[0].length;
  }
  bounds.push({ start: pStart, end: text.length });
  let ri = 0;
  for (const b of bounds) {
    const para: ParagraphPlan = { start: b.start, end: b.end, units: [] };
    let ls = b.start;
    while (ls <= b.end) {
      const le = lineEnd(text, ls, b.end);
      const line = text.slice(ls, le);
      if (!HEADING.test(line) && !TABLE_ROW.test(line) && !RULE_LINE.test(line) && line.trim().length > 0) {
        const marker = MARKER.exec(line);
        const cs = ls + (marker ? marker[0].length : 0);
        const pieces: Unit[] = [];
        if (!scope) pieces.push({ start: cs, end: le });
        else {
          while (ri < scope.length && scope[ri].end <= cs) ri++;
          for (let k = ri; k < scope.length && scope[k].start < le; k++) {
            pieces.push({ start: Math.max(cs, scope[k].start), end: Math.min(le, scope[k].end) });
          }
        }
        for (const p of pieces) {
          const t = trim(text, p);
          if (t) cutLong(text, t, para.units);
        }
      }
      if (le >= b.end) break;
      ls = le + 1;
    }
    // A whole-document revision leaves verse alone; a stanza the user selected is revised.
    if (!scope && para.units.length && isVerse(text.slice(b.start, b.end))) {
      para.units = [];
      para.verse = true;
    }
    paragraphs.push(para);
  }
  return paragraphs;
}

/**
 * A stanza: three lines or more, each short, at most half of them ending with a full stop ("In
 * the quiet of the autumn night, / The stars …"). A word swapped or a line split there breaks
 * rhyme and metre, so verse is left as written. A song's section labels ("[Chorus]", "Verse 2:")
 * are no lines of it, and under one a couplet is a stanza. Lines that open with a capital need a
 * comma, a semicolon or a dash at the end of one — or, in a song's manner, no punctuation at any
 * line end (`songLines`). Lines in lower case (modern verse) need more: most ending in punctuation
 * and none over ten words, which hard-wrapped prose, whose lines break anywhere, does not have. A
 * list of fragments has too few words a line; a signature or an address has lines too short.
 */
function isVerse(paragraph: string): boolean {
  const all = paragraph
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const lines = all.filter((l) => !SONG_LABEL.test(l));
  // Under a label a song's stanza may be a couplet ("[Pre-Chorus] / And I couldn't help but fall /
  // Couldn't help but give it all").
  const labelled = lines.length < all.length;
  if (lines.length < (labelled ? 2 : 3)) return false;
  if (lines.some((l) => MARKER.exec(l)![0].length > 0 || HEADING.test(l) || TABLE_ROW.test(l))) return false;
  const counts = lines.map((l) => l.split(/\s+/).length);
  if (!lines.every((l, i) => /^["“'‘(]?\p{L}/u.test(l) && counts[i] <= 14)) return false;
  // Lines of verse carry a phrase each; a signature or an address ("Warm regards, / Daniel Brooks /
  // Customer Care Team") has lines of a name or two.
  if (counts.filter((c) => c >= 4).length * 2 < lines.length) return false;
  const stops = lines.filter((l) => /[.!?]["”'’)]?$/.test(l)).length;
  // At most half end a sentence: rhymed couplets close every second line ("… soft and bright.").
  if (stops * 2 > lines.length) return false;
  // Not a colon, which opens a list ("… are the following officials: / The General Secretariat …").
  const commas = lines.filter((l) => /[,;—–-]$/.test(l)).length;
  if (lines.every((l) => /^["“'‘(]?\p{Lu}/u.test(l)))
    return commas > 0 || (stops === 0 && songLines(lines, counts, labelled));
  return (commas + stops) * 3 >= lines.length * 2 && counts.every((c) => c <= 10);
}
/**
 * Unpunctuated lines in a song's manner: four or more (two under a label) of two to ten words
 * (`counts`), most of them sung by or to someone ("I", "you", "we"), with a rhyme at the end of two
 * lines near each other ("night" / "sight", "fall" / "all") unless a label names the part. A list
 * of features ("Robust support for teams / …") speaks of things; a checklist, a recipe's steps or a
 * chat ("Sam: yes I will be there") rhyme by chance only, and a line that opens with a speaker's
 * name is no song's.
 */
function songLines(lines: readonly string[], counts: readonly number[], labelled: boolean): boolean {
  if (lines.length < (labelled ? 2 : 4)) return false;
  if (!counts.every((c) => c >= 2 && c <= 10)) return false;
  if (lines.some((l) => SPEAKER.test(l))) return false;
  if (lines.filter((l) => SUNG_PERSON.test(l)).length * 2 < lines.length) return false;
  // Under a song's label the label says it ("We're a tapestry of broken dreams / Nothing's ever
  // quite the way it seems" rhymes to the ear only).
  if (labelled) return true;
  const ends = lines.map((l) => (/([a-z']+)\W*$/i.exec(l)?.[1] ?? '').toLowerCase());
  return ends.some((e, i) => rhymes(e, ends[i + 1]) || rhymes(e, ends[i + 2]));
}
const SUNG_PERSON = /\b(?:i|i'm|i've|i'll|me|my|you|you're|your|we|we're|us|our)\b/i;
/** "Alex: hey …": a speaker's name and a colon open a line of a chat or a script. */
const SPEAKER = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?:\s/u;

/** Two different words with the same last three letters ("night" / "sight", "fall" / "all"). */
function rhymes(a: string, b: string | undefined): boolean {
  return !!b && a !== b && a.length >= 3 && b.length >= 3 && a.slice(-3) === b.slice(-3);
}
/** A song's section label on a line of its own: "[Chorus]", "(Verse 2)", "Bridge:". */
const SONG_PART = '(?:verse|chorus|pre-chorus|post-chorus|bridge|refrain|hook|intro|outro|interlude)';
const SONG_LABEL = new RegExp(
  `^(?:\\[${SONG_PART}\\b[^\\]\\n]{0,24}\\]|\\(${SONG_PART}\\b[^)\\n]{0,24}\\)|${SONG_PART}(?: \\d+)?:?)$`,
  'i',
);
