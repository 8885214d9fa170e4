/**
 * Modes that differ, on the same machine-like article (helpers.ts): casual prose contracts and
 * keeps sentences short, formal prose writes contractions out and picks precise words, academic
 * prose is formal with hedges on general claims, concise prose is at least 15 % shorter.
 */
import { describe, expect, it } from 'vitest';
import { REWRITE_MODES, type RewriteMode } from '../../../src-shared/models';
import { countWords, sentences } from '../../../src-workers/text/segment';
import { AI_ARTICLE, opts, revise } from './helpers';

const CONTRACTION = /\b[A-Za-z]+(?:n['’]t|['’](?:s|re|ve|ll|d|m))\b/g;
const HEDGE = /\b(?:may|might|can|could|likely|probably|suggests?|appears?|seems?)\b/gi;

async function all(): Promise<Record<RewriteMode, string>> {
  const out = {} as Record<RewriteMode, string>;
  for (const m of REWRITE_MODES) out[m] = (await revise(AI_ARTICLE, opts(m, 2))).text;
  return out;
}
const meanSentence = (s: string) => countWords(s) / sentences(s).length;
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
/** Words with each contraction counted as the two it stands for: length apart from register. */
const fullWords = (s: string) => countWords(s) + count(s, CONTRACTION);

describe('modes', () => {
  it('give five different revisions', async () => {
    const r = await all();
    expect(new Set(Object.values(r)).size).toBe(REWRITE_MODES.length);
  });
  it('casual: contractions and shorter sentences than standard', async () => {
    const r = await all();
    expect(count(r.casual, CONTRACTION)).toBeGreaterThanOrEqual(4);
    expect(count(r.standard, CONTRACTION)).toBeLessThanOrEqual(count(AI_ARTICLE, CONTRACTION));
    expect(meanSentence(r.casual)).toBeLessThan(meanSentence(r.standard));
    expect(r.casual).toMatch(/\bLots of\b/);
  });
  it('formal and academic: no contractions; academic hedges general claims, formal does not', async () => {
    const r = await all();
    expect(count(r.formal, CONTRACTION)).toBe(0);
    expect(count(r.academic, CONTRACTION)).toBe(0);
    expect(count(r.academic, HEDGE)).toBeGreaterThan(count(r.formal, HEDGE));
    expect(r.academic).toContain('can improve digital skills');
  });
  it('concise: at least 15 % fewer words than the original, and fewer than every other mode', async () => {
    const r = await all();
    expect(countWords(r.concise)).toBeLessThanOrEqual(0.85 * countWords(AI_ARTICLE));
    // (Casual prose contracts "did not" into one word; concise prose keeps the text's register.)
    for (const m of REWRITE_MODES) if (m !== 'concise') expect(fullWords(r.concise)).toBeLessThan(fullWords(r[m]));
  });
  it('concise: no plainer word that takes more words ("struggle" → "find it hard" in standard prose only)', async () => {
    const text = 'Existing approaches often struggle to capture long temporal dependencies.';
    expect((await revise(text, opts('standard', 2))).text).toContain('find it hard to capture');
    expect((await revise(text, opts('concise', 2))).text).toBe(text);
  });
});

describe('formal prose writes contractions out', () => {
  it('but not the toast "Here\'s to …", an idiom with no written-out form', async () => {
    const out = (await revise("Here's to the happy couple. It's been a long road, and we're glad.", opts('formal', 2)))
      .text;
    expect(out).toContain("Here's to the happy couple.");
    expect(out).toContain('It has been');
    expect(out).toContain('we are glad');
  });
});

describe('formal prose and a misspelt "its"', () => {
  it('leaves "it\'s own" and "it\'s components" as written ("it is components" garbles them), expands the rest', async () => {
    const out = (
      await revise(
        "The firm has it's own rules. Students recall the process and it's components. It's always been hard, and it's serious.",
        opts('formal', 2),
      )
    ).text;
    expect(out).toContain("it's own rules");
    expect(out).toContain("it's components");
    expect(out).toContain('It has always been hard');
    expect(out).toContain('it is serious');
  });
});
