/**
 * A file's bytes as they arrived: one array, or the pieces an upload streamed in. The checks an
 * import runs at once (admit.ts) read only the first bytes and, for an Office container, search for
 * a few names; keeping the pieces as they are spares the core a copy of the whole file on its event
 * loop (tens of milliseconds at the import limit), and the file is written to disk piece by piece.
 */
import { Buffer } from 'node:buffer';

export type FileBytes = Uint8Array | readonly Uint8Array[];

export function piecesOf(bytes: FileBytes): readonly Uint8Array[] {
  return bytes instanceof Uint8Array ? [bytes] : bytes;
}

export function sizeOf(bytes: FileBytes): number {
  let size = 0;
  for (const piece of piecesOf(bytes)) size += piece.byteLength;
  return size;
}

/** The first `length` bytes (fewer when the file is shorter), copying only those. */
export function headOf(bytes: FileBytes, length: number): Uint8Array {
  const pieces = piecesOf(bytes);
  if (pieces.length > 0 && pieces[0].byteLength >= length) return pieces[0].subarray(0, length);
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (size >= length) break;
    const part = piece.subarray(0, length - size);
    parts.push(part);
    size += part.byteLength;
  }
  return Buffer.concat(parts, size);
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Whether `needle` occurs anywhere in the bytes, across the seams between pieces too. */
export function includesBytes(bytes: FileBytes, needle: Buffer): boolean {
  const pieces = piecesOf(bytes);
  if (pieces.length === 1) return asBuffer(pieces[0]).includes(needle);
  const overlap = needle.byteLength - 1;
  // The last `overlap` bytes seen so far: an occurrence that crosses a seam starts among them.
  let tail: Buffer = Buffer.alloc(0);
  for (const piece of pieces) {
    const buffer = asBuffer(piece);
    if (tail.length > 0 && Buffer.concat([tail, buffer.subarray(0, overlap)]).includes(needle)) return true;
    if (buffer.includes(needle)) return true;
    tail =
      buffer.length >= overlap
        ? buffer.subarray(buffer.length - overlap)
        : Buffer.concat([tail, buffer]).subarray(Math.max(0, tail.length + buffer.length - overlap));
  }
  return false;
}
