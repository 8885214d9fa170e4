/**
 * Decoding bytes that should be text and telling text from binary data (the normal form of the
 * output is ./normalize.ts). All of it is linear in the input: a 1 MB file is one pass over its
 * bytes plus a native decode.
 */
import { Buffer } from 'node:buffer';
import { InkproofError } from '../../src-shared/errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Invalid UTF-8 sequences tolerated before the bytes are judged to be in another encoding. */
const INVALID_UTF8_TOLERANCE = (byteLength: number) => Math.max(4, Math.floor(byteLength / 1000));
/** Share of control characters (other than tab, newlines, form feed) above which data is binary. */
const MAX_CONTROL_RATIO = 0.01;
/** Share of bytes >= 0x80 that a legacy 8-bit (windows-1252) text plausibly has. */
const MAX_LEGACY_HIGH_RATIO = 0.3;

const BINARY_MESSAGE =
  'This file contains binary data, not text. If it is a document from a word processor, save it as .docx, .pdf or .txt and try again.';

/**
 * Decodes text bytes: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8, or UTF-16 when the
 * pattern of zero bytes shows it, or windows-1252 when the bytes are clearly 8-bit text that is not
 * UTF-8. Throws `binary_content` for NUL bytes, many control characters or bytes that decode as
 * nothing sensible. `declared` is an encoding named by the document itself (an HTML meta charset),
 * used when there is no BOM.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), false);
  }
  if (
    bytes.length >= 4 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
      (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))
  ) {
    throw new InkproofError(
      'unsupported_format',
      'This text file is encoded as UTF-32, which Inkproof does not read. Save it as UTF-8 and try again.',
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');

  const bomless = guessUtf16(bytes);
  if (bomless) return decodeUtf16(bytes, bomless);

  if (declared) {
    const label = declared.trim().toLowerCase();
    if (label !== 'utf-8' && label !== 'utf8' && label !== 'unicode-1-1-utf-8') {
      const legacy = tryDecoder(label);
      if (legacy) {
        const scan = scanBytes(bytes);
        if (scan.nul > 0 || scan.controls > bytes.length * MAX_CONTROL_RATIO)
          throw new InkproofError('binary_content', BINARY_MESSAGE);
        if (legacy.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
        return { text: legacy.decode(bytes), encoding: legacy.encoding as TextEncodingName };
      }
    }
  }
  return decodeUtf8(bytes, true);
}

/** Windows-1252 differs from ISO-8859-1 in 0x80–0x9F (curly quotes, dashes, €, …). */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Decodes windows-1252 (what WHATWG means by "latin1" and "iso-8859-1" too). Done by hand because
 * Node 20's TextDecoder decodes this label as plain ISO-8859-1, turning curly quotes into
 * invisible control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function tryDecoder(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    const decoder = new TextDecoder(label);
    // Only single-byte and common legacy encodings; anything UTF-16 is handled by BOM/pattern.
    return decoder.encoding.startsWith('utf-16') ? null : decoder;
  } catch {
    return null;
  }
}

interface ByteScan {
  nul: number;
  /** C0 controls other than tab, LF, CR, FF, VT, and a trailing Ctrl-Z; plus DEL. */
  controls: number;
  invalidUtf8: number;
  /** Well-formed UTF-8 sequences of two bytes or more. */
  validMultibyte: number;
  high: number;
}

/** One pass over the bytes: NULs, control bytes, bytes >= 0x80 and invalid UTF-8 sequences. */
export function scanBytes(bytes: Uint8Array): ByteScan {
  let nul = 0;
  let controls = 0;
  let invalid = 0;
  let valid = 0;
  let high = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b < 0x20) {
        if (b === 0) nul++;
        else if (b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 11 && !(b === 0x1a && i === n - 1)) controls++;
      } else if (b === 0x7f) controls++;
      i++;
      continue;
    }
    high++;
    // Expected continuation count and the valid range of the second byte (RFC 3629 table).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) {
      need = 2;
      lo = 0xa0;
    } else if (b >= 0xe1 && b <= 0xec) need = 2;
    else if (b === 0xed) {
      need = 2;
      hi = 0x9f;
    } else if (b >= 0xee && b <= 0xef) need = 2;
    else if (b === 0xf0) {
      need = 3;
      lo = 0x90;
    } else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) {
      need = 3;
      hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    let ok = true;
    for (; j <= need; j++) {
      if (i + j >= n) {
        ok = false;
        break;
      }
      const c = bytes[i + j];
      const min = j === 1 ? lo : 0x80;
      const max = j === 1 ? hi : 0xbf;
      if (c < min || c > max) {
        ok = false;
        break;
      }
      high++;
    }
    if (!ok) {
      invalid++;
      i += j; // skip the lead byte and the continuation bytes that were valid
      continue;
    }
    valid++;
    i += need + 1;
  }
  return { nul, controls, invalidUtf8: invalid, validMultibyte: valid, high };
}

function decodeUtf8(bytes: Uint8Array, allowLegacy: boolean): DecodedText {
  const scan = scanBytes(bytes);
  if (scan.nul > 0) throw new InkproofError('binary_content', BINARY_MESSAGE);
  if (scan.controls > Math.max(2, bytes.length * MAX_CONTROL_RATIO))
    throw new InkproofError('binary_content', BINARY_MESSAGE);
  // Not UTF-8 at all: invalid sequences and not one valid one ("caf\xe9" saved as Latin-1 has a
  // single invalid byte, which the tolerance below would turn into U+FFFD), or too many of them.
  const notUtf8 = scan.invalidUtf8 > 0 && scan.validMultibyte === 0;
  if (notUtf8 || scan.invalidUtf8 > INVALID_UTF8_TOLERANCE(bytes.length)) {
    // Not UTF-8. Text from older editors is often windows-1252 (a superset of Latin-1): accept it
    // when the bytes look like mostly-ASCII prose; anything else is binary data.
    if (allowLegacy && scan.high <= bytes.length * MAX_LEGACY_HIGH_RATIO) {
      return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
    throw new InkproofError('binary_content', BINARY_MESSAGE);
  }
  // A few invalid sequences among valid ones (a UTF-8 file with a damaged byte) become U+FFFD,
  // which the user will see.
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  let controls = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new InkproofError('binary_content', BINARY_MESSAGE);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0x7f) controls++;
    else if (c === 0xfffd) bad++;
  }
  if (controls > Math.max(2, text.length * MAX_CONTROL_RATIO) || bad > INVALID_UTF8_TOLERANCE(text.length)) {
    throw new InkproofError('binary_content', BINARY_MESSAGE);
  }
  return { text, encoding };
}

/**
 * UTF-16 without a BOM (rare, but some tools write it): ASCII-range text then has a zero in every
 * other byte. Looks at the first 4 KB.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.7 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.7 && oddZero <= pairs * 0.05) return 'utf-16be';
  return null;
}
