/**
 * From structured paragraphs (what the HTML path produces for .html, .md and .docx) to the
 * extracted text and its blocks (src-shared/blocks.ts states the rules they obey): each paragraph
 * is normalised on its own (./normalize.ts) with its marks' offsets carried through, a paragraph
 * that normalisation splits (blank lines inside a <pre>, two <br>s in a row) becomes several
 * blocks of the same kind, and the text is the paragraphs joined by one blank line — exactly
 * `normalizeText` of the paragraphs joined, which the tests check.
 */
import { MAX_HREF_LENGTH, normalizeMarks, type StructuredText } from '../../src-shared/blocks';
import type { BlockKind, TextBlock, TextMark } from '../../src-shared/models';
import { normalizeText, normalizeTracked } from './normalize';

/** One paragraph as a converter found it, before normalisation; mark offsets are into `text`. */
export interface RawParagraph {
  text: string;
  kind: BlockKind;
  level?: number;
  ordered?: boolean;
  marks: TextMark[];
}

/**
 * Structure kept per document at most: past these a document keeps its text and paragraphs but
 * not its blocks (or not its marks), so that a pathological file (a million one-word list items)
 * cannot make its structure many times larger than its text.
 */
export const MAX_BLOCKS = 100_000;
export const MAX_MARKS = 200_000;

const SEPARATOR = '\n\n';

/** Text without structure, as one raw paragraph (normalisation finds its paragraphs). */
export function plainParagraphs(raw: string): RawParagraph[] {
  return [{ text: raw, kind: 'paragraph', marks: [] }];
}

export function assembleParagraphs(
  paragraphs: readonly RawParagraph[],
  limits = { maxBlocks: MAX_BLOCKS, maxMarks: MAX_MARKS },
): StructuredText {
  if (paragraphs.every((p) => p.kind === 'paragraph' && p.marks.length === 0)) {
    // Nothing but paragraphs: the text alone, without building blocks that would say nothing.
    return { text: normalizeText(paragraphs.map((p) => p.text).join(SEPARATOR)), blocks: [] };
  }
  const texts: string[] = [];
  const blocks: TextBlock[] = [];
  let offset = 0;
  let markCount = 0;
  for (const p of paragraphs) {
    const keepMarks = p.kind !== 'code' && p.marks.length > 0;
    const { text, at } = normalizeTracked(p.text, keepMarks);
    if (text.length === 0) continue;
    const marks = keepMarks ? p.marks.map((m) => ({ ...m, start: at![m.start], end: at![m.end] })) : [];
    let local = 0;
    for (const piece of text.split(SEPARATOR)) {
      if (texts.length > 0) offset += SEPARATOR.length;
      const block: TextBlock = { kind: p.kind, start: offset, end: offset + piece.length };
      if (p.level !== undefined) block.level = p.level;
      if (p.ordered !== undefined) block.ordered = p.ordered;
      const inside = normalizeMarks(
        marks
          .filter((m) => m.end > local && m.start < local + piece.length)
          .map((m) => trimMark(piece, m, local))
          .map((m) => ({ ...m, start: offset + m.start, end: offset + m.end })),
      );
      if (inside.length > 0) {
        block.marks = inside;
        markCount += inside.length;
      }
      blocks.push(block);
      texts.push(piece);
      offset += piece.length;
      local += piece.length + SEPARATOR.length;
    }
  }
  return { text: texts.join(SEPARATOR), blocks: boundedBlocks(blocks, markCount, limits) };
}

/** A mark clipped to a piece that starts at `local` of its paragraph, without whitespace at its ends. */
function trimMark(piece: string, m: TextMark, local: number): TextMark {
  let start = Math.max(0, m.start - local);
  let end = Math.min(piece.length, m.end - local);
  while (start < end && /\s/.test(piece[start])) start++;
  while (end > start && /\s/.test(piece[end - 1])) end--;
  return { ...m, start, end };
}

/** No blocks when they say nothing beyond "paragraph", or when there are too many to keep. */
function boundedBlocks(
  blocks: TextBlock[],
  markCount: number,
  limits: { maxBlocks: number; maxMarks: number },
): TextBlock[] {
  if (blocks.length > limits.maxBlocks) return [];
  if (markCount > limits.maxMarks) for (const b of blocks) delete b.marks;
  return blocks.every((b) => b.kind === 'paragraph' && !b.marks) ? [] : blocks;
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * A link target worth keeping: an absolute http(s) or mailto address of reasonable length. Anything
 * else (javascript:, data:, file:, relative paths, in-page anchors) is dropped, since whoever shows
 * or exports the link would otherwise follow it.
 */
export function safeHref(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const href = raw.trim();
  if (href.length === 0 || href.length > MAX_HREF_LENGTH || /[\s\u0000-\u001f\u007f]/.test(href)) return null;
  try {
    return SAFE_SCHEMES.has(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}
