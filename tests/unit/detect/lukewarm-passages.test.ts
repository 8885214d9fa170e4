/**
 * AI paragraphs between middling human ones: the whole stretch is one AI run to the two-state
 * segmentation, too lukewarm on average to be a passage; its clear AI stretches must still be
 * found, so that an "AI" document is never shown with no section and nothing of it judged AI.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src-workers/detect/index';

const AI =
  "In today's fast-paced world, it is important to note that technology plays a crucial role in shaping how we learn. " +
  'Furthermore, digital tools foster a comprehensive understanding of the intricate tapestry of modern education. ' +
  'Moreover, educators must delve into the multifaceted realm of online collaboration to unlock its full potential. ' +
  'Additionally, this transformation serves as a testament to our ever-evolving landscape, underscoring the pivotal importance of adaptability.';
const PLAIN =
  "I went down to the market on Saturday and, honestly, it was chaos. They'd run out of bread by nine. " +
  "My neighbour reckons it's the new bakery up the road pinching all the customers, but who knows? Anyway, I got eggs. " +
  "We'll see what happens next week when the van comes, if it ever does. The kids didn't care; they wanted pancakes.";

describe('passages inside a lukewarm AI run', () => {
  it('finds each AI paragraph between plain ones, with ai_share near their share of the words', () => {
    const text = [AI, PLAIN, AI, PLAIN, AI, PLAIN].join('\n\n');
    const r = analyzeText(text);
    expect(r.critical_sections).toHaveLength(3);
    for (const s of r.critical_sections) expect(text.slice(s.start, s.end)).toContain('testament');
    expect(r.ai_share).toBeGreaterThan(0.35);
    expect(r.ai_share).toBeLessThan(0.65);
    expect(r.verdict).toBe('mixed');
  });
});

describe('middling stretches inside a clear AI run', () => {
  it('leaves a plain paragraph out of the passages around it, and out of ai_share', () => {
    const text = [AI, `${AI} Again.`, PLAIN, AI, `${AI} Again.`, PLAIN].join('\n\n');
    const r = analyzeText(text);
    const plainAt = [text.indexOf(PLAIN), text.lastIndexOf(PLAIN)];
    for (const s of r.critical_sections)
      for (const at of plainAt) expect(s.end <= at || s.start >= at + PLAIN.length).toBe(true);
    expect(r.critical_sections.length).toBeGreaterThanOrEqual(2);
    expect(r.ai_share).toBeLessThan(0.8);
    expect(r.ai_share).toBeGreaterThan(0.5);
  });
});
