/**
 * The store of documents' original bytes (src-main/core/store/sources.ts): files written before the
 * row that names them, removed once nothing refers to them, swept at start-up when a crash or an
 * account's removal left them behind; rows of the former BLOB table still read.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storageError } from '../../../src-main/core/storage';
import { userRemove } from '../../../src-main/cli/user';
import { AccountStore } from '../../../src-main/core/accounts/accounts';
import { openDatabase, type Db } from '../../../src-main/core/store/db';
import { DocumentStore } from '../../../src-main/core/store/documents';
import { SourceStore } from '../../../src-main/core/store/sources';
import { tempDir } from '../../helpers/temp';

describe('SourceStore', () => {
  let t: ReturnType<typeof tempDir>;
  let db: Db;
  let documents: DocumentStore;
  let sources: SourceStore;
  const files = () => fs.readdirSync(sources.dir).sort();
  const importDoc = (bytes: Uint8Array | Uint8Array[], size: number) =>
    sources.keep(bytes, (attach) =>
      db.transaction(() => {
        const doc = documents.insert(1, 'a.txt', 'txt', size);
        attach(doc.id);
        return doc;
      })(),
    );

  beforeEach(() => {
    t = tempDir();
    db = openDatabase({ dataDir: t.dir });
    documents = new DocumentStore(db);
    sources = new SourceStore(db, t.dir);
  });
  afterEach(async () => {
    await sources.settled();
    db.close();
    t.cleanup();
  });

  it('writes the pieces of a file whole to a file of sources/ and names it in the import transaction', async () => {
    const pieces = [Buffer.from('Hello, '), Buffer.alloc(0), Buffer.from('world'), Buffer.alloc(200_000, 'x')];
    const doc = await importDoc(pieces, 200_012);
    expect(sources.dir).toBe(path.join(t.dir, 'sources'));
    const where = sources.locate(doc.id);
    expect(where).toEqual({ path: expect.stringContaining(sources.dir), size: 200_012 });
    expect(fs.readFileSync((where as { path: string }).path)).toEqual(Buffer.concat(pieces));
    await sources.settled();
    // The committed file stays; no temporary file is left.
    expect(files()).toEqual([path.basename((where as { path: string }).path)]);
  });

  it('removes the file when the import transaction fails', async () => {
    await expect(
      sources.keep(Buffer.from('text'), (attach) =>
        db.transaction(() => {
          const doc = documents.insert(1, 'a.txt', 'txt', 4);
          attach(doc.id);
          throw new Error('the transaction failed');
        })(),
      ),
    ).rejects.toThrow('the transaction failed');
    await sources.settled();
    expect(files()).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM document_source_files').get()).toEqual({ n: 0 });
  });

  it('removes the file once the transaction that forgets it commits, and keeps it when it rolls back', async () => {
    const doc = await importDoc(Buffer.from('some text'), 9);
    expect(() =>
      db.transaction(() => {
        sources.forget(doc.id);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    await sources.settled();
    expect(files()).toHaveLength(1);
    expect(sources.locate(doc.id)).not.toBeNull();

    db.transaction(() => sources.forget(doc.id))();
    await sources.settled();
    expect(files()).toEqual([]);
    expect(sources.locate(doc.id)).toBeNull();
  });

  it('sweeps files no row names (a crash before the commit, documents deleted elsewhere) and leaves the others', async () => {
    const kept = await importDoc(Buffer.from('kept'), 4);
    const deleted = await importDoc(Buffer.from('deleted'), 7);
    // Another process deletes a document and stops before removing its file: the row goes by
    // cascade, the file stays behind.
    db.prepare('DELETE FROM documents WHERE id = ?').run(deleted.id);
    // A crash after the file was renamed but before its row committed, and one while writing it.
    const orphan = '0123456789abcdef0123456789abcdef';
    fs.writeFileSync(path.join(sources.dir, orphan), 'orphan');
    fs.writeFileSync(path.join(sources.dir, 'fedcba9876543210fedcba9876543210.tmp'), 'half');
    // Not a name this store makes: not its to remove.
    fs.writeFileSync(path.join(sources.dir, 'README'), 'someone else’s');

    expect(await sources.sweep()).toBe(3);
    const keptFile = path.basename((sources.locate(kept.id) as { path: string }).path);
    expect(files()).toEqual(['README', keptFile].sort());
  });

  it('removes the files of an account’s documents when `inkproof user remove --delete-documents` deletes them', async () => {
    const accounts = new AccountStore(db);
    const alice = await accounts.add('alice', 'alice-password');
    const keepFor = (userId: number, text: string) =>
      sources.keep(Buffer.from(text), (attach) =>
        db.transaction(() => {
          const doc = documents.insert(userId, 'a.txt', 'txt', text.length);
          attach(doc.id);
          return doc;
        })(),
      );
    const mine = await keepFor(1, 'the local account’s');
    await keepFor(alice.id, 'alice’s first');
    await keepFor(alice.id, 'alice’s second');
    expect(files()).toHaveLength(3);

    const said: string[] = [];
    const io = { out: (s: string) => said.push(s), err: (s: string) => said.push(s), readStdin: async () => '' };
    expect(await userRemove('alice', { data: t.dir, deleteDocuments: true }, io)).toBe(0);
    expect(said.join('')).toMatch(/Removed user "alice" and 2 document/);
    // Removed by the command itself, not left for the next start of a server.
    expect(files()).toEqual([path.basename((sources.locate(mine.id) as { path: string }).path)]);
  });

  it('never sweeps a file an import is writing or about to name', async () => {
    let sweptDuringImport = -1;
    const doc = await sources.keep(Buffer.from('in flight'), (attach) => {
      // The file is complete and renamed, its row not yet written: a sweep now must leave it.
      return sources.sweep().then((n) => {
        sweptDuringImport = n;
        return db.transaction(() => {
          const d = documents.insert(1, 'a.txt', 'txt', 9);
          attach(d.id);
          return d;
        })();
      });
    });
    expect(sweptDuringImport).toBe(0);
    expect(fs.readFileSync((sources.locate(doc.id) as { path: string }).path, 'utf8')).toBe('in flight');
  });

  /** Spies on the writes of file handles; the first one writes only 3 bytes (across a seam), as a system may. */
  async function shortFirstWrite() {
    const probe = await fsp.open(path.join(t.dir, 'probe'), 'w');
    const handleProto = Object.getPrototypeOf(probe) as fsp.FileHandle;
    await probe.close();
    fs.rmSync(path.join(t.dir, 'probe'));
    const writev = vi.spyOn(handleProto, 'writev');
    writev.mockImplementationOnce(async function (this: fsp.FileHandle, pieces: readonly NodeJS.ArrayBufferView[]) {
      await this.write(Buffer.concat(pieces as Uint8Array[]).subarray(0, 3));
      return { bytesWritten: 3, buffers: pieces };
    } as never);
    return writev;
  }

  it('writes the rest when the system writes less than asked', async () => {
    const writev = await shortFirstWrite();
    try {
      const doc = await importDoc([Buffer.from('ab'), Buffer.from('cdef'), Buffer.from('gh')], 8);
      expect(writev.mock.calls.length).toBeGreaterThan(1);
      expect(fs.readFileSync((sources.locate(doc.id) as { path: string }).path, 'utf8')).toBe('abcdefgh');
    } finally {
      writev.mockRestore();
    }
  });

  it('fails a write on a full disk with ENOSPC (a typed storage_full for the import), leaving no file nor row', async () => {
    // The disk fills up part-way through the file: the system writes some of it, then refuses.
    const writev = await shortFirstWrite();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    writev.mockRejectedValueOnce(full);
    let stored = false;
    try {
      const failure = await sources
        .keep([Buffer.from('a large file'), Buffer.from(' in pieces')], () => {
          stored = true;
        })
        .catch((err: unknown) => err);
      expect(failure).toBe(full);
      expect(storageError(failure)).toMatchObject({ code: 'storage_full', retryable: true });
    } finally {
      writev.mockRestore();
    }
    // The transaction never ran; neither the file nor its temporary copy is left.
    expect(stored).toBe(false);
    await sources.settled();
    expect(files()).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM document_source_files').get()).toEqual({ n: 0 });
    // Once space is back, the same bytes are kept whole.
    const doc = await importDoc([Buffer.from('a large file'), Buffer.from(' in pieces')], 22);
    expect(fs.readFileSync((sources.locate(doc.id) as { path: string }).path, 'utf8')).toBe('a large file in pieces');
  });

  it('still reads the bytes an earlier version stored in SQLite, and forgets them', () => {
    const doc = documents.insert(1, 'old.txt', 'txt', 3);
    db.prepare('INSERT INTO document_sources (document_id, bytes) VALUES (?, ?)').run(doc.id, Buffer.from('old'));
    const where = sources.locate(doc.id) as { bytes: Uint8Array };
    expect(Buffer.from(where.bytes).toString()).toBe('old');
    sources.forget(doc.id);
    expect(sources.locate(doc.id)).toBeNull();
  });

  it('keeps the files of a database that is not kept (:memory:) in a temporary folder it removes', async () => {
    const memory = openDatabase({ dataDir: ':memory:' });
    const store = new SourceStore(memory, ':memory:');
    try {
      await store.keep(Buffer.from('x'), (attach) => attach(new DocumentStore(memory).insert(1, 'a.txt', 'txt', 1).id));
      expect(fs.readdirSync(store.dir)).toHaveLength(1);
    } finally {
      await store.settled();
      memory.close();
      store.close();
    }
    expect(fs.existsSync(store.dir)).toBe(false);
  });
});
