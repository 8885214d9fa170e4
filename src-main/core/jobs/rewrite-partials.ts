/**
 * Partial results of running revisions: the changes of the sections a worker has finished, kept
 * in memory while the revision runs so that `getRewrite` can show them before it completes (the
 * review fills in section by section). They are the final changes, ids included (the engines hand
 * out ids in text order as sections finish), and are forgotten when the revision completes, fails,
 * is cancelled or starts another attempt — the stored result then speaks for itself. Memory is
 * bounded by the revisions running at once.
 */
import type { DiffHunk } from '../../../src-shared/models';
import type { ProgressMessage } from '../../../src-shared/tasks';

export interface PartialRewrite {
  hunks: DiffHunk[];
  sections_done: number | null;
  sections_total: number | null;
}

export class RewritePartials {
  private readonly byRewrite = new Map<number, PartialRewrite>();

  /** Starts (or restarts, for a new attempt) a revision's partial results. */
  begin(rewriteId: number): void {
    this.byRewrite.set(rewriteId, { hunks: [], sections_done: null, sections_total: null });
  }

  /** Takes in a worker's progress message: its finished sections' changes and counts. */
  add(rewriteId: number, m: ProgressMessage): void {
    const p = this.byRewrite.get(rewriteId);
    if (!p) return;
    if (m.hunks?.length) p.hunks.push(...m.hunks);
    if (m.sections_total !== undefined) p.sections_total = m.sections_total;
    if (m.sections_done !== undefined) p.sections_done = Math.max(p.sections_done ?? 0, m.sections_done);
  }

  get(rewriteId: number): PartialRewrite | null {
    return this.byRewrite.get(rewriteId) ?? null;
  }

  forget(rewriteId: number): void {
    this.byRewrite.delete(rewriteId);
  }
}
