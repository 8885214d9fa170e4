/**
 * The outbox is written in the same transaction as the change: a change that rolls back leaves no
 * entry, and nothing is journalled before the device is attached to a library. Entries stand for
 * rows that never change and are read when sent; one whose rows are gone has nothing to send.
 * Data folders from before global ids get them on migration, with each version on top of the one
 * before it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../../../src-main/core/store/db';
import { DocumentStore } from '../../../src-main/core/store/documents';
import { MIGRATIONS } from '../../../src-main/core/store/migrations';
import { DeviceStore } from '../../../src-main/core/sync/device';
import { SyncOutbox } from '../../../src-main/core/sync/outbox';
import type { AnalysisResult, TextBlock } from '../../../src-shared/models';
import { GLOBAL_ID_RE } from '../../../src-shared/sync';
import { tempDir } from '../../helpers/temp';

function setup(attached = true) {
  const db = openDatabase({ dataDir: ':memory:' });
  const device = new DeviceStore(db);
  if (attached)
    device.connect({
      serverUrl: 'http://sync.test',
      accountId: 2,
      accountName: 'alice',
      libraryId: 2,
      libraries: [],
      deviceName: 'laptop',
      appKey: 'inkproof',
      socketToken: true,
    });
  return { db, docs: new DocumentStore(db), outbox: new SyncOutbox(db, device) };
}

function importText(db: Db, docs: DocumentStore, outbox: SyncOutbox, text: string, blocks: TextBlock[] = []): number {
  return db.transaction(() => {
    const d = docs.insert(1, 'a.txt', 'txt', text.length);
    outbox.document(d.id);
    docs.setExtracted(d.id, text, 'txt', text.split(' ').length, blocks);
    outbox.version(d.id, 1);
    return d.id;
  })();
}

const ANALYSIS: AnalysisResult = {
  ai_confidence: 40,
  verdict: 'human',
  model: 'test',
  word_count: 3,
  language: 'en',
  critical_sections: [],
  explanations: [],
  sentences: [],
  ai_share: 0,
};

describe('sync outbox', () => {
  it('journals a change with it, and nothing of a change that rolled back', () => {
    const { db, docs, outbox } = setup();
    importText(db, docs, outbox, 'one two three');
    expect(outbox.count()).toBe(2);
    expect(() =>
      db.transaction(() => {
        const d = docs.insert(1, 'b.txt', 'txt', 3);
        outbox.document(d.id);
        throw new Error('the change fails');
      })(),
    ).toThrow('the change fails');
    expect(outbox.count()).toBe(2);
    expect(docs.list(1, {}).total).toBe(1);
    const [doc, version] = outbox.head(10).map((e) => outbox.materialize(e));
    expect(doc).toMatchObject({ kind: 'document', name: 'a.txt', format: 'txt', import_error: null });
    expect(version).toMatchObject({ kind: 'version', text: 'one two three', parents: [], origin: 'import' });
    expect(doc!.key).toMatch(GLOBAL_ID_RE);
  });

  it('journals nothing before the device is attached to a library', () => {
    const { db, docs, outbox } = setup(false);
    importText(db, docs, outbox, 'one two three');
    expect(outbox.count()).toBe(0);
  });

  it('has nothing to send for a version whose document was deleted, and names every seen version in a delete', () => {
    const { db, docs, outbox } = setup();
    const id = importText(db, docs, outbox, 'one two three');
    db.transaction(() => {
      docs.addVersion(id, 'one two four', 3, null, []);
      outbox.version(id, 2);
    })();
    const vids = docs.versions(id).length;
    expect(vids).toBe(2);
    db.transaction(() => {
      outbox.deleted(id);
      docs.delete(id);
    })();
    const changes = outbox.head(10).map((e) => outbox.materialize(e));
    expect(changes.map((c) => c?.kind ?? null)).toEqual(['document', null, null, 'delete']);
    const del = changes[3] as { seen: string[] };
    expect(del.seen).toHaveLength(2);
  });

  it("sends a version's blocks with its text", () => {
    const { db, docs, outbox } = setup();
    const text = 'Title\n\nBody text here.';
    const blocks: TextBlock[] = [
      { kind: 'heading', start: 0, end: 5, level: 1 },
      { kind: 'paragraph', start: 7, end: 22, marks: [{ kind: 'strong', start: 7, end: 11 }] },
    ];
    importText(db, docs, outbox, text, blocks);
    const [, version] = outbox.head(10).map((e) => outbox.materialize(e));
    expect(version).toMatchObject({ kind: 'version', text, blocks });
  });

  it("never sends another document's analysis under a deleted one's, though the analysis id is given again", () => {
    const { db, docs, outbox } = setup();
    const analyse = (id: number, model: string) =>
      db.transaction(() => {
        const { analysisId } = docs.saveAnalysisRow(id, 1, { ...ANALYSIS, model });
        outbox.analysis(id, 1, analysisId);
        return analysisId;
      })();
    const first = importText(db, docs, outbox, 'one two three');
    const firstAnalysis = analyse(first, 'model-of-the-deleted');
    db.transaction(() => {
      outbox.deleted(first);
      docs.delete(first);
    })();
    const second = importText(db, docs, outbox, 'four five six');
    expect(analyse(second, 'model-of-the-new')).toBe(firstAnalysis);
    const analyses = outbox
      .head(20)
      .filter((e) => e.kind === 'analysis')
      .map((e) => outbox.materialize(e) as { result: AnalysisResult } | null);
    expect(analyses.map((a) => a?.result.model ?? null)).toEqual([null, 'model-of-the-new']);
  });

  it('makes the second version on top of the first', () => {
    const { db, docs, outbox } = setup();
    const id = importText(db, docs, outbox, 'one two three');
    db.transaction(() => {
      docs.addVersion(id, 'one two four', 3, null, []);
      outbox.version(id, 2);
    })();
    const [, v1, v2] = outbox.head(10).map((e) => outbox.materialize(e)) as { vid: string; parents: string[] }[];
    expect(v2.parents).toEqual([v1.vid]);
  });
});

describe('migration to global ids', () => {
  const t = tempDir('inkproof-migrate-');
  afterEach(() => t.cleanup());

  it('gives existing documents and versions global ids, and each version its parent', () => {
    const file = path.join(t.dir, 'inkproof.db');
    const old = new Database(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    old.exec(`INSERT INTO documents (id, user_id, name, format, status, size_bytes, created_at, text, version)
                VALUES (7, 1, 'old.txt', 'txt', 'analyzed', 3, '2026-01-01T00:00:00.000Z', 'c', 3);
              INSERT INTO document_versions (document_id, version, text, word_count, created_at) VALUES
                (7, 1, 'a', 1, '2026-01-01T00:00:00.000Z'), (7, 2, 'b', 1, '2026-01-02T00:00:00.000Z'),
                (7, 3, 'c', 1, '2026-01-03T00:00:00.000Z');`);
    old.close();
    const db = openDatabase({ dataDir: t.dir });
    const doc = db.prepare('SELECT gid FROM documents WHERE id = 7').get() as { gid: string };
    expect(doc.gid).toMatch(GLOBAL_ID_RE);
    const versions = db
      .prepare('SELECT version, vid, parents, origin FROM document_versions WHERE document_id = 7 ORDER BY version')
      .all() as { version: number; vid: string; parents: string; origin: string }[];
    expect(new Set(versions.map((v) => v.vid)).size).toBe(3);
    for (const v of versions) expect(v.vid).toMatch(GLOBAL_ID_RE);
    expect(versions.map((v) => JSON.parse(v.parents))).toEqual([[], [versions[0].vid], [versions[1].vid]]);
    expect(versions.map((v) => v.origin)).toEqual(['import', 'revision', 'revision']);
    expect((db.prepare('SELECT device_id FROM sync_device').get() as { device_id: string }).device_id).toMatch(
      GLOBAL_ID_RE,
    );
    // Ids stay never reused (migration 004) with global ids beside them: the next import after
    // deleting document 7 is 8, with a global id of its own.
    const docs = new DocumentStore(db);
    docs.delete(7);
    const next = docs.insert(1, 'new.txt', 'txt', 1);
    expect(next.id).toBe(8);
    const gid = (db.prepare('SELECT gid FROM documents WHERE id = 8').get() as { gid: string }).gid;
    expect(gid).toMatch(GLOBAL_ID_RE);
    expect(gid).not.toBe(doc.gid);
    db.close();
  });
});

describe('device identity', () => {
  it('keeps its id where it is, and takes a new one when the data folder is copied elsewhere', () => {
    const db = openDatabase({ dataDir: ':memory:' });
    const device = new DeviceStore(db);
    const first = device.deviceId;
    device.claim('laptop\n/home/a/inkproof.db');
    expect(device.deviceId).toBe(first);
    device.claim('laptop\n/home/a/inkproof.db');
    expect(device.deviceId).toBe(first);
    device.claim('office\n/home/a/inkproof.db');
    expect(device.deviceId).not.toBe(first);
    expect(device.deviceId).toMatch(GLOBAL_ID_RE);
  });
});
