/**
 * The durable job queue (docs/architecture.md §5): jobs are rows that move queued → processing →
 * completed | failed | cancelled. Claiming is one UPDATE … RETURNING, so two claims can never take
 * the same job. Rows left `processing` by a crash go back to the queue on start-up.
 */
import type { JobRecord, JobStatus, JobType } from '../../../src-shared/models';
import { iso, isoNow, nowMs } from '../clock';
import type { Db } from './db';

interface JobRow extends Omit<JobRecord, 'run_after'> {
  user_id: number;
  run_after: number;
}

export interface JobFilter {
  status?: JobStatus;
  type?: JobType;
  limit?: number;
  userId?: number;
}

export class JobStore {
  private readonly claimStmt;
  private readonly insertStmt;
  private readonly completeStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      "INSERT INTO jobs (user_id, type, subject_id, status, max_attempts, units, run_after, created_at) VALUES (?, ?, ?, 'queued', ?, ?, 0, ?) RETURNING *",
    );
    this.claimStmt = db.prepare(
      `UPDATE jobs SET status = 'processing', attempts = attempts + 1, started_at = ?, progress = 0, error = NULL
       WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ? ORDER BY id LIMIT 1)
       RETURNING *`,
    );
    this.completeStmt = db.prepare(
      "UPDATE jobs SET status = 'completed', progress = 100, finished_at = ?, runtime = ?, error = NULL WHERE id = ? AND status = 'processing' RETURNING *",
    );
  }

  enqueue(userId: number, type: JobType, subjectId: number, units: number, maxAttempts: number): JobRecord {
    return toRecord(this.insertStmt.get(userId, type, subjectId, maxAttempts, units, isoNow()) as JobRow);
  }

  get(id: number): JobRecord | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  userOf(id: number): number | null {
    const row = this.db.prepare('SELECT user_id FROM jobs WHERE id = ?').get(id) as { user_id: number } | undefined;
    return row?.user_id ?? null;
  }

  /** Takes the oldest due job, or null. */
  claim(now = nowMs()): JobRecord | null {
    const row = this.claimStmt.get(iso(now), now) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** When the next delayed job becomes due, or null when none is waiting. */
  nextDueAt(): number | null {
    const row = this.db.prepare("SELECT min(run_after) AS at FROM jobs WHERE status = 'queued'").get() as {
      at: number | null;
    };
    return row.at;
  }

  setProgress(id: number, progress: number): void {
    this.db.prepare("UPDATE jobs SET progress = ? WHERE id = ? AND status = 'processing'").run(progress, id);
  }

  complete(id: number, runtimeSeconds: number): JobRecord | null {
    const row = this.completeStmt.get(isoNow(), runtimeSeconds, id) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  fail(id: number, error: string, runtimeSeconds: number | null): JobRecord | null {
    const row = this.db
      .prepare("UPDATE jobs SET status = 'failed', error = ?, finished_at = ?, runtime = ? WHERE id = ? RETURNING *")
      .get(error, isoNow(), runtimeSeconds, id) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  cancel(id: number): JobRecord | null {
    const row = this.db
      .prepare(
        "UPDATE jobs SET status = 'cancelled', error = 'Cancelled.', finished_at = ? WHERE id = ? AND status IN ('queued', 'processing') RETURNING *",
      )
      .get(isoNow(), id) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Puts a job back in the queue after a transient error, due at `runAfter`. */
  backoff(id: number, error: string, runAfter: number): JobRecord | null {
    const row = this.db
      .prepare("UPDATE jobs SET status = 'queued', error = ?, run_after = ?, progress = 0 WHERE id = ? RETURNING *")
      .get(error, runAfter, id) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Puts a running job back without counting the attempt (a graceful shutdown). */
  release(id: number): JobRecord | null {
    const row = this.db
      .prepare(
        "UPDATE jobs SET status = 'queued', attempts = max(0, attempts - 1), run_after = 0, progress = 0, started_at = NULL WHERE id = ? AND status = 'processing' RETURNING *",
      )
      .get(id) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** A failed or cancelled job queued again by the user, with a fresh set of attempts. */
  retry(id: number): JobRecord | null {
    const row = this.db
      .prepare(
        "UPDATE jobs SET status = 'queued', attempts = 0, error = NULL, run_after = 0, progress = 0, started_at = NULL, finished_at = NULL, runtime = NULL WHERE id = ? AND status IN ('failed', 'cancelled') RETURNING *",
      )
      .get(id) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  /**
   * Start-up recovery: jobs a crash left `processing` go back to the queue; a job that has already
   * used all its attempts (it keeps crashing the app) fails instead.
   */
  recover(): { requeued: JobRecord[]; failed: JobRecord[] } {
    const rows = this.db.prepare("SELECT * FROM jobs WHERE status = 'processing' ORDER BY id").all() as JobRow[];
    const requeued: JobRecord[] = [];
    const failed: JobRecord[] = [];
    for (const row of rows) {
      if (row.attempts >= row.max_attempts) {
        const f = this.fail(
          row.id,
          'Inkproof stopped while working on this several times, so it was not tried again.',
          null,
        );
        if (f) failed.push(f);
      } else {
        const r = this.db
          .prepare("UPDATE jobs SET status = 'queued', run_after = 0, progress = 0 WHERE id = ? RETURNING *")
          .get(row.id) as JobRow;
        requeued.push(toRecord(r));
      }
    }
    return { requeued, failed };
  }

  list(filter: JobFilter = {}): JobRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId !== undefined) {
      where.push('user_id = ?');
      params.push(filter.userId);
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.type) {
      where.push('type = ?');
      params.push(filter.type);
    }
    params.push(filter.limit ?? 200);
    const sql = `SELECT * FROM jobs ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params) as JobRow[]).map(toRecord);
  }

  active(type: JobType, subjectId: number): JobRecord[] {
    return (
      this.db
        .prepare("SELECT * FROM jobs WHERE type = ? AND subject_id = ? AND status IN ('queued', 'processing')")
        .all(type, subjectId) as JobRow[]
    ).map(toRecord);
  }

  latestFor(type: JobType, subjectId: number): JobRecord | null {
    const row = this.db
      .prepare('SELECT * FROM jobs WHERE type = ? AND subject_id = ? ORDER BY id DESC LIMIT 1')
      .get(type, subjectId) as JobRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Work (units) queued ahead of a job of a type, and the remaining work of running ones. */
  workAhead(type: JobType, beforeId: number): { queuedUnits: number; queuedJobs: number; runningUnits: number } {
    const q = this.db
      .prepare(
        "SELECT coalesce(sum(units), 0) AS u, count(*) AS n FROM jobs WHERE type = ? AND status = 'queued' AND id < ?",
      )
      .get(type, beforeId) as {
      u: number;
      n: number;
    };
    const r = this.db
      .prepare(
        "SELECT coalesce(sum(units * (100 - progress) / 100.0), 0) AS u FROM jobs WHERE type = ? AND status = 'processing'",
      )
      .get(type) as {
      u: number;
    };
    return { queuedUnits: q.u, queuedJobs: q.n, runningUnits: r.u };
  }

  /** Jobs of a type queued ahead of a job, and the running ones (for estimates per rate class). */
  jobsAhead(
    type: JobType,
    beforeId: number,
  ): { subject_id: number; units: number; progress: number; status: 'queued' | 'processing' }[] {
    return this.db
      .prepare(
        "SELECT subject_id, units, progress, status FROM jobs WHERE type = ? AND ((status = 'queued' AND id < ?) OR status = 'processing')",
      )
      .all(type, beforeId) as {
      subject_id: number;
      units: number;
      progress: number;
      status: 'queued' | 'processing';
    }[];
  }

  counts(userId?: number): Record<JobType, Record<JobStatus, number>> {
    const rows = this.db
      .prepare(
        `SELECT type, status, count(*) AS n FROM jobs ${userId !== undefined ? 'WHERE user_id = ?' : ''} GROUP BY type, status`,
      )
      .all(...(userId !== undefined ? [userId] : [])) as { type: JobType; status: JobStatus; n: number }[];
    const empty = () => ({ queued: 0, processing: 0, completed: 0, failed: 0, cancelled: 0 });
    const out = { analyze: empty(), rewrite: empty(), validate: empty() } as Record<JobType, Record<JobStatus, number>>;
    for (const r of rows) if (out[r.type]) out[r.type][r.status] = r.n;
    return out;
  }

  /** Recent completed jobs of a type, newest first, for throughput and median run times. */
  recentRuns(type: JobType, limit = 50): { subject_id: number; units: number; runtime: number }[] {
    return this.db
      .prepare(
        "SELECT subject_id, units, runtime FROM jobs WHERE type = ? AND status = 'completed' AND runtime > 0 ORDER BY id DESC LIMIT ?",
      )
      .all(type, limit) as { subject_id: number; units: number; runtime: number }[];
  }

  finishedSince(status: 'completed' | 'failed', sinceIso: string, userId?: number): number {
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM jobs WHERE status = ? AND finished_at >= ? ${userId !== undefined ? 'AND user_id = ?' : ''}`,
      )
      .get(status, sinceIso, ...(userId !== undefined ? [userId] : [])) as { n: number };
    return row.n;
  }
}

function toRecord(row: JobRow): JobRecord {
  const { user_id: _user, run_after, ...rest } = row;
  return { ...rest, run_after: run_after > 0 ? iso(run_after) : null };
}
