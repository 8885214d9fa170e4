/**
 * Applies records pulled from the sync server to the local store (docs/sync.md §Inbound). A page of
 * records, the new cursor and the events that tell the interface are written in one transaction:
 * a crash leaves either all of a page applied (and the cursor after it) or none of it.
 *
 * - `document`: a new document, or a rename (skipped while this device has its own rename waiting:
 *   that one reaches the server later and wins there and here alike);
 * - `version`: appended to the version graph with its blocks (checked against its text: blocks that
 *   do not fit are dropped, never the text); the current version is chosen again (versions.ts);
 * - `analysis`: stored under its key (once), and shown if it is of the current version — this
 *   device does not analyse what another device already did;
 * - `delete`: applied only if it saw every version this device has (otherwise this device's own
 *   versions, on their way to the server, keep the document alive there too); the document's
 *   channels are forgotten with it, as for a local delete;
 * - `frozen_terms`: the account's frozen terms (skipped while a local change of them waits).
 *
 * Records this device made itself are already here; they only tell which versions the server has.
 */
import { libraryChannel } from '../../../src-shared/channels';
import type { AnalysisResult } from '../../../src-shared/models';
import type { SyncRecord } from '../../../src-shared/sync';
import { isoNow } from '../clock';
import { removeDocument } from '../commands/documents';
import { analyzedEvent } from '../jobs/analyze';
import type { Services } from '../services';
import { blocksColumn, checkedBlocks } from '../store/documents';
import { nextId } from '../store/ids';
import { json } from '../store/rows';
import type { DeviceStore } from './device';
import type { SyncOutbox } from './outbox';
import { currentOf, type VersionGraph } from './versions';
import { Statements } from '../store/statements';

interface LocalDoc {
  id: number;
  name: string;
  version: number;
  text: string | null;
  status: string;
}

export interface ApplyResult {
  /** Local documents whose state changed (for the sync badges). */
  touched: Set<number>;
  /** Jobs to cancel once the transaction is in (their documents were deleted). */
  orphanJobs: { type: 'analyze' | 'rewrite'; subject: number }[];
}

export class RemoteApplier {
  private readonly sql: Statements;

  constructor(
    private readonly s: Services,
    private readonly outbox: SyncOutbox,
    private readonly graph: VersionGraph,
    private readonly device: DeviceStore,
    private readonly userId: number,
  ) {
    this.sql = new Statements(s.db);
  }

  /** Applies one page and moves the cursor to `next`, atomically. */
  applyPage(records: SyncRecord[], next: number): ApplyResult {
    const result: ApplyResult = { touched: new Set(), orphanJobs: [] };
    const me = this.device.deviceId;
    this.s.hub.atomically(this.s.db, () => {
      for (const r of records) {
        if (r.device.id === me) this.own(r);
        else this.apply(r, result, false);
      }
      this.device.setCursor(next, isoNow());
    });
    return result;
  }

  /**
   * Brings back a document the server still has (revived by a version this device had not seen,
   * or its delete refused): every record of it except deletes, then its tombstone goes.
   */
  restore(doc: string, records: SyncRecord[]): ApplyResult {
    const result: ApplyResult = { touched: new Set(), orphanJobs: [] };
    this.s.hub.atomically(this.s.db, () => {
      this.sql.get('DELETE FROM sync_tombstones WHERE doc = ?').run(doc);
      for (const r of records) if (r.kind !== 'delete') this.apply(r, result, true);
    });
    return result;
  }

  /** The server stored this device's own change: mark the version as on the server. */
  private own(r: SyncRecord): void {
    if (r.kind === 'version')
      this.s.db
        .prepare('UPDATE document_versions SET server_seq = ? WHERE vid = ? AND server_seq IS NULL')
        .run(r.seq, r.vid);
  }

  private apply(r: SyncRecord, out: ApplyResult, restoring: boolean): void {
    switch (r.kind) {
      case 'document':
        return this.applyDocument(r, out);
      case 'version':
        return this.applyVersion(r, out, restoring);
      case 'analysis':
        return this.applyAnalysis(r, out);
      case 'delete':
        return this.applyDelete(r, out);
      case 'frozen_terms':
        // The synced account's own setting (settings are per account).
        if (!this.outbox.hasPending('frozen_terms', null))
          this.s.settings.update({ id: this.userId }, { frozen_terms: r.terms });
        return;
    }
  }

  private local(doc: string): LocalDoc | null {
    return (
      (this.sql.get('SELECT id, name, version, text, status FROM documents WHERE gid = ?').get(doc) as
        LocalDoc | undefined) ?? null
    );
  }

  private tombstoned(doc: string): boolean {
    return this.sql.get('SELECT 1 FROM sync_tombstones WHERE doc = ?').get(doc) !== undefined;
  }

  private applyDocument(r: Extract<SyncRecord, { kind: 'document' }>, out: ApplyResult): void {
    const local = this.local(r.doc);
    if (!local) {
      if (this.tombstoned(r.doc)) return;
      const failed = r.import_error !== null;
      const row = this.s.db
        .prepare(
          `INSERT INTO documents (id, user_id, name, format, status, size_bytes, created_at, gid, error, error_code)
           VALUES (${nextId('documents')}, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(
          this.userId,
          r.name,
          r.format,
          failed ? 'failed' : 'queued',
          r.size_bytes,
          r.created_at,
          r.doc,
          r.import_error?.message ?? null,
          r.import_error?.code ?? null,
        ) as { id: number };
      out.touched.add(row.id);
      this.s.hub.broadcast({
        channel: libraryChannel(this.userId),
        event: 'document.imported',
        data: {
          document_id: row.id,
          name: r.name,
          format: r.format,
          size_bytes: r.size_bytes,
          imported_at: r.created_at,
        },
      });
      return;
    }
    if (r.import_error && local.text === null)
      this.s.documents.setStatus(local.id, 'failed', { code: r.import_error.code, message: r.import_error.message });
    if (r.name !== local.name && !this.outbox.hasPending('document', r.doc)) {
      this.sql.get('UPDATE documents SET name = ? WHERE id = ?').run(r.name, local.id);
      out.touched.add(local.id);
      this.s.hub.broadcast({
        channel: libraryChannel(this.userId),
        event: 'document.updated',
        data: { document_id: local.id, version: local.version, updated_at: isoNow(), name: r.name },
      });
    }
  }

  private applyVersion(r: Extract<SyncRecord, { kind: 'version' }>, out: ApplyResult, restoring: boolean): void {
    const local = this.local(r.doc);
    if (!local) {
      // A version of a document deleted here: the server kept it alive (the delete had not seen
      // this version). Fetch the whole document again once this page is in.
      if (!restoring)
        this.s.db
          .prepare(
            'INSERT INTO sync_tombstones (doc, deleted_at, restore) VALUES (?, ?, 1) ON CONFLICT(doc) DO UPDATE SET restore = 1',
          )
          .run(r.doc, isoNow());
      return;
    }
    const known = this.sql.get('SELECT server_seq FROM document_versions WHERE vid = ?').get(r.vid) as
      { server_seq: number | null } | undefined;
    if (known) {
      if (known.server_seq === null)
        this.sql.get('UPDATE document_versions SET server_seq = ? WHERE vid = ?').run(r.seq, r.vid);
      return;
    }
    const max = this.s.db
      .prepare('SELECT max(version) AS v FROM document_versions WHERE document_id = ?')
      .get(local.id) as {
      v: number | null;
    };
    this.s.db
      .prepare(
        `INSERT INTO document_versions (document_id, version, text, blocks, word_count, rewrite_id, created_at, vid, parents, origin, device_name, server_seq)
         VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        local.id,
        (max.v ?? 0) + 1,
        r.text,
        this.blocksOf(r),
        r.word_count,
        r.created_at,
        r.vid,
        JSON.stringify(r.parents),
        r.origin,
        // This device's own versions (brought back with a restored document) say "this device".
        r.device.id === this.device.deviceId ? null : r.device.name,
        r.seq,
      );
    out.touched.add(local.id);
    this.showCurrent(local, r);
  }

  /** The column value of an arrived version's blocks: checked against its text, none when they do not fit. */
  private blocksOf(r: Extract<SyncRecord, { kind: 'version' }>): string | null {
    const sent = r.blocks ?? [];
    const blocks = checkedBlocks(r.text, sent);
    if (sent.length > 0 && blocks.length === 0)
      this.s.logger.warn(
        { doc: r.doc, vid: r.vid, device: r.device.name },
        'a synced version came with blocks that do not fit its text: kept as plain paragraphs',
      );
    return blocksColumn(r.text, blocks);
  }

  /** Makes the document show its current version (and that version's analysis, if there is one). */
  private showCurrent(local: LocalDoc, arrived: { vid: string; text: string }): void {
    const current = currentOf(this.graph.nodes(local.id));
    if (!current || (current.version === local.version && local.text !== null)) return;
    const text =
      current.vid === arrived.vid
        ? arrived.text
        : (this.sql.get('SELECT text FROM document_versions WHERE vid = ?').get(current.vid) as { text: string }).text;
    const analysis = this.latestAnalysis(local.id, current.version);
    this.s.db
      .prepare(
        `UPDATE documents SET text = ?, word_count = ?, version = ?, status = ?, ai_confidence = ?, ai_share = ?,
           verdict = ?, analyzed_at = ?, error = NULL, error_code = NULL WHERE id = ?`,
      )
      .run(
        text,
        current.word_count,
        current.version,
        analysis ? 'analyzed' : 'queued',
        analysis?.result.ai_confidence ?? null,
        analysis?.result.ai_share ?? null,
        analysis?.result.verdict ?? null,
        analysis?.at ?? null,
        local.id,
      );
    this.s.hub.broadcast({
      channel: libraryChannel(this.userId),
      event: 'document.updated',
      data: { document_id: local.id, version: current.version, updated_at: isoNow() },
    });
    if (analysis) this.announceAnalysis(local.id, analysis.result, analysis.at);
  }

  private latestAnalysis(docId: number, version: number): { result: AnalysisResult; at: string } | null {
    const row = this.s.db
      .prepare('SELECT result, created_at FROM analyses WHERE document_id = ? AND version = ? ORDER BY id DESC LIMIT 1')
      .get(docId, version) as { result: string; created_at: string } | undefined;
    return row ? { result: json<AnalysisResult>(row.result)!, at: row.created_at } : null;
  }

  private applyAnalysis(r: Extract<SyncRecord, { kind: 'analysis' }>, out: ApplyResult): void {
    const v = this.s.db
      .prepare(
        'SELECT v.document_id AS id, v.version, d.version AS current FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.vid = ?',
      )
      .get(r.vid) as { id: number; version: number; current: number } | undefined;
    if (!v) return;
    const result = r.result as unknown as AnalysisResult;
    const inserted = this.s.db
      .prepare(
        `INSERT OR IGNORE INTO analyses (document_id, version, ai_confidence, verdict, model, result, created_at, sync_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.id,
        v.version,
        result.ai_confidence,
        result.verdict,
        result.model,
        JSON.stringify(result),
        r.analyzed_at,
        r.key,
      );
    if (inserted.changes === 0 || v.version !== v.current) return;
    this.s.db
      .prepare(
        "UPDATE documents SET status = 'analyzed', ai_confidence = ?, ai_share = ?, verdict = ?, analyzed_at = ?, error = NULL, error_code = NULL WHERE id = ?",
      )
      .run(result.ai_confidence, result.ai_share ?? null, result.verdict, r.analyzed_at, v.id);
    out.touched.add(v.id);
    this.announceAnalysis(v.id, result, r.analyzed_at);
  }

  private announceAnalysis(docId: number, result: AnalysisResult, at: string): void {
    this.s.hub.broadcast(analyzedEvent(docId, result, at));
  }

  private applyDelete(r: Extract<SyncRecord, { kind: 'delete' }>, out: ApplyResult): void {
    const local = this.local(r.doc);
    if (!local) return;
    const seen = new Set(r.seen);
    const mine = this.graph.nodes(local.id);
    // A version this delete did not see (ours, on its way to the server) keeps the document.
    if (mine.some((v) => !seen.has(v.vid))) return;
    const rewrites = this.s.rewrites.forDocument(local.id).map((rw) => rw.id);
    for (const id of rewrites) out.orphanJobs.push({ type: 'rewrite', subject: id });
    out.orphanJobs.push({ type: 'analyze', subject: local.id });
    removeDocument(this.s, local.id, rewrites);
    this.sql.get('DELETE FROM sync_outbox WHERE doc = ?').run(r.doc);
    this.s.db
      .prepare('INSERT OR REPLACE INTO sync_tombstones (doc, deleted_at, restore) VALUES (?, ?, 0)')
      .run(r.doc, isoNow());
    out.touched.add(local.id);
    this.s.hub.broadcast({
      channel: libraryChannel(this.userId),
      event: 'document.deleted',
      data: { document_id: local.id, deleted_at: isoNow() },
    });
  }
}
