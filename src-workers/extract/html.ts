/**
 * HTML to plain text with htmlparser2's streaming parser (one linear pass, no DOM built).
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

  text(s: string, pre: boolean): void {
    if (pre) {
      if (this.pendingSpace && !this.atLineStart) this.parts.push(' ');
      this.parts.push(s);
      this.pendingSpace = false;
      this.atLineStart = s.endsWith('\n');
      return;
    }
    const collapsed = s.replace(/\s+/g, ' ');
    if (collapsed.length === 0) return;
    if (collapsed === ' ') {
      this.pendingSpace = true;
      return;
    }
    const leading = collapsed.charCodeAt(0) === 32;
    const trailing = collapsed.charCodeAt(collapsed.length - 1) === 32;
    const core = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if ((this.pendingSpace || leading) && !this.atLineStart) this.parts.push(' ');
    this.parts.push(core);
    this.pendingSpace = trailing;
    this.atLineStart = false;
  }

  /** A separator between inline runs (e.g. block boundaries inside a table cell). */
  space(): void {
    if (!this.atLineStart) this.pendingSpace = true;
  }

  lineBreak(): void {
    this.parts.push('\n');
    this.pendingSpace = false;
    this.atLineStart = true;
  }

  tab(): void {
    this.parts.push('\t');
    this.pendingSpace = false;
    this.atLineStart = true;
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  take(): string {
    const s = this.parts.join('');
    this.parts = [];
    this.pendingSpace = false;
    this.atLineStart = true;
    return s;
  }
}

/** Converts an HTML string to text: paragraphs separated by a blank line (not yet normalised). */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const paragraphs: string[] = [];
  const para = new ParagraphBuilder();
  /** Per open element: did it start a skipped region? Balanced by htmlparser2's open/close events. */
  const stack: { name: string; skip: boolean; cell: boolean; row: boolean }[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let cellDepth = 0;
  /** Cells already seen in each open table row (innermost last). */
  const rowCells: number[] = [];

  const flush = () => {
    if (para.empty) return;
    const p = para.take();
    if (p.trim().length > 0) paragraphs.push(p);
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
        stack.push({ name, skip, cell: isCell && !skip, row: isRow && !skip });
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
          if (options.imageAlt && attribs.alt) para.text(attribs.alt, false);
        } else if (BLOCK.has(name)) {
          boundary();
          if (PRE.has(name)) preDepth++;
        }
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
      },
      ontext(data) {
        if (skipDepth > 0) return;
        para.text(data, preDepth > 0 && cellDepth === 0);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs.join('\n\n');
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
