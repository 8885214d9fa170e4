/**
 * A document's structure beside its plain text (`TextBlock`, models.ts): the rules a list of
 * blocks obeys, a check of those rules, and the mapping of blocks through a revision's hunks so
 * that headings stay headings and marks stay on their words when only the words change. Pure and
 * dependency-free apart from zod: the core uses it when a revision is applied or exported, the
 * command line when it writes a revision, and the renderer may use it for a live preview.
 *
 * The rules (docs/architecture.md §7, src-workers/extract/README.md):
 * - The text's paragraphs are separated by exactly one blank line ("\n\n"); a paragraph may hold
 *   single line breaks.
 * - `blocks` is either empty (the text is plain paragraphs) or has exactly one block per
 *   paragraph, in order, each spanning its paragraph exactly: `[start, end)` with no "\n\n"
 *   inside and "\n\n" between one block's end and the next one's start.
 * - Marks lie inside their block, are not empty, are sorted by start, and marks of one kind (and
 *   one link target) neither overlap nor touch; marks of different kinds may nest or overlap.
 * - `level` is set on headings (1–6) and list items (nesting depth from 1); `ordered` on list
 *   items only; `href` on links only.
 */
import { diffWords, type Change } from 'diff';
import { z } from 'zod';
import { applyHunks } from './hunks';
import type { DiffHunk, Span, TextBlock, TextMark } from './models';
import { BLOCK_KINDS, MARK_KINDS } from './models';

/** Longest link target kept, in characters. */
export const MAX_HREF_LENGTH = 2048;

export const textMarkSchema = z
  .object({
    kind: z.enum(MARK_KINDS),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    href: z.string().max(MAX_HREF_LENGTH).optional(),
  })
  .strict();

export const textBlockSchema = z
  .object({
    kind: z.enum(BLOCK_KINDS),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    level: z.number().int().min(1).max(64).optional(),
    ordered: z.boolean().optional(),
    marks: z.array(textMarkSchema).optional(),
  })
  .strict();

export const textBlocksSchema = z.array(textBlockSchema);

const PARAGRAPH_BREAK = '\n\n';

/** The paragraphs of a normalised text: the ranges between its "\n\n" separators. */
export function paragraphRanges(text: string): Span[] {
  const out: Span[] = [];
  if (text.length === 0) return out;
  let start = 0;
  for (let at = text.indexOf(PARAGRAPH_BREAK); at >= 0; at = text.indexOf(PARAGRAPH_BREAK, start)) {
    out.push({ start, end: at });
    start = at + PARAGRAPH_BREAK.length;
  }
  out.push({ start, end: text.length });
  return out;
}

/**
 * Checks blocks against their text; returns null when they obey every rule above, else a sentence
 * saying which rule the first offending block breaks.
 */
export function blocksProblem(text: string, blocks: readonly TextBlock[]): string | null {
  if (blocks.length === 0) return null;
  const paragraphs = paragraphRanges(text);
  if (paragraphs.length !== blocks.length)
    return `The text has ${paragraphs.length} paragraphs but ${blocks.length} blocks.`;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const p = paragraphs[i];
    if (b.start !== p.start || b.end !== p.end) return `Block ${i} does not span paragraph ${i}.`;
    if (b.kind === 'heading' && !(b.level !== undefined && b.level >= 1 && b.level <= 6))
      return `Heading ${i} has no level from 1 to 6.`;
    if (b.kind === 'list_item' && !(b.level !== undefined && b.level >= 1)) return `List item ${i} has no level.`;
    if (b.kind !== 'heading' && b.kind !== 'list_item' && b.level !== undefined)
      return `Block ${i} is a ${b.kind} with a level.`;
    if (b.kind !== 'list_item' && b.ordered !== undefined) return `Block ${i} is a ${b.kind} marked as ordered.`;
    const last = new Map<string, number>();
    let prevStart = -1;
    for (const m of b.marks ?? []) {
      if (m.start < b.start || m.end > b.end || m.end <= m.start) return `A mark of block ${i} lies outside it.`;
      if (m.start < prevStart) return `The marks of block ${i} are not in order.`;
      if ((m.kind === 'link') !== (m.href !== undefined)) return `A mark of block ${i} has a misplaced link target.`;
      const key = markKey(m);
      if ((last.get(key) ?? -1) >= m.start) return `Marks of one kind overlap in block ${i}.`;
      last.set(key, m.end);
      prevStart = m.start;
    }
  }
  return null;
}

const KIND_ORDER: Record<TextMark['kind'], number> = { link: 0, strong: 1, emphasis: 2, code: 3 };

/** A fixed order for marks over the same range, so that equal sets of marks give equal lists. */
function compareKind(a: TextMark, b: TextMark): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.href ?? '').localeCompare(b.href ?? '');
}

function markKey(m: TextMark): string {
  return m.kind === 'link' ? `link ${m.href}` : m.kind;
}

/**
 * Sorts marks (by start, end, then kind) and merges the overlapping or touching ones of one kind
 * (and one link target), dropping empty ones. The result obeys the rules for the marks of one block.
 */
export function normalizeMarks(marks: readonly TextMark[]): TextMark[] {
  const sorted = marks
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || a.end - b.end || compareKind(a, b));
  const open = new Map<string, TextMark>();
  const out: TextMark[] = [];
  for (const m of sorted) {
    const key = markKey(m);
    const prev = open.get(key);
    if (prev && prev.end >= m.start) {
      prev.end = Math.max(prev.end, m.end);
      continue;
    }
    const copy: TextMark = { ...m };
    open.set(key, copy);
    out.push(copy);
  }
  return out;
}

/**
 * Whether every hunk lies inside one paragraph of `original` and neither removes nor adds a
 * paragraph break. A revision only rewrites words; a hunk that joined or split paragraphs would
 * leave the structure without a paragraph to belong to.
 */
export function hunksWithinParagraphs(original: string, hunks: readonly DiffHunk[]): boolean {
  const paragraphs = paragraphRanges(original);
  return hunks.every((h) => {
    if (h.after.includes(PARAGRAPH_BREAK)) return false;
    const p = containing(paragraphs, h.start);
    return p !== null && h.end <= p.end && h.start >= p.start;
  });
}

/** The range among sorted, disjoint `ranges` whose [start, end] holds `at`, preferring the earlier one. */
function containing<T extends Span>(ranges: readonly T[], at: number): T | null {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end < at) lo = mid + 1;
    else if (ranges[mid].start > at) hi = mid - 1;
    else return ranges[mid];
  }
  return null;
}

/** A hunk prepared for mapping: where it sits before and after the revision, and its two texts. */
interface MappedHunk {
  start: number;
  end: number;
  /** Where the hunk's replacement starts in the revised text. */
  newStart: number;
  newLength: number;
  before: string;
  after: string;
  /** Word-level diff of `before` and `after`, made when a point inside the hunk is first mapped. */
  parts?: Change[];
}

/**
 * Maps blocks of `original` through the accepted hunks (ids, or 'all', as for `applyHunks`) onto
 * the revised text: offsets shift by what the hunks before them added or removed; a block keeps
 * everything a hunk inside it wrote; a mark that a hunk cuts into keeps the words both texts
 * share, a mark on replaced words moves to their replacement, and a mark whose words were all
 * deleted disappears (`insideHunk`).
 *
 * Throws a RangeError when hunks overlap or one does not lie inside a single block (or adds a
 * paragraph break): revisions only rewrite words within paragraphs, and mapping such a hunk would
 * silently misplace the structure.
 */
export function mapBlocks(
  blocks: readonly TextBlock[],
  hunks: readonly DiffHunk[],
  accepted: readonly number[] | 'all' = 'all',
): TextBlock[] {
  if (blocks.length === 0) return [];
  const take = accepted === 'all' ? null : new Set(accepted);
  const chosen = hunks
    .filter((h) => take === null || take.has(h.id))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const mapped: MappedHunk[] = [];
  let delta = 0;
  let pos = 0;
  for (const h of chosen) {
    if (h.start < pos || h.end < h.start) throw new RangeError(`Change ${h.id} overlaps another change.`);
    const block = containing(blocks, h.start);
    if (!block || h.end > block.end || h.after.includes(PARAGRAPH_BREAK))
      throw new RangeError(`Change ${h.id} crosses a paragraph boundary.`);
    mapped.push({
      start: h.start,
      end: h.end,
      newStart: h.start + delta,
      newLength: h.after.length,
      before: h.before,
      after: h.after,
    });
    delta += h.after.length - (h.end - h.start);
    pos = h.end;
  }
  const at = (p: number, side: Side) => mapPoint(mapped, p, side);
  return blocks.map((b) => {
    const out: TextBlock = { ...b, start: at(b.start, 'start'), end: at(b.end, 'end') };
    if (b.marks) {
      const marks = normalizeMarks(
        b.marks.map((m) => ({ ...m, start: at(m.start, 'start'), end: at(m.end, 'end') })),
      ).filter((m) => m.start >= out.start && m.end <= out.end);
      if (marks.length > 0) out.marks = marks;
      else delete out.marks;
    }
    return out;
  });
}

type Side = 'start' | 'end';

/**
 * Where point `p` of the original lands in the revision. A start keeps what is inserted at it
 * (the insertion follows it); an end takes in what is inserted at it (the insertion precedes it).
 */
function mapPoint(hunks: readonly MappedHunk[], p: number, side: Side): number {
  // The last hunk starting at or before p (an insertion at p counts as before p only for an end).
  let lo = 0;
  let hi = hunks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (hunks[mid].start <= p) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0; i--) {
    const h = hunks[i];
    if (h.end < p || (h.end === p && (h.start < p || side === 'end'))) {
      // Entirely before p: p moves by everything this hunk and those before it changed.
      return p - h.end + h.newStart + h.newLength;
    }
    if (h.start < p && p < h.end) return insideHunk(h, p);
    // This hunk starts at p and lies after it for this side: look at the ones before.
  }
  return p;
}

/**
 * A point inside a hunk, mapped through a word-level diff of its text (letter case aside: "In
 * summary, incorporating" → "Incorporating" deletes "In summary, " and keeps the word). A point
 * in words both texts share maps exactly; one inside deleted words collapses to where they were
 * (a mark on "In summary," disappears with it); a mark that starts with replaced words and ends
 * inside them takes the whole replacement ("utilize robust" → "rely on solid": bold on "utilize"
 * becomes "rely on solid"), one strictly inside them disappears.
 */
function insideHunk(h: MappedHunk, p: number): number {
  const k = p - h.start;
  h.parts ??= diffWords(h.before, h.after, { ignoreCase: true });
  let o = 0;
  let n = 0;
  for (let i = 0; i < h.parts.length; i++) {
    const part = h.parts[i];
    const len = part.value.length;
    if (part.added) {
      n += len;
      continue;
    }
    if (part.removed) {
      if (k === o) return h.newStart + n;
      if (k < o + len) {
        // Inside replaced words either end takes the whole replacement's far side: a mark that
        // starts with them or ends in them spans it, one strictly inside them ("plays a *crucial
        // role* in maintaining" → "maintains") goes with the words it was on.
        return h.newStart + n + (h.parts[i + 1]?.added ? h.parts[i + 1].value.length : 0);
      }
      o += len;
      continue;
    }
    if (k <= o + len) return h.newStart + n + (k - o);
    o += len;
    n += len;
  }
  return h.newStart + Math.min(n, h.newLength);
}

/**
 * The ranges of `text` a revision may rewrite: `scope` (the requested ranges, or the whole text
 * when null) without code — code blocks and inline code stay byte for byte, as the reviser keeps
 * code in plain text. Returns `scope` unchanged when the blocks hold no code.
 */
export function revisableRanges(
  textLength: number,
  blocks: readonly TextBlock[],
  scope: readonly Span[] | null,
): Span[] | null {
  const code: Span[] = [];
  for (const b of blocks) {
    if (b.kind === 'code') code.push({ start: b.start, end: b.end });
    else for (const m of b.marks ?? []) if (m.kind === 'code') code.push({ start: m.start, end: m.end });
  }
  if (code.length === 0) return scope ? scope.map((r) => ({ start: r.start, end: r.end })) : null;
  code.sort((a, b) => a.start - b.start);
  const wanted = scope ? [...scope].sort((a, b) => a.start - b.start) : [{ start: 0, end: textLength }];
  const out: Span[] = [];
  let c = 0;
  for (const r of wanted) {
    let from = r.start;
    while (c < code.length && code[c].end <= from) c++;
    for (let k = c; k < code.length && code[k].start < r.end; k++) {
      if (code[k].start > from) out.push({ start: from, end: code[k].start });
      from = Math.max(from, code[k].end);
    }
    if (from < r.end) out.push({ start: from, end: r.end });
  }
  return out;
}

/** A text with its blocks. */
export interface StructuredText {
  text: string;
  blocks: TextBlock[];
}

/**
 * The revised text and its blocks: the accepted hunks (ids, or 'all') applied to the text
 * (`applyHunks`) and the blocks mapped through them (`mapBlocks`). Throws a RangeError when a hunk
 * does not match the text, overlaps another, or crosses or adds a paragraph break.
 */
export function applyRevision(
  original: StructuredText,
  hunks: readonly DiffHunk[],
  accepted: readonly number[] | 'all',
): StructuredText {
  const take = accepted === 'all' ? null : new Set(accepted);
  const chosen = hunks.filter((h) => take === null || take.has(h.id));
  if (!hunksWithinParagraphs(original.text, chosen))
    throw new RangeError('A change crosses a paragraph boundary or adds one.');
  return { text: applyHunks(original.text, chosen, 'all'), blocks: mapBlocks(original.blocks, chosen, 'all') };
}
