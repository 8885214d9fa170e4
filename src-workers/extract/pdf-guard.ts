/**
 * A guard against "decompression bombs" inside PDFs, run before pdf.js sees the file.
 *
 * pdf.js decodes a page's content streams (and fonts, object streams) fully into memory; a 500 KB
 * PDF whose content stream is 500 MB of deflated blanks made it use 1.5 GB and 13 s here. This
 * scan finds every stream object, reads its dictionary, and decodes the stream's filter chain
 * (FlateDecode, LZWDecode, RunLengthDecode, ASCIIHex, ASCII85) while counting the output, stopping
 * as soon as one stream or all of them together pass the budget. Images are skipped: pdf.js does
 * not decode them to read text, and a scan legitimately holds hundreds of MB of them.
 *
 * Limits of the scan, by design: streams of an encrypted PDF are ciphertext and cannot be decoded
 * here (pdf.js decrypts them with the key it derives); a stream marked as an image but used as
 * page content is not counted. Both need a deliberately crafted file; the pool's worker limits
 * are the last line there.
 */
import { constants, inflateSync } from 'node:zlib';

export interface ExpansionLimits {
  /** Largest decoded size of one stream. */
  perStream: number;
  /** Largest decoded size of all non-image streams together. */
  total: number;
}

export class PdfExpansionError extends Error {
  constructor(
    readonly decoded: number,
    readonly limit: number,
  ) {
    super(`streams decode to more than ${limit} bytes`);
    this.name = 'PdfExpansionError';
  }
}

const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode']);
const FILTER_ALIASES: Record<string, string> = {
  Fl: 'FlateDecode',
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
};

function isWhite(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
}

/** The text of the dictionary that ends just before `end` (exclusive, at its closing ">>"), or null. */
function dictBefore(bytes: Uint8Array, end: number): string | null {
  let i = end;
  while (i > 0 && isWhite(bytes[i - 1])) i--;
  if (i < 2 || bytes[i - 1] !== 0x3e || bytes[i - 2] !== 0x3e) return null;
  const stop = Math.max(0, i - 65536);
  let depth = 0;
  for (let j = i - 2; j >= stop; j--) {
    if (bytes[j] === 0x3e && bytes[j + 1] === 0x3e) {
      depth++;
      j--;
    } else if (bytes[j] === 0x3c && bytes[j + 1] === 0x3c) {
      depth--;
      if (depth === 0) return new TextDecoder('latin1').decode(bytes.subarray(j, i));
      j--;
    }
  }
  return null;
}

function unescapeNames(dict: string): string {
  return dict.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The filter chain of a stream dictionary, in decoding order. */
function filtersOf(dict: string): string[] {
  // The dictionary's one /Filter entry, read where it stands: searched for anywhere, a crafted
  // dictionary of many "/Filter[" without a "]" was rescanned from each, quadratic in its size.
  const at = dict.indexOf('/Filter');
  const m = at < 0 ? null : /^\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]+)/.exec(dict.slice(at));
  if (!m) return [];
  const names = m[1].match(/\/[^\s/<>[\]()]+/g) ?? [];
  return names.map((n) => {
    const name = n.slice(1);
    return FILTER_ALIASES[name] ?? name;
  });
}

// --- Decoders: each returns the decoded bytes, or only counts them when `countOnly` is set. --------

function flate(data: Uint8Array, limit: number, countOnly: boolean): { out: Uint8Array | null; size: number } {
  try {
    const out = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: limit + 1 });
    return { out: countOnly ? null : out, size: out.length };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { out: null, size: limit + 1 };
    // Not zlib data (encrypted, or damaged): pdf.js will fail on it too, or decode little.
    return { out: null, size: 0 };
  }
}

/**
 * LZW as PDF uses it (9–12 bit codes, EarlyChange 1), following pdf.js's decoder step by step,
 * including how it treats out-of-range codes, so that the count matches what pdf.js would produce.
 */
function lzw(
  data: Uint8Array,
  limit: number,
  countOnly: boolean,
  earlyChange = 1,
): { out: Uint8Array | null; size: number } {
  const values = new Uint8Array(4096);
  const lengths = new Uint16Array(4096);
  const prevs = new Uint16Array(4096);
  for (let i = 0; i < 256; i++) {
    values[i] = i;
    lengths[i] = 1;
  }
  const seq = new Uint8Array(4096);
  let seqLen = 0;
  let next = 258;
  let codeLength = 9;
  let prev = -1;
  let bitBuf = 0;
  let bits = 0;
  let pos = 0;
  let size = 0;
  const chunks: Uint8Array[] | null = countOnly ? null : [];
  while (size <= limit) {
    while (bits < codeLength && pos < data.length) {
      bitBuf = ((bitBuf << 8) | data[pos++]) & 0xffffff;
      bits += 8;
    }
    if (bits < codeLength) break;
    bits -= codeLength;
    const code = (bitBuf >>> bits) & ((1 << codeLength) - 1);
    if (code < 256) {
      seq[0] = code;
      seqLen = 1;
    } else if (code >= 258) {
      if (code < next) {
        seqLen = lengths[code];
        for (let j = seqLen - 1, c = code; j >= 0; j--) {
          seq[j] = values[c];
          c = prevs[c];
        }
      } else {
        if (seqLen < seq.length) seq[seqLen] = seq[0];
        seqLen++;
      }
    } else if (code === 256) {
      codeLength = 9;
      next = 258;
      seqLen = 0;
      prev = -1;
      continue;
    } else {
      break; // 257: end of data
    }
    if (prev >= 0) {
      if (next < 4096) {
        prevs[next] = prev;
        lengths[next] = lengths[prev] + 1;
        values[next] = seq[0];
      }
      next++;
      const n = next + earlyChange;
      codeLength = n & (n - 1) ? codeLength : Math.min(Math.log(n) / Math.LN2 + 1, 12) | 0;
    }
    prev = code;
    size += seqLen;
    if (chunks) {
      const chunk = new Uint8Array(seqLen);
      chunk.set(seq.subarray(0, Math.min(seqLen, seq.length)));
      chunks.push(chunk);
    }
  }
  if (!chunks) return { out: null, size };
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { out, size };
}

function runLength(data: Uint8Array, limit: number, countOnly: boolean): { out: Uint8Array | null; size: number } {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let i = 0; i < data.length && size <= limit;) {
    const n = data[i++];
    if (n === 128) break;
    if (n < 128) {
      const chunk = data.subarray(i, i + n + 1);
      if (!countOnly) parts.push(chunk);
      size += chunk.length;
      i += n + 1;
    } else {
      if (i >= data.length) break;
      const count = 257 - n;
      if (!countOnly) parts.push(new Uint8Array(count).fill(data[i]));
      size += count;
      i++;
    }
  }
  if (countOnly) return { out: null, size };
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p.subarray(0, Math.min(p.length, size - o)), o);
    o += p.length;
  }
  return { out, size };
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let hi = -1;
  for (const b of data) {
    if (b === 0x3e) break;
    const v =
      b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 55 : b >= 0x61 && b <= 0x66 ? b - 87 : -1;
    if (v < 0) continue;
    if (hi < 0) hi = v;
    else {
      out.push((hi << 4) | v);
      hi = -1;
    }
  }
  if (hi >= 0) out.push(hi << 4);
  return Uint8Array.from(out);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (b === 0x7e) break; // "~>"
    if (isWhite(b)) continue;
    if (b === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (b < 0x21 || b > 0x75) continue;
    group.push(b - 33);
    if (group.length === 5) {
      let v = 0;
      for (const g of group) v = v * 85 + g;
      out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
      group.length = 0;
    }
  }
  if (group.length > 1) {
    const n = group.length;
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const g of group) v = v * 85 + g;
    const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    out.push(...bytes.slice(0, n - 1));
  }
  return Uint8Array.from(out);
}

/** Decoded size of a stream's data through its filter chain, stopping past `limit`. */
export function decodedSize(data: Uint8Array, filters: string[], limit: number): number {
  let cur = data;
  for (let f = 0; f < filters.length; f++) {
    const last = f === filters.length - 1;
    const name = filters[f];
    let r: { out: Uint8Array | null; size: number };
    if (name === 'FlateDecode') r = flate(cur, limit, last);
    else if (name === 'LZWDecode') r = lzw(cur, limit, last);
    else if (name === 'RunLengthDecode') r = runLength(cur, limit, last);
    else if (name === 'ASCIIHexDecode') {
      const out = asciiHex(cur);
      r = { out, size: out.length };
    } else if (name === 'ASCII85Decode') {
      const out = ascii85(cur);
      r = { out, size: out.length };
    } else return cur.length; // Crypt or unknown: pdf.js handles (or rejects) it
    if (r.size > limit || last || !r.out) return r.size;
    cur = r.out;
  }
  return cur.length;
}

const STREAM = [0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "stream"

/**
 * Throws PdfExpansionError when a stream, or all non-image streams together, decode to more than
 * the limits. Returns the total decoded size otherwise.
 */
export function checkPdfExpansion(bytes: Uint8Array, limits: ExpansionLimits): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let pos = 0;
  while (true) {
    const k = buf.indexOf('stream', pos, 'latin1');
    if (k < 0) break;
    pos = k + STREAM.length;
    // The keyword: not part of "endstream", followed by an end of line.
    if (k >= 3 && bytes[k - 3] === 0x65 && bytes[k - 2] === 0x6e && bytes[k - 1] === 0x64) continue;
    let start = k + STREAM.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    else if (bytes[start - 1] !== 0x0d) continue;
    const rawDict = dictBefore(bytes, k);
    if (rawDict === null) continue;
    const dict = unescapeNames(rawDict);
    const filters = filtersOf(dict);
    if (filters.length === 0 || filters.some((f) => IMAGE_FILTERS.has(f))) continue;
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    if (!filters.some((f) => f === 'FlateDecode' || f === 'LZWDecode' || f === 'RunLengthDecode')) continue;
    let end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) end = bytes.length;
    const size = decodedSize(bytes.subarray(start, end), filters, Math.min(limits.perStream, limits.total - total));
    total += size;
    if (size > limits.perStream || total > limits.total)
      throw new PdfExpansionError(total, Math.min(limits.total, limits.perStream));
    pos = Math.max(pos, end);
  }
  return total;
}
