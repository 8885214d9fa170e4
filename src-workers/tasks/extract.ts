/**
 * Piscina task: extract a document's text. Never throws: a bad file is an `{ok: false}` result
 * with a typed error (an InkproofError's code and message), anything unexpected is `internal`.
 *
 * A stored document comes as the path of its file (src-main/core/store/sources.ts), read here so
 * that its bytes never cross the core's event loop; the CLI and the tests pass the bytes.
 */
import fs from 'node:fs/promises';
import { InkproofError } from '../../src-shared/errors';
import type { ExtractOutput, ExtractTaskInput, TaskResult } from '../../src-shared/tasks';
import { extractDocument } from '../extract/index';
import { tooLargeError } from '../extract/size';

/** The bytes of a stored file, checked against the size recorded when it was stored. */
async function readStored(file: string, size: number, maxBytes: number): Promise<Uint8Array> {
  // The limit may have been lowered since the import: refuse before reading.
  if (size > maxBytes) throw tooLargeError(size, maxBytes);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new InkproofError('not_found', 'The original file of this document is missing; import it again.');
    throw err;
  }
  if (bytes.byteLength !== size)
    throw new InkproofError(
      'corrupt_file',
      `The stored copy of this file is damaged (${bytes.byteLength} of its ${size} bytes); import it again.`,
    );
  return bytes;
}

export default async function extract(input: ExtractTaskInput): Promise<TaskResult<ExtractOutput>> {
  try {
    let bytes: unknown;
    if (input && typeof input === 'object' && 'path' in input && typeof input.path === 'string') {
      bytes = await readStored(input.path, input.size, input.max_bytes);
    } else {
      // Bytes cross the thread boundary as a Uint8Array (a Buffer arrives as one), sometimes as a
      // bare ArrayBuffer; accept both.
      const raw = (input as { bytes?: unknown } | null)?.bytes;
      bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw;
    }
    const value = await extractDocument({ ...(input as ExtractTaskInput), bytes: bytes as Uint8Array });
    return { ok: true, value };
  } catch (err) {
    if (err instanceof InkproofError) {
      return { ok: false, error: { code: err.code, message: err.message, retryable: err.retryable } };
    }
    const detail = err instanceof Error && err.message ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `Could not read this file: ${detail}` } };
  }
}
