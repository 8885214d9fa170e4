/**
 * PDF to text with pdf.js (the legacy build, which runs on Node 20).
 *
 * pdf.js normally parses in a worker thread of its own; this code already runs in one of our
 * worker threads, so pdf.js's worker module is loaded in-thread (its "fake worker", found through
 * `globalThis.pdfjsWorker`). No DOM, no canvas, no font loading, no eval, no network, no
 * WebAssembly: only the text layer is read.
 *
 * From positioned text items to paragraphs, page by page:
 *  1. Lines: items are appended to the current line until pdf.js marks an end of line or the
 *     baseline moves by more than half the font size.
 *  2. Running headers and footers: the top-most and bottom-most line of each page is dropped when
 *     it is a bare page number ("12", "Page 3 of 9", "iv"), or when the same line (digits aside)
 *     is at the top or bottom of at least 3 pages and half of them.
 *  3. Paragraphs: a new paragraph starts when the gap to the previous line is clearly larger than
 *     the page's usual line spacing (1.4×), when the text moves up (a new column), when the font
 *     size changes (a heading), or when the previous line ends a sentence and is either short
 *     (under 70% of the widest line) or followed by an indented line.
 *  4. Lines of a paragraph are joined with a space; a word hyphenated across a line break
 *     ("docu-" + "ment") is joined without the hyphen when the next line starts in lower case.
 *  5. A paragraph that runs over a page break (no final punctuation, next page starts in lower
 *     case) is joined to its continuation.
 *
 * Before pdf.js runs, ./pdf-guard.ts decodes the non-image streams while counting, and refuses a
 * file whose streams would unpack beyond `expansionBudget` (`too_large`).
 *
 * Errors: a password → `encrypted_file`; no text at all on any page → `no_text_layer` (a scan),
 * and likewise when over 30% of the characters are private-use or unmapped glyphs (fonts without
 * a character map: the "text" would be gibberish);
 * an unreadable or incomplete file → `corrupt_file`; more than MAX_PDF_PAGES pages or more text
 * than the byte limit → `too_large`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InkproofError } from '../../src-shared/errors';
import { checkPdfExpansion, PdfExpansionError } from './pdf-guard';
import { formatSize } from './size';

export const MAX_PDF_PAGES = 2000;

/**
 * How much the PDF's non-image streams may decode to, all together: ten times the file size
 * limit, at least 64 MB and at most 512 MB. Text-heavy PDFs decode to a few times their size.
 */
export function expansionBudget(maxBytes: number): number {
  return Math.min(512 * 1024 * 1024, Math.max(64 * 1024 * 1024, 10 * maxBytes));
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | null = null;

/** Loads pdf.js and its worker module once per thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    if (!g.pdfjsWorker) {
      // @ts-expect-error -- the worker module ships without type definitions
      g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    }
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

/** Folders of pdf.js's character maps and standard font data, needed for some fonts' text. */
function resourceUrls(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
    return {
      cMapUrl: pathToFileURL(path.join(root, 'cmaps') + path.sep).href,
      standardFontDataUrl: pathToFileURL(path.join(root, 'standard_fonts') + path.sep).href,
    };
  } catch {
    return {};
  }
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  xEnd: number;
  size: number;
}

const INCOMPLETE_MESSAGE =
  'This PDF is incomplete or damaged (it ends before its last page), perhaps from a download that did not finish. Download or export it again.';

/**
 * A complete PDF ends with `startxref` and `%%EOF` in its last 1 KB (Acrobat's own rule), apart
 * from trailing whitespace or padding. A file cut short (an interrupted download) lacks both;
 * pdf.js would otherwise recover part of it silently.
 */
export function looksComplete(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (
    end > 0 &&
    (bytes[end - 1] === 0 ||
      bytes[end - 1] === 0x20 ||
      bytes[end - 1] === 0x0a ||
      bytes[end - 1] === 0x0d ||
      bytes[end - 1] === 0x09 ||
      bytes[end - 1] === 0x0c)
  )
    end--;
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, end - 1024), end));
  return tail.includes('%%EOF') || tail.includes('startxref');
}

export async function extractPdf(bytes: Uint8Array, maxBytes: number): Promise<string> {
  if (!looksComplete(bytes)) throw new InkproofError('corrupt_file', INCOMPLETE_MESSAGE);
  const budget = expansionBudget(maxBytes);
  try {
    checkPdfExpansion(bytes, { perStream: budget, total: budget });
  } catch (err) {
    if (err instanceof PdfExpansionError) {
      throw new InkproofError(
        'too_large',
        `This PDF expands too much to be read safely: its compressed contents would unpack to more than ${formatSize(budget)}. It may be a "decompression bomb" rather than a real document.`,
      );
    }
    throw err;
  }
  const pdfjs = await loadPdfJs();
  // pdf.js may take ownership of (transfer) the array it is given: hand it a copy, never a Buffer.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const task = pdfjs.getDocument({
    data,
    ...resourceUrls(),
    cMapPacked: true,
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      throw mapPdfError(err);
    }
    const numPages = doc.numPages;
    if (numPages < 1) throw new InkproofError('corrupt_file', 'This PDF has no pages; it is probably damaged.');
    if (numPages > MAX_PDF_PAGES) {
      throw new InkproofError(
        'too_large',
        `This PDF has ${numPages.toLocaleString('en-US')} pages; Inkproof reads documents of up to ${MAX_PDF_PAGES.toLocaleString('en-US')} pages. Split it into parts and try again.`,
      );
    }
    const pages: Line[][] = [];
    let chars = 0;
    let anyText = false;
    for (let n = 1; n <= numPages; n++) {
      let items: PdfTextItem[];
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
        items = content.items.filter((it) => 'str' in it) as PdfTextItem[];
        page.cleanup();
      } catch (err) {
        throw mapPdfError(err);
      }
      const lines = buildLines(items);
      for (const l of lines) {
        chars += l.text.length;
        if (!anyText && /\S/.test(l.text)) anyText = true;
      }
      // The same bound as for a text file: no more characters than the byte limit.
      if (chars > maxBytes) {
        throw new InkproofError(
          'too_large',
          `This PDF holds more text than the limit of ${formatSize(maxBytes)} allows. Split it into parts and try again.`,
        );
      }
      pages.push(lines);
    }
    if (!anyText) {
      throw new InkproofError(
        'no_text_layer',
        'This PDF has no text layer: its pages are images, as in a scanned document, or blank. If it is a scan, run it through text recognition (OCR) and try again, or use the original file.',
      );
    }
    const text = pagesToText(pages);
    if (unreadableShare(text) > 0.3) {
      throw new InkproofError(
        'no_text_layer',
        "This PDF's text cannot be read: its fonts do not record which letters their characters are. Export the PDF again from the program that made it, or run it through text recognition (OCR).",
      );
    }
    return text;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * Share of the visible characters that are not text: private-use code points, U+FFFD and control
 * characters, which is what pdf.js produces for fonts without a character map.
 */
export function unreadableShare(text: string): number {
  let visible = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0) continue;
    visible++;
    if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c < 0x20 || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return visible === 0 ? 0 : bad / visible;
}

function mapPdfError(err: unknown): InkproofError {
  if (err instanceof InkproofError) return err;
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new InkproofError(
      'encrypted_file',
      'This PDF is protected by a password. Open it, save or print a copy without the password, and try again.',
    );
  }
  return new InkproofError(
    'corrupt_file',
    'This PDF is damaged and cannot be read. Open it in a PDF viewer and save or export it again.',
  );
}

// --- Layout: items → lines → paragraphs ------------------------------------------------------

function fontSize(t: number[]): number {
  // The vertical scale of the text matrix; for unrotated text this is the font size.
  const s = Math.hypot(t[2], t[3]);
  return s > 0 ? s : Math.hypot(t[0], t[1]) || 1;
}

export function buildLines(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  const end = () => {
    if (cur && cur.text.trim().length > 0) {
      cur.text = cur.text.replace(/\s+/g, ' ').trim();
      lines.push(cur);
    }
    cur = null;
  };
  for (const it of items) {
    if (it.str.length > 0) {
      const t = it.transform;
      const x = t[4];
      const y = t[5];
      const size = fontSize(t);
      if (cur !== null && Math.abs(y - cur.y) > 0.5 * Math.max(size, cur.size)) end();
      if (cur === null) {
        cur = { text: it.str, x, y, xEnd: x + it.width, size };
      } else {
        const c: Line = cur;
        // A visible gap without a space in the text (pdf.js usually inserts one itself).
        const gap = x - c.xEnd;
        if (gap > 0.15 * size && !isSpace(c.text.charCodeAt(c.text.length - 1)) && !isSpace(it.str.charCodeAt(0)))
          c.text += ' ';
        c.text += it.str;
        c.xEnd = Math.max(c.xEnd, x + it.width);
        if (it.str.trim().length > 0 && size > c.size) c.size = size;
      }
    }
    if (it.hasEOL) end();
  }
  end();
  return lines;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

const PAGE_NUMBER =
  /^(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|de|von)\s*\d{1,5})?$/i;
const SENTENCE_END = /[.!?:;…]["'”’»)\]]*$/;

/** Whether text ends a sentence; looks at its tail only, so joining long paragraphs stays linear. */
function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.length > 16 ? text.slice(-16) : text);
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Indices of a page's top-most and bottom-most lines. */
function edges(lines: Line[]): number[] {
  if (lines.length === 0) return [];
  let top = 0;
  let bottom = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].y > lines[top].y) top = i;
    if (lines[i].y < lines[bottom].y) bottom = i;
  }
  return top === bottom ? [top] : [top, bottom];
}

function removeRunningHeads(pages: Line[][]): Line[][] {
  const key = (l: Line) => l.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const i of edges(lines)) seen.add(key(lines[i]));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (k: string) => {
    const c = counts.get(k) ?? 0;
    return pages.length >= 3 && c >= 3 && c >= pages.length / 2;
  };
  return pages.map((lines) => {
    const drop = new Set<number>();
    for (const i of edges(lines)) {
      // Only lines that are not the page's only text.
      if (lines.length > 1 && (PAGE_NUMBER.test(lines[i].text) || repeated(key(lines[i])))) drop.add(i);
    }
    return drop.size ? lines.filter((_, i) => !drop.has(i)) : lines;
  });
}

/** Joins two lines of a paragraph; "hyphen-" + "ated" → "hyphenated". Looks only at the join. */
function joinLines(a: string, b: string): string {
  if (a.length >= 2 && a.charCodeAt(a.length - 1) === 45 && /\p{Ll}/u.test(a.slice(-2, -1)) && /^\p{Ll}/u.test(b))
    return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

function pageParagraphs(lines: Line[]): string[] {
  if (lines.length === 0) return [];
  const bodySize = median(lines.map((l) => l.size));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const g = lines[i - 1].y - lines[i].y;
    if (g > 0 && g < 3 * bodySize) gaps.push(g);
  }
  const leading = gaps.length ? median(gaps) : 1.2 * bodySize;
  const widest = Math.max(...lines.map((l) => l.xEnd - l.x));
  const paras: string[] = [];
  let cur = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const gap = prev.y - line.y;
    const sizeChange = Math.abs(line.size - prev.size) > 0.15 * Math.max(line.size, prev.size);
    const prevEndsSentence = endsSentence(prev.text);
    const short = prev.xEnd - prev.x < 0.7 * widest;
    const indented = line.x - prev.x > 0.8 * line.size;
    const brk =
      gap < -0.5 * line.size || // moved up: a new column or a text box
      gap > 1.4 * leading ||
      sizeChange ||
      (prevEndsSentence && (short || indented));
    if (brk) {
      paras.push(cur);
      cur = line.text;
    } else {
      cur = joinLines(cur, line.text);
    }
  }
  paras.push(cur);
  return paras;
}

export function pagesToText(pages: Line[][]): string {
  const cleaned = removeRunningHeads(pages);
  const out: string[] = [];
  let continuing = false;
  for (const lines of cleaned) {
    const paras = pageParagraphs(lines);
    if (paras.length === 0) continue;
    let start = 0;
    // A paragraph that runs over the page break.
    if (continuing && out.length > 0 && /^\p{Ll}/u.test(paras[0])) {
      out[out.length - 1] = joinLines(out[out.length - 1], paras[0]);
      start = 1;
    }
    for (let i = start; i < paras.length; i++) out.push(paras[i]);
    continuing = !endsSentence(out[out.length - 1]);
  }
  return out.join('\n\n');
}
