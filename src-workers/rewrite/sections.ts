/**
 * A revision works section by section: the critical sections when it revises those (its ranges),
 * the paragraphs when it revises a whole document. Both engines report progress through
 * `SectionProgress`: a fraction of the text to revise (by characters of the editable units done),
 * how many sections are finished, and each finished section's changes with the ids they keep in
 * the final result — so the review can show them while the rest is still being revised.
 */
import type { DiffHunk } from '../../src-shared/models';
import type { ProgressMessage } from '../../src-shared/tasks';
import type { RawHunk } from './diff';
import { normalizeRanges, type ParagraphPlan, type Unit } from './units';

export interface Section {
  /** From the first unit's start to the last unit's end. */
  start: number;
  end: number;
  units: Unit[];
}

/** Groups the plan's units into sections, in text order; sections without units are left out. */
export function planSections(
  plan: readonly ParagraphPlan[],
  ranges: readonly { start: number; end: number }[] | null,
  textLength: number,
): Section[] {
  const groups: Unit[][] = [];
  if (!ranges) {
    for (const p of plan) if (p.units.length) groups.push(p.units);
  } else {
    const rs = normalizeRanges(ranges, textLength);
    let ri = 0;
    let cur: Unit[] = [];
    for (const u of plan.flatMap((p) => p.units)) {
      while (ri < rs.length && rs[ri].end <= u.start) {
        if (cur.length) groups.push(cur);
        cur = [];
        ri++;
      }
      cur.push(u);
    }
    if (cur.length) groups.push(cur);
  }
  return groups.map((units) => ({ start: units[0].start, end: units[units.length - 1].end, units }));
}

/** A change of a finished section, before it gets its id. */
export type SectionHunk = RawHunk & Pick<DiffHunk, 'reason' | 'note'>;

/**
 * Progress of a revision over its sections. Integer percent that never goes backwards; 99 at most
 * until `finish`, which sends 100 once. A message goes out when the percentage moves, when a
 * section's changes are ready, or `minGapMs` after the previous one.
 */
export class SectionProgress {
  private readonly totalChars: number;
  private doneChars = 0;
  private sectionsDone = 0;
  private next = 0;
  private nextId = 0;
  private last = -1;
  private lastAt = 0;
  /** Changes of the section being revised, handed out when it is finished. */
  private current: DiffHunk[] = [];
  /** Changes of finished sections not sent yet. */
  private pending: DiffHunk[] = [];
  private finished = false;
  /** Every change handed out so far, in order, with its id. */
  readonly hunks: DiffHunk[] = [];

  constructor(
    private readonly text: string,
    readonly sections: readonly Section[],
    private readonly onProgress: (m: ProgressMessage) => void,
    private readonly minGapMs = 50,
  ) {
    let chars = 0;
    for (const s of sections) for (const u of s.units) chars += u.end - u.start;
    this.totalChars = Math.max(1, chars);
  }

  /** The first message: 0 %, with the number of sections. */
  start(): void {
    this.post(0, true);
  }

  /**
   * Work inside the current section: `fraction` (0–1) of the characters of `units` done — a
   * long section's streamed answer, for example.
   */
  within(fraction: number, chars: number): void {
    const f = Math.max(0, Math.min(1, fraction));
    this.post(this.percent(this.doneChars + f * chars), false);
  }

  /** A unit was revised. The section it ends, if any, is finished: its changes are handed out. */
  unitDone(unit: Unit, newHunks: readonly SectionHunk[] = []): void {
    this.doneChars += unit.end - unit.start;
    for (const h of newHunks) this.take(h);
    const s = this.sections[this.next];
    const ended = s !== undefined && unit.end >= s.end;
    if (ended) this.endSection();
    this.post(this.percent(this.doneChars), ended && this.pending.length > 0);
  }

  /** A whole section was revised at once (the LLM engine, or its fallback). */
  sectionDone(newHunks: readonly SectionHunk[]): void {
    const s = this.sections[this.next];
    if (!s) return;
    for (const u of s.units) this.doneChars += u.end - u.start;
    for (const h of newHunks) this.take(h);
    this.endSection();
    this.post(this.percent(this.doneChars), this.pending.length > 0);
  }

  /** 100 %, every section done, and any changes not yet sent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.sectionsDone = this.sections.length;
    this.handOut();
    this.last = 100;
    this.onProgress(this.message(100));
  }

  private take(h: SectionHunk): void {
    const hunk: DiffHunk = {
      id: this.nextId++,
      start: h.start,
      end: h.end,
      before: this.text.slice(h.start, h.end),
      after: h.after,
    };
    if (h.reason !== undefined) hunk.reason = h.reason;
    if (h.note !== undefined) hunk.note = h.note;
    this.hunks.push(hunk);
    this.current.push(hunk);
  }

  private endSection(): void {
    this.next++;
    this.sectionsDone++;
    this.handOut();
  }

  /** The current section's changes join those to send: one by one, as a long paragraph can have more than a spread takes. */
  private handOut(): void {
    for (const h of this.current) this.pending.push(h);
    this.current = [];
  }

  private percent(chars: number): number {
    return Math.min(99, Math.floor((chars / this.totalChars) * 100));
  }

  private post(p: number, force: boolean): void {
    if (this.finished) return;
    const progress = Math.max(this.last, p);
    const now = Date.now();
    if (!force && progress === this.last && now - this.lastAt < this.minGapMs) return;
    this.last = progress;
    this.lastAt = now;
    this.onProgress(this.message(progress));
  }

  private message(progress: number): ProgressMessage {
    const m: ProgressMessage = { progress };
    if (this.sections.length > 0) {
      m.sections_done = this.sectionsDone;
      m.sections_total = this.sections.length;
    }
    if (this.pending.length) {
      m.hunks = this.pending;
      this.pending = [];
    }
    return m;
  }
}
