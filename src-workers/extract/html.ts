/**
 * HTML to plain text with htmlparser2's streaming parser (one linear pass, no DOM built), each
 * paragraph with what it was (heading, list item, quotation, code) and its inline marks (bold,
 * italic, code, links with a safe target), for the blocks beside the text (./README.md, Blocks).
 *
 * - Removed with their content: <script>, <style>, <template>, <noscript>, <title> (the rest of
 *   <head>'s metadata is void elements), inline <svg>/<math>, embedded frames and media
 *   fallbacks, form controls, navigation menus (<nav>), and any element marked `hidden` or styled
 *   `display:none`. Comments are dropped.
 * - Block elements (p, div, headings, list items, blockquotes, …) become paragraphs, separated by
 *   one blank line; <br> is a line break inside a paragraph; <pre> keeps its whitespace.
 * - A table row is one paragraph with its cells separated by a tab, so that tables from HTML,
 *   Markdown and Word documents all come out the same way.
 * - Elsewhere whitespace collapses as a browser renders it; entities are decoded.
 * - Images are dropped, or replaced by their alt text when `imageAlt` is set (used for Markdown,
 *   where the alt text is part of what the author wrote).
 */
import { Parser } from 'htmlparser2';
import { InkproofError } from '../../src-shared/errors';
import type { MarkKind } from '../../src-shared/models';
import { safeHref, type RawParagraph } from './structure';

/**
 * Deepest element nesting accepted. htmlparser2 keeps its open-element stack with the newest
 * element first (Array.unshift), so each open tag costs the current depth: 200,000 unclosed
 * <div>s took seconds. Browsers flatten beyond 512 levels; real pages stay far below this.
 */
const MAX_DEPTH = 1000;

export interface HtmlToTextOptions {
  /** Emit an image's alt text in place of the image. */
  imageAlt?: boolean;
  /** Extra elements to drop with their content, decided per element. */
  skip?: (name: string, attribs: Record<string, string>) => boolean;
}

const SKIP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'title',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'canvas',
  'audio',
  'video',
  'picture',
  'map',
  'select',
  'datalist',
  'textarea',
  'button',
  'nav',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'ul',
  'listing',
  'plaintext',
  'xmp',
  'search',
  'output',
  'optgroup',
]);

const PRE = new Set(['pre', 'listing', 'plaintext', 'xmp']);

/** Accumulates one paragraph, collapsing whitespace as it goes. */
class ParagraphBuilder {
  private parts: string[] = [];
  private pendingSpace = false;
  private atLineStart = true;
  /** Characters in `parts`. */
  length = 0;

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  /** Appends text; returns where its visible part starts, or -1 when it added nothing visible. */
  text(s: string, pre: boolean): number {
    if (pre) {
      if (s.length === 0) return -1;
      if (this.pendingSpace && !this.atLineStart) this.push(' ');
      const at = this.length;
      this.push(s);
      this.pendingSpace = false;
      this.atLineStart = s.endsWith('\n');
      return at;
    }
    const collapsed = s.replace(/\s+/g, ' ');
    if (collapsed.length === 0) return -1;
    if (collapsed === ' ') {
      this.pendingSpace = true;
      return -1;
    }
    const leading = collapsed.charCodeAt(0) === 32;
    const trailing = collapsed.charCodeAt(collapsed.length - 1) === 32;
    const core = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if ((this.pendingSpace || leading) && !this.atLineStart) this.push(' ');
    const at = this.length;
    this.push(core);
    this.pendingSpace = trailing;
    this.atLineStart = false;
    return at;
  }

  /** A separator between inline runs (e.g. block boundaries inside a table cell). */
  space(): void {
    if (!this.atLineStart) this.pendingSpace = true;
  }

  lineBreak(): void {
    this.push('\n');
    this.pendingSpace = false;
    this.atLineStart = true;
  }

  tab(): void {
    this.push('\t');
    this.pendingSpace = false;
    this.atLineStart = true;
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  take(): string {
    const s = this.parts.join('');
    this.parts = [];
    this.length = 0;
    this.pendingSpace = false;
    this.atLineStart = true;
    return s;
  }
}

/** Inline elements whose formatting is kept as a mark. */
const MARK_OF: Record<string, MarkKind> = {
  strong: 'strong',
  b: 'strong',
  em: 'emphasis',
  i: 'emphasis',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
  a: 'link',
};

const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const LISTS = new Set(['ul', 'ol', 'menu', 'dir']);

/** An inline mark being built: `start` is set by the first visible text inside it in the paragraph. */
interface OpenMark {
  kind: MarkKind;
  href?: string;
  start: number;
}

interface OpenElement {
  name: string;
  skip: boolean;
  cell: boolean;
  row: boolean;
  mark?: OpenMark;
  heading?: number;
  list?: boolean;
  item?: { level: number; ordered: boolean };
  quote?: boolean;
}

/** Converts an HTML string to text: paragraphs separated by a blank line (not yet normalised). */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  return htmlToParagraphs(html, options)
    .map((p) => p.text)
    .join('\n\n');
}

/**
 * Converts an HTML string to paragraphs (not yet normalised), each with what it was — a heading,
 * a list item, a quotation, code, or a plain paragraph — and its inline marks. When structures
 * nest, the innermost heading wins, then preformatted code, then the innermost list item, then a
 * quotation. Marks inside code blocks are not kept; links only with a safe target (`safeHref`).
 */
export function htmlToParagraphs(html: string, options: HtmlToTextOptions = {}): RawParagraph[] {
  const paragraphs: RawParagraph[] = [];
  const para = new ParagraphBuilder();
  /** Per open element: did it start a skipped region? Balanced by htmlparser2's open/close events. */
  const stack: OpenElement[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let cellDepth = 0;
  /** Cells already seen in each open table row (innermost last). */
  const rowCells: number[] = [];
  // The structure around the text being read.
  const headings: number[] = [];
  const lists: boolean[] = [];
  const items: { level: number; ordered: boolean }[] = [];
  let quoteDepth = 0;
  const marks: OpenMark[] = [];
  /** What the current paragraph is, fixed by its first visible text. */
  let current: Omit<RawParagraph, 'text'> | null = null;

  const describe = (): Omit<RawParagraph, 'text'> => {
    if (headings.length > 0) return { kind: 'heading', level: headings[headings.length - 1], marks: [] };
    if (preDepth > 0 && cellDepth === 0) return { kind: 'code', marks: [] };
    const item = items[items.length - 1];
    if (item) return { kind: 'list_item', level: item.level, ordered: item.ordered, marks: [] };
    return { kind: quoteDepth > 0 ? 'quote' : 'paragraph', marks: [] };
  };
  const endMark = (m: OpenMark) => {
    if (m.start >= 0 && current && para.length > m.start)
      current.marks.push({ kind: m.kind, start: m.start, end: para.length, ...(m.href ? { href: m.href } : {}) });
    m.start = -1;
  };
  const addText = (s: string, pre: boolean) => {
    const at = para.text(s, pre);
    if (at < 0) return;
    current ??= describe();
    for (const m of marks) if (m.start < 0) m.start = at;
  };
  const flush = () => {
    // Marks still open continue in the next paragraph.
    for (const m of marks) endMark(m);
    const kind = current;
    current = null;
    if (para.empty) return;
    const text = para.take();
    if (text.trim().length > 0 && kind)
      paragraphs.push({ ...kind, text, marks: kind.kind === 'code' ? [] : kind.marks });
  };
  const boundary = () => {
    if (cellDepth > 0) para.space();
    else flush();
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const skip =
          skipDepth > 0 ||
          SKIP.has(name) ||
          'hidden' in attribs ||
          (attribs.style !== undefined && /display\s*:\s*none/i.test(attribs.style)) ||
          (options.skip?.(name, attribs) ?? false);
        const isCell = name === 'td' || name === 'th';
        const isRow = name === 'tr';
        const el: OpenElement = { name, skip, cell: isCell && !skip, row: isRow && !skip };
        stack.push(el);
        if (stack.length > MAX_DEPTH) {
          throw new InkproofError(
            'corrupt_file',
            `This page's markup is nested more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep, which no real document is. It is probably damaged or machine-generated.`,
          );
        }
        if (skip) {
          skipDepth++;
          return;
        }
        if (isRow) {
          if (cellDepth > 0) para.space();
          else flush();
          rowCells.push(0);
        } else if (isCell) {
          if (rowCells.length > 0) {
            const n = rowCells[rowCells.length - 1]++;
            if (n > 0) {
              if (cellDepth > 0) para.space();
              else para.tab();
            }
          }
          cellDepth++;
        } else if (name === 'br') {
          if (cellDepth > 0) para.space();
          else para.lineBreak();
        } else if (name === 'img') {
          if (options.imageAlt && attribs.alt) addText(attribs.alt, false);
        } else if (BLOCK.has(name)) {
          boundary();
          if (PRE.has(name)) preDepth++;
        }
        openStructure(el, attribs);
      },
      onclosetag(name) {
        const top = stack.pop();
        if (!top) return;
        if (top.skip) {
          skipDepth--;
          return;
        }
        if (top.row) {
          rowCells.pop();
          if (cellDepth === 0) flush();
          else para.space();
        } else if (top.cell) {
          cellDepth--;
        } else if (BLOCK.has(name)) {
          if (PRE.has(name)) preDepth--;
          boundary();
        }
        closeStructure(top);
      },
      ontext(data) {
        if (skipDepth > 0) return;
        addText(data, preDepth > 0 && cellDepth === 0);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );

  /** Notes the headings, lists, list items, quotations and marks an element opens (after its boundary). */
  function openStructure(el: OpenElement, attribs: Record<string, string>): void {
    const level = HEADING_LEVEL[el.name];
    if (level !== undefined) {
      el.heading = level;
      headings.push(level);
    } else if (LISTS.has(el.name)) {
      el.list = true;
      lists.push(el.name === 'ol');
    } else if (el.name === 'li') {
      el.item = { level: Math.max(1, lists.length), ordered: lists[lists.length - 1] ?? false };
      items.push(el.item);
    } else if (el.name === 'blockquote') {
      el.quote = true;
      quoteDepth++;
    } else {
      const kind = MARK_OF[el.name];
      const href = kind === 'link' ? safeHref(attribs.href) : null;
      if (kind && (kind !== 'link' || href)) {
        el.mark = { kind, start: -1, ...(href ? { href } : {}) };
        marks.push(el.mark);
      }
    }
  }

  function closeStructure(el: OpenElement): void {
    if (el.heading !== undefined) headings.pop();
    else if (el.list) lists.pop();
    else if (el.item) items.pop();
    else if (el.quote) quoteDepth--;
    else if (el.mark) {
      endMark(el.mark);
      marks.splice(marks.lastIndexOf(el.mark), 1);
    }
  }

  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}

/**
 * The character encoding an HTML document declares in its first 1 KB
 * (`<meta charset="...">` or the http-equiv Content-Type form), or null.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return m ? m[1] : null;
}
