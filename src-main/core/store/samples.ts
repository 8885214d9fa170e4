/** Samples: passages or rewrite outputs checked with the detector. */
import type { SampleRecord, Verdict } from '../../../src-shared/models';
import { isoNow } from '../clock';
import type { Db } from './db';
import { nextId } from './ids';

interface SampleRow extends Omit<SampleRecord, 'text_length'> {
  text: string;
}

export class SampleStore {
  constructor(private readonly db: Db) {}

  insert(documentId: number, rewriteId: number | null, text: string): SampleRecord {
    const row = this.db
      .prepare(
        `INSERT INTO samples (id, document_id, rewrite_id, text, status, created_at) VALUES (${nextId('samples')}, ?, ?, ?, 'queued', ?) RETURNING *`,
      )
      .get(documentId, rewriteId, text, isoNow()) as SampleRow;
    return toRecord(row);
  }

  get(id: number): SampleRecord | null {
    const row = this.db.prepare('SELECT * FROM samples WHERE id = ?').get(id) as SampleRow | undefined;
    return row ? toRecord(row) : null;
  }

  text(id: number): string | null {
    const row = this.db.prepare('SELECT text FROM samples WHERE id = ?').get(id) as { text: string } | undefined;
    return row?.text ?? null;
  }

  complete(id: number, aiConfidence: number | null, verdict: Verdict): string {
    const at = isoNow();
    this.db
      .prepare("UPDATE samples SET status = 'completed', ai_confidence = ?, verdict = ?, validated_at = ? WHERE id = ?")
      .run(aiConfidence, verdict, at, id);
    return at;
  }

  fail(id: number, error: string): void {
    this.db.prepare("UPDATE samples SET status = 'failed', error = ? WHERE id = ?").run(error, id);
  }
}

function toRecord(row: SampleRow): SampleRecord {
  const { text, ...rest } = row;
  return { ...rest, text_length: text.length };
}
