/**
 * The durable outbox of a device (docs/sync.md §Outbox): every local change that should reach the
 * sync server is written here in the SAME transaction as the change itself — by the command or job
 * that makes it — under a fresh idempotency key. The engine sends entries in order and deletes them
 * once the server has acknowledged them; a resend after a crash carries the same key, and the
 * server applies each key once.
 *
 * Small changes are stored whole. A version's text and an analysis result are stored by reference
 * (their rows never change) and read when the entry is sent; an entry whose row is gone by then
 * (the document was deleted meanwhile) is dropped — its delete follows it in the outbox.
 *
 * Nothing is journalled while the device is not attached to a server's library.
 */
import crypto from 'node:crypto';
import type { DocumentFormat } from '../../../src-shared/models';
import type { SyncChange, SyncChangeKind, VersionOrigin } from '../../../src-shared/sync';
import { isoNow } from '../clock';
import type { Db } from '../store/db';
import { readBlocks } from '../store/documents';
import { json } from '../store/rows';
import type { DeviceStore } from './device';
import { Statements } from '../store/statements';

export interface OutboxEntry {
  id: number;
  key: string;
  kind: SyncChangeKind;
  doc: string | null;
  payload: string;
}

type DocumentPayload = Omit<Extract<SyncChange, { kind: 'document' }>, 'kind' | 'key'>;
type VersionRef = { doc: string; vid: string };
type AnalysisRef = { doc: string; vid: string; analysis_id: number };

interface DocumentRowLike {
  gid: string;
  name: string;
  format: DocumentFormat;
  size_bytes: number;
  created_at: string;
  status: string;
  text: string | null;
  error: string | null;
  error_code: string | null;
}

export class SyncOutbox {
  private attachedCache: boolean | null = null;
  private readonly listeners = new Set<() => void>();
  private wakeScheduled = false;

  private readonly sql: Statements;

  constructor(
    private readonly db: Db,
    private readonly device: DeviceStore,
  ) {
    this.sql = new Statements(db);
  }

  /** Called (after the current turn, i.e. after the change's transaction) whenever entries are added. */
  onRecorded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The attachment changed (connect, account switch): read it again. */
  invalidate(): void {
    this.attachedCache = null;
  }

  get recording(): boolean {
    this.attachedCache ??= this.device.attached();
    return this.attachedCache;
  }

  // ---- what commands and jobs call, inside the transaction of their change ----------------------

  /** A new document (import), a rename, or an import that failed: its identity and name. */
  document(docId: number): void {
    if (!this.recording) return;
    const row = this.sql.get('SELECT * FROM documents WHERE id = ?').get(docId) as DocumentRowLike | undefined;
    if (!row) return;
    const failed = row.status === 'failed' && row.text === null;
    const payload: DocumentPayload = {
      doc: row.gid,
      name: row.name,
      format: row.format,
      size_bytes: row.size_bytes,
      created_at: row.created_at,
      import_error: failed
        ? { code: (row.error_code ?? 'internal') as never, message: row.error ?? 'The file could not be read.' }
        : null,
    };
    this.add('document', row.gid, payload);
  }

  /** The import of a file this device read (it still has its bytes) failed for good. */
  importFailed(docId: number): void {
    if (!this.recording) return;
    const ownImport = this.db
      .prepare(
        `SELECT 1 FROM documents d WHERE d.id = ? AND d.text IS NULL
           AND (EXISTS (SELECT 1 FROM document_source_files f WHERE f.document_id = d.id)
             OR EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id))`,
      )
      .get(docId);
    if (ownImport) this.document(docId);
  }

  /** A new version of a document's text (extracted at import, an applied revision, a merge). */
  version(docId: number, version: number): void {
    if (!this.recording) return;
    const ref = this.versionRef(docId, version);
    if (ref) this.add('version', ref.doc, ref);
  }

  /** An analysis result of a version; the key is also stored on the analysis, so it is never pulled back twice. */
  analysis(docId: number, version: number, analysisId: number): void {
    if (!this.recording) return;
    const ref = this.versionRef(docId, version);
    if (!ref) return;
    const key = this.add('analysis', ref.doc, { ...ref, analysis_id: analysisId } satisfies AnalysisRef);
    this.sql.get('UPDATE analyses SET sync_key = ? WHERE id = ?').run(key, analysisId);
  }

  /** A delete, with every version this device knows (the tombstone wins only over those). Call before deleting. */
  deleted(docId: number): void {
    if (!this.recording) return;
    const doc = this.sql.get('SELECT gid FROM documents WHERE id = ?').get(docId) as { gid: string } | undefined;
    if (!doc) return;
    const seen = (
      this.sql.get('SELECT vid FROM document_versions WHERE document_id = ? ORDER BY version').all(docId) as {
        vid: string;
      }[]
    ).map((r) => r.vid);
    this.add('delete', doc.gid, { doc: doc.gid, seen });
    this.db
      .prepare('INSERT OR REPLACE INTO sync_tombstones (doc, deleted_at, restore) VALUES (?, ?, 0)')
      .run(doc.gid, isoNow());
  }

  frozenTerms(terms: string[]): void {
    if (!this.recording) return;
    this.add('frozen_terms', null, { terms });
  }

  // ---- what the engine calls --------------------------------------------------------------------

  count(): number {
    return (this.sql.get('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
  }

  /** The oldest entries, in order. */
  head(limit: number): OutboxEntry[] {
    return this.db
      .prepare('SELECT id, key, kind, doc, payload FROM sync_outbox ORDER BY id LIMIT ?')
      .all(limit) as OutboxEntry[];
  }

  /** Documents (global ids) with changes waiting. */
  pendingDocuments(): Set<string> {
    return new Set(
      (this.sql.get('SELECT DISTINCT doc FROM sync_outbox WHERE doc IS NOT NULL').all() as { doc: string }[]).map(
        (r) => r.doc,
      ),
    );
  }

  hasPending(kind: SyncChangeKind, doc: string | null): boolean {
    const row =
      doc === null
        ? this.sql.get('SELECT 1 FROM sync_outbox WHERE kind = ? AND doc IS NULL LIMIT 1').get(kind)
        : this.sql.get('SELECT 1 FROM sync_outbox WHERE kind = ? AND doc = ? LIMIT 1').get(kind, doc);
    return row !== undefined;
  }

  /** The change an entry stands for, read now; null when its rows are gone (drop the entry). */
  materialize(entry: OutboxEntry): SyncChange | null {
    const p = JSON.parse(entry.payload) as Record<string, unknown>;
    switch (entry.kind) {
      case 'version': {
        const { doc, vid } = p as VersionRef;
        const v = this.db
          .prepare('SELECT text, blocks, word_count, created_at, parents, origin FROM document_versions WHERE vid = ?')
          .get(vid) as
          | {
              text: string;
              blocks: string | null;
              word_count: number;
              created_at: string;
              parents: string;
              origin: VersionOrigin;
            }
          | undefined;
        if (!v) return null;
        return {
          kind: 'version',
          key: entry.key,
          doc,
          vid,
          parents: JSON.parse(v.parents) as string[],
          origin: v.origin,
          text: v.text,
          blocks: readBlocks(v.text, v.blocks),
          word_count: v.word_count,
          created_at: v.created_at,
        };
      }
      case 'analysis': {
        const { doc, vid, analysis_id } = p as AnalysisRef;
        // Analysis ids may be given again after a delete: the row must still be of this version.
        const a = this.sql
          .get(
            `SELECT a.result, a.created_at FROM analyses a
               JOIN document_versions v ON v.document_id = a.document_id AND v.version = a.version
              WHERE a.id = ? AND v.vid = ?`,
          )
          .get(analysis_id, vid) as { result: string; created_at: string } | undefined;
        if (!a) return null;
        return {
          kind: 'analysis',
          key: entry.key,
          doc,
          vid,
          result: json(a.result) as never,
          analyzed_at: a.created_at,
        };
      }
      default:
        return { kind: entry.kind, key: entry.key, ...p } as SyncChange;
    }
  }

  /** Removes entries the server has answered (or that have nothing left to send). */
  remove(keys: string[]): void {
    const del = this.sql.get('DELETE FROM sync_outbox WHERE key = ?');
    for (const k of keys) del.run(k);
  }

  clear(): void {
    this.sql.get('DELETE FROM sync_outbox').run();
  }

  /**
   * Journals the whole library (a first connection, or to another library): every document, its
   * versions in order, the latest analysis of each version, and the frozen terms. The server
   * already holding some of them costs nothing but bytes: it answers `duplicate`.
   */
  enrollAll(userId: number, frozenTerms: string[]): number {
    const before = this.count();
    const docs = this.sql.get('SELECT id FROM documents WHERE user_id = ? ORDER BY id').all(userId) as {
      id: number;
    }[];
    const versions = this.sql.get('SELECT version FROM document_versions WHERE document_id = ? ORDER BY version');
    const latest = this.sql.get(
      'SELECT id FROM analyses WHERE document_id = ? AND version = ? ORDER BY id DESC LIMIT 1',
    );
    for (const { id } of docs) {
      this.document(id);
      for (const { version } of versions.all(id) as { version: number }[]) {
        this.version(id, version);
        const a = latest.get(id, version) as { id: number } | undefined;
        if (a) this.analysis(id, version, a.id);
      }
    }
    if (frozenTerms.length > 0) this.frozenTerms(frozenTerms);
    return this.count() - before;
  }

  private versionRef(docId: number, version: number): VersionRef | null {
    const row = this.db
      .prepare(
        'SELECT d.gid AS doc, v.vid FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.document_id = ? AND v.version = ?',
      )
      .get(docId, version) as VersionRef | undefined;
    return row ?? null;
  }

  private add(kind: SyncChangeKind, doc: string | null, payload: object): string {
    const key = crypto.randomUUID();
    this.db
      .prepare('INSERT INTO sync_outbox (key, kind, doc, payload, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(key, kind, doc, JSON.stringify(payload), isoNow());
    this.scheduleWake();
    return key;
  }

  private scheduleWake(): void {
    if (this.wakeScheduled || this.listeners.size === 0) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      for (const l of this.listeners) l();
    });
  }
}
