/** Commands on documents: import, list, get, delete, analyse, export. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { documentChannel, libraryChannel, rewriteChannel } from '../../../src-shared/channels';
import type { ImportFile, ImportResult } from '../../../src-shared/commands';
import type { StructuredText } from '../../../src-shared/blocks';
import { InkproofError } from '../../../src-shared/errors';
import type { DiffHunk, DocumentSummary } from '../../../src-shared/models';
import { admitFile } from '../../../src-workers/extract/admit';
import { claimedFormat } from '../../../src-workers/extract/formats';
import { sizeOf, type FileBytes } from '../../../src-workers/extract/pieces';
import { formatSize } from '../../../src-workers/extract/size';
import { isoNow } from '../clock';
import type { Services } from '../services';
import type { CallContext, CoreApi } from './context';
import { buildExport } from '../export';
import { revisedDocument } from './revision';

export function ownedDocument(s: Services, id: number, ctx: CallContext) {
  const row = s.documents.row(id);
  // Someone else's document is reported as missing, so ids reveal nothing.
  if (!row || row.user_id !== ctx.user.id) throw new InkproofError('not_found', `There is no document ${id}.`);
  return row;
}

async function readFile(file: ImportFile, limit: number, ctx: CallContext): Promise<Uint8Array> {
  if ('text' in file) {
    const size = Buffer.byteLength(file.text, 'utf8');
    if (size > limit) throw tooLarge(file.name, size, limit);
    return Buffer.from(file.text, 'utf8');
  }
  if ('base64' in file) {
    const compact = file.base64.replace(/\s/g, '');
    const size = Math.floor((compact.length * 3) / 4);
    if (size > limit + 2) throw tooLarge(file.name, size, limit);
    // Tested without its line breaks: "[…\r\n]*" before "\s*" could split a run of newlines
    // any way, and 40,000 of them before a bad character took seconds.
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
      throw new InkproofError('invalid_input', `The contents of "${file.name}" are not valid base64.`);
    return Buffer.from(file.base64, 'base64');
  }
  if (!ctx.allowPaths)
    throw new InkproofError(
      'invalid_input',
      'Files can be imported by path only from the desktop app and the command line; upload the file instead.',
    );
  let stat;
  try {
    stat = await fs.stat(file.path);
  } catch {
    throw new InkproofError('not_found', `Cannot open "${file.path}": the file does not exist or cannot be read.`);
  }
  if (!stat.isFile()) throw new InkproofError('invalid_input', `"${file.path}" is not a file.`);
  if (stat.size > limit) throw tooLarge(file.name, stat.size, limit);
  return fs.readFile(file.path);
}

/**
 * Removes a document's rows (versions, analyses, revisions with it), its original file, and everything the hub kept of
 * its channels and its revisions': its events go with it, nothing of it can be replayed, to anyone.
 * Call inside the transaction of the delete.
 */
export function removeDocument(s: Services, id: number, rewriteIds: readonly number[]): void {
  s.sources.forget(id);
  s.documents.delete(id);
  s.hub.forgetChannels([documentChannel(id), ...rewriteIds.map((r) => rewriteChannel(r))]);
}

export function tooLarge(name: string, size: number, limit: number): InkproofError {
  return new InkproofError(
    'too_large',
    `"${name}" is ${formatSize(size)}, larger than the limit of ${formatSize(limit)}. Split it into smaller files, or raise the limit in Settings.`,
  );
}

/**
 * The text a revision exports as: the original with the changes the reader accepted; without a
 * list, what was applied (a revision applied as a version exports as that version) or, before it
 * is applied, every change. Never the full result behind the reader's back once they decided.
 */
function revisionContent(
  s: Services,
  documentId: number,
  rewriteId: number,
  accepted: number[] | 'all' | undefined,
): StructuredText {
  const rw = s.rewrites.row(rewriteId);
  if (!rw || rw.document_id !== documentId)
    throw new InkproofError('not_found', `Document ${documentId} has no revision ${rewriteId}.`);
  if (rw.result === null) throw new InkproofError('conflict', 'This revision has not finished yet.');
  if (accepted === undefined) {
    // No decisions given: an applied revision exports as it was applied, any other with every change.
    const applied = rw.applied_version === null ? null : s.documents.version(documentId, rw.applied_version);
    return applied ?? revisedDocument(s, rw, 'all');
  }
  if (accepted !== 'all') {
    const known = new Set((JSON.parse(rw.hunks ?? '[]') as DiffHunk[]).map((h) => h.id));
    const unknown = accepted.filter((h) => !known.has(h));
    if (unknown.length > 0)
      throw new InkproofError('invalid_input', `This revision has no change ${unknown.join(', ')}.`);
  }
  return revisedDocument(s, rw, accepted);
}

/**
 * A file on its way in: its name and a way to read its bytes (which may refuse, e.g. too large) —
 * whole, or in the pieces an upload arrived in.
 */
export interface IncomingFile {
  name: string;
  read(): Promise<FileBytes>;
}

/** Imports files one by one: each becomes a document queued for analysis, or an error. */
export async function importFiles(s: Services, files: IncomingFile[], ctx: CallContext): Promise<ImportResult> {
  const result: ImportResult = { documents: [], errors: [] };
  for (const file of files) {
    try {
      claimedFormat(file.name);
      const bytes = await file.read();
      const format = admitFile(file.name, bytes, s.settings.importLimit(ctx.user.id));
      const name = path.basename(file.name);
      const size = sizeOf(bytes);
      // The bytes go to a file first (asynchronously); the transaction only names it.
      const doc = await s.sources.keep(bytes, (attach) =>
        s.hub.atomically(s.db, () => {
          const doc = s.documents.insert(ctx.user.id, name, format, size);
          attach(doc.id);
          s.sync.outbox.document(doc.id);
          // About six bytes per word: refined once the text is extracted.
          s.scheduler.enqueue(ctx.user.id, 'analyze', doc.id, size / 6);
          s.hub.broadcast(
            {
              channel: libraryChannel(ctx.user.id),
              event: 'document.imported',
              data: { document_id: doc.id, name, format, size_bytes: doc.size_bytes, imported_at: doc.created_at },
            },
            { except: ctx.connectionId },
          );
          return doc;
        }),
      );
      result.documents.push(doc);
    } catch (err) {
      const typed = InkproofError.is(err) ? err : s.storage.failed(err);
      if (!typed) throw err;
      result.errors.push({ name: file.name, error: typed.toJSON() });
    }
  }
  return result;
}

export function documentCommands(
  s: Services,
): Pick<
  CoreApi,
  | 'importDocuments'
  | 'listDocuments'
  | 'getDocument'
  | 'deleteDocument'
  | 'analyzeDocument'
  | 'exportDocument'
  | 'renameDocument'
> {
  return {
    async importDocuments({ files }, ctx) {
      const limit = s.settings.importLimit(ctx.user.id);
      return importFiles(
        s,
        files.map((file) => ({ name: file.name, read: () => readFile(file, limit, ctx) })),
        ctx,
      );
    },

    async listDocuments(args, ctx) {
      return s.documents.list(ctx.user.id, args);
    },

    async getDocument({ id, version }, ctx) {
      ownedDocument(s, id, ctx);
      const detail = s.documents.detail(id, version);
      if (!detail) throw new InkproofError('not_found', `Document ${id} has no version ${version}.`);
      return detail;
    },

    async deleteDocument({ id }, ctx) {
      ownedDocument(s, id, ctx);
      const rewrites = s.rewrites.forDocument(id);
      // Stop work on it first, so no job writes to a deleted document.
      for (const r of rewrites) for (const j of s.jobs.active('rewrite', r.id)) await s.scheduler.cancel(j.id);
      for (const j of s.jobs.active('analyze', id)) await s.scheduler.cancel(j.id);
      s.hub.atomically(s.db, () => {
        // Before the rows go: the delete names every version it saw.
        s.sync.outbox.deleted(id);
        removeDocument(
          s,
          id,
          rewrites.map((r) => r.id),
        );
        s.hub.broadcast(
          {
            channel: libraryChannel(ctx.user.id),
            event: 'document.deleted',
            data: { document_id: id, deleted_at: isoNow() },
          },
          { except: ctx.connectionId },
        );
      });
      return { deleted: true, id };
    },

    async renameDocument({ id, name }, ctx) {
      const doc = ownedDocument(s, id, ctx);
      const clean = path.basename(name.trim());
      if (!clean) throw new InkproofError('invalid_input', 'A document needs a name.');
      if (clean !== doc.name) {
        s.hub.atomically(s.db, () => {
          s.documents.rename(id, clean);
          s.sync.outbox.document(id);
          s.hub.broadcast(
            {
              channel: libraryChannel(ctx.user.id),
              event: 'document.updated',
              data: { document_id: id, version: doc.version, updated_at: isoNow(), name: clean },
            },
            { except: ctx.connectionId },
          );
        });
      }
      return { document: s.documents.summary(id) as DocumentSummary };
    },

    async analyzeDocument({ id }, ctx) {
      ownedDocument(s, id, ctx);
      const active = s.jobs.active('analyze', id);
      if (active.length > 0) return { document: s.documents.summary(id) as DocumentSummary, job: active[0] };
      const job = s.hub.atomically(s.db, () => {
        s.documents.setStatus(id, 'queued');
        const row = s.documents.row(id);
        return s.scheduler.enqueue(ctx.user.id, 'analyze', id, row?.word_count ?? (row?.size_bytes ?? 6) / 6);
      });
      return { document: s.documents.summary(id) as DocumentSummary, job };
    },

    async exportDocument({ id, format, version, rewrite_id, accepted_hunks }, ctx) {
      const doc = ownedDocument(s, id, ctx);
      let content: StructuredText | null;
      let suffix = '';
      if (rewrite_id !== undefined) {
        content = revisionContent(s, id, rewrite_id, accepted_hunks);
        suffix = '-revised';
      } else {
        const v = version ?? doc.version;
        content = s.documents.version(id, v);
        if (content === null)
          throw new InkproofError(
            doc.text === null ? 'conflict' : 'not_found',
            doc.text === null ? 'This document is still being read.' : `Document ${id} has no version ${v}.`,
          );
        if (v > 1) suffix = `-v${v}`;
      }
      const base = doc.name.replace(/\.[A-Za-z0-9]+$/, '') + suffix;
      return buildExport(base, format, content);
    },
  };
}
