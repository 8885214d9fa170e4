/**
 * Reading stdin without ever holding more than the limit: a line (or a whole text) over it is
 * counted as it streams past and refused, never buffered. `readline` would first assemble the
 * whole line in memory, however long — a single 2 GB line would exhaust the heap before the size
 * check could answer it.
 */
import { InkproofError } from '../../src-shared/errors';
import { formatSize } from '../../src-workers/extract/size';

/** One line of input: its text, or — over the limit — only its size in bytes. */
export type BoundedLine = { text: string } | { oversize: number };

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * The lines of `input` split at "\n" (a "\r" before it dropped, as Windows writes them), each
 * decoded as UTF-8 once whole. A line longer than `maxBytes` is dropped as soon as it passes the
 * limit; the rest of it is only counted.
 */
export async function* boundedLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<BoundedLine> {
  let held: Buffer[] = [];
  let size = 0;
  const finish = (): BoundedLine => {
    const overflowed = held.length === 0 && size > 0;
    let line = overflowed ? null : Buffer.concat(held);
    let bytes = size;
    if (line && line.length > 0 && line[line.length - 1] === CR) {
      line = line.subarray(0, line.length - 1);
      bytes--;
    }
    held = [];
    size = 0;
    return line && bytes <= maxBytes ? { text: line.toString('utf8') } : { oversize: bytes };
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    while (from < buf.length) {
      const nl = buf.indexOf(NEWLINE, from);
      const end = nl < 0 ? buf.length : nl;
      size += end - from;
      // One byte of slack for a "\r" that may end the line.
      if (size <= maxBytes + 1) held.push(buf.subarray(from, end));
      else held = [];
      if (nl < 0) break;
      yield finish();
      from = nl + 1;
    }
  }
  if (size > 0) yield finish();
}

/**
 * All of `input` (stdin) as one buffer, refused with a typed error as soon as it passes
 * `maxBytes` — reading stops there, so an endless pipe is answered at once.
 */
export async function readBounded(input: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > maxBytes) {
      throw new InkproofError(
        'too_large',
        `The text on stdin is larger than the limit of ${formatSize(maxBytes)}. Split it into smaller files, or raise the limit in Settings.`,
      );
    }
    parts.push(buf);
  }
  return Buffer.concat(parts);
}
