/**
 * The diff a reader accepts change by change: each change stays inside the sentence it revises,
 * also when a revision cuts one sentence and splits another in the same stretch (as many
 * sentences after as before, but not the same ones). Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { diffPiece } from '../../../src-workers/rewrite/diff';
import { keepsProtected } from '../../../src-workers/rewrite/rules';
import { sentenceSpans } from '../../../src-workers/text/segment';

/** Applies some of the hunks (by index) to `before`. */
function applySome(
  before: string,
  hunks: { start: number; end: number; after: string }[],
  keep: (i: number) => boolean,
) {
  let out = '';
  let pos = 0;
  hunks.forEach((h, i) => {
    if (!keep(i)) return;
    out += before.slice(pos, h.start) + h.after;
    pos = h.end;
  });
  return out + before.slice(pos);
}

describe('diffPiece', () => {
  const before =
    'The guide ends well. In conclusion, the guide ends well and helps. "The Quiet Sea" embodies this, serving as a testament to craft. However, taste is personal. While these ideas are crucial, they are guides rather than rules.';
  // The restatement is cut; the last sentence is split in two: five sentences before and after.
  const after =
    'The guide ends well. "The Quiet Sea" represents this, acting as proof of craft. But taste is personal. These ideas are vital. But they are guides rather than rules.';

  it('pairs each sentence with what became of it when one is cut and another split', () => {
    const { hunks } = diffPiece(before, after, 0);
    expect(applySome(before, hunks, () => true)).toBe(after);
    const sentences = sentenceSpans(before);
    const sentenceOf = (pos: number) => sentences.findIndex((s) => pos >= s.start && pos < s.end);
    for (const h of hunks) {
      // A change is inside one sentence, or is a whole sentence cut.
      const whole = sentences.some((s) => s.start === h.start && h.after === '');
      if (!whole) expect(sentenceOf(h.start), JSON.stringify(h)).toBe(sentenceOf(Math.max(h.start, h.end - 1)));
    }
  });

  it('never cuts a quotation in two, whichever changes are kept', () => {
    const { hunks } = diffPiece(before, after, 0);
    for (let i = 0; i < hunks.length; i++) {
      const text = applySome(before, hunks, (k) => k !== i);
      expect(text).toContain('"The Quiet Sea"');
    }
  });
});

describe('keepsProtected', () => {
  const span = { start: 10, end: 25, kind: 'quote' as const, text: '"A Quiet Ocean"' };
  it('withholds a change that cuts into protected text, keeps one that carries it whole', () => {
    expect(keepsProtected({ start: 10, end: 18, after: 'But' }, [span])).toBe(false);
    expect(keepsProtected({ start: 0, end: 30, after: 'Now "A Quiet Ocean" is' }, [span])).toBe(true);
    expect(keepsProtected({ start: 0, end: 30, after: 'Now it is' }, [span])).toBe(false);
    expect(keepsProtected({ start: 25, end: 30, after: 'x' }, [span])).toBe(true);
    expect(keepsProtected({ start: 10, end: 10, after: 'So ' }, [span])).toBe(true);
  });
});
