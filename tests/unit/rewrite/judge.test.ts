/**
 * Read against a detector answer written for the test: what `judge` flags in a document the
 * detector calls mixed (the AI passages, and every sentence that reads as AI-generated wherever it
 * stands — so a run of such sentences too short for a passage of its own is revised too), and the
 * score ceiling of a text whose markup the judgement blanks.
 */
import { describe, expect, it, vi } from 'vitest';
import { SENTENCE_READS_AS_AI, type AnalysisResult } from '../../../src-shared/models';

const text =
  'We drove to the lake at dawn. The water was cold and the dog refused to swim. ' +
  'In conclusion, the trip underscores the transformative power of nature. ' +
  'My sister laughed at the dog all the way home, and my father kept the window down so the wet fur ' +
  'would dry before we reached the farm, where my grandmother was waiting with soup and a towel.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const conclusion = at('In conclusion, the trip underscores the transformative power of nature.');
const lake = at('We drove to the lake at dawn.');

/**
 * The detector's score: 30 for prose; for a text that still holds Markdown's "**", 50, or 90 with
 * "delve" in it — a score that only the document as it stands, markers and all, would show.
 */
const score = (t: string) => (t.includes('**') ? (t.includes('delve') ? 90 : 50) : 30);

vi.mock('../../../src-workers/detect/index', () => ({
  detectorScore: (t: string) => score(t),
  analyzeText: (): Partial<AnalysisResult> => ({
    ai_confidence: 60,
    verdict: 'mixed',
    ai_share: 0.3,
    critical_sections: [],
    explanations: [],
    sentences: [
      { ...lake, score: 20 },
      { ...at('The water was cold and the dog refused to swim.'), score: 35 },
      { ...conclusion, score: SENTENCE_READS_AS_AI + 10 },
      { start: text.indexOf('My sister'), end: text.length, score: 15 },
    ],
  }),
}));

describe('judge, for a mixed document', () => {
  it('flags each sentence that reads as AI-generated, and not the others', async () => {
    const { judge } = await import('../../../src-workers/rewrite/judge');
    const j = judge(text);
    expect(j.mixed).toBe(true);
    expect(j.flagged).toContainEqual(conclusion);
    expect(j.flagged.some((s) => s.start < lake.end && s.end > lake.start)).toBe(false);
  });
});

describe('the score ceiling, for a text with Markdown markup', () => {
  it('keeps no change that raises the score of the document as it stands, though its prose score holds', async () => {
    const { keepNotRaising } = await import('../../../src-workers/rewrite/rules');
    const { proseScore } = await import('../../../src-workers/rewrite/judge');
    const { REASONS } = await import('../../../src-workers/rewrite/reasons');
    const doc = '**Tips:** look into the options first, then choose.';
    const from = doc.indexOf('look into');
    const hunk = { start: from, end: from + 'look into'.length, after: 'delve into', reason: REASONS.plain };
    const after = doc.slice(0, hunk.start) + hunk.after + doc.slice(hunk.end);
    expect(proseScore(after)).toBeLessThanOrEqual(proseScore(doc));
    expect(score(after)).toBeGreaterThan(score(doc));
    const j = {
      score: proseScore(doc),
      scored: true,
      human: false,
      mixed: false,
      uncertain: false,
      aiShare: 0,
      flagged: [],
    };
    expect(keepNotRaising(doc, [hunk], j).hunks).toHaveLength(0);
  });
});
