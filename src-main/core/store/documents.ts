/**
 * Documents, their versions and their analyses (their original bytes: sources.ts). Each version
 * keeps its text and its blocks (what each paragraph is, src-shared/blocks.ts) as JSON beside it,
 * NULL when the text is plain paragraphs. Documents and versions get a global id (UUID) beside their
 * local number, and each version names the one(s) it was made on top of, so that devices that sync
 * can tell versions apart and keep both sides of a conflict (docs/sync.md).
 */
import crypto from 'node:crypto';
import { blocksProblem, textBlocksSchema } from '../../../src-shared/blocks';
import type {
  AnalysisResult,
  DocumentDetail,
  DocumentFormat,
  DocumentStatus,
  DocumentSummary,
  DocumentVersionInfo,
  TextBlock,
  Verdict,
} from '../../../src-shared/models';
import { isoNow } from '../clock';
import type { Db } from './db';
import { json } from './rows';
import { nextId } from './ids';

interface DocumentRow {
  id: number;
  user_id: number;
  name: string;
  format: DocumentFormat;
  status: DocumentStatus;
  size_bytes: number;
  word_count: number | null;
  text: string | null;
  version: number;
  ai_confidence: number | null;
  ai_share: number | null;
  verdict: Verdict | null;
  error: string | null;
  error_code: string | null;
  created_at: string;
  analyzed_at: string | null;
  gid: string;
}

export interface ListQuery {
  query?: string;
  status?: DocumentStatus;
  sort?: 'created_at' | 'name' | 'ai_confidence' | 'status';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

const SUMMARY_COLUMNS =
  'id, user_id, name, format, status, size_bytes, word_count, version, ai_confidence, ai_share, verdict, error, error_code, created_at, analyzed_at';

export class DocumentStore {
  constructor(private readonly db: Db) {}

  /** A new document waiting for its text; its original bytes are kept by the SourceStore (sources.ts). */
  insert(userId: number, name: string, format: DocumentFormat, sizeBytes: number): DocumentSummary {
    const row = this.db
      .prepare(
        `INSERT INTO documents (id, user_id, name, format, status, size_bytes, created_at, gid) VALUES (${nextId('documents')}, ?, ?, ?, 'queued', ?, ?, ?) RETURNING ${SUMMARY_COLUMNS}`,
      )
      .get(userId, name, format, sizeBytes, isoNow(), crypto.randomUUID()) as DocumentRow;
    return toSummary(row);
  }

  ownerOf(id: number): number | null {
    const row = this.db.prepare('SELECT user_id FROM documents WHERE id = ?').get(id) as
      { user_id: number } | undefined;
    return row?.user_id ?? null;
  }

  row(id: number): DocumentRow | null {
    return (this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined) ?? null;
  }

  summary(id: number): DocumentSummary | null {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ?`).get(id) as
      DocumentRow | undefined;
    return row ? toSummary(row) : null;
  }

  detail(id: number, version?: number): DocumentDetail | null {
    const row = this.row(id);
    if (!row) return null;
    const versions = this.versions(id);
    let text = row.text;
    let blocks: TextBlock[] = [];
    if (version !== undefined && version !== row.version) {
      const v = this.version(id, version);
      if (!v) return null;
      text = v.text;
      blocks = v.blocks;
    } else if (text !== null) {
      const v = this.db
        .prepare('SELECT blocks FROM document_versions WHERE document_id = ? AND version = ?')
        .get(id, row.version) as { blocks: string | null } | undefined;
      blocks = readBlocks(text, v?.blocks ?? null);
    }
    const analysis = this.latestAnalysis(id, version ?? row.version);
    const summary = toSummary(row);
    // An earlier version reads with its own score, not the current version's.
    if (version !== undefined && version !== row.version) {
      const own = versions.find((v) => v.version === version);
      summary.ai_confidence = analysis?.ai_confidence ?? null;
      summary.verdict = analysis?.verdict ?? null;
      summary.ai_share = analysis?.ai_share ?? null;
      summary.word_count = own?.word_count ?? analysis?.word_count ?? null;
    }
    return {
      ...summary,
      text,
      blocks,
      critical_sections: analysis?.critical_sections ?? [],
      explanations: analysis?.explanations ?? [],
      // Analyses stored before sentence scores existed have none.
      sentences: analysis?.sentences ?? [],
      analysis_model: analysis?.model ?? null,
      versions,
    };
  }

  list(userId: number, q: ListQuery): { documents: DocumentSummary[]; total: number } {
    const where = ['user_id = @userId'];
    const params: Record<string, unknown> = { userId, limit: q.limit ?? 500, offset: q.offset ?? 0 };
    if (q.query) {
      where.push("name LIKE @query ESCAPE '\\'");
      params.query = `%${q.query.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    }
    if (q.status) {
      where.push('status = @status');
      params.status = q.status;
    }
    const sort = q.sort ?? 'created_at';
    const order = q.order === 'asc' ? 'ASC' : 'DESC';
    // NULL scores sort last whichever the order.
    const orderBy =
      sort === 'ai_confidence'
        ? `ai_confidence IS NULL, ai_confidence ${order}, id ${order}`
        : `${sort} ${order}, id ${order}`;
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`,
      )
      .all(params) as DocumentRow[];
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM documents WHERE ${where.join(' AND ')}`).get(params) as { n: number }
    ).n;
    return { documents: rows.map(toSummary), total };
  }

  rename(id: number, name: string): void {
    this.db.prepare('UPDATE documents SET name = ? WHERE id = ?').run(name, id);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
  }

  setStatus(id: number, status: DocumentStatus, error: { code: string; message: string } | null = null): void {
    this.db
      .prepare('UPDATE documents SET status = ?, error = ?, error_code = ? WHERE id = ?')
      .run(status, error?.message ?? null, error?.code ?? null, id);
  }

  /** Stores the extracted text and its blocks as version 1 (the original bytes go with SourceStore.forget). */
  setExtracted(id: number, text: string, format: DocumentFormat, wordCount: number, blocks: TextBlock[]): void {
    this.db
      .prepare('UPDATE documents SET text = ?, format = ?, word_count = ?, version = 1 WHERE id = ?')
      .run(text, format, wordCount, id);
    this.db
      .prepare(
        "INSERT OR REPLACE INTO document_versions (document_id, version, text, word_count, rewrite_id, created_at, blocks, vid, parents, origin) VALUES (?, 1, ?, ?, NULL, ?, ?, ?, '[]', 'import')",
      )
      .run(id, text, wordCount, isoNow(), blocksColumn(text, blocks), crypto.randomUUID());
  }

  /**
   * Adds a new version (an applied revision, or the version that settles a conflict) with its blocks
   * and makes it current; earlier versions stay. It is made on top of the current version, and of
   * `alsoOnTop` (other versions it settles).
   */
  addVersion(
    id: number,
    text: string,
    wordCount: number,
    rewriteId: number | null,
    blocks: TextBlock[],
    opts: { origin?: 'revision' | 'merge'; alsoOnTop?: string[] } = {},
  ): number {
    const row = this.db.prepare('SELECT max(version) AS v FROM document_versions WHERE document_id = ?').get(id) as {
      v: number | null;
    };
    const version = (row.v ?? 0) + 1;
    const current = this.db
      .prepare(
        'SELECT v.vid FROM document_versions v JOIN documents d ON d.id = v.document_id AND d.version = v.version WHERE d.id = ?',
      )
      .get(id) as { vid: string } | undefined;
    const parents = [...(current ? [current.vid] : []), ...(opts.alsoOnTop ?? [])];
    this.db
      .prepare(
        'INSERT INTO document_versions (document_id, version, text, word_count, rewrite_id, created_at, blocks, vid, parents, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        version,
        text,
        wordCount,
        rewriteId,
        isoNow(),
        blocksColumn(text, blocks),
        crypto.randomUUID(),
        JSON.stringify(parents),
        opts.origin ?? 'revision',
      );
    this.db
      .prepare(
        "UPDATE documents SET text = ?, word_count = ?, version = ?, status = 'queued', ai_confidence = NULL, ai_share = NULL, verdict = NULL, analyzed_at = NULL, error = NULL, error_code = NULL WHERE id = ?",
      )
      .run(text, wordCount, version, id);
    return version;
  }

  /** Every version with the score of its latest analysis, for the version history and its chart. */
  versions(id: number): DocumentVersionInfo[] {
    return this.db
      .prepare(
        `SELECT v.version, v.created_at, v.rewrite_id, v.word_count, a.ai_confidence, a.verdict,
                json_extract(a.result, '$.ai_share') AS ai_share
           FROM document_versions v
           LEFT JOIN analyses a ON a.id = (
             SELECT max(id) FROM analyses WHERE document_id = v.document_id AND version = v.version)
          WHERE v.document_id = ? ORDER BY v.version`,
      )
      .all(id) as DocumentVersionInfo[];
  }

  versionText(id: number, version: number): string | null {
    const row = this.db
      .prepare('SELECT text FROM document_versions WHERE document_id = ? AND version = ?')
      .get(id, version) as { text: string } | undefined;
    return row?.text ?? null;
  }

  /** A version's text and blocks, or null when there is no such version. */
  version(id: number, version: number): { text: string; blocks: TextBlock[] } | null {
    const row = this.db
      .prepare('SELECT text, blocks FROM document_versions WHERE document_id = ? AND version = ?')
      .get(id, version) as { text: string; blocks: string | null } | undefined;
    return row ? { text: row.text, blocks: readBlocks(row.text, row.blocks) } : null;
  }

  /** Stores an analysis of a version and makes it the document's; returns when it was made. */
  saveAnalysis(id: number, version: number, result: AnalysisResult): string {
    return this.saveAnalysisRow(id, version, result).analyzedAt;
  }

  /** As saveAnalysis, also giving the analysis row's id (what sync sends it by). */
  saveAnalysisRow(id: number, version: number, result: AnalysisResult): { analyzedAt: string; analysisId: number } {
    const at = isoNow();
    const info = this.db
      .prepare(
        'INSERT INTO analyses (document_id, version, ai_confidence, verdict, model, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, version, result.ai_confidence, result.verdict, result.model, JSON.stringify(result), at);
    this.db
      .prepare(
        "UPDATE documents SET status = 'analyzed', ai_confidence = ?, ai_share = ?, verdict = ?, analyzed_at = ?, error = NULL, error_code = NULL WHERE id = ?",
      )
      .run(result.ai_confidence, result.ai_share, result.verdict, at, id);
    return { analyzedAt: at, analysisId: Number(info.lastInsertRowid) };
  }

  latestAnalysis(id: number, version: number): AnalysisResult | null {
    const row = this.db
      .prepare('SELECT result FROM analyses WHERE document_id = ? AND version = ? ORDER BY id DESC LIMIT 1')
      .get(id, version) as { result: string } | undefined;
    return row ? json<AnalysisResult>(row.result) : null;
  }
}

/**
 * The column value for a version's blocks: NULL for plain paragraphs, and NULL too for blocks that
 * do not fit their text (the text is what matters; its structure is never worth losing it over).
 */
export function blocksColumn(text: string, blocks: TextBlock[]): string | null {
  return blocks.length === 0 || blocksProblem(text, blocks) !== null ? null : JSON.stringify(blocks);
}

/**
 * Blocks that come from outside this process (a stored column, a version synced from another
 * device), checked against their text: [] when they are not blocks or do not fit it.
 */
export function checkedBlocks(text: string, value: unknown): TextBlock[] {
  const parsed = textBlocksSchema.safeParse(value);
  return parsed.success && blocksProblem(text, parsed.data) === null ? parsed.data : [];
}

/** Stored blocks, checked against their text (a data folder may have been written elsewhere). */
export function readBlocks(text: string, column: string | null): TextBlock[] {
  if (column === null) return [];
  try {
    return checkedBlocks(text, JSON.parse(column));
  } catch {
    return [];
  }
}

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    status: row.status,
    word_count: row.word_count,
    size_bytes: row.size_bytes,
    ai_confidence: row.ai_confidence,
    verdict: row.verdict,
    ai_share: row.ai_share,
    error: row.error,
    version: row.version,
    created_at: row.created_at,
    analyzed_at: row.analyzed_at,
  };
}
