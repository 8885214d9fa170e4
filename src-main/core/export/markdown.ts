/**
 * A text with its blocks as Markdown (CommonMark with GitHub's extensions): headings with #,
 * bulleted (-) and numbered (1.) lists nested by indentation, quotations with >, fenced code,
 * **bold**, *italic*, `code` and [links](https://…). The text is escaped so that reading the file
 * back (our own Markdown extraction, or any CommonMark reader) gives the same text and structure;
 * where a delimiter could be read two ways (a mark beginning or ending with punctuation, or two
 * marks touching) the mark is written as an HTML tag (<strong>, <em>), which Markdown allows.
 *
 * A text without blocks is written as it is: it came from plain text, where the author's own
 * characters (perhaps Markdown already) are the content.
 *
 * Known limits: a heading is one line (its line breaks become spaces); tabs and leading spaces
 * outside code read back as single spaces; two lists of the same kind with nothing between them
 * read back as one.
 */
import type { TextBlock } from '../../../src-shared/models';
import { nestedSpans, type Span } from './inline';

export function toMarkdown(text: string, blocks: readonly TextBlock[]): string {
  if (blocks.length === 0) return text;
  const out: string[] = [];
  const list = new ListState();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const prev = blocks[i - 1];
    if (b.kind === 'code') {
      // Consecutive code blocks are one fenced block whose paragraphs a blank line separates.
      let j = i;
      while (j + 1 < blocks.length && blocks[j + 1].kind === 'code') j++;
      if (prev) out.push('\n\n');
      out.push(fence(text.slice(b.start, blocks[j].end)));
      list.reset();
      i = j;
      continue;
    }
    if (prev) out.push(separator(prev, b));
    if (b.kind === 'list_item') {
      const { indent, marker } = list.item(b.level ?? 1, b.ordered === true);
      out.push(indent + marker + inline(text, b, ' '.repeat(indent.length + marker.length)));
      continue;
    }
    list.reset();
    if (b.kind === 'heading') out.push('#'.repeat(b.level ?? 1) + ' ' + headingText(inline(text, b, '')));
    else if (b.kind === 'quote') out.push('> ' + inline(text, b, '> '));
    else out.push(inline(text, b, ''));
  }
  return out.join('') + '\n';
}

/** What goes between two blocks: tight list items, quotation paragraphs inside one quotation. */
function separator(prev: TextBlock, next: TextBlock): string {
  if (prev.kind === 'list_item' && next.kind === 'list_item') return '\n';
  if (prev.kind === 'quote' && next.kind === 'quote') return '\n>\n';
  return '\n\n';
}

/** Numbering and indentation of nested list items, from one list item to the next. */
class ListState {
  /** Per level (index 0 = level 1): the last item's marker and the ordered items counted so far. */
  private levels: { marker: string; ordered: boolean; count: number }[] = [];

  item(level: number, ordered: boolean): { indent: string; marker: string } {
    this.levels.length = Math.min(this.levels.length, level);
    const current = this.levels[level - 1];
    const count = current && current.ordered === ordered ? current.count + 1 : 1;
    const marker = ordered ? `${count}. ` : '- ';
    let indent = 0;
    for (let k = 0; k < level - 1; k++) indent += this.levels[k]?.marker.length ?? 2;
    this.levels[level - 1] = { marker, ordered, count };
    return { indent: ' '.repeat(indent), marker };
  }

  reset(): void {
    this.levels = [];
  }
}

/** A code block fenced by more backticks than any run inside it. */
function fence(code: string): string {
  let longest = 0;
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}\n${code}\n${f}`;
}

/**
 * A heading is one line, and #s after a space at its end would be read as a closing sequence. A
 * number at its start needs no escape: after "## " a "1." starts no list ("## 1. Stick to a
 * schedule", not "## 1\. Stick…").
 */
function headingText(s: string): string {
  const line = s.replace(/\\\n/g, ' ').replace(/^(\d{1,9})\\([.)])/, '$1$2');
  const closing = /[ \t](#+)$/.exec(line);
  return closing ? line.slice(0, line.length - closing[1].length) + '\\' + closing[1] : line;
}

/**
 * A block's text with its marks as Markdown; `continuation` starts every line after the first
 * (the indentation of a list item's content, or a quotation's "> ").
 */
function inline(text: string, block: TextBlock, continuation: string): string {
  const spans = nestedSpans(text, block);
  const w = new InlineWriter(text, continuation, spanEdges(spans));
  w.children(block.start, block.end, spans);
  return w.result();
}

/** Every position where a span starts or ends, at any depth. */
function spanEdges(spans: Span[], edges = { starts: new Set<number>(), ends: new Set<number>() }) {
  for (const s of spans) {
    edges.starts.add(s.start);
    edges.ends.add(s.end);
    spanEdges(s.children, edges);
  }
  return edges;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORDISH = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

class InlineWriter {
  private out: string[] = [];
  private lineStart = true;
  private last = '';
  /** How many HTML tags written for marks are open. */
  private htmlDepth = 0;

  constructor(
    private readonly text: string,
    private readonly continuation: string,
    private readonly edges: { starts: Set<number>; ends: Set<number> },
  ) {}

  result(): string {
    return this.out.join('');
  }

  private emit(s: string): void {
    if (s.length === 0) return;
    this.out.push(s);
    this.last = s[s.length - 1];
    this.lineStart = false;
  }

  children(from: number, to: number, spans: Span[]): void {
    let pos = from;
    for (const span of spans) {
      this.plain(pos, span.start);
      this.span(span);
      pos = span.end;
    }
    this.plain(pos, to);
  }

  private span(span: Span): void {
    const content = this.text.slice(span.start, span.end);
    if (span.kind === 'code') {
      // Inside an HTML tag some readers (marked) lose a backtick code span in link text; a <code>
      // tag reads the same everywhere.
      this.emit(this.htmlDepth > 0 ? `<code>${escapeLine(content, false)}</code>` : codeSpan(content));
      return;
    }
    if (span.kind === 'link') {
      this.emit('[');
      this.children(span.start, span.end, span.children);
      this.emit(`](${destination(span.href ?? '')})`);
      return;
    }
    const [open, close] = this.delimiters(span, content);
    const html = open.startsWith('<');
    this.emit(open);
    if (html) this.htmlDepth++;
    this.children(span.start, span.end, span.children);
    if (html) this.htmlDepth--;
    this.emit(close);
  }

  /**
   * `**`/`*` where CommonMark reads them as this mark and nothing else, else the HTML tag. An
   * opening delimiter must be followed by a visible character, and by punctuation only when it
   * follows a space or punctuation itself; a closing one the mirror image. Delimiters of two marks
   * side by side would form one run and are avoided altogether.
   */
  private delimiters(span: Span, content: string): [string, string] {
    const first = content[0];
    const last = content[content.length - 1];
    const before = this.last;
    const after = this.text[span.end];
    const edge = (c: string | undefined) => c === undefined || c === '' || /\s/.test(c) || PUNCTUATION.test(c);
    const clear =
      before !== '*' &&
      !/\s/.test(first) &&
      !/\s/.test(last) &&
      (!PUNCTUATION.test(first) || edge(before)) &&
      (!PUNCTUATION.test(last) || edge(after)) &&
      !span.children.some((c) => c.start === span.start || c.end === span.end) &&
      !this.edges.ends.has(span.start) &&
      !this.edges.starts.has(span.end);
    if (span.kind === 'strong') return clear ? ['**', '**'] : ['<strong>', '</strong>'];
    return clear ? ['*', '*'] : ['<em>', '</em>'];
  }

  private plain(from: number, to: number): void {
    let pos = from;
    while (pos < to) {
      const nl = this.text.indexOf('\n', pos);
      const end = nl < 0 || nl >= to ? to : nl;
      // `_` is markup only at a word's edge, judged by what is written beside it: a mark's
      // delimiter at either end of the piece counts as an edge.
      this.emit(escapeLine(this.text.slice(pos, end), this.lineStart, this.last, end < to ? '\n' : undefined));
      if (end < to) {
        // A hard line break inside the paragraph.
        this.emit('\\\n');
        this.out.push(this.continuation);
        this.lineStart = true;
        this.last = '';
      }
      pos = end + 1;
    }
  }
}

/**
 * Escapes what Markdown would read as markup: inline delimiters anywhere, and at the start of a
 * line what would begin a heading, list, quotation, rule, table or setext underline. `before` and
 * `after` are the characters around the piece (for `_`, which is markup only at a word's edge).
 */
export function escapeLine(s: string, lineStart: boolean, before?: string, after?: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const prev = i > 0 ? s[i - 1] : before;
    const next = i + 1 < s.length ? s[i + 1] : after;
    if (c === '\\' || c === '*' || c === '`' || c === '[' || c === ']' || c === '<' || c === '~') out += '\\' + c;
    else if (c === '_' && !(WORDISH(prev) && WORDISH(next))) out += '\\_';
    else if (c === '&' && /^&#?[A-Za-z0-9]+;/.test(s.slice(i, i + 40))) out += '\\&';
    else out += c;
  }
  if (!lineStart) return out;
  if (/^(?:[#>=|:+-])/.test(out)) return '\\' + out;
  // "1. " or "1) " would start a numbered list.
  return out.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Inline code: fenced by more backticks than any run inside, padded when it touches a backtick or space. */
function codeSpan(code: string): string {
  let longest = 0;
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const f = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ')) ? ' ' : '';
  return f + pad + code + pad + f;
}

/** A link destination; in <…> when it holds parentheses, which would otherwise end it early. */
function destination(href: string): string {
  const safe = href.replace(/[<>]/g, (c) => encodeURIComponent(c));
  return /[()]/.test(safe) ? `<${safe}>` : safe;
}
