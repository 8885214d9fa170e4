/**
 * Multipart uploads (`POST /api/documents`), imported file by file while the request streams in.
 * Each file is checked as it arrives: its extension before a byte of it is read, its size while it
 * is read (busboy stops keeping bytes past the import limit), and the number of files and fields
 * of the request as parts appear. A file is imported (stored and queued) as soon as it is complete
 * and its bytes are dropped before the next one is read, so one request holds at most one file in
 * memory however many it carries; a few slots shared by every request bound the total (a request
 * waiting for a slot is simply not read — TCP holds its sender back).
 *
 * Malformed multipart (no boundary, a wrong one, a truncated body, broken part headers) answers
 * 400 `invalid_input`, never 500. When some files were imported before a limit or a malformed part
 * stopped the upload, the answer lists them with an error for the rest.
 */
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { ImportResult } from '../../src-shared/commands';
import { InkproofError } from '../../src-shared/errors';
import { claimedFormat } from '../../src-workers/extract/formats';
import { formatSize } from '../../src-workers/extract/size';
import type { CallContext } from '../core/commands';
import { importFiles } from '../core/commands/documents';
import type { Core } from '../core/core';
import { RequestError } from './http-errors';

/** A counting semaphore: at most `size` holders at once, the others wait in order. */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

export interface UploadLimits {
  maxFiles: number;
  maxFields: number;
  maxFieldBytes: number;
  /** The import size limit, read when the upload starts. */
  maxFileBytes: number;
  /** Shared by every request: files held in memory at once. */
  slots: Slots;
  /** A file that receives nothing for this long is abandoned and its request closed. */
  idleMs: number;
}

/**
 * Reads a file part whole, in the pieces it arrived in (joining them would copy the whole file on
 * the event loop; the import writes them to disk as they are), or refuses it when busboy cut it at
 * the size limit (the plugin is registered with `throwFileSizeLimit: false`, so a file over the
 * limit is refused on its own and the others go on).
 */
async function readFile(
  stream: Readable & { truncated?: boolean },
  name: string,
  limit: number,
  idle: { ms: number; onIdle: () => void },
): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  // A sender that stalls in the middle of a file would keep its slot (and its bytes) forever.
  const timer = setTimeout(idle.onIdle, idle.ms);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      timer.refresh();
      chunks.push(chunk);
    }
  } finally {
    clearTimeout(timer);
  }
  if (stream.truncated) {
    throw new InkproofError(
      'too_large',
      `"${name}" is larger than the limit of ${formatSize(limit)}. Split it into smaller files, or raise the limit in Settings.`,
    );
  }
  return chunks;
}

/** Turns what the multipart parser throws into a typed error a user understands. */
export function uploadError(err: unknown, limits: UploadLimits): InkproofError {
  if (InkproofError.is(err)) return err;
  const e = err as { code?: string; message?: string };
  switch (e?.code) {
    case 'FST_FILES_LIMIT':
      return new InkproofError(
        'too_large',
        `An upload may carry at most ${limits.maxFiles} files; send the others in another upload.`,
      );
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new InkproofError(
        'too_large',
        `An upload may carry at most ${limits.maxFields} fields besides its files.`,
      );
    case 'FST_PROTO_VIOLATION':
      return new RequestError(
        400,
        'invalid_input',
        'The upload uses a forbidden field name (__proto__ or constructor).',
      );
    case 'FST_MP_PREMATURE_CLOSE':
      return new RequestError(400, 'invalid_input', 'The upload ended before it was complete.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new RequestError(400, 'invalid_input', 'Send the files as multipart/form-data.');
    default:
      // busboy's own errors: "Unexpected end of form", "Malformed part header", "Boundary not found" …
      return new RequestError(
        400,
        'invalid_input',
        `The upload is not valid multipart/form-data${e?.message ? ` (${String(e.message).slice(0, 200)})` : ''}.`,
      );
  }
}

/** Imports the files of a multipart request one by one as they arrive. */
export async function importUpload(
  req: FastifyRequest,
  core: Core,
  ctx: CallContext,
  limits: UploadLimits,
): Promise<ImportResult> {
  const result: ImportResult = { documents: [], errors: [] };
  let files = 0;
  // A failure of the server itself (not of the upload) is not the client's mistake: it goes on as it is.
  let failure: { err: unknown } | null = null;
  try {
    const parts = req.parts({
      limits: {
        files: limits.maxFiles,
        fields: limits.maxFields,
        parts: limits.maxFiles + limits.maxFields,
        fieldSize: limits.maxFieldBytes,
        fileSize: limits.maxFileBytes,
        headerPairs: 20,
      },
    });
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      files++;
      const name = part.filename || 'upload';
      try {
        claimedFormat(name);
      } catch (err) {
        // Refused by its name: its bytes are skipped, never kept.
        part.file.resume();
        result.errors.push({ name, error: (err as InkproofError).toJSON() });
        continue;
      }
      const release = await limits.slots.acquire();
      try {
        let bytes: Buffer[];
        try {
          bytes = await readFile(part.file, name, limits.maxFileBytes, {
            ms: limits.idleMs,
            onIdle: () => req.raw.destroy(),
          });
        } catch (err) {
          if (!InkproofError.is(err)) throw err;
          result.errors.push({ name, error: err.toJSON() });
          continue;
        }
        try {
          const one = await importFiles(core, [{ name, read: async () => bytes }], ctx);
          result.documents.push(...one.documents);
          result.errors.push(...one.errors);
        } catch (err) {
          failure = { err };
          break;
        }
      } finally {
        release();
      }
    }
  } catch (err) {
    const typed = uploadError(err, limits);
    // Nothing to report but this: the whole answer is the error (with its own status).
    if (result.documents.length === 0 && result.errors.length === 0) throw typed;
    result.errors.push({ name: '(the rest of the upload)', error: typed.toJSON() });
  }
  if (failure) throw failure.err;
  if (files === 0) throw new InkproofError('invalid_input', 'The upload contains no file.');
  return result;
}
