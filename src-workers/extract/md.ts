/**
 * Markdown to plain text: `marked` (CommonMark + GFM) renders it to HTML and the HTML path turns
 * that into text, so Markdown, HTML and Word documents share one notion of paragraphs, tables and
 * lists — and of structure: headings, list items, quotations, code, bold, italic and links become
 * blocks beside the text (./README.md, Blocks). What that gives:
 *
 * - headings, paragraphs, list items and blockquote paragraphs each become a paragraph, with the
 *   markup (#, *, _, >, list markers, task checkboxes) gone; emphasis, strikethrough and inline
 *   code keep their text;
 * - links become their text, images their alt text; reference definitions disappear;
 * - a table row becomes one paragraph with its cells separated by a tab;
 * - embedded HTML goes through the HTML path (scripts, styles and comments removed);
 * - fenced and indented code blocks are KEPT as their own paragraphs, without the fences and the
 *   language tag: code is part of what the author wrote, the revision engine leaves code untouched
 *   and needs to see it, and the user expects the whole document back;
 * - YAML (---) or TOML (+++) front matter at the top is metadata and is dropped;
 * - footnote references ([^1]) are dropped and footnote definitions keep their text.
 *
 * Sources shaped to make marked slow (nesting dozens of levels deep, thousands of delimiters in a
 * paragraph) get a plain line-by-line conversion instead: see `tooComplexForMarked`.
 */
import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { htmlToParagraphs } from './html';
import { plainParagraphs, type RawParagraph } from './structure';

// No `start` function: "[" already ends a run of plain text, so marked tries this tokenizer at
// every "[", and a start function that searches the rest of the source made parsing quadratic.
const footnoteRef: TokenizerAndRendererExtension = {
  name: 'footnoteRef',
  level: 'inline',
  tokenizer(src) {
    const m = /^\[\^[^\]\s]+\](?!:)/.exec(src);
    return m ? { type: 'footnoteRef', raw: m[0] } : undefined;
  },
  renderer() {
    return '';
  },
};

const footnoteDef: TokenizerAndRendererExtension = {
  name: 'footnoteDef',
  level: 'block',
  // Where a definition could interrupt the current paragraph: a line starting with "[^" before
  // the paragraph's end. Looking only that far keeps parsing linear (marked calls this once per
  // paragraph with the whole rest of the source).
  start(src) {
    let end = src.indexOf('\n\n');
    if (end < 0) end = src.length;
    if (src.startsWith('[^')) return 0;
    for (let nl = src.indexOf('\n'); nl >= 0 && nl < end; nl = src.indexOf('\n', nl + 1)) {
      if (src.startsWith('[^', nl + 1)) return nl + 1;
    }
    return undefined;
  },
  tokenizer(src) {
    // The label, then the text up to the first blank line (continuation lines included).
    const m = /^\[\^[^\]\s]+\]:[ \t]*([^\n]*(?:\n[ \t]*\S[^\n]*)*)(?:\n|$)/.exec(src);
    if (!m) return undefined;
    const token: Tokens.Generic = { type: 'footnoteDef', raw: m[0], text: m[1], tokens: [] };
    this.lexer.inline(m[1], token.tokens);
    return token;
  },
  renderer(token) {
    return `<p>${this.parser.parseInline(token.tokens ?? [])}</p>\n`;
  },
};

const marked = new Marked({ gfm: true, breaks: false, async: false, silent: false, extensions: null });
marked.use({ extensions: [footnoteDef, footnoteRef] });

/**
 * Front matter: a first line of --- (YAML) or +++ (TOML) whose next line is a `key:` (or
 * `key =`) entry, up to its closing line. The key check keeps a leading thematic break (---)
 * followed by prose from being taken for metadata.
 */
const FRONT_MATTER =
  /^(?:---[ \t]*\n(?=[A-Za-z_][\w-]*[ \t]*:)[\s\S]*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\n(?=[A-Za-z_][\w.-]*[ \t]*=)[\s\S]*?\n\+\+\+)[ \t]*(?:\n|$)/;

/** Deeper blockquote or list nesting than this is refused to marked (its cost grows steeply). */
const MAX_NESTING = 32;
/**
 * More emphasis delimiters (* _ ~ `) than this in one run of text without whitespace is refused
 * to marked: its cost grows with the square of that count ("a_b" × 20,000 took 3.5 s, × 80,000
 * 44 s), while the same delimiters separated by spaces stay linear.
 */
const MAX_DELIMITERS_PER_RUN = 2000;

/**
 * Whether the source has the shapes that make marked slow or overflow its stack: blockquotes or
 * lists nested dozens of levels deep (2,000 nested list items took minutes and then overflowed)
 * or thousands of emphasis delimiters in one whitespace-free run. No real document has them; such
 * files get the plain line-by-line conversion instead. One linear pass.
 */
export function tooComplexForMarked(src: string): boolean {
  let delimiters = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 42 || c === 95 || c === 126 || c === 96) {
      if (++delimiters > MAX_DELIMITERS_PER_RUN) return true; // * _ ~ `
    } else if (c === 32 || c === 10 || c === 9) {
      delimiters = 0;
    }
  }
  let lineStart = 0;
  while (lineStart <= src.length) {
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = src.length;
    let i = lineStart;
    let depth = 0;
    let indent = 0;
    for (;;) {
      while (i < lineEnd && (src[i] === ' ' || src[i] === '\t')) {
        indent += src[i] === '\t' ? 4 : 1;
        i++;
      }
      if (i < lineEnd && src[i] === '>') {
        depth++;
        indent = 0;
        i++;
        continue;
      }
      // List markers on one line open a list each ("- - - item", "1. 1. item", "> - > -"):
      // 50,000 of them took marked 6 s, growing faster than their number.
      // A marker indented this far is nested as deep by its indentation.
      const marker = listMarkerLength(src, i, lineEnd);
      if (marker > 0) {
        if (indent > 2 * MAX_NESTING) return true;
        depth++;
        i += marker;
        continue;
      }
      break;
    }
    if (depth > MAX_NESTING) return true;
    lineStart = lineEnd + 1;
  }
  return false;
}

/** The length of a list marker ("-", "*", "+", "12.", "3)") at src[i] with a blank or the line's end after it, or 0. */
function listMarkerLength(src: string, i: number, end: number): number {
  let j = i;
  if (src[j] === '-' || src[j] === '*' || src[j] === '+') j++;
  else {
    while (j < end && j - i < 9 && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) j++;
    if (j === i || (src[j] !== '.' && src[j] !== ')')) return 0;
    j++;
  }
  return j === end || src[j] === ' ' || src[j] === '\t' ? j - i : 0;
}

/**
 * The fallback for sources marked cannot take: line by line, blockquote markers, list markers,
 * heading markers, fences and table rules removed; inline markup stays. Paragraphs are kept.
 */
export function plainMarkdown(src: string): string {
  const out: string[] = [];
  for (const raw of src.split('\n')) {
    let line = raw.replace(/^(?:[ \t]*>)+/, '').trimStart();
    if (/^(?:`{3,}|~{3,})/.test(line) || /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/.test(line)) continue;
    line = line.replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/, '');
    if (/^#{1,6}[ \t]/.test(line)) line = stripClosingHashes(line.replace(/^#{1,6}[ \t]+/, ''));
    out.push(line);
  }
  return out.join('\n');
}

/** "Title ##" → "Title", without a regex that backtracks over long runs of spaces. */
function stripClosingHashes(line: string): string {
  const t = line.trimEnd();
  let i = t.length;
  while (i > 0 && t[i - 1] === '#') i--;
  if (i === t.length || (i > 0 && t[i - 1] !== ' ' && t[i - 1] !== '\t')) return t;
  return t.slice(0, i).trimEnd();
}

/**
 * Markdown to paragraphs with their structure (headings, list items, quotations, code, marks);
 * the plain conversion for sources marked cannot take gives plain paragraphs.
 */
export function markdownToParagraphs(source: string): RawParagraph[] {
  const src = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(FRONT_MATTER, '');
  if (tooComplexForMarked(src)) return plainParagraphs(plainMarkdown(src));
  let html: string;
  try {
    html = marked.parse(src, { async: false });
  } catch (err) {
    // A stack overflow on some shape the check above does not foresee: degrade, do not fail.
    if (err instanceof RangeError) return plainParagraphs(plainMarkdown(src));
    throw err;
  }
  return htmlToParagraphs(html, { imageAlt: true });
}
