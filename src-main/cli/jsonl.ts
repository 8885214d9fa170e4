/**
 * JSON Lines in, JSON Lines out, in input order, with a bounded number of lines in flight (so a
 * huge input streams through in constant memory while the worker pool stays busy). A bad line
 * becomes `{"id", "error"}`; nothing else is ever written to stdout.
 */
import type { Readable, Writable } from 'node:stream';
import { DEFAULT_SETTINGS } from '../../src-shared/models';
import { formatSize } from '../../src-workers/extract/size';
import { boundedLines } from './bounded';

export type LineHandler = (value: Record<string, unknown>, lineNo: number) => Promise<Record<string, unknown>>;

export async function mapJsonl(
  input: Readable,
  output: Writable,
  handle: LineHandler,
  concurrency: number,
  /** A longer line is answered with an error before it is parsed: the limit a file has. */
  maxLineBytes = DEFAULT_SETTINGS.limits.max_file_bytes,
): Promise<{ lines: number; errors: number }> {
  const window: Promise<Record<string, unknown>>[] = [];
  let lines = 0;
  let errors = 0;
  const write = async (result: Record<string, unknown>) => {
    if ('error' in result) errors++;
    if (!output.write(JSON.stringify(result) + '\n')) await new Promise((r) => output.once('drain', r));
  };
  for await (const line of boundedLines(input, maxLineBytes)) {
    lines++;
    if ('text' in line && line.text.trim() === '') continue;
    window.push(
      'oversize' in line
        ? Promise.resolve({
            id: null,
            error: `Line ${lines} is ${formatSize(line.oversize)}, larger than the limit of ${formatSize(maxLineBytes)} for one text.`,
          })
        : processLine(line.text, lines, handle),
    );
    if (window.length >= concurrency) await write(await window.shift()!);
  }
  while (window.length > 0) await write(await window.shift()!);
  return { lines, errors };
}

async function processLine(line: string, lineNo: number, handle: LineHandler): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: `Line ${lineNo} is not valid JSON.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { id: null, error: `Line ${lineNo} is not a JSON object.` };
  const obj = value as Record<string, unknown>;
  const id = typeof obj.id === 'string' || typeof obj.id === 'number' ? obj.id : null;
  if (id === null) return { id: null, error: `Line ${lineNo} has no "id" (a string or a number).` };
  if (typeof obj.text !== 'string') return { id, error: `Line ${lineNo} has no "text" string.` };
  try {
    return await handle(obj, lineNo);
  } catch (err) {
    return { id, error: err instanceof Error ? err.message : String(err) };
  }
}
