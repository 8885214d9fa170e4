/**
 * What a file really is, from its first bytes (its "magic"), independent of its name.
 *
 * Only signatures that no plausible text file starts with are used, so that a text file is never
 * mistaken for something else; anything unrecognised is left to the text decoder, which tells text
 * from binary data by its bytes.
 */

export type Sniffed =
  /** A PDF (header found). */
  | { kind: 'pdf' }
  /** A zip archive: a .docx, or some other zip-based format, decided by looking inside. */
  | { kind: 'zip' }
  /** An OLE compound file: a legacy Office file (.doc, .xls, .ppt) or a password-protected OOXML file. */
  | { kind: 'ole' }
  /** A recognised format Inkproof does not read; `what` names it for the user ("a PNG image"). */
  | { kind: 'other'; what: string; hint?: string }
  /** No signature: text, or binary data of an unknown kind. */
  | { kind: 'unknown' };

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

function ascii(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}

const PDF = ascii('%PDF-');

/** Where "%PDF-" starts within the first `window` bytes (PDF readers accept leading junk), or -1. */
export function findPdfHeader(bytes: Uint8Array, window = 1024): number {
  const end = Math.min(bytes.length - PDF.length, window);
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && startsWith(bytes, PDF, i)) return i;
  }
  return -1;
}

const OTHER: { sig: number[]; what: string; hint?: string }[] = [
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: ascii('GIF87a'), what: 'a GIF image' },
  { sig: ascii('GIF89a'), what: 'a GIF image' },
  { sig: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { sig: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { sig: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { sig: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an XZ-compressed file' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (an ELF executable)' },
  { sig: [0xca, 0xfe, 0xba, 0xbe], what: 'a compiled program' },
  { sig: [0xcf, 0xfa, 0xed, 0xfe], what: 'a compiled program' },
  { sig: ascii('SQLite format 3\u0000'), what: 'an SQLite database' },
  { sig: [...ascii('OggS'), 0x00], what: 'an Ogg audio or video file' },
  { sig: [...ascii('fLaC'), 0x00], what: 'a FLAC audio file' },
  { sig: [...ascii('fLaC'), 0x80], what: 'a FLAC audio file' },
  { sig: [0x1a, 0x45, 0xdf, 0xa3], what: 'a Matroska/WebM video' },

  {
    sig: ascii('{\\rtf'),
    what: 'a Rich Text Format (RTF) document',
    hint: 'Open it in a word processor and save it as .docx or .txt.',
  },
  { sig: ascii('%!PS'), what: 'a PostScript file', hint: 'Convert it to PDF and try again.' },
  { sig: ascii('AT&TFORM'), what: 'a DjVu document', hint: 'Convert it to PDF with a text layer and try again.' },
];

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, PDF)) return { kind: 'pdf' };
  // Local file header, empty archive (end of central directory first), spanned archive marker.
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) ||
    startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])
  ) {
    return { kind: 'zip' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  for (const o of OTHER) {
    if (startsWith(bytes, o.sig)) return { kind: 'other', what: o.what, hint: o.hint };
  }
  // ISO media (MP4, MOV, M4A, HEIC): a box size, whose first byte is 0 for any box under 16 MB, then "ftyp".
  if (bytes.length >= 8 && bytes[0] === 0 && startsWith(bytes, ascii('ftyp'), 4)) {
    return { kind: 'other', what: 'an MP4/MOV video, audio or HEIC image file' };
  }
  // RIFF containers: the sub-type at offset 8 names them.
  if (startsWith(bytes, ascii('RIFF')) && bytes.length >= 12) {
    const sub = String.fromCharCode(bytes[8], bytes[9], bytes[10], bytes[11]);
    if (sub === 'WEBP') return { kind: 'other', what: 'a WebP image' };
    if (sub === 'WAVE') return { kind: 'other', what: 'a WAV audio file' };
    if (sub === 'AVI ') return { kind: 'other', what: 'an AVI video' };
  }
  // MP3 with an ID3 tag: "ID3", a version byte (2–4) and a revision byte (0).
  if (startsWith(bytes, ascii('ID3')) && bytes.length >= 5 && bytes[3] >= 2 && bytes[3] <= 4 && bytes[4] === 0) {
    return { kind: 'other', what: 'an MP3 audio file' };
  }
  return { kind: 'unknown' };
}

/**
 * For a file whose name promises a binary document (.pdf, .docx) but which has no known signature:
 * a short description of what it looks like instead ("an HTML web page", "plain text",
 * "unrecognised binary data"), from its first 4 KB.
 */
export function describeUnknown(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  let nonText = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) nonText++;
  }
  // UTF-16 text has zeros in every other byte; a BOM says so.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && nonText > head.length * 0.01) return 'unrecognised binary data';
  const text = new TextDecoder(utf16 ? (head[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8')
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (looksLikeHtml(text)) return 'an HTML web page';
  if (text.startsWith('<?xml')) return 'an XML file';
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON or other structured text';
  return 'plain text';
}

export function looksLikeHtml(lowerHead: string): boolean {
  return (
    lowerHead.startsWith('<!doctype html') ||
    lowerHead.startsWith('<html') ||
    /<(html|head|body)[\s>]/.test(lowerHead.slice(0, 1024))
  );
}
