/**
 * A document's original bytes, kept from its import until its text is extracted: a file in the
 * data folder's `sources/` folder, named at random, which the table `document_source_files` refers
 * to. The bytes never pass through SQLite nor the event loop in one piece: they are written with
 * asynchronous file I/O (SQLite took hundreds of milliseconds on the event loop to write a file
 * near the import limit and as long again to read it back), and the extraction worker reads the
 * file itself.
 *
 * Crash safety, in the order things happen:
 * 1. the bytes go to `NAME.tmp`, which is flushed to disk (fsync) and renamed `NAME`, and the folder
 *    is flushed too: a file with its final name is complete and durable;
 * 2. only then does the import's transaction insert the document and the row naming the file;
 * 3. extraction's transaction (or the document's deletion) removes the row; the file is removed
 *    once that has committed and nothing refers to it any more.
 * A crash between any two steps leaves at most a file nothing refers to, which the sweep at start-up
 * removes; a row never names a file that was not complete before the row committed. A full disk
 * fails step 1 with ENOSPC, which the import turns into `storage_full` like a full database.
 *
 * Rows of the former BLOB table (`document_sources`, written by earlier versions) are still read,
 * once, by the analysis of the documents they belong to.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { piecesOf, sizeOf, type FileBytes } from '../../../src-workers/extract/pieces';
import type { Db } from './db';

export const SOURCES_DIR = 'sources';
const TEMP_SUFFIX = '.tmp';
/** Random hex names only: nothing else in the folder is ours to remove. */
const NAME_RE = /^[0-9a-f]{32}(\.tmp)?$/;

/** Where a document's original bytes are: a file for the worker to read, or (written by an earlier version) the bytes. */
export type SourceLocation = { path: string; size: number } | { bytes: Uint8Array };

export class SourceStore {
  readonly dir: string;
  /** Files being written or waiting for their row to commit: never swept. */
  private readonly staging = new Set<string>();
  private readonly removals = new Set<Promise<void>>();
  private readonly temporary: boolean;

  /** `dataDir` ':memory:' (a database that is not kept) keeps the files in a temporary folder. */
  constructor(
    private readonly db: Db,
    dataDir: string,
  ) {
    this.temporary = dataDir === ':memory:';
    this.dir = this.temporary
      ? fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-sources-'))
      : path.join(dataDir, SOURCES_DIR);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Writes `bytes` durably to a new file, then runs `store` — the import's transaction — which
   * calls `attach(documentId)` to record the file as that document's source. If `store` throws, its
   * transaction rolled back and the file is removed.
   */
  async keep<T>(bytes: FileBytes, store: (attach: (documentId: number) => void) => T): Promise<T> {
    const name = crypto.randomBytes(16).toString('hex');
    const size = sizeOf(bytes);
    this.staging.add(name);
    try {
      await this.write(name, bytes);
      return await store((documentId) => {
        this.db
          .prepare('INSERT INTO document_source_files (document_id, file, size_bytes) VALUES (?, ?, ?)')
          .run(documentId, name, size);
      });
    } finally {
      this.staging.delete(name);
      // Kept when its row committed; otherwise nothing will ever refer to it.
      this.removeUnreferenced(name);
    }
  }

  /** Where the original bytes of a document are, or null when it has none (extracted, or lost). */
  locate(documentId: number): SourceLocation | null {
    const row = this.db
      .prepare('SELECT file, size_bytes FROM document_source_files WHERE document_id = ?')
      .get(documentId) as { file: string; size_bytes: number } | undefined;
    if (row) return { path: path.join(this.dir, row.file), size: row.size_bytes };
    const legacy = this.db.prepare('SELECT bytes FROM document_sources WHERE document_id = ?').get(documentId) as
      { bytes: Buffer } | undefined;
    return legacy
      ? { bytes: new Uint8Array(legacy.bytes.buffer, legacy.bytes.byteOffset, legacy.bytes.byteLength) }
      : null;
  }

  /**
   * Drops a document's source (its text was extracted, or it is being deleted). Call inside the
   * transaction that makes it unneeded: the file is removed once that transaction has ended and
   * only if nothing refers to it then (a rolled-back transaction keeps it).
   */
  forget(documentId: number): void {
    const row = this.db
      .prepare('DELETE FROM document_source_files WHERE document_id = ? RETURNING file')
      .get(documentId) as { file: string } | undefined;
    this.db.prepare('DELETE FROM document_sources WHERE document_id = ?').run(documentId);
    if (row) this.removeUnreferenced(row.file);
  }

  /**
   * Removes the files nothing refers to: left by a crash between writing a file and committing its
   * row, or between the deletion of documents outside this process and the removal of their files.
   * Run at start-up; files being imported are left alone.
   */
  async sweep(): Promise<number> {
    let removed = 0;
    for (const entry of await fsp.readdir(this.dir)) {
      // Closed while sweeping (a quick shutdown): what is left waits for the next start.
      if (!this.db.open) break;
      if (!NAME_RE.test(entry)) continue;
      const name = entry.endsWith(TEMP_SUFFIX) ? entry.slice(0, -TEMP_SUFFIX.length) : entry;
      if (this.staging.has(name) || (entry === name && this.referenced(name))) continue;
      await removeFile(path.join(this.dir, entry));
      removed++;
    }
    return removed;
  }

  /** Removes the folder of a store whose database is not kept (`:memory:`). */
  close(): void {
    if (this.temporary) fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private referenced(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM document_source_files WHERE file = ?').get(name) !== undefined;
  }

  /** Resolves once the removals asked for so far are done (before the database closes, say). */
  async settled(): Promise<void> {
    while (this.removals.size > 0) await Promise.all(this.removals);
  }

  /**
   * Removes a file after the current synchronous work (a transaction in progress) has ended, if
   * nothing refers to it by then. A failure only leaves it for the next sweep.
   */
  private removeUnreferenced(name: string): void {
    const removal = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        if (this.staging.has(name) || !this.db.open || this.referenced(name)) return;
        await removeFile(path.join(this.dir, name));
      })
      .catch(() => undefined);
    this.removals.add(removal);
    void removal.finally(() => this.removals.delete(removal));
  }

  private async write(name: string, bytes: FileBytes): Promise<void> {
    const temp = path.join(this.dir, name + TEMP_SUFFIX);
    const handle = await fsp.open(temp, 'wx');
    try {
      try {
        await writeAll(handle, piecesOf(bytes));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(temp, path.join(this.dir, name));
    } catch (err) {
      await removeFile(temp);
      throw err;
    }
    await syncFolder(this.dir);
  }
}

/**
 * Removes the files of documents deleted outside a SourceStore, once that deletion has committed
 * (`inkproof user remove --delete-documents`, which may run beside a server on the same folder: a
 * sweep there could take a file the server is importing; these names belonged to the deleted rows).
 */
export async function removeSourceFiles(dataDir: string, files: readonly string[]): Promise<void> {
  for (const file of files) if (NAME_RE.test(file)) await removeFile(path.join(dataDir, SOURCES_DIR, file));
}

/** Writes every piece, however many the system takes per call (writev may write less than asked). */
async function writeAll(handle: fsp.FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  let queue = pieces.filter((p) => p.byteLength > 0);
  while (queue.length > 0) {
    let { bytesWritten } = await handle.writev(queue);
    const rest: Uint8Array[] = [];
    for (const piece of queue) {
      if (bytesWritten >= piece.byteLength) bytesWritten -= piece.byteLength;
      else {
        rest.push(piece.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    queue = rest;
  }
}

/** Makes a rename in `dir` durable. Windows cannot open a folder to flush it; NTFS journals the rename. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeFile(file: string): Promise<void> {
  await fsp.rm(file, { force: true }).catch(() => undefined);
}
