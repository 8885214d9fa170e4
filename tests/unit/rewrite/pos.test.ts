/** The part-of-speech lookups' cost: a run-on sentence is tagged in windows, never whole per question. */
import { describe, expect, it, vi } from 'vitest';
import { forget, MAX_PARSE_TOKENS, newPosCache, tagsAt } from '../../../src-workers/rewrite/pos';
import { tokenize } from '../../../src-workers/rewrite/tokens';
import { revise } from './helpers';

/** The length of every text handed to compromise, in order. */
const parsed = vi.hoisted(() => [] as number[]);

vi.mock('compromise', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: (s: string) => unknown }).default;
  const counting = new Proxy(real, {
    apply(target, self, args: [string]) {
      parsed.push(args[0].length);
      return Reflect.apply(target, self, args);
    },
  });
  return { default: counting };
});

/** One sentence of `words` words with no full stop in it, cycling through a few words. */
function runOn(words: number): string {
  const cycle = ['the', 'team', 'leverage', 'comprehensive', 'data', 'moreover', 'robust', 'growth'];
  return Array.from({ length: words }, (_, i) => cycle[i % cycle.length]).join(' ');
}

describe('tagsAt', () => {
  it('parses a sentence of ordinary length whole, once, however many words are asked about', () => {
    const toks = tokenize('They use data to grow, and the team delivers results every quarter.');
    const cache = newPosCache();
    parsed.length = 0;
    const verbs = toks.map((_t, i) => tagsAt(toks, i, cache).has('Verb'));
    expect(parsed).toEqual([toks.map((t) => t.text).join('').length]);
    expect(verbs[toks.findIndex((t) => t.text === 'use')]).toBe(true);
    expect(verbs[toks.findIndex((t) => t.text === 'delivers')]).toBe(true);
    expect(verbs[toks.findIndex((t) => t.text === 'results')]).toBe(false);
  });

  it('tags a word of a run-on sentence from a bounded window around it, as it tags a short sentence', () => {
    const toks = tokenize(runOn(5000));
    expect(toks.length).toBeGreaterThan(4 * MAX_PARSE_TOKENS);
    const short = tokenize(runOn(40));
    const cache = newPosCache();
    const shortCache = newPosCache();
    parsed.length = 0;
    // The same question after each edit (which forgets the sentence's tags), all along the sentence.
    for (let i = 0; i < toks.length; i += 97) {
      forget(cache, toks);
      expect([...tagsAt(toks, i, cache)].sort()).toEqual([...tagsAt(short, 32 + (i % 16), shortCache)].sort());
    }
    const longest = Math.max(...parsed);
    // Each parse covers at most MAX_PARSE_TOKENS tokens (a word and a space each here).
    expect(longest).toBeLessThan(runOn(MAX_PARSE_TOKENS / 2).length + 20);
  });

  it('revises a 3,000-word run-on sentence without parsing it whole for each edit', async () => {
    const text = runOn(3000);
    parsed.length = 0;
    const out = await revise(text);
    expect(out.text.length).toBeGreaterThan(0);
    expect(Math.max(...parsed)).toBeLessThan(text.length / 4);
  }, 60_000);
});
