/**
 * Markdown to plain text: `marked` (CommonMark + GFM) renders it to HTML and the HTML path turns
 * that into text, so Markdown, HTML and Word documents share one notion of paragraphs, tables and
 * lists. What that gives:
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
 */
import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { htmlToText } from './html';

const footnoteRef: TokenizerAndRendererExtension = {
  name: 'footnoteRef',
  level: 'inline',
  start(src) {
    const i = src.indexOf('[^');
    return i >= 0 ? i : undefined;
  },
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
  start(src) {
    const m = /^\[\^/m.exec(src);
    return m ? m.index : undefined;
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

export function markdownToText(source: string): string {
  const src = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(FRONT_MATTER, '');
  const html = marked.parse(src, { async: false });
  return htmlToText(html, { imageAlt: true });
}
