/**
 * A sync server's store of libraries (docs/sync.md §Server): each account's synced documents,
 * versions and analysis results, as an append-only log of the changes its devices pushed, numbered
 * by a per-library `seq`. An account reads and writes its own library, and those shared with it
 * explicitly (`inkproof user share`); nothing else.
 *
 * Pushing applies each change once: a key seen before answers `duplicate` with the seq it got
 * then (so a device that died before it read the answer can resend safely), and so does a version
 * the library already has. A delete is stored only if it saw every version of the document (a
 * tombstone wins only over versions it saw); a version added after a delete brings the document
 * back. Seqs are given in a write transaction, so several server processes may share the data
 * folder.
 */
import type { Db } from '../../core/store/db';
import { isoNow } from '../../core/clock';
import type { SyncChange, SyncDevice, SyncLibrary, SyncReceipt } from '../../../src-shared/sync';
import { Statements } from '../../core/store/statements';

/** Records per page of a listing, and the most bytes of record bodies in one page. */
export const MAX_PAGE_RECORDS = 2000;
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

export interface PushOutcome {
  receipts: SyncReceipt[];
  head: number;
  /** How many changes were stored now (0: nothing new to announce). */
  applied: number;
}

/** A page of the log as JSON text, records written without re-encoding their bodies. */
export interface ChangesPage {
  json: string;
  next: number;
  head: number;
  more: boolean;
  count: number;
}

interface RecordRow {
  seq: number;
  device_id: string;
  device_name: string;
  stored_at: string;
  body: string;
}

export class SyncLibraryStore {
  private readonly sql: Statements;

  constructor(private readonly db: Db) {
    this.sql = new Statements(db);
  }

  /** The caller's own library and those shared with it. */
  librariesFor(user: { id: number; name?: string }): SyncLibrary[] {
    this.ensure(user.id);
    const rows = this.db
      .prepare(
        `SELECT l.id, u.name AS owner, l.seq AS head, CASE WHEN l.id = @user THEN 'owner' ELSE 'shared' END AS role
           FROM sync_libraries l JOIN users u ON u.id = l.id
          WHERE l.id = @user OR l.id IN (SELECT library_id FROM sync_shares WHERE user_id = @user)
          ORDER BY l.id = @user DESC, l.id`,
      )
      .all({ user: user.id }) as SyncLibrary[];
    return rows;
  }

  canAccess(userId: number, libraryId: number): boolean {
    if (userId === libraryId) return true;
    return (
      this.sql.get('SELECT 1 FROM sync_shares WHERE library_id = ? AND user_id = ?').get(libraryId, userId) !==
      undefined
    );
  }

  head(libraryId: number): number {
    const row = this.sql.get('SELECT seq FROM sync_libraries WHERE id = ?').get(libraryId) as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  /** Applies a batch of changes in order. Call inside a write transaction (with the event that announces it). */
  push(libraryId: number, userId: number, device: SyncDevice, changes: SyncChange[]): PushOutcome {
    this.ensure(libraryId);
    const receipts: SyncReceipt[] = [];
    let applied = 0;
    for (const change of changes) {
      const receipt = this.applyOne(libraryId, userId, device, change);
      if (receipt.status === 'applied') applied++;
      receipts.push(receipt);
    }
    return { receipts, head: this.head(libraryId), applied };
  }

  private applyOne(libraryId: number, userId: number, device: SyncDevice, change: SyncChange): SyncReceipt {
    const receipt = (status: SyncReceipt['status'], seq: number | null, reason: SyncReceipt['reason'] = null) => ({
      key: change.key,
      status,
      seq,
      reason,
    });
    const seen = this.db
      .prepare('SELECT seq FROM sync_records WHERE library_id = ? AND key = ?')
      .get(libraryId, change.key) as { seq: number } | undefined;
    if (seen) return receipt('duplicate', seen.seq);
    const refused = this.db
      .prepare('SELECT reason FROM sync_refusals WHERE library_id = ? AND key = ?')
      .get(libraryId, change.key) as { reason: SyncReceipt['reason'] } | undefined;
    if (refused) return receipt('refused', null, refused.reason);

    switch (change.kind) {
      case 'version': {
        const same = this.db
          .prepare("SELECT seq FROM sync_records WHERE library_id = ? AND vid = ? AND kind = 'version'")
          .get(libraryId, change.vid) as { seq: number } | undefined;
        if (same) return receipt('duplicate', same.seq);
        if (!this.declared(libraryId, change.doc)) return this.refuse(libraryId, change.key, 'unknown_document');
        const seq = this.store(libraryId, userId, device, change);
        // A version the delete did not see brings the document back.
        this.db
          .prepare('UPDATE sync_documents SET deleted_seq = NULL WHERE library_id = ? AND doc = ?')
          .run(libraryId, change.doc);
        return receipt('applied', seq);
      }
      case 'analysis': {
        const version = this.db
          .prepare("SELECT 1 FROM sync_records WHERE library_id = ? AND vid = ? AND kind = 'version'")
          .get(libraryId, change.vid);
        if (!version) return this.refuse(libraryId, change.key, 'unknown_version');
        return receipt('applied', this.store(libraryId, userId, device, change));
      }
      case 'delete': {
        const seenVids = new Set(change.seen);
        const versions = this.db
          .prepare("SELECT vid FROM sync_records WHERE library_id = ? AND doc = ? AND kind = 'version'")
          .all(libraryId, change.doc) as { vid: string }[];
        if (versions.some((v) => !seenVids.has(v.vid))) return this.refuse(libraryId, change.key, 'unseen_versions');
        const seq = this.store(libraryId, userId, device, change);
        this.db
          .prepare(
            `INSERT INTO sync_documents (library_id, doc, deleted_seq) VALUES (?, ?, ?)
             ON CONFLICT(library_id, doc) DO UPDATE SET deleted_seq = excluded.deleted_seq`,
          )
          .run(libraryId, change.doc, seq);
        return receipt('applied', seq);
      }
      case 'document':
        this.db
          .prepare('INSERT OR IGNORE INTO sync_documents (library_id, doc, deleted_seq) VALUES (?, ?, NULL)')
          .run(libraryId, change.doc);
        return receipt('applied', this.store(libraryId, userId, device, change));
      case 'frozen_terms':
        return receipt('applied', this.store(libraryId, userId, device, change));
    }
  }

  private declared(libraryId: number, doc: string): boolean {
    return (
      this.sql.get('SELECT 1 FROM sync_documents WHERE library_id = ? AND doc = ?').get(libraryId, doc) !== undefined
    );
  }

  private refuse(libraryId: number, key: string, reason: NonNullable<SyncReceipt['reason']>): SyncReceipt {
    this.sql.get('INSERT INTO sync_refusals (library_id, key, reason) VALUES (?, ?, ?)').run(libraryId, key, reason);
    return { key, status: 'refused', seq: null, reason };
  }

  private store(libraryId: number, userId: number, device: SyncDevice, change: SyncChange): number {
    const { seq } = this.db
      .prepare('UPDATE sync_libraries SET seq = seq + 1 WHERE id = ? RETURNING seq')
      .get(libraryId) as { seq: number };
    this.db
      .prepare(
        `INSERT INTO sync_records (library_id, seq, key, kind, doc, vid, device_id, device_name, user_id, stored_at, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        libraryId,
        seq,
        change.key,
        change.kind,
        'doc' in change ? change.doc : null,
        'vid' in change ? change.vid : null,
        device.id,
        device.name,
        userId,
        isoNow(),
        JSON.stringify(change),
      );
    return seq;
  }

  /**
   * The log after `since`, oldest first, at most `limit` records (and about 8 MB), leaving out what
   * `excludeDevice` made (it has those already). Read in one snapshot, so `head` and the page agree.
   */
  changes(libraryId: number, since: number, limit: number, excludeDevice: string | null): ChangesPage {
    return this.db.transaction(() => {
      const head = this.head(libraryId);
      const rows = this.db
        .prepare(
          `SELECT seq, device_id, device_name, stored_at, body FROM sync_records
            WHERE library_id = ? AND seq > ? AND seq <= ? AND device_id IS NOT ?
            ORDER BY seq LIMIT ?`,
        )
        .iterate(
          libraryId,
          since,
          head,
          excludeDevice,
          Math.min(limit, MAX_PAGE_RECORDS),
        ) as IterableIterator<RecordRow>;
      const parts: string[] = [];
      let bytes = 0;
      let last = since;
      for (const row of rows) {
        parts.push(recordJson(row));
        bytes += row.body.length;
        last = row.seq;
        if (bytes >= MAX_PAGE_BYTES) break;
      }
      const full = parts.length >= Math.min(limit, MAX_PAGE_RECORDS) || bytes >= MAX_PAGE_BYTES;
      // A page that is not full has read everything up to head, skipped records included.
      const next = full ? last : head;
      const more = next < head;
      return {
        json: `{"records":[${parts.join(',')}],"next":${next},"head":${head},"more":${more}}`,
        next,
        head,
        more,
        count: parts.length,
      };
    })();
  }

  /** Every record of one document (to bring it back to a device), and whether it is deleted. */
  document(libraryId: number, doc: string): string {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          'SELECT seq, device_id, device_name, stored_at, body FROM sync_records WHERE library_id = ? AND doc = ? ORDER BY seq',
        )
        .all(libraryId, doc) as RecordRow[];
      const state = this.db
        .prepare('SELECT deleted_seq FROM sync_documents WHERE library_id = ? AND doc = ?')
        .get(libraryId, doc) as { deleted_seq: number | null } | undefined;
      return `{"records":[${rows.map(recordJson).join(',')}],"deleted":${state?.deleted_seq != null}}`;
    })();
  }

  // ---- sharing ----------------------------------------------------------------------------------

  share(libraryId: number, userId: number): boolean {
    this.ensure(libraryId);
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO sync_shares (library_id, user_id, created_at) VALUES (?, ?, ?)')
        .run(libraryId, userId, isoNow()).changes > 0
    );
  }

  unshare(libraryId: number, userId: number): boolean {
    return (
      this.sql.get('DELETE FROM sync_shares WHERE library_id = ? AND user_id = ?').run(libraryId, userId).changes > 0
    );
  }

  sharedWith(libraryId: number): { id: number; name: string; created_at: string }[] {
    return this.db
      .prepare(
        'SELECT u.id, u.name, s.created_at FROM sync_shares s JOIN users u ON u.id = s.user_id WHERE s.library_id = ? ORDER BY u.name',
      )
      .all(libraryId) as { id: number; name: string; created_at: string }[];
  }

  private ensure(libraryId: number): void {
    this.sql.get('INSERT OR IGNORE INTO sync_libraries (id, seq) VALUES (?, 0)').run(libraryId);
  }
}

/** A stored change as a record: its body with seq, device and time added (no decode and re-encode). */
function recordJson(row: RecordRow): string {
  const device = JSON.stringify({ id: row.device_id, name: row.device_name });
  return `{"seq":${row.seq},"device":${device},"stored_at":"${row.stored_at}",${row.body.slice(1)}`;
}
