/** The readability budget for joins (readability.ts) and its effect on the reviser. Sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { joinCostInSyllables, syllables } from '../../../src-workers/rewrite/readability';
import { opts, revise } from './helpers';

describe('syllables and the price of a join', () => {
  it('counts syllables like Flesch calculators', () => {
    expect(syllables('use')).toBe(1);
    expect(syllables('utilize')).toBe(3);
    expect(syllables('table')).toBe(2);
    expect(syllables('showed')).toBe(1);
  });
  it('a join in a 500-word, 25-sentence document costs about five syllables', () => {
    expect(joinCostInSyllables(500, 25)).toBeCloseTo(5.0, 1);
    expect(joinCostInSyllables(10, 1)).toBe(Infinity);
  });
});

const count = (t: string) => t.split(/(?<=[.;!?])\s+/).length;
const sentencesOf = (t: string) => t.split(/(?<=[.!?])\s+/).length;

describe('joins are paid for by plainer words (strength 2)', () => {
  const wordy = [
    'The town council decided to utilize the old school building for the new library.',
    'It will facilitate access to books for families who reside in the northern districts.',
    'The librarians endeavor to commence the work of moving the shelves before the winter.',
    'They demonstrate remarkable dedication to the project and its numerous volunteers.',
    'It is anticipated that the building will open its doors to visitors in the spring.',
    'The council will subsequently evaluate whether additional funding is necessary for the roof.',
  ].join(' ');
  const plain = [
    'The town council decided to use the old school building for the new library.',
    'It will make it easy for families in the northern districts to get books.',
    'The librarians hope to start moving the shelves into the building before the winter.',
    'They work hard on the project and thank its many volunteers every single week.',
    'The building should open its doors to visitors in the spring of the next year.',
    'The council will then check whether more money is needed to fix the old roof.',
  ].join(' ');
  it('a revision that saves many syllables may join a pair of sentences', async () => {
    const out = (await revise(wordy, opts('standard', 2))).text;
    expect(sentencesOf(out)).toBeLessThan(sentencesOf(wordy));
  });
  it('plain text, where nothing is saved, keeps all its sentences', async () => {
    const out = (await revise(plain, opts('standard', 2))).text;
    expect(sentencesOf(out)).toBe(sentencesOf(plain));
    expect(count(out)).toBe(count(plain));
  });
});
