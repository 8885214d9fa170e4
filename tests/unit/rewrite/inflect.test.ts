/**
 * Base forms read back from a gerund or a participle. compromise's conjugator guesses from
 * spelling, so "creat" and "create" both give "creating": the verb its lexicon knows wins.
 */
import { describe, expect, it } from 'vitest';
import { baseOfGerund, baseOfParticiple } from '../../../src-workers/rewrite/inflect';

describe('base forms', () => {
  it.each([
    ['creating', 'create'],
    ['shaping', 'shape'],
    ['developing', 'develop'],
    ['running', 'run'],
    ['promoting', 'promote'],
    ['facilitating', 'facilitate'],
    ['fostering', 'foster'],
    ['studying', 'study'],
  ])('of the gerund "%s" is "%s"', (gerund, base) => {
    expect(baseOfGerund(gerund)).toBe(base);
  });
  it.each([
    ['created', 'create'],
    ['developed', 'develop'],
    ['planned', 'plan'],
    ['studied', 'study'],
    ['written', 'write'],
    // A verb the lexicon lacks doubled its consonant for the ending ("underpinnes" was written).
    ['underpinned', 'underpin'],
    // A base that ends in a double letter keeps it.
    ['filled', 'fill'],
    ['passed', 'pass'],
  ])('of the participle "%s" is "%s"', (pp, base) => {
    expect(baseOfParticiple(pp)).toBe(base);
  });
  it('no base for a word that is no gerund', () => {
    expect(baseOfGerund('ring')).toBeNull();
    expect(baseOfGerund('thing')).toBeNull();
  });
});
