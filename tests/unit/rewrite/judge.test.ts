/**
 * What `judge` flags in a document the detector calls mixed, read against a detector answer
 * written for the test: the AI passages, and every sentence that reads as AI-generated wherever
 * it stands — so a run of such sentences too short for a passage of its own is revised too.
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

vi.mock('../../../src-workers/detect/index', () => ({
  detectorScore: () => 60,
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
