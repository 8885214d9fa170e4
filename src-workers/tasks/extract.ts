/**
 * Piscina task: extract a document's text. Never throws: a bad file is an `{ok: false}` result
 * with a typed error (an InkproofError's code and message), anything unexpected is `internal`.
 */
import { InkproofError } from '../../src-shared/errors';
import type { ExtractInput, ExtractOutput, TaskResult } from '../../src-shared/tasks';
import { extractDocument } from '../extract/index';

export default async function extract(input: ExtractInput): Promise<TaskResult<ExtractOutput>> {
  try {
    // Bytes cross the thread boundary as a Uint8Array (a Buffer arrives as one), sometimes as a
    // bare ArrayBuffer; accept both.
    const raw = (input as { bytes?: unknown } | null)?.bytes;
    const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw;
    const value = await extractDocument({ ...input, bytes: bytes as Uint8Array });
    return { ok: true, value };
  } catch (err) {
    if (err instanceof InkproofError) {
      return { ok: false, error: { code: err.code, message: err.message, retryable: err.retryable } };
    }
    const detail = err instanceof Error && err.message ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `Could not read this file: ${detail}` } };
  }
}
