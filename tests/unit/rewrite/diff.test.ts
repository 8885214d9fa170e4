/**
 * The diff a reader accepts change by change: each change stays inside the sentence it revises,
 * also when a revision cuts one sentence and splits another in the same stretch (as many
 * sentences after as before, but not the same ones). Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { diffArrays } from 'diff';
import { diffLong, diffPiece } from '../../../src-workers/rewrite/diff';
import { keepsProtected, keepsRhythmWords } from '../../../src-workers/rewrite/rules';
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

describe('diffPiece on sentences split in three', () => {
  const before =
    'You have a smooth face, Marcus, and a neck like a heron, and a head smoother than glass, and there is not a single hair on your arms, and sharp tweezers groom your pale lips. And you only talk about old generals and every sort of stern hero that we might read about, and you are loud and grand with words, and you argue with the poets and with the present age.';
  const after = before
    .replace(', and there is', '. There is')
    .replace(', and sharp', '. Sharp')
    .replace(', and you are', '. You are')
    .replace(', and you argue', '. You argue');
  it('pairs every part with the sentence it came from: each change is a joint', () => {
    const { hunks } = diffPiece(before, after, 0);
    expect(applySome(before, hunks, () => true)).toBe(after);
    // Before, the third part of the first sentence was paired with nothing: a cut of the clause
    // and an insertion of it before the next sentence, which the meaning guard judged apart.
    expect(hunks.map((h) => [before.slice(h.start, h.end), h.after])).toEqual([
      [', and there', '. There'],
      [', and sharp', '. Sharp'],
      [', and you', '. You'],
      [', and you', '. You'],
    ]);
  });
});

describe('keepsRhythmWords', () => {
  const text = 'The work is hard, and staff must meet strict deadlines. This leads to stress, causing harm.';
  const at = (s: string) => text.indexOf(s);
  const hunk = (from: string, after: string, reason: string) => ({
    start: at(from),
    end: at(from) + from.length,
    after,
    reason,
  });
  it('lets a split or join rewrite its joint, never drop or bring in a clause', () => {
    expect(keepsRhythmWords(text, hunk(', and staff', '. Staff', 'long sentence split'))).toBe(true);
    expect(keepsRhythmWords(text, hunk(', causing', '. This caused', 'long sentence split'))).toBe(true);
    expect(keepsRhythmWords(text, hunk(', causing', '. This can cause', 'long sentence split'))).toBe(true);
    expect(keepsRhythmWords(text, hunk('. This', ', which', 'related sentences joined'))).toBe(true);
    // The half of a torn split that cuts the clause, and the half that brings it back elsewhere.
    expect(keepsRhythmWords(text, hunk(', and staff must meet strict deadlines', '', 'long sentence split'))).toBe(
      false,
    );
    expect(
      keepsRhythmWords(
        text,
        hunk('This', 'Staff must meet strict deadlines, which', 'long sentence split; related sentences joined'),
      ),
    ).toBe(false);
    // Other edits answer for their own cuts.
    expect(keepsRhythmWords(text, hunk(', and staff must meet strict deadlines', '', 'repeated point cut'))).toBe(true);
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

describe('diffLong', () => {
  /** The words of b, rebuilt from a and the changes: what applying the diff gives. */
  function applied(a: readonly string[], changes: ReturnType<typeof diffLong>): string[] {
    const out: string[] = [];
    let i = 0;
    for (const c of changes) {
      if (c.added) out.push(...c.value);
      else {
        if (!c.removed) {
          expect(c.value).toEqual(a.slice(i, i + c.value.length));
          out.push(...c.value);
        } else expect(c.value).toEqual(a.slice(i, i + c.value.length));
        i += c.value.length;
      }
    }
    expect(i).toBe(a.length);
    return out;
  }
  const words = ['moreover', ' ', 'it', ' ', 'is', ' ', 'crucial', ' ', 'and', ' ', 'the', ' ', 'data', ' '];
  const a = Array.from({ length: 30_000 }, (_, k) => words[k % words.length]);
  // A contraction every few words, as casual prose makes in one endless sentence.
  const b = a.flatMap((w, k) =>
    w === 'it' && a[k + 2] === 'is' ? ["it's"] : w === 'is' || (w === ' ' && a[k - 1] === 'it') ? [] : [w],
  );

  it('diffs a long input window by window into an edit script from a to b', () => {
    const changes = diffLong(a, b);
    expect(applied(a, changes)).toEqual(b);
    // The shortest script: each contraction removes "it", " ", "is" and adds "it's", nothing more.
    const edited = changes.filter((c) => c.added || c.removed).reduce((n, c) => n + c.value.length, 0);
    const contractions = a.filter((w, k) => w === 'it' && a[k + 2] === 'is').length;
    expect(edited).toBe(contractions * 4);
  });

  it('replaces a stretch with nothing in common as one change', () => {
    const x = Array.from({ length: 9_000 }, (_, k) => `a${k}`);
    const y = Array.from({ length: 9_000 }, (_, k) => `b${k}`);
    expect(applied(x, diffLong(x, y))).toEqual(y);
  });

  it('is the plain diff on short input', () => {
    const x = a.slice(0, 700);
    const y = b.slice(0, 560);
    expect(diffLong(x, y)).toEqual(diffArrays(x, y));
  });
});
