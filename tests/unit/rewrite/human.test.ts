/**
 * Human text left alone: a whole-document revision of a text the detector judges human-written
 * changes only what the detector flags in it, says so, and never raises the detector's score.
 * Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { REWRITE_MODES } from '../../../src-shared/models';
import { analyzeText, detectorScore } from '../../../src-workers/detect/index';
import { stockSpans, touches } from '../../../src-workers/rewrite/judge';
import { AI_ARTICLE, HUMAN_STORY, opts, revise } from './helpers';

describe('a text judged human', () => {
  it('is judged human by the detector (the premise of these tests)', () => {
    expect(analyzeText(HUMAN_STORY).verdict).toBe('human');
  });

  it.each(REWRITE_MODES)(
    '%s: only the flagged words change, the revision says so, the score does not rise',
    async (mode) => {
      const out = await revise(HUMAN_STORY, opts(mode, 3));
      const flagged = stockSpans(HUMAN_STORY).sort((a, b) => a.start - b.start);
      expect(out.hunks.length).toBeGreaterThan(0);
      for (const h of out.hunks) expect(touches(flagged, h.start, h.end), h.before).toBe(true);
      expect(out.hunks.map((h) => h.before).sort()).toEqual(
        mode === 'formal' || mode === 'academic' ? ['crucial', 'delved into'] : ['crucial', 'delved'],
      );
      // Nothing else: contractions, sentence lengths and the writer's words stay.
      expect(out.text).toContain("later than we'd planned");
      expect(out.text).toContain('Nothing vital happened.');
      expect(out.diff_summary.note).toMatch(/reads as written by a person .* only what the detector flags/);
      expect(detectorScore(out.text)).toBeLessThanOrEqual(detectorScore(HUMAN_STORY));
    },
  );

  it('with nothing flagged, nothing changes, and the revision says why', async () => {
    const plain = HUMAN_STORY.replace('Nothing crucial happened. Nobody delved', 'Nothing big happened. Nobody looked');
    expect(analyzeText(plain).verdict).toBe('human');
    const out = await revise(plain, opts('formal', 3));
    expect(out.text).toBe(plain);
    expect(out.hunks).toEqual([]);
    expect(out.diff_summary.note).toMatch(/nothing in it is flagged, so nothing was changed/);
  });

  it('sections the user picks are revised as asked: the judgement is for whole-document revisions', async () => {
    const out = await revise(HUMAN_STORY, opts('formal', 2), [{ start: 0, end: HUMAN_STORY.length }]);
    expect(out.text).toContain('later than we had planned');
    expect(out.diff_summary.note).toBeUndefined();
  });
});

describe('a text judged machine-written', () => {
  it('is revised throughout, with no note', async () => {
    expect(analyzeText(AI_ARTICLE).verdict).toBe('ai');
    const out = await revise(AI_ARTICLE, opts('standard', 2));
    expect(out.hunks.length).toBeGreaterThan(15);
    expect(out.diff_summary.note).toBeUndefined();
    expect(detectorScore(out.text)).toBeLessThan(detectorScore(AI_ARTICLE) / 2);
  });
});
