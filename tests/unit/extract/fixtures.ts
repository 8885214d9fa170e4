/**
 * Builders for the extraction tests' fixtures, written here from scratch: minimal PDFs (text,
 * image-only, encrypted), zip archives with chosen (and lying) sizes, and .docx files made with
 * the `docx` package.
 */
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32, createDeflate, createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { expect } from 'vitest';
import { InkproofError, type ErrorCode } from '../../../src-shared/errors';
import { extractDocument } from '../../../src-workers/extract/index';
import type { ExtractOutput } from '../../../src-shared/tasks';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

// --- PDF -----------------------------------------------------------------------------------------

export interface PdfLine {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

export interface PdfPageSpec {
  lines?: PdfLine[];
  /** Paint a grey image over the page instead of (or besides) text: a scanned page. */
  image?: boolean;
  /** Use these bytes as the page's content stream, already encoded with `filter` (a PDF filter expression). */
  rawContent?: { data: Uint8Array; filter: string };
}

export interface PdfOptions {
  /** Encrypt with the standard security handler (RC4, revision 2) using this user password. */
  userPassword?: string;
  /** Compress content streams with Flate. */
  compress?: boolean;
}

function pdfString(s: string): string {
  return '(' + s.replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const PASSWORD_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const md5 = (...parts: Buffer[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};
const padPassword = (pw: string) => Buffer.concat([latin1(pw), PASSWORD_PAD]).subarray(0, 32);

/**
 * A PDF 1.4 file with a correct cross-reference table. Text uses the standard Helvetica font;
 * an image page paints a small DeviceGray image scaled over the page, with no text.
 */
export function buildPdf(pages: PdfPageSpec[], options: PdfOptions = {}): Uint8Array {
  const objects: (string | Buffer)[] = []; // index i holds object i+1
  const add = (body: string | Buffer) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  const streams: { id: number; dict: string; data: Buffer }[] = [];

  let fileKey: Buffer | null = null;
  let encryptDict = '';
  const id0 = createHash('md5').update('inkproof-fixture').digest();
  if (options.userPassword !== undefined) {
    // Algorithm 3 (owner key, R2) with owner password = user password, then algorithm 2 (file key)
    // and algorithm 4 (U entry).
    const ownerKey = md5(padPassword(options.userPassword)).subarray(0, 5);
    const O = rc4(ownerKey, padPassword(options.userPassword));
    const P = -44;
    const pBuf = Buffer.alloc(4);
    pBuf.writeInt32LE(P);
    fileKey = md5(padPassword(options.userPassword), O, pBuf, id0).subarray(0, 5);
    const U = rc4(fileKey, PASSWORD_PAD);
    encryptDict = `<< /Filter /Standard /V 1 /R 2 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${P} >>`;
  }

  for (const page of pages) {
    let content = '';
    if (page.image) content += 'q 612 0 0 792 0 0 cm /Im1 Do Q\n';
    if (page.lines?.length) {
      content += 'BT\n';
      for (const l of page.lines)
        content += `/F1 ${l.size ?? 12} Tf 1 0 0 1 ${l.x ?? 72} ${l.y} Tm ${pdfString(l.text)} Tj\n`;
      content += 'ET\n';
    }
    let data = latin1(content);
    let dict = '';
    if (page.rawContent) {
      data = Buffer.from(page.rawContent.data);
      dict = `/Filter ${page.rawContent.filter} `;
    } else if (options.compress) {
      data = deflateSync(data);
      dict = '/Filter /FlateDecode ';
    }
    const contentId = add('');
    streams.push({ id: contentId, dict, data });
    let resources = `/Font << /F1 ${font} 0 R >>`;
    if (page.image) {
      const imgId = add('');
      const pixels = Buffer.alloc(64 * 64, 0x80);
      streams.push({
        id: imgId,
        dict: '/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 ',
        data: pixels,
      });
      resources += ` /XObject << /Im1 ${imgId} 0 R >>`;
    }
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << ${resources} >> /Contents ${contentId} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((i) => `${i} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  for (const s of streams) {
    let data = s.data;
    if (fileKey) {
      const objKey = md5(fileKey, Buffer.from([s.id & 255, (s.id >> 8) & 255, (s.id >> 16) & 255, 0, 0])).subarray(
        0,
        Math.min(16, fileKey.length + 5),
      );
      data = rc4(objKey, data);
    }
    objects[s.id - 1] = Buffer.concat([
      latin1(`<< ${s.dict}/Length ${data.length} >>\nstream\n`),
      data,
      latin1('\nendstream'),
    ]);
  }
  const encryptId = encryptDict ? add(encryptDict) : 0;

  const parts: Buffer[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      latin1(`${i + 1} 0 obj\n`),
      typeof body === 'string' ? latin1(body) : body,
      latin1('\nendobj\n'),
    ]);
    parts.push(chunk);
    offset += chunk.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  const idHex = id0.toString('hex');
  xref += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encryptId ? ` /Encrypt ${encryptId} 0 R` : ''} /ID [<${idHex}> <${idHex}>] >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(latin1(xref));
  return new Uint8Array(Buffer.concat(parts));
}

/** Lines of body text laid out down a page, `leading` points apart, starting at `top`. */
export function layout(
  lines: string[],
  opts: { top?: number; leading?: number; size?: number; x?: number } = {},
): PdfLine[] {
  const top = opts.top ?? 720;
  const leading = opts.leading ?? 14;
  return lines.map((text, i) => ({ text, y: top - i * leading, size: opts.size ?? 12, x: opts.x ?? 72 }));
}

/**
 * LZW encoding as PDF's LZWDecode expects it (9–12 bit codes, EarlyChange 1, a clear code first
 * and whenever the table fills, an end-of-data code last).
 */
export function lzwEncode(input: Uint8Array): Uint8Array {
  const out: number[] = [];
  let bitBuf = 0;
  let bits = 0;
  let codeLength = 9;
  const write = (code: number) => {
    bitBuf = (bitBuf << codeLength) | code;
    bits += codeLength;
    while (bits >= 8) {
      out.push((bitBuf >>> (bits - 8)) & 255);
      bits -= 8;
    }
    bitBuf &= (1 << bits) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  const reset = () => {
    table = new Map();
    next = 258;
    codeLength = 9;
  };
  write(256);
  let w = '';
  for (const b of input) {
    const wc = w + String.fromCharCode(b);
    if (w === '' || table.has(wc)) {
      w = wc;
      continue;
    }
    write(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
    table.set(wc, next++);
    // The decoder, one table entry behind the encoder, widens its codes when its next free code
    // plus one (EarlyChange 1) reaches a power of two: when ours reaches it.
    if (next >= 1 << codeLength && codeLength < 12) codeLength++;
    if (next >= 4094) {
      write(256);
      reset();
    }
    w = String.fromCharCode(b);
  }
  if (w !== '') write(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
  write(257);
  if (bits > 0) out.push((bitBuf << (8 - bits)) & 255);
  return Uint8Array.from(out);
}

/**
 * An LZW "bomb": a run of zeros encoded so that each code repeats the longest string in the
 * table, `repeats` times over once the table is full (about 2,500:1).
 */
export function lzwZeroBomb(repeats: number): Uint8Array {
  const out: number[] = [];
  let bitBuf = 0;
  let bits = 0;
  const write = (code: number, len: number) => {
    bitBuf = (bitBuf << len) | code;
    bits += len;
    while (bits >= 8) {
      out.push((bitBuf >>> (bits - 8)) & 255);
      bits -= 8;
    }
    bitBuf &= (1 << bits) - 1;
  };
  let codeLength = 9;
  write(256, 9);
  write(0, 9);
  // Each new code is the previous string plus one zero: the decoder's "KwKwK" case.
  let next = 258;
  while (next < 4096) {
    write(next, codeLength);
    next++;
    if (next + 1 >= 1 << codeLength && codeLength < 12) codeLength++;
  }
  for (let i = 0; i < repeats; i++) write(4095, 12);
  write(257, 12);
  if (bits > 0) out.push((bitBuf << (8 - bits)) & 255);
  return Uint8Array.from(out);
}

// --- ZIP -----------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntrySpec {
  name: string;
  /** The entry's uncompressed content (ignored when `raw` is given). */
  data?: Uint8Array | string;
  /** Already-deflated data, with the uncompressed size and CRC to declare for it. */
  raw?: { deflated: Uint8Array; size: number; crc: number };
  /** Store instead of deflate. */
  store?: boolean;
  /** Declare this uncompressed size instead of the real one (a lying central directory). */
  declaredSize?: number;
}

/** A zip archive written by hand (local headers, central directory, end record). */
export function buildZip(entries: ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let compressed: Buffer;
    let size: number;
    let crc: number;
    let method: number;
    if (e.raw) {
      compressed = Buffer.from(e.raw.deflated);
      size = e.raw.size;
      crc = e.raw.crc;
      method = 8;
    } else {
      const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data ?? new Uint8Array());
      size = data.length;
      crc = crc32(data);
      method = e.store ? 0 : 8;
      compressed = e.store ? data : deflateRawSync(data);
    }
    const declared = e.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/**
 * `size` bytes of `fill` (zeros by default) deflated — raw deflate for zip entries, or with the
 * zlib wrapper (`zlib: true`) for PDF streams — fed to zlib in 1 MB chunks so that the test never
 * holds them all.
 */
export async function deflatedZeros(
  size: number,
  opts: { fill?: number; zlib?: boolean; prefix?: string } = {},
): Promise<{ deflated: Uint8Array; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024, opts.fill ?? 0);
  const deflater = opts.zlib ? createDeflate({ level: 9 }) : createDeflateRaw({ level: 9 });
  if (opts.prefix) deflater.write(latin1(opts.prefix));
  const out: Buffer[] = [];
  deflater.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlibCrc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await done;
  return { deflated: new Uint8Array(Buffer.concat(out)), size, crc };
}

// --- DOCX ----------------------------------------------------------------------------------------

export type DocxBlock =
  | string
  | { heading: string }
  | { bullet: string }
  | { table: string[][] }
  /** A paragraph whose text is followed by footnote 1. */
  | { withFootnote: string; footnote: string };

/** A real .docx written by the `docx` package. */
export async function buildDocx(blocks: DocxBlock[]): Promise<Uint8Array> {
  let footnote: string | null = null;
  const children = blocks.map((b) => {
    if (typeof b === 'string') return new Paragraph({ children: [new TextRun(b)] });
    if ('heading' in b) return new Paragraph({ text: b.heading, heading: HeadingLevel.HEADING_1 });
    if ('bullet' in b) return new Paragraph({ text: b.bullet, bullet: { level: 0 } });
    if ('withFootnote' in b) {
      footnote = b.footnote;
      return new Paragraph({ children: [new TextRun(b.withFootnote), new FootnoteReferenceRun(1)] });
    }
    return new Table({
      rows: b.table.map(
        (cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
      ),
    });
  });
  const doc = new Document({
    ...(footnote !== null ? { footnotes: { 1: { children: [new Paragraph(footnote)] } } } : {}),
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// --- Other containers ------------------------------------------------------------------------------

/**
 * The start of an OLE compound file (the container of .doc/.xls and of password-protected .docx)
 * followed by directory entry names in UTF-16LE, which is where Inkproof looks for them.
 */
export function oleFile(streamNames: string[]): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const dir = Buffer.alloc(128 * Math.max(1, streamNames.length));
  streamNames.forEach((name, i) => {
    const n = Buffer.from(name, 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length + 2, i * 128 + 64);
  });
  return new Uint8Array(Buffer.concat([header, dir]));
}

// --- Assertions ------------------------------------------------------------------------------------

export const MB = 1024 * 1024;

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function extract(name: string, bytes: Uint8Array | string, maxBytes = 20 * MB): Promise<ExtractOutput> {
  return extractDocument({ name, bytes: typeof bytes === 'string' ? bytesOf(bytes) : bytes, max_bytes: maxBytes });
}

/**
 * A message a user understands: one or more full sentences, no stack traces, no library names or
 * internal jargon.
 */
export function expectUserMessage(message: string): void {
  expect(message).toMatch(/^[A-Z"“.]/);
  expect(message).toMatch(/[.!?]$/);
  expect(message.length).toBeLessThan(320);
  expect(message).not.toMatch(
    /\b(?:undefined|null|NaN|Error:|TypeError|ENOENT|stack|yauzl|jszip|mammoth|pdf\.?js|pdfjs|htmlparser|marked|central directory|xref|exception)\b/i,
  );
  expect(message).not.toMatch(/\n\s+at /);
}

/** Runs an extraction that must fail, and returns its InkproofError after checking code and message. */
export async function expectExtractError(promise: Promise<unknown>, code: ErrorCode): Promise<InkproofError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected an InkproofError with code ${code}`).toBeInstanceOf(InkproofError);
  const err = caught as InkproofError;
  expect(err.code, err.message).toBe(code);
  expectUserMessage(err.message);
  return err;
}
