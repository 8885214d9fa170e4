/** A revision writes new words in the document's own spelling, British or American. */
import { describe, expect, it } from 'vitest';
import { spellingOf, toBritish } from '../../../src-workers/rewrite/spelling';
import { opts, revise } from './helpers';

describe('spelling', () => {
  it('tells British from American spelling by the words that differ', () => {
    expect(spellingOf('We organise the programme around the colour of the centre.')).toBe('british');
    expect(spellingOf('We organize the program around the color of the center.')).toBe('american');
    // Words both varieties spell alike say nothing: American is the default.
    expect(spellingOf('The emphasis of the analysis is on exercise and advice.')).toBe('american');
  });

  it('puts words in British spelling, leaving words spelled alike as they are', () => {
    expect(toBritish('analyze')).toBe('analyse');
    expect(toBritish('Realized')).toBe('Realised');
    expect(toBritish('organizations')).toBe('organisations');
    expect(toBritish('center')).toBe('centre');
    for (const same of ['size', 'seize', 'prize', 'citizen', 'emphasis', 'horizon', 'surprise', 'exercise'])
      expect(toBritish(same)).toBe(same);
  });

  it('gives the words an edit writes the spelling of a British document, and keeps American elsewhere', async () => {
    // Before: "The council will analyze the data and organise a review of the programme."
    const british = 'The council will conduct an analysis of the data and organise a review of the programme.';
    expect((await revise(british, opts('standard', 2))).text).toBe(
      'The council will analyse the data and organise a review of the programme.',
    );
    const american = 'The council will conduct an analysis of the data and organize a review of the program.';
    expect((await revise(american, opts('standard', 2))).text).toBe(
      'The council will analyze the data and organize a review of the program.',
    );
  });
});
