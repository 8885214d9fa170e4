/**
 * The sync server's library store: seqs in push order, a key applied once, a version once under
 * any key, a delete stored only if it saw every version (and a later version brings the document
 * back), listing in pages that leave out the asking device's own records, and access only to
 * one's own library or one shared explicitly.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../../src-main/core/accounts/accounts';
import { openDatabase } from '../../../src-main/core/store/db';
import { SyncLibraryStore } from '../../../src-main/server/sync/store';
import type { SyncChange } from '../../../src-shared/sync';

const id = () => crypto.randomUUID();
const at = '2026-01-01T00:00:00.000Z';
const A = { id: id(), name: 'laptop' };
const B = { id: id(), name: 'office' };

async function setup() {
  const db = openDatabase({ dataDir: ':memory:' });
  const accounts = new AccountStore(db);
  const alice = await accounts.add('alice');
  const bob = await accounts.add('bob');
  return { db, store: new SyncLibraryStore(db), alice: alice.id, bob: bob.id };
}
const documentChange = (doc: string): SyncChange => ({
  kind: 'document',
  key: id(),
  doc,
  name: 'x.txt',
  format: 'txt',
  size_bytes: 1,
  created_at: at,
  import_error: null,
});
const versionChange = (doc: string, vid = id(), parents: string[] = []): SyncChange => ({
  kind: 'version',
  key: id(),
  doc,
  vid,
  parents,
  origin: parents.length ? 'revision' : 'import',
  text: 'some text',
  word_count: 2,
  created_at: at,
});

describe('sync library store', () => {
  it('numbers changes in order and applies a resent key once', async () => {
    const { store, alice } = await setup();
    const doc = id();
    const changes = [documentChange(doc), versionChange(doc)];
    const first = store.push(alice, alice, A, changes);
    expect(first.receipts.map((r) => [r.status, r.seq])).toEqual([
      ['applied', 1],
      ['applied', 2],
    ]);
    const again = store.push(alice, alice, A, changes);
    expect(again.receipts.map((r) => [r.status, r.seq])).toEqual([
      ['duplicate', 1],
      ['duplicate', 2],
    ]);
    expect(again.applied).toBe(0);
    expect(store.head(alice)).toBe(2);
  });

  it('stores a delete only if it saw every version, and a later version brings the document back', async () => {
    const { store, alice } = await setup();
    const doc = id();
    const v1 = versionChange(doc);
    store.push(alice, alice, A, [documentChange(doc), v1]);
    const v2 = versionChange(doc, id(), [(v1 as { vid: string }).vid]);
    store.push(alice, alice, B, [v2]);
    const blind = { kind: 'delete', key: id(), doc, seen: [(v1 as { vid: string }).vid] } as SyncChange;
    expect(store.push(alice, alice, A, [blind]).receipts[0]).toMatchObject({
      status: 'refused',
      reason: 'unseen_versions',
    });
    // Resent, the same answer.
    expect(store.push(alice, alice, A, [blind]).receipts[0]).toMatchObject({ status: 'refused' });
    const seeing = {
      kind: 'delete',
      key: id(),
      doc,
      seen: [(v1 as { vid: string }).vid, (v2 as { vid: string }).vid],
    } as SyncChange;
    expect(store.push(alice, alice, A, [seeing]).receipts[0].status).toBe('applied');
    expect(JSON.parse(store.document(alice, doc)).deleted).toBe(true);
    store.push(alice, alice, B, [versionChange(doc, id(), [(v2 as { vid: string }).vid])]);
    expect(JSON.parse(store.document(alice, doc)).deleted).toBe(false);
  });

  it('lists in pages, leaving out what the asking device made', async () => {
    const { store, alice } = await setup();
    for (let i = 0; i < 5; i++) {
      const doc = id();
      store.push(alice, alice, i % 2 ? A : B, [documentChange(doc), versionChange(doc)]);
    }
    const p1 = store.changes(alice, 0, 3, null);
    expect(p1).toMatchObject({ count: 3, next: 3, head: 10, more: true });
    const all = JSON.parse(store.changes(alice, 0, 100, null).json);
    expect(all.records.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(all.records[1]).toMatchObject({ seq: 2, kind: 'version', device: B, text: 'some text' });
    const forA = JSON.parse(store.changes(alice, 0, 100, A.id).json);
    expect(forA.records.every((r: { device: { id: string } }) => r.device.id !== A.id)).toBe(true);
    expect(forA).toMatchObject({ next: 10, head: 10, more: false });
    // A full page of someone else's records stops at its last record, not at head.
    const partial = store.changes(alice, 0, 2, A.id);
    expect(partial).toMatchObject({ count: 2, next: 2, more: true });
  });

  it('gives access to an account its own library, and one shared with it explicitly', async () => {
    const { store, alice, bob } = await setup();
    expect(store.canAccess(alice, alice)).toBe(true);
    expect(store.canAccess(bob, alice)).toBe(false);
    expect(store.librariesFor({ id: bob }).map((l) => l.id)).toEqual([bob]);
    store.share(alice, bob);
    expect(store.canAccess(bob, alice)).toBe(true);
    expect(store.librariesFor({ id: bob }).map((l) => [l.id, l.role])).toEqual([
      [bob, 'owner'],
      [alice, 'shared'],
    ]);
    store.unshare(alice, bob);
    expect(store.canAccess(bob, alice)).toBe(false);
  });
});
