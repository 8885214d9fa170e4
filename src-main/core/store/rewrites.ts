/** Rewrites (revisions) of a document version and their results. */
import type {
  DiffHunk,
  DiffSummary,
  RewriteDetail,
  RewriteOptions,
  RewriteStatus,
  RewriteSummary,
} from '../../../src-shared/models';
import { isoNow } from '../clock';
import type { PartialRewrite } from '../jobs/rewrite-partials';
import type { Db } from './db';
import { json } from './rows';
import { nextId } from './ids';

interface RewriteRow {
  id: number;
  document_id: number;
  document_version: number;
  status: RewriteStatus;
  progress: number;
  options: string;
  ranges: string | null;
  error: string | null;
  result: string | null;
  hunks: string | null;
  diff_summary: string | null;
  engine: string | null;
  queued_at: string;
  started_at: string | null;
  completed_at: string | null;
  applied_version: number | null;
}

export type Ranges = { start: number; end: number }[] | null;

export class RewriteStore {
  constructor(private readonly db: Db) {}

  insert(documentId: number, version: number, options: RewriteOptions, ranges: Ranges): RewriteSummary {
    const row = this.db
      .prepare(
        `INSERT INTO rewrites (id, document_id, document_version, status, options, ranges, queued_at) VALUES (${nextId('rewrites')}, ?, ?, 'queued', ?, ?, ?) RETURNING *`,
      )
      .get(
        documentId,
        version,
        JSON.stringify(options),
        ranges ? JSON.stringify(ranges) : null,
        isoNow(),
      ) as RewriteRow;
    return toSummary(row);
  }

  row(id: number): RewriteRow | null {
    return (this.db.prepare('SELECT * FROM rewrites WHERE id = ?').get(id) as RewriteRow | undefined) ?? null;
  }

  summary(id: number): RewriteSummary | null {
    const row = this.row(id);
    return row ? toSummary(row) : null;
  }

  /** The stored revision; `partial` (from the running job's finished sections) overlays it while it runs. */
  detail(id: number, original: string, partial: PartialRewrite | null = null): RewriteDetail | null {
    const row = this.row(id);
    if (!row) return null;
    const running = row.status === 'processing' && partial !== null;
    return {
      ...toSummary(row),
      original,
      result: row.result,
      hunks: running ? [...partial.hunks] : (json<DiffHunk[]>(row.hunks) ?? []),
      partial: running,
      sections_done: running ? partial.sections_done : null,
      sections_total: running ? partial.sections_total : null,
    };
  }

  ranges(id: number): Ranges {
    const row = this.db.prepare('SELECT ranges FROM rewrites WHERE id = ?').get(id) as
      { ranges: string | null } | undefined;
    return json<{ start: number; end: number }[]>(row?.ranges ?? null);
  }

  ownerOf(id: number): number | null {
    const row = this.db
      .prepare('SELECT d.user_id FROM rewrites r JOIN documents d ON d.id = r.document_id WHERE r.id = ?')
      .get(id) as { user_id: number } | undefined;
    return row?.user_id ?? null;
  }

  forDocument(documentId: number): RewriteSummary[] {
    return (
      this.db.prepare('SELECT * FROM rewrites WHERE document_id = ? ORDER BY id').all(documentId) as RewriteRow[]
    ).map(toSummary);
  }

  markProcessing(id: number): string {
    const at = isoNow();
    this.db.prepare("UPDATE rewrites SET status = 'processing', started_at = ?, error = NULL WHERE id = ?").run(at, id);
    return at;
  }

  setProgress(id: number, progress: number): void {
    this.db.prepare('UPDATE rewrites SET progress = max(progress, ?) WHERE id = ?').run(progress, id);
  }

  complete(id: number, result: string, hunks: DiffHunk[], summary: DiffSummary, engine: string): string {
    const at = isoNow();
    this.db
      .prepare(
        "UPDATE rewrites SET status = 'completed', progress = 100, result = ?, hunks = ?, diff_summary = ?, engine = ?, completed_at = ? WHERE id = ?",
      )
      .run(result, JSON.stringify(hunks), JSON.stringify(summary), engine, at, id);
    return at;
  }

  fail(id: number, status: 'failed' | 'cancelled', error: string): string {
    const at = isoNow();
    this.db
      .prepare('UPDATE rewrites SET status = ?, error = ?, completed_at = ? WHERE id = ?')
      .run(status, error, at, id);
    return at;
  }

  requeue(id: number): void {
    this.db.prepare("UPDATE rewrites SET status = 'queued', error = NULL, completed_at = NULL WHERE id = ?").run(id);
  }

  markApplied(id: number, version: number): void {
    this.db.prepare('UPDATE rewrites SET applied_version = ? WHERE id = ?').run(version, id);
  }
}

function toSummary(row: RewriteRow): RewriteSummary {
  return {
    id: row.id,
    document_id: row.document_id,
    document_version: row.document_version,
    status: row.status,
    progress: row.progress,
    options: JSON.parse(row.options) as RewriteOptions,
    error: row.error,
    diff_summary: json<DiffSummary>(row.diff_summary),
    queued_at: row.queued_at,
    started_at: row.started_at,
    completed_at: row.completed_at,
    applied_version: row.applied_version,
  };
}
