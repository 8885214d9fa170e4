/**
 * .docx to text. The archive is opened with our own guarded zip reader (./zip.ts), which refuses
 * a zip bomb from the central directory alone and inflates only the parts mammoth asks for, each
 * within its declared size. mammoth reads those parts through its `file` input (an object with
 * `exists` and `read`, the same shape its own JSZip wrapper has; mammoth's version is pinned
 * exactly and the tests exercise this path), converts the document to HTML, and the HTML path
 * turns that into paragraphs — so headings, lists, tables and footnotes come out as they do for
 * HTML and Markdown. Images are never read; links to external files are never followed.
 */
import { Buffer } from 'node:buffer';
import mammoth from 'mammoth';
import { InkproofError } from '../../src-shared/errors';
import { htmlToParagraphs } from './html';
import type { RawParagraph } from './structure';
import { DEFAULT_ZIP_LIMITS, openZip, ZipBombError, ZipFormatError, type OpenedZip } from './zip';

/** What a zip archive holds, when it is not a Word document: "an Excel workbook (.xlsx)". */
export type ZipIdentity = { word: true } | { word: false; what: string; hint?: string };

/**
 * Styles read as structure beyond mammoth's defaults (headings, lists, bold, italic, links): the
 * title, Word's quotation styles, and the code styles of Word (HTML Preformatted, HTML Code) and of
 * pandoc and our own export (Source Code, Verbatim Char). Consecutive code paragraphs form one code
 * block whose paragraphs stay separated by a blank line, as they were before this mapping.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Source Code'] => pre:separator('\\n\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n\\n')",
  "r[style-name='Verbatim Char'] => code",
  "r[style-name='HTML Code'] => code",
];

const WORD_MAIN = /wordprocessingml\.(?:document|template)\.main\+xml|ms-word\.(?:document|template)\.macroenabled/i;
const SMALL_PART = 2 * 1024 * 1024;

async function readSmallText(zip: OpenedZip, name: string): Promise<string | null> {
  const size = zip.size(name);
  if (size === undefined || size > SMALL_PART) return null;
  return new TextDecoder('utf-8').decode(await zip.read(name));
}

export async function identifyZip(zip: OpenedZip): Promise<ZipIdentity> {
  const types = await readSmallText(zip, '[Content_Types].xml');
  if (types !== null) {
    if (WORD_MAIN.test(types)) return { word: true };
    if (/spreadsheetml|ms-excel/i.test(types)) return { word: false, what: 'an Excel workbook (.xlsx)' };
    if (/presentationml|ms-powerpoint/i.test(types)) return { word: false, what: 'a PowerPoint presentation (.pptx)' };
    if (/ms-xpsdocument|xps/i.test(types))
      return { word: false, what: 'an XPS document', hint: 'Print it to PDF and try again.' };
  } else if (zip.has('word/document.xml')) {
    return { word: true };
  }
  const mimetype = await readSmallText(zip, 'mimetype');
  if (mimetype !== null) {
    const m = mimetype.trim();
    if (m === 'application/epub+zip') return { word: false, what: 'an EPUB e-book' };
    if (m === 'application/vnd.oasis.opendocument.text')
      return {
        word: false,
        what: 'an OpenDocument text file (.odt)',
        hint: 'Open it in your word processor and save it as .docx, then try again.',
      };
    if (m.startsWith('application/vnd.oasis.opendocument.')) return { word: false, what: 'an OpenDocument file' };
  }
  if (types !== null) return { word: false, what: 'an Office file that is not a Word document' };
  return { word: false, what: 'a zip archive' };
}

export type DocxOutcome = { ok: true; html: string } | { ok: false; identity: Exclude<ZipIdentity, { word: true }> };

/**
 * Opens the archive (throws `too_large` for a zip bomb, `corrupt_file` when it cannot be read) and,
 * if it is a Word document, converts it to HTML with mammoth. A zip that is not a Word document is
 * returned as such, so that the caller can word the refusal for what the file claimed to be.
 */
export async function convertDocx(bytes: Uint8Array, maxBytes: number, claimedDocx: boolean): Promise<DocxOutcome> {
  let zip: OpenedZip;
  try {
    zip = await openZip(bytes, { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: maxBytes });
  } catch (err) {
    throw zipError(err, claimedDocx);
  }
  try {
    let identity: ZipIdentity;
    try {
      identity = await identifyZip(zip);
    } catch (err) {
      throw zipError(err, claimedDocx);
    }
    if (!identity.word) return { ok: false, identity };

    const file = {
      exists: (name: string) => zip.has(name),
      read: async (name: string, encoding?: string) => {
        const data = await zip.read(name);
        if (encoding === 'base64') return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
        if (encoding) return new TextDecoder(encoding).decode(data);
        return data;
      },
      write: () => {
        throw new Error('read-only');
      },
      toArrayBuffer: () => {
        throw new Error('read-only');
      },
    };
    let result: { value: string };
    try {
      // `file` is mammoth's zip-reader input (lib/unzip.js); it is not in its type definitions.
      result = await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, {
        // Images are replaced by an empty <img> with their alt text; their bytes are never read.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        includeDefaultStyleMap: true,
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false,
      });
    } catch (err) {
      // mammoth's own errors (a missing main part, malformed XML) mean a damaged document.
      throw zipError(err, true);
    }
    return { ok: true, html: result.value };
  } finally {
    zip.close();
  }
}

function zipError(err: unknown, claimedDocx: boolean): unknown {
  if (err instanceof InkproofError) return err;
  if (err instanceof ZipBombError) {
    return new InkproofError(
      'too_large',
      `This file expands too much to be read safely: ${err.message}. It may be a "zip bomb" rather than a real document.`,
    );
  }
  if (err instanceof ZipFormatError || claimedDocx) return damaged(claimedDocx);
  return err;
}

function damaged(claimedDocx: boolean): InkproofError {
  return new InkproofError(
    'corrupt_file',
    claimedDocx
      ? 'This Word document is damaged or incomplete and cannot be read. Open it in Word and save it again, or export it as PDF.'
      : 'This file looks like a damaged or incomplete zip archive and cannot be read.',
  );
}

/** Paragraphs of a converted .docx: footnote and endnote markers and back-links dropped. */
export function docxHtmlToParagraphs(html: string): RawParagraph[] {
  return htmlToParagraphs(html, {
    skip: (name, attribs) =>
      name === 'a' && typeof attribs.href === 'string' && /^#(?:footnote|endnote)-/.test(attribs.href),
  });
}
